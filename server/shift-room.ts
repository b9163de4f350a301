/**
 * The `shift` room: a thin adapter over shared/match. Messages come in (validated, rate
 * limited, host-only ones checked), real time is fed to the match on a 10 Hz tick, command
 * output goes back to whoever typed it, and the match is mirrored into the synchronised
 * state. The room's id is its join code.
 */
import crypto from 'node:crypto';
import { Room, type Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { Match, type LeaderRow, type PlayerKind } from '../shared/match/match.js';
import { SHIFT_MS, formatClock, localized, type Scenario } from '../shared/match/scenario.js';
import { SCORE_RULE } from '../shared/match/scoring.js';
import { CLIENT_MESSAGES, CODE_ALPHABET, CODE_LENGTH, LIMITS, cleanName, joinOptions, type ClientMessageType, type ErrorMessage, type OutputMessage, type ReportMessage, type ResultsMessage, type WelcomeMessage } from '../shared/protocol.js';
import { TokenBucket } from './rate-limit.js';
import { tokenHash, type ResultsStore } from './results.js';
import { PlayerState, ShiftState, TickerState } from './state.js';
import { TownSync } from './town-sync.js';

export interface RoomDeps {
  scenarios: Map<string, Scenario>;
  starterFiles: Record<string, string>;
  results: ResultsStore;
  /** Observes rooms for /metrics (optional). */
  metrics?: RoomMetrics;
  /** Tick period, real ms. */
  tickMs?: number;
  /** Runs shifts this many times faster than their length says (tests and benchmarks only). */
  timeScale?: number;
}

export interface RoomMetrics {
  tick(ms: number): void;
  message(type: string, rejected: boolean): void;
  shiftRunning(delta: number): void;
}

let deps: RoomDeps | undefined;
/** The process's dependencies for its rooms (set once by the server). */
export function setRoomDeps(d: RoomDeps): void {
  deps = d;
}

const MAX_SPECTATORS = 30;
/** The simulation and the patches run at 5 Hz: a 6-minute shift moves 12 sim seconds a tick. */
const TICK_MS = 200;
const SUMMARY_EVERY_MS = 1000;
const CODES_KEY = 'kubetown:codes';

type Role = 'host' | 'player' | 'spectator';

interface Seat {
  role: Role;
  commands: TokenBucket;
  bytes: TokenBucket;
  player: boolean;
}

export class ShiftRoom extends Room<ShiftState> {
  override maxClients = LIMITS.maxPlayers + MAX_SPECTATORS;
  override state = new ShiftState();
  private match!: Match;
  private syncs = new Map<string, TownSync>();
  private seats = new Map<string, Seat>();
  private hostToken = crypto.randomBytes(24).toString('hex');
  private sinceSummary = Infinity;
  private tickerSent = 0;
  private saved = false;
  private botCount = 0;
  private lastServed = new Map<string, number>();
  private lastDemanded = new Map<string, number>();
  private wasRunning = false;
  private deps!: RoomDeps;

  override async onCreate(rawOptions: unknown): Promise<void> {
    if (!deps) throw new Error('room dependencies not set');
    this.deps = deps;
    const parsed = joinOptions.safeParse(rawOptions ?? {});
    const o = parsed.success ? parsed.data : {};
    const scenario = this.deps.scenarios.get(o.scenario ?? '3am') ?? this.deps.scenarios.get('3am') ?? [...this.deps.scenarios.values()][0];
    if (!scenario) throw new Error('no scenarios loaded');
    this.roomId = await this.uniqueCode();
    const seed = o.seed ?? crypto.randomInt(1, 2 ** 31);
    this.match = new Match({ seed, scenario, minutes: o.minutes ?? 6, mode: o.mode ?? 'competition', starterFiles: this.deps.starterFiles });
    this.state.code = this.roomId;
    this.state.scenario = scenario.name;
    this.state.minutes = this.match.options.minutes;
    this.state.mode = this.match.options.mode;
    this.setPatchRate(this.deps.tickMs ?? TICK_MS);
    this.setSimulationInterval((dt) => this.tick(dt), this.deps.tickMs ?? TICK_MS);
    for (const [type, spec] of Object.entries(CLIENT_MESSAGES)) {
      this.onMessage(type, (client, message) => this.receive(client, type as ClientMessageType, message, spec));
    }
    this.onMessage('*', (client, type) => this.refuse(client, { code: 'unknown', message: `unknown message type "${String(type).slice(0, 40)}"`, type: String(type).slice(0, 40) }));
  }

  /** Five unambiguous letters, unique across every process sharing the presence. */
  private async uniqueCode(): Promise<string> {
    for (let attempt = 0; attempt < 50; attempt++) {
      let code = '';
      for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
      if (await this.presence.sismember(CODES_KEY, code)) continue;
      const added = await this.presence.sadd(CODES_KEY, code);
      if (added === 0) continue;
      return code;
    }
    throw new Error('could not find a free join code');
  }

  override onAuth(_client: Client, rawOptions: unknown): boolean {
    const o = joinOptions.safeParse(rawOptions ?? {});
    if (!o.success) throw new Error(`invalid join options: ${o.error.issues[0]?.message ?? 'malformed'}`);
    const spectators = [...this.seats.values()].filter((s) => s.role === 'spectator').length;
    const players = [...this.seats.values()].filter((s) => s.player).length;
    if (o.data.spectator && spectators >= MAX_SPECTATORS) throw new Error('this room has no more room for spectators');
    if (!o.data.spectator && players >= LIMITS.maxPlayers) throw new Error(`this room is full (${LIMITS.maxPlayers} players)`);
    return true;
  }

  override onJoin(client: Client, rawOptions: unknown): void {
    const o = joinOptions.parse(rawOptions ?? {});
    const now = Date.now();
    const first = this.state.host === '';
    const reclaim = !!o.hostToken && o.hostToken === this.hostToken;
    const isHost = first || reclaim;
    if (reclaim && this.state.host && this.state.host !== client.sessionId) this.demoteHost(this.state.host);
    const plays = !o.spectator && (!isHost || this.match.options.mode === 'solo' || o.play === true || (reclaim && this.match.players.has(client.sessionId)));
    const role: Role = isHost ? 'host' : o.spectator ? 'spectator' : 'player';
    this.seats.set(client.sessionId, {
      role,
      player: plays,
      commands: new TokenBucket(LIMITS.commandsPerSecond, LIMITS.commandBurst, now),
      bytes: new TokenBucket(LIMITS.bytesPerSecond, LIMITS.bytesPerSecond, now),
    });
    if (isHost) this.state.host = client.sessionId;
    client.view = new StateView();
    if (plays) {
      const name = this.uniqueName(cleanName(o.name) || `player-${this.match.players.size + 1}`);
      const p = this.match.addPlayer(client.sessionId, name);
      if (typeof p === 'string') {
        this.refuse(client, { code: 'state', message: p });
        this.seats.get(client.sessionId)!.player = false;
      } else {
        this.addPlayerState(client.sessionId, name, 'human');
        this.showTown(client, p.townId);
      }
    }
    this.state.spectators = [...this.seats.values()].filter((s) => s.role === 'spectator').length;
    const player = this.match.players.get(client.sessionId);
    const welcome: WelcomeMessage = {
      sessionId: client.sessionId,
      role,
      code: this.roomId,
      prompt: player ? `${player.session.user}@town:~$ ` : '',
      files: Object.fromEntries(player?.session.files ?? []),
      scenarios: [...this.deps.scenarios.values()].map((s) => ({ name: s.name, title: s.title, description: s.description, difficulty: s.difficulty })),
      scoreRule: SCORE_RULE,
    };
    if (isHost) welcome.hostToken = this.hostToken;
    client.send('welcome', welcome);
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const ps = this.state.players.get(client.sessionId);
    if (ps) ps.connected = false;
    const p = this.match.players.get(client.sessionId);
    if (p) p.connected = false;
    if (!consented) {
      try {
        const back = await this.allowReconnection(client, 60);
        if (ps) ps.connected = true;
        if (p) {
          p.connected = true;
          back.view ??= new StateView();
          this.showTown(back, p.townId);
        }
        return;
      } catch {
        // Gone for good: the seat stays in the results as disconnected.
      }
    }
    if (this.match.phase === 'lobby' && p) {
      this.match.removePlayer(client.sessionId);
      this.state.players.delete(client.sessionId);
      this.dropUnusedTowns();
    }
    this.seats.delete(client.sessionId);
    this.state.spectators = [...this.seats.values()].filter((s) => s.role === 'spectator').length;
  }

  /** The process is shutting down: say so, keep what was played, then let everyone go. */
  override onBeforeShutdown(): void {
    this.broadcast('notice', { code: 'shutdown', message: 'The server is restarting. Your shift so far has been saved.' });
    if (this.match.phase !== 'lobby') this.saveNow();
    this.disconnect(4001);
  }

  /** A bug in a handler is logged; the room and everyone's shift go on. */
  override onUncaughtException(error: unknown, methodName: string): void {
    console.error(`shift ${this.roomId}: uncaught error in ${methodName}:`, error);
  }

  override onDispose(): void {
    if (this.wasRunning) this.deps.metrics?.shiftRunning(-1);
    void this.presence.srem(CODES_KEY, this.roomId);
  }

  // ------------------------------------------------------------------ messages

  private receive(client: Client, type: ClientMessageType, message: unknown, spec: (typeof CLIENT_MESSAGES)[ClientMessageType]): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    const now = Date.now();
    const size = approximateSize(message);
    if (size > LIMITS.filesBytesPerMessage + LIMITS.lineChars + 1024) return this.refuse(client, { code: 'too-large', message: `message too large (${size} bytes; at most ${LIMITS.filesBytesPerMessage + LIMITS.lineChars + 1024})`, type });
    if (!seat.bytes.take(size, now)) return this.refuse(client, { code: 'rate-limited', message: `rate limit: at most ${LIMITS.bytesPerSecond / 1024} KiB per second`, type });
    if (type === 'exec' && !seat.commands.take(1, now)) return this.refuse(client, { code: 'rate-limited', message: `rate limit: at most ${LIMITS.commandsPerSecond} commands per second`, type });
    const parsed = spec.schema.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.refuse(client, { code: 'invalid', message: `invalid ${type} message: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'malformed'}`, type });
    }
    if (spec.host && this.state.host !== client.sessionId) return this.refuse(client, { code: 'forbidden', message: `only the host can ${type}`, type });
    this.deps.metrics?.message(type, false);
    const data = parsed.data as never;
    switch (type) {
      case 'exec':
        return this.exec(client, data);
      case 'start':
        return this.phaseChange(client, type, this.match.start());
      case 'pause':
        return this.phaseChange(client, type, this.match.pause());
      case 'resume':
        return this.phaseChange(client, type, this.match.resume());
      case 'end':
        this.match.end();
        return this.phaseChange(client, type, undefined);
      case 'settings':
        return this.settings(client, data);
      case 'kick':
        return this.kick(client, data);
      case 'bot':
        return this.bot(client, data);
    }
  }

  private refuse(client: Client, e: ErrorMessage): void {
    this.deps.metrics?.message(e.type ?? 'unknown', true);
    client.send('error', e);
  }

  private exec(client: Client, m: { id: number; line: string; files?: Record<string, string> }): void {
    if (!this.match.players.has(client.sessionId)) return this.refuse(client, { code: 'state', message: 'spectators cannot run commands', type: 'exec' });
    this.match.exec(client.sessionId, m.id, m.line, m.files);
    this.flushOutputs();
  }

  private phaseChange(client: Client, type: string, error: string | undefined): void {
    if (error) return this.refuse(client, { code: 'state', message: error, type });
    this.state.phase = this.match.phase;
    this.sinceSummary = Infinity;
  }

  private settings(client: Client, m: { scenario?: string; minutes?: 3 | 6 | 10; mode?: 'competition' | 'coop' | 'solo' }): void {
    const scenario = m.scenario === undefined ? undefined : this.deps.scenarios.get(m.scenario);
    if (m.scenario !== undefined && !scenario) return this.refuse(client, { code: 'invalid', message: `unknown scenario "${m.scenario}"; there are: ${[...this.deps.scenarios.keys()].join(', ')}`, type: 'settings' });
    const err = this.match.configure({ scenario, minutes: m.minutes, mode: m.mode });
    if (err) return this.refuse(client, { code: 'state', message: err, type: 'settings' });
    this.state.scenario = this.match.scenario.name;
    this.state.minutes = this.match.options.minutes;
    this.state.mode = this.match.options.mode;
    // Every town was rebuilt: show each player their new one.
    this.syncs.clear();
    this.state.towns.clear();
    for (const p of this.match.players.values()) {
      const ps = this.state.players.get(p.id);
      if (ps) ps.town = p.townId;
      const c = this.clients.find((x) => x.sessionId === p.id);
      if (c) {
        c.view = new StateView();
        this.showTown(c, p.townId);
        c.send('files', Object.fromEntries(p.session.files));
      } else this.ensureSync(p.townId);
    }
    this.sinceSummary = Infinity;
  }

  private kick(client: Client, m: { sessionId: string }): void {
    if (m.sessionId === client.sessionId) return this.refuse(client, { code: 'invalid', message: 'the host cannot kick themselves', type: 'kick' });
    const target = this.clients.find((c) => c.sessionId === m.sessionId);
    const p = this.match.players.get(m.sessionId);
    if (!target && !p) return this.refuse(client, { code: 'invalid', message: `no player with session ${m.sessionId}`, type: 'kick' });
    this.match.removePlayer(m.sessionId);
    this.state.players.delete(m.sessionId);
    this.dropUnusedTowns();
    target?.leave(4000, 'kicked by the host');
  }

  private bot(client: Client, m: { kind: 'sysadmin' | 'reconciler'; remove?: boolean }): void {
    if (m.remove) {
      const id = [...this.match.players.values()].reverse().find((p) => p.kind === m.kind)?.id;
      if (!id) return this.refuse(client, { code: 'invalid', message: `there is no ${m.kind} bot`, type: 'bot' });
      this.match.removePlayer(id);
      this.state.players.delete(id);
      this.dropUnusedTowns();
      return;
    }
    const id = `bot-${m.kind}-${++this.botCount}`;
    const name = this.uniqueName(m.kind === 'sysadmin' ? 'Sysadmin bot' : 'Reconciler bot');
    const p = this.match.addPlayer(id, name, m.kind);
    if (typeof p === 'string') return this.refuse(client, { code: 'state', message: p, type: 'bot' });
    this.addPlayerState(id, name, m.kind);
    this.ensureSync(p.townId);
  }

  // ------------------------------------------------------------------ state

  private uniqueName(base: string): string {
    const taken = new Set([...this.match.players.values()].map((p) => p.name.toLowerCase()));
    if (!taken.has(base.toLowerCase())) return base;
    for (let i = 2; ; i++) {
      const n = `${base.slice(0, LIMITS.nameChars - 4)} (${i})`;
      if (!taken.has(n.toLowerCase())) return n;
    }
  }

  private addPlayerState(id: string, name: string, kind: PlayerKind): void {
    const ps = new PlayerState();
    ps.name = name;
    ps.kind = kind;
    ps.town = this.match.players.get(id)!.townId;
    this.state.players.set(id, ps);
    this.sinceSummary = Infinity;
  }

  private ensureSync(townId: string): TownSync {
    let s = this.syncs.get(townId);
    if (!s) {
      s = new TownSync(this.match.towns.get(townId)!);
      this.syncs.set(townId, s);
      this.state.towns.set(townId, s.state);
      s.sync(0, 0);
    }
    return s;
  }

  private showTown(client: Client, townId: string): void {
    const s = this.ensureSync(townId);
    client.view!.add(s.state);
  }

  private demoteHost(sessionId: string): void {
    const seat = this.seats.get(sessionId);
    if (seat) seat.role = seat.player ? 'player' : 'spectator';
  }

  private dropUnusedTowns(): void {
    const used = new Set([...this.match.players.values()].map((p) => p.townId));
    for (const id of [...this.syncs.keys()]) {
      if (used.has(id)) continue;
      this.syncs.delete(id);
      this.state.towns.delete(id);
    }
  }

  // ------------------------------------------------------------------ the tick

  private tick(dt: number): void {
    const t0 = performance.now();
    const m = this.match;
    m.advance(dt * (this.deps.timeScale ?? 1));
    this.flushOutputs();
    const s = this.state;
    if (s.phase !== m.phase) {
      s.phase = m.phase;
      this.sinceSummary = Infinity;
    }
    if (s.clock !== m.simTime) s.clock = m.simTime;
    const running = m.phase === 'running';
    if (running !== this.wasRunning) {
      this.deps.metrics?.shiftRunning(running ? 1 : -1);
      this.wasRunning = running;
    }
    const simDt = Math.max(1, dt * (this.deps.timeScale ?? 1) * m.speed);
    for (const [id, sync] of this.syncs) {
      const town = m.towns.get(id);
      if (!town) continue;
      const served = town.stats.served - (this.lastServed.get(id) ?? 0);
      const demanded = town.stats.demanded - (this.lastDemanded.get(id) ?? 0);
      this.lastServed.set(id, town.stats.served);
      this.lastDemanded.set(id, town.stats.demanded);
      sync.sync((demanded * 1000) / simDt, (served * 1000) / simDt);
    }
    while (this.tickerSent < m.ticker.length) {
      const e = m.ticker[this.tickerSent++];
      const t = new TickerState();
      t.at = e.at;
      t.type = e.type;
      t.title = localized(e.title, 'en');
      t.titleEs = localized(e.title, 'es');
      t.message = localized(e.message, 'en');
      t.messageEs = localized(e.message, 'es');
      s.ticker.push(t);
    }
    this.sinceSummary += dt;
    if (this.sinceSummary >= SUMMARY_EVERY_MS) {
      this.sinceSummary = 0;
      this.updateSummaries();
    }
    if (m.phase === 'finished' && !this.saved) this.saveResults();
    this.deps.metrics?.tick(performance.now() - t0);
  }

  private flushOutputs(): void {
    const speed = this.match.speed * (this.deps.timeScale ?? 1);
    for (const o of this.match.takeOutputs()) {
      if (o.id < 0) continue; // a bot's own terminal
      const c = this.clients.find((x) => x.sessionId === o.playerId);
      if (!c) continue;
      const msg: OutputMessage = { id: o.id, text: o.text, exitCode: o.exitCode, busyMs: Math.round(o.busyMs / speed), done: o.done, prompt: o.prompt };
      if (o.progress) msg.progress = o.progress;
      if (o.clear) msg.clear = true;
      c.send('output', msg);
    }
  }

  private updateSummaries(): void {
    for (const row of this.match.leaderboard()) {
      const ps = this.state.players.get(row.id);
      if (!ps) continue;
      const town = this.match.towns.get(row.townId);
      if (ps.score !== row.score) ps.score = row.score;
      const a = Math.round(row.availability * 10000);
      if (ps.availability !== a) ps.availability = a;
      if (ps.rank !== row.rank) ps.rank = row.rank;
      if (ps.manual !== row.manual) ps.manual = row.manual;
      if (ps.declarative !== row.declarative) ps.declarative = row.declarative;
      if (ps.incidents !== row.incidents) ps.incidents = row.incidents;
      const cost = Math.round(row.cost);
      if (ps.cost !== cost) ps.cost = cost;
      if (ps.connected !== row.connected) ps.connected = row.connected;
      if (town) {
        const series = town.series();
        for (let i = 0; i < series.length; i++) {
          const v = series[i];
          if (v === null) break;
          const x = Math.round(v * 10000);
          if (i < ps.series.length) {
            if (ps.series[i] !== x) ps.series[i] = x;
          } else ps.series.push(x);
        }
      }
    }
  }

  // ------------------------------------------------------------------ results

  private saveResults(): void {
    this.saved = true;
    this.updateSummaries();
    try {
      this.deps.results.save(this.results());
      const msg: ResultsMessage = { code: this.roomId, csv: `/api/results/${this.roomId}.csv`, json: `/api/results/${this.roomId}.json` };
      this.broadcast('results', msg);
      this.sendReports();
    } catch (e) {
      console.error(`could not save results of ${this.roomId}:`, e);
    }
  }

  /** Each player's own night, in numbers (for their results screen). */
  private sendReports(): void {
    const board = this.match.leaderboard();
    for (const row of board) {
      const c = this.clients.find((x) => x.sessionId === row.id);
      const town = this.match.towns.get(row.townId);
      if (!c || !town) continue;
      const report: ReportMessage = {
        name: row.name,
        rank: row.rank,
        players: board.length,
        score: row.score,
        availability: row.availability,
        served: Math.round(row.served),
        lost: Math.round(row.lost),
        manual: row.manual,
        declarative: row.declarative,
        commands: row.commands,
        cost: row.cost,
        series: town.series(),
        incidents: town.incidents.map((i) => {
          const spec = this.match.ticker.find((t) => t.at === i.at && t.type === i.type);
          return { at: i.at, type: i.type, title: localized(spec?.title, 'en'), titleEs: localized(spec?.title, 'es'), hitAt: i.hitAt, recoveredAt: i.recoveredAt, lost: Math.round(i.lost), noImpact: !!i.noImpact };
        }),
      };
      c.send('report', report);
    }
  }

  /** Writes the results now (a graceful shutdown in the middle of a shift). */
  saveNow(): void {
    if (!this.saved) this.saveResults();
  }

  results() {
    const m = this.match;
    const rows = m.leaderboard().map((r: LeaderRow) => {
      const { townId, ...rest } = r;
      return { ...rest, series: m.towns.get(townId)?.series() ?? [] };
    });
    return {
      code: this.roomId,
      scenario: m.scenario.name,
      mode: m.options.mode,
      minutes: m.options.minutes,
      seed: m.options.seed,
      finishedAt: new Date().toISOString(),
      hostTokenHash: tokenHash(this.hostToken),
      rows,
      incidents: m.ticker.map((t) => ({ at: formatClock(t.at), type: t.type, title: localized(t.title, 'en') })),
    };
  }

  get shiftProgress(): number {
    return this.match.simTime / SHIFT_MS;
  }
}

function approximateSize(message: unknown): number {
  if (message === undefined || message === null) return 0;
  if (typeof message === 'string') return message.length;
  try {
    return JSON.stringify(message).length;
  } catch {
    return Infinity;
  }
}
