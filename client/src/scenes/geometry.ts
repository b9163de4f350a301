/**
 * The town's measurements in world units (the camera zooms to fit): apartments, floors,
 * walls and the ground. The art, the layout and the hit test all read these.
 */
export const G = {
  aptW: 30,
  aptH: 24,
  gapX: 6,
  floorH: 32,
  wall: 5,
  groundH: 44,
  roofH: 24,
  /** Depth of the cut-away under the street (basements live here). */
  under: 34,
  basementH: 26,
  /** Space left above a row for the town hall's pediment and the signs. */
  headroom: 46,
  buildingGap: 30,
  minFloors: 3,
  blockCols: 3,
  hallCols: 4,
  shopW: 38,
  shopH: 26,
  doorW: 18,
  /** The pending queue: suitcases waiting at the bus stop. */
  queueCols: 4,
  bagW: 14,
  bagH: 12,
} as const;

export type BuildingKind = 'hall' | 'block' | 'queue';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function buildingWidth(kind: BuildingKind, cols: number): number {
  if (kind === 'queue') return cols * (G.bagW + 4) + 28;
  return cols * G.aptW + (cols + 1) * G.gapX + 2 * G.wall;
}

/** Height above the ground line. */
export function buildingHeight(kind: BuildingKind, floors: number): number {
  if (kind === 'queue') return 64;
  return G.roofH + floors * G.floorH + G.groundH;
}
