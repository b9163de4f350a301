/**
 * What every part of the simulation may use: the sim clock, timers, the seeded random
 * stream, the registry and the event recorder. The cluster provides it.
 */
import type { Time } from './api/types.js';
import type { EventLog } from './events.js';
import type { Registry } from './registry.js';
import type { Rng } from './rng.js';
import type { Timer } from './timers.js';

export interface SimContext {
  readonly now: Time;
  /** Runs `fn` at sim time `time` (never earlier than now). */
  at(time: Time, fn: () => void): Timer;
  readonly rng: Rng;
  readonly registry: Registry;
  readonly events: EventLog;
  /** Milliseconds since the Unix epoch at sim time 0, for wall-clock renderings. */
  readonly epochMs: number;
}
