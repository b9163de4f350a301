/**
 * A shift: the night from 00:00 to 06:00 played in a few real minutes. It owns the towns
 * (one per player in a competition or solo game, one for everyone in co-op), announces the
 * scenario's incidents to all at the same sim times, runs command lines (keeping a player's
 * terminal busy while slow work happens), drives the bots, and keeps the score. Pure: the
 * server feeds it real time and messages; the same inputs replay the same shift.
 */
import type { NightNumbers, OutputMessage } from '../protocol.js';
import { execute, newSession, prompt as promptOf } from '../shell/index.js';
import type { Follow, Session, ShellContext } from '../shell/types.js';
import { fnv1a32 } from '../sim/hash.js';
import { Rng } from '../sim/rng.js';
import { cloudProgram } from './cloud.js';
import type { BotKind, BotProgram, Output, TickerEntry } from './bots/common.js';
import { reconciler } from './bots/reconciler.js';
import { sysadmin } from './bots/sysadmin.js';
import { defaultTitle, planIncidents } from './incidents.js';
import { SHIFT_MS, demandAt, type Scenario, type ScheduledIncident } from './scenario.js';
import { rank, score } from './scoring.js';
import { Town } from './town.js';

export type Mode = 'competition' | 'coop' | 'solo';
export type Phase = 'lobby' | 'running' | 'paused' | 'finished';
export type PlayerKind = 'human' | BotKind;
export const SHIFT_MINUTES = [3, 6, 10] as const;

export interface MatchOptions {
  seed: number;
  scenario: Scenario;
  minutes: number;
  mode: Mode;
  /** The starter manifests every workspace begins with. */
  starterFiles: Record<string, string>;
}

/** A command's output for one player; `busyMs` is in sim ms here (the server converts it to real time). */
export interface MatchOutput extends OutputMessage {
  playerId: string;
}

interface Busy {
  id: number;
  /** Output held until the busy time is over, and its exit code. */
  text: string;
  exitCode: number;
  /** Sim time the terminal is free again (or the follow is first polled). */
  until: number;
  follow?: Follow;
  deadline: number;
}

interface BotState {
  program: BotProgram;
  rng: Rng;
  nextAt: number;
  pending?: Output;
  started: boolean;
  done: boolean;
}

export interface Player {
  id: string;
  name: string;
  kind: PlayerKind;
  townId: string;
  session: Session;
  connected: boolean;
  busy?: Busy;
  bot?: BotState;
  joinedAt: number;
}

export interface LeaderRow extends NightNumbers {
  id: string;
  name: string;
  kind: PlayerKind;
  townId: string;
  incidents: number;
  recovered: number;
  meanRecoverMs?: number;
  rank: number;
  connected: boolean;
}

/** Real milliseconds a bot spends reading and typing a command, as a person might. */
const BOT_THINK_MS: [number, number] = [2500, 5500];
const POLL_MS = 1000;
/** Sim time advanced at most per sub-step, so commands, bots and incidents interleave finely. */
const SUBSTEP_MS = 5000;

export class Match {
  phase: Phase = 'lobby';
  simTime = 0;
  readonly players = new Map<string, Player>();
  readonly towns = new Map<string, Town>();
  readonly ticker: TickerEntry[] = [];
  private outputs: MatchOutput[] = [];
  private plan: ScheduledIncident[] = [];
  private nextIncident = 0;
  private order = 0;

  constructor(public options: MatchOptions) {
    this.plan = planIncidents(options.scenario, options.seed);
  }

  get scenario(): Scenario {
    return this.options.scenario;
  }

  /** Sim ms per real ms (60 for a 6-minute shift). */
  get speed(): number {
    return SHIFT_MS / (this.options.minutes * 60_000);
  }

  // ------------------------------------------------------------------ lobby

  /** Changes scenario, length or mode before the shift starts; every town is rebuilt. */
  configure(next: Partial<Pick<MatchOptions, 'scenario' | 'minutes' | 'mode'>>): string | undefined {
    if (this.phase !== 'lobby') return 'settings can only change in the lobby';
    if (next.mode === 'coop' && [...this.players.values()].some((p) => p.kind !== 'human')) return 'bots cannot join a co-op shift: remove them first';
    for (const [k, v] of Object.entries(next)) if (v !== undefined) (this.options as unknown as Record<string, unknown>)[k] = v;
    this.plan = planIncidents(this.options.scenario, this.options.seed);
    this.towns.clear();
    for (const p of this.players.values()) {
      p.townId = this.townFor(p.id);
      this.ensureTown(p.townId);
      p.session = newSession(p.session.user, this.options.starterFiles);
      if (p.bot) p.bot = this.newBot(p.id, p.kind as BotKind);
    }
    return undefined;
  }

  addPlayer(id: string, name: string, kind: PlayerKind = 'human'): Player | string {
    if (this.players.has(id)) return this.players.get(id)!;
    if (kind !== 'human' && this.options.mode === 'coop') return 'bots cannot join a co-op shift';
    if (this.options.mode === 'solo' && kind === 'human' && [...this.players.values()].some((p) => p.kind === 'human')) return 'a solo shift has one player';
    const townId = this.townFor(id);
    this.ensureTown(townId);
    const p: Player = {
      id,
      name,
      kind,
      townId,
      session: newSession(userName(name), this.options.starterFiles),
      connected: true,
      joinedAt: this.order++,
    };
    if (kind !== 'human') p.bot = this.newBot(id, kind);
    this.players.set(id, p);
    return p;
  }

  removePlayer(id: string): void {
    const p = this.players.get(id);
    if (!p) return;
    this.players.delete(id);
    if (this.options.mode !== 'coop' && this.phase === 'lobby') this.towns.delete(p.townId);
  }

  private townFor(playerId: string): string {
    return this.options.mode === 'coop' ? 'team' : playerId;
  }

  private ensureTown(id: string): Town {
    let t = this.towns.get(id);
    if (!t) this.towns.set(id, (t = new Town(id, this.scenario, this.options.seed, this.plan)));
    return t;
  }

  private newBot(id: string, kind: BotKind): BotState {
    const p = this.players.get(id);
    const servers = Array.from({ length: this.scenario.workers }, (_, i) => `node-${i + 1}`);
    const files = new Map(Object.entries(this.options.starterFiles));
    const view = { clock: () => this.simTime, ticker: () => this.ticker, servers, files };
    void p;
    return { program: kind === 'sysadmin' ? sysadmin(view) : reconciler(view), rng: new Rng(fnv1a32(`${this.options.seed}/${id}`)), nextAt: 0, started: false, done: false };
  }

  // ------------------------------------------------------------------ phases

  start(): string | undefined {
    if (this.phase !== 'lobby') return `cannot start: the shift is ${this.phase}`;
    if (!this.players.size) return 'cannot start: nobody has joined';
    this.phase = 'running';
    return undefined;
  }

  pause(): string | undefined {
    if (this.phase !== 'running') return `cannot pause: the shift is ${this.phase}`;
    this.phase = 'paused';
    return undefined;
  }

  resume(): string | undefined {
    if (this.phase !== 'paused') return `cannot resume: the shift is ${this.phase}`;
    this.phase = 'running';
    return undefined;
  }

  end(): void {
    this.phase = 'finished';
  }

  // ------------------------------------------------------------------ time

  /** Moves the shift on by `realMs` of wall time (sim time runs `speed` times faster). */
  advance(realMs: number): void {
    if (this.phase !== 'running') return;
    this.advanceSim(realMs * this.speed);
  }

  /** Moves the shift on by sim time directly (headless runs, tests). */
  advanceSim(simMs: number): void {
    if (this.phase !== 'running') return;
    const target = Math.min(SHIFT_MS, this.simTime + simMs);
    while (this.simTime < target) {
      const t = Math.min(target, this.simTime + SUBSTEP_MS);
      this.announce(t);
      const rps = demandAt(this.scenario, t);
      for (const town of this.towns.values()) town.step(t, rps);
      this.simTime = t;
      this.pollFollows();
      this.driveBots();
    }
    if (this.simTime >= SHIFT_MS) this.phase = 'finished';
  }

  /** Incidents due by `t` go on the pager (the towns do them to their clusters on their own timers). */
  private announce(t: number): void {
    while (this.nextIncident < this.plan.length && this.plan[this.nextIncident].at <= t) {
      const i = this.plan[this.nextIncident++];
      if (i.type === 'badRelease' && !i.title) continue;
      this.ticker.push({ at: i.at, type: i.type, title: i.title ?? defaultTitle(i), message: i.message, node: i.node, tag: i.tag, factor: i.factor, durationMs: i.durationMs });
    }
  }

  // ------------------------------------------------------------------ commands

  /** Runs a command line for a player. Its output comes back through `takeOutputs`. */
  exec(playerId: string, id: number, line: string, files?: Record<string, string>): void {
    const p = this.players.get(playerId);
    if (!p) return;
    const say = (text: string, exitCode = 1): void => {
      this.outputs.push({ playerId, id, text, exitCode, busyMs: 0, done: true, prompt: promptOf(p.session) });
    };
    if (this.phase === 'lobby') return say('The shift has not started yet: waiting for the host.\n');
    if (this.phase === 'paused') return say('The shift is paused.\n');
    if (this.phase === 'finished') return say('The shift is over. See the results.\n');
    if (p.busy) return say(`bash: your terminal is busy for another ${Math.ceil((p.busy.until - this.simTime) / 1000)} s\n`);
    if (files) for (const [name, text] of Object.entries(files)) p.session.files.set(name, text);
    const town = this.towns.get(p.townId)!;
    const ctx: ShellContext = { cluster: town.cluster, session: p.session, programs: { cloud: { run: cloudProgram(town), help: 'your hosting provider: cloud servers list, cloud servers create' } } };
    const r = execute(ctx, line);
    town.stats.commands++;
    if (r.effect === 'manual') town.stats.manualCommands++;
    if (r.effect === 'declarative') town.stats.declarativeChanges++;
    const done = !r.busyMs && !r.follow;
    // Slow work with nothing to follow (ssh connecting, a server booting) prints when it is done.
    const later = !done && !r.follow;
    this.outputs.push({ playerId, id, text: later ? '' : r.text, exitCode: r.exitCode, busyMs: r.busyMs, progress: r.progress, done, clear: r.clear, prompt: promptOf(p.session) });
    if (!done) p.busy = { id, until: this.simTime + r.busyMs, follow: r.follow, deadline: this.simTime + r.busyMs + (r.follow?.timeoutMs ?? 0), text: later ? r.text : '', exitCode: r.exitCode };
  }

  private pollFollows(): void {
    for (const p of this.players.values()) {
      const b = p.busy;
      if (!b || this.simTime < b.until) continue;
      if (!b.follow) {
        p.busy = undefined;
        this.finishFor(p, b.id, b.text, b.exitCode);
        continue;
      }
      const r = b.follow.poll(this.simTime);
      if (r.done || this.simTime >= b.deadline) {
        p.busy = undefined;
        this.finishFor(p, b.id, r.text, r.exitCode ?? (r.done ? 0 : 1));
      } else {
        if (r.text) this.outputs.push({ playerId: p.id, id: b.id, text: r.text, exitCode: 0, busyMs: 0, done: false, prompt: promptOf(p.session) });
        b.until = this.simTime + POLL_MS;
      }
    }
  }

  private finishFor(p: Player, id: number, text: string, exitCode: number): void {
    this.outputs.push({ playerId: p.id, id, text, exitCode, busyMs: 0, done: true, prompt: promptOf(p.session) });
    if (p.bot) p.bot.pending = { text: (p.bot.pending?.text ?? '') + text, exitCode };
  }

  takeOutputs(): MatchOutput[] {
    const o = this.outputs;
    this.outputs = [];
    return o;
  }

  // ------------------------------------------------------------------ bots

  private driveBots(): void {
    for (const p of this.players.values()) {
      const b = p.bot;
      if (!b || b.done || p.busy || this.simTime < b.nextAt) continue;
      const step = b.started ? b.program.next(b.pending ?? { text: '', exitCode: 0 }) : b.program.next(undefined as never);
      b.started = true;
      b.pending = undefined;
      if (step.done) {
        b.done = true;
        continue;
      }
      const a = step.value;
      const think = (BOT_THINK_MS[0] + b.rng.next() * (BOT_THINK_MS[1] - BOT_THINK_MS[0])) * this.speed;
      if (typeof a === 'object' && 'pauseSeconds' in a) {
        b.nextAt = this.simTime + a.pauseSeconds * 1000 * this.speed;
        continue;
      }
      const line = typeof a === 'string' ? a : a.line;
      const files = typeof a === 'string' ? undefined : a.files;
      const before = this.outputs.length;
      this.exec(p.id, -1, line, files);
      // What the bot sees: the immediate output (and, if the command keeps working, the rest later).
      const out = this.outputs.slice(before).filter((o) => o.playerId === p.id);
      b.pending = { text: out.map((o) => o.text).join(''), exitCode: out.at(-1)?.exitCode ?? 0 };
      b.nextAt = this.simTime + think;
    }
  }

  // ------------------------------------------------------------------ scores

  leaderboard(): LeaderRow[] {
    const rows = [...this.players.values()].map((p) => {
      const t = this.towns.get(p.townId)!;
      const hurt = t.incidents.filter((i) => i.hitAt !== undefined);
      return {
        id: p.id,
        name: p.name,
        kind: p.kind,
        townId: p.townId,
        score: score(t),
        availability: t.availability,
        served: t.stats.served,
        lost: t.stats.lost,
        manual: t.stats.manualCommands,
        declarative: t.stats.declarativeChanges,
        commands: t.stats.commands,
        cost: t.extraCost,
        incidents: t.incidents.length,
        recovered: hurt.filter((i) => i.recoveredAt !== undefined).length,
        meanRecoverMs: t.meanTimeToRecover(),
        connected: p.connected,
      };
    });
    return rank(rows);
  }
}

/** A login name from a nickname: lowercase letters and digits, like `useradd` wants. */
export function userName(nick: string): string {
  const u = nick
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 16);
  return u || 'you';
}
