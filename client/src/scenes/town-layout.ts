/**
 * Where each building stands: the town hall first, then the apartment blocks in name order,
 * then the bus stop where unscheduled pods wait, wrapped into as many streets as make the
 * town largest on screen. Pure, so it is cheap to recompute when a building grows a floor.
 */
import { G, buildingHeight, buildingWidth, type BuildingKind, type Rect } from './geometry.js';

export interface BuildingSpec {
  name: string;
  kind: BuildingKind;
  floors: number;
  cols: number;
}

export interface Box extends BuildingSpec {
  x: number;
  /** y of the ground line (the building stands above it, its basement below). */
  ground: number;
  w: number;
  h: number;
  row: number;
}

export interface TownLayout {
  boxes: Map<string, Box>;
  width: number;
  height: number;
  rows: number;
  /** Ground line and x extent of each street. */
  streets: { ground: number; x0: number; x1: number }[];
  zoom: number;
}

const PAD = 24;
const MAX_ROWS = 6;

export function layoutTown(specs: BuildingSpec[], viewW: number, viewH: number): TownLayout {
  const n = specs.length;
  let best: TownLayout | undefined;
  for (let rows = 1; rows <= Math.min(MAX_ROWS, Math.max(1, n)); rows++) {
    const l = arrange(specs, rows);
    l.zoom = Math.min((viewW - 2 * PAD) / Math.max(1, l.width), (viewH - 2 * PAD) / Math.max(1, l.height));
    if (!best || l.zoom > best.zoom * 1.02) best = l;
  }
  const out = best ?? arrange([], 1);
  out.zoom = Math.max(0.15, Math.min(3, out.zoom || 1));
  return out;
}

function arrange(specs: BuildingSpec[], rows: number): TownLayout {
  const widths = specs.map((s) => buildingWidth(s.kind, s.cols));
  const total = widths.reduce((a, w) => a + w + G.buildingGap, 0);
  const target = total / rows;
  const rowsOf: number[][] = [[]];
  let acc = 0;
  specs.forEach((_, i) => {
    const w = widths[i] + G.buildingGap;
    if (acc > 0 && acc + w / 2 > target && rowsOf.length < rows) {
      rowsOf.push([]);
      acc = 0;
    }
    rowsOf[rowsOf.length - 1].push(i);
    acc += w;
  });
  const boxes = new Map<string, Box>();
  const streets: TownLayout['streets'] = [];
  let y = 0;
  let width = 0;
  rowsOf.forEach((idx, row) => {
    const tallest = Math.max(0, ...idx.map((i) => buildingHeight(specs[i].kind, specs[i].floors)));
    const ground = y + G.headroom + tallest;
    let x = G.buildingGap / 2;
    for (const i of idx) {
      const s = specs[i];
      boxes.set(s.name, { ...s, x, ground, w: widths[i], h: buildingHeight(s.kind, s.floors), row });
      x += widths[i] + G.buildingGap;
    }
    streets.push({ ground, x0: 0, x1: x - G.buildingGap / 2 });
    width = Math.max(width, x - G.buildingGap / 2);
    y = ground + G.under;
  });
  for (const s of streets) s.x1 = width;
  return { boxes, width, height: y, rows: rowsOf.length, streets, zoom: 1 };
}

/** Apartment `slot` of a building: slot 0 is the left window of the lowest floor. */
export function slotRect(b: Box, slot: number): Rect {
  if (b.kind === 'queue') {
    const c = slot % b.cols;
    const r = Math.floor(slot / b.cols);
    return { x: b.x + 24 + c * (G.bagW + 4), y: b.ground - 6 - (r + 1) * (G.bagH + 3), w: G.bagW, h: G.bagH };
  }
  const c = slot % b.cols;
  const r = Math.floor(slot / b.cols);
  const x = b.x + G.wall + G.gapX + c * (G.aptW + G.gapX);
  const y = b.ground - G.groundH - (r + 1) * G.floorH + (G.floorH - G.aptH) / 2;
  return { x, y, w: G.aptW, h: G.aptH };
}

/** A ground-floor shop (a container started by hand): 0 left of the door, 1 right of it. */
export function shopRect(b: Box, i: number): Rect {
  const y = b.ground - G.shopH - 6;
  const x = i === 0 ? b.x + G.wall + 5 : b.x + b.w - G.wall - 5 - G.shopW;
  return { x, y, w: G.shopW, h: G.shopH };
}

export function slotsOf(b: Box): number {
  return b.kind === 'queue' ? b.cols * 3 : b.floors * b.cols;
}

export type Hit = { building: string; slot?: number; shop?: number };

/** What is under a world point: a building, and maybe one of its apartments or shops. */
export function hitTest(l: TownLayout, x: number, y: number): Hit | undefined {
  for (const b of l.boxes.values()) {
    const top = b.ground - b.h - (b.kind === 'hall' ? 30 : 0);
    if (x < b.x || x > b.x + b.w || y < top || y > b.ground + G.basementH + 4) continue;
    const n = slotsOf(b);
    for (let s = 0; s < n; s++) {
      const r = slotRect(b, s);
      if (x >= r.x - 2 && x <= r.x + r.w + 2 && y >= r.y - 2 && y <= r.y + r.h + 2) return { building: b.name, slot: s };
    }
    if (b.kind === 'block') {
      for (let i = 0; i < 2; i++) {
        const r = shopRect(b, i);
        if (x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h) return { building: b.name, shop: i };
      }
    }
    return { building: b.name };
  }
  return undefined;
}
