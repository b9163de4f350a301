/**
 * The room state as the client reads it. These mirror `server/state.ts` field for field, as
 * read-only views: the colyseus.js decoder fills objects of this shape, and the bench mode
 * builds plain ones, so one renderer serves both. The client never needs the schema classes.
 */

/** What a MapSchema and a Map have in common. */
export interface MapLike<T> {
  get(key: string): T | undefined;
  has(key: string): boolean;
  forEach(cb: (value: T, key: string) => void): void;
  readonly size: number;
}

/** What an ArraySchema and an Array have in common. */
export interface ListLike<T> {
  readonly length: number;
  at(index: number): T | undefined;
  forEach(cb: (value: T, index: number) => void): void;
}

export interface ContainerView {
  name: string;
  image: string;
  /** running | waiting | terminated */
  state: string;
  reason: string;
  ready: boolean;
  restarts: number;
}

export interface PodView {
  name: string;
  namespace: string;
  node: string;
  /** The STATUS word of `kubectl get pods`. */
  status: string;
  ready: string;
  restarts: number;
  app: string;
  terminating: boolean;
  containers: ListLike<ContainerView>;
}

export interface HandContainerView {
  name: string;
  image: string;
  /** running | exited | restarting | created */
  state: string;
  exitCode: number;
  ports: string;
}

export interface NodeView {
  name: string;
  role: string;
  /** Ready, NotReady, Booting, with `,SchedulingDisabled` when cordoned. */
  status: string;
  /** on | off | booting */
  power: string;
  cordoned: boolean;
  diskPressure: boolean;
  diskPct: number;
  cpuPct: number;
  hand: MapLike<HandContainerView>;
}

export interface EventView {
  /** Order of arrival; the server keeps events in a ring of slots (0: an empty slot). */
  seq?: number;
  at: number;
  type: string;
  reason: string;
  object: string;
  message: string;
  count: number;
}

export interface TownView {
  id: string;
  nodes: MapLike<NodeView>;
  pods: MapLike<PodView>;
  events: ListLike<EventView>;
  controlPlaneUp: boolean;
  demand: number;
  served: number;
  viaService: number;
  viaLoadBalancer: number;
}

export interface PlayerView {
  name: string;
  /** human | sysadmin | reconciler */
  kind: string;
  connected: boolean;
  score: number;
  /** Hundredths of a percent (9950 = 99.50 %). */
  availability: number;
  rank: number;
  town: string;
  manual: number;
  declarative: number;
  incidents: number;
  cost: number;
  series: ListLike<number>;
}

export interface TickerView {
  at: number;
  type: string;
  title: string;
  titleEs: string;
  message: string;
  messageEs: string;
}

export type Phase = 'lobby' | 'running' | 'paused' | 'finished';

export interface ShiftView {
  phase: Phase;
  clock: number;
  code: string;
  scenario: string;
  minutes: number;
  mode: string;
  host: string;
  spectators: number;
  players: MapLike<PlayerView>;
  ticker: ListLike<TickerView>;
  towns: MapLike<TownView>;
}

/** The town this client may see (its own; the team's in co-op). */
export function ownTown(s: ShiftView, sessionId: string): TownView | undefined {
  const id = s.players.get(sessionId)?.town;
  const t = id ? s.towns.get(id) : undefined;
  if (t) return t;
  let first: TownView | undefined;
  s.towns.forEach((v) => (first ??= v));
  return first;
}

/** The town's events oldest first, skipping empty slots of the server's ring. */
export function eventsInOrder(list: ListLike<EventView>): EventView[] {
  const out: EventView[] = [];
  let ring = false;
  list.forEach((e) => {
    if (e.seq !== undefined) ring = true;
    if (e.seq !== 0) out.push(e);
  });
  return ring ? out.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)) : out;
}

/** Players sorted by rank, then name. */
export function ranked(s: ShiftView): { id: string; p: PlayerView }[] {
  const rows: { id: string; p: PlayerView }[] = [];
  s.players.forEach((p, id) => rows.push({ id, p }));
  return rows.sort((a, b) => (a.p.rank || 999) - (b.p.rank || 999) || a.p.name.localeCompare(b.p.name));
}
