/**
 * The client's one link to the server: creates or joins the `shift` room (its id is the
 * join code), passes messages both ways, and reconnects after a drop with the token kept in
 * sessionStorage, so a reload or a flaky classroom Wi-Fi does not lose the seat.
 */
import { Client, type Room } from 'colyseus.js';
import { ROOM_NAME, type ClientMessageType, type ErrorMessage, type JoinOptions, type OutputMessage, type ReportMessage, type ResultsMessage, type WelcomeMessage } from '../../../shared/protocol.js';
import { Emitter } from './emitter.js';
import type { ShiftView } from './state-types.js';

export type ConnStatus = 'connected' | 'reconnecting' | 'lost';

export interface ConnEvents extends Record<string, unknown> {
  welcome: WelcomeMessage;
  output: OutputMessage;
  error: ErrorMessage;
  files: Record<string, string>;
  results: ResultsMessage;
  report: ReportMessage;
  state: ShiftView;
  status: ConnStatus;
  /** The room closed for us for good (kicked, or the shift is gone). */
  closed: { code: number; reason: string };
}

interface Saved {
  token: string;
  code: string;
  welcome?: WelcomeMessage;
  hostToken?: string;
  name?: string;
}

const STORE_KEY = 'kubetown:seat';
/** Close codes that mean "do not come back": a consented leave and a kick. */
const FINAL_CODES = new Set([1000, 4000]);
const RETRY_MS = 1000;
const RETRIES = 30;

export class Connection {
  readonly events = new Emitter<ConnEvents>();
  room?: Room<ShiftView>;
  welcome?: WelcomeMessage;
  private client: Client;
  private nextId = 1;
  private leaving = false;

  constructor(endpoint = location.origin.replace(/^http/, 'ws')) {
    this.client = new Client(endpoint);
  }

  get sessionId(): string {
    return this.room?.sessionId ?? '';
  }

  get state(): ShiftView | undefined {
    return this.room?.state;
  }

  get code(): string {
    return this.room?.roomId ?? this.welcome?.code ?? '';
  }

  /** Hosts a new shift; resolves once the server has said who we are. */
  async create(options: JoinOptions): Promise<WelcomeMessage> {
    return this.attach(await this.client.create<ShiftView>(ROOM_NAME, options), options.name);
  }

  async join(code: string, options: JoinOptions): Promise<WelcomeMessage> {
    return this.attach(await this.client.joinById<ShiftView>(code.toUpperCase(), options), options.name);
  }

  /** Takes back the seat this tab had before a reload. */
  async resume(): Promise<WelcomeMessage | undefined> {
    const saved = load();
    if (!saved) return undefined;
    try {
      const room = await this.client.reconnect<ShiftView>(saved.token);
      this.welcome = saved.welcome;
      this.bind(room);
      this.save(saved.name);
      if (saved.welcome) return saved.welcome;
    } catch {
      if (!saved.hostToken) {
        forget();
        return undefined;
      }
      // The seat expired; the host's token still reclaims the room.
      try {
        return await this.join(saved.code, { hostToken: saved.hostToken, name: saved.name });
      } catch {
        forget();
        return undefined;
      }
    }
    return undefined;
  }

  send(type: Exclude<ClientMessageType, 'exec'>, message?: unknown): void {
    this.room?.send(type, message ?? {});
  }

  /** Sends a command line (with the edited files it may read); returns its id. */
  exec(line: string, files?: Record<string, string>): number {
    const id = this.nextId++;
    this.room?.send('exec', files && Object.keys(files).length ? { id, line, files } : { id, line });
    return id;
  }

  async leave(): Promise<void> {
    this.leaving = true;
    forget();
    await this.room?.leave(true).catch(() => undefined);
  }

  private attach(room: Room<ShiftView>, name?: string): Promise<WelcomeMessage> {
    return new Promise((resolve) => {
      const off = this.events.on('welcome', (w) => {
        off();
        this.save(name);
        resolve(w);
      });
      this.bind(room);
    });
  }

  private bind(room: Room<ShiftView>): void {
    this.room = room;
    room.onMessage('welcome', (w: WelcomeMessage) => {
      this.welcome = w;
      this.events.emit('welcome', w);
    });
    room.onMessage('output', (m: OutputMessage) => this.events.emit('output', m));
    room.onMessage('error', (m: ErrorMessage) => this.events.emit('error', m));
    room.onMessage('files', (m: Record<string, string>) => {
      if (this.welcome) this.welcome = { ...this.welcome, files: m };
      this.save();
      this.events.emit('files', m);
    });
    room.onMessage('results', (m: ResultsMessage) => this.events.emit('results', m));
    room.onMessage('report', (m: ReportMessage) => this.events.emit('report', m));
    room.onStateChange((s) => this.events.emit('state', s));
    room.onLeave((code, reason) => void this.dropped(code, reason ?? ''));
  }

  private async dropped(code: number, reason: string): Promise<void> {
    if (this.leaving || FINAL_CODES.has(code)) {
      forget();
      this.events.emit('closed', { code, reason });
      return;
    }
    const token = this.room?.reconnectionToken;
    this.events.emit('status', 'reconnecting');
    for (let i = 0; token && i < RETRIES; i++) {
      await new Promise((r) => setTimeout(r, RETRY_MS));
      try {
        const room = await this.client.reconnect<ShiftView>(token);
        this.bind(room);
        this.save();
        this.events.emit('status', 'connected');
        this.events.emit('state', room.state);
        return;
      } catch {
        // The server may still be restarting: try again.
      }
    }
    forget();
    this.events.emit('status', 'lost');
  }

  private save(name?: string): void {
    if (!this.room) return;
    const prev = load();
    const saved: Saved = {
      token: this.room.reconnectionToken,
      code: this.room.roomId,
      welcome: this.welcome,
      hostToken: this.welcome?.hostToken ?? prev?.hostToken,
      name: name ?? prev?.name,
    };
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify(saved));
    } catch {
      // Without storage a reload starts over; nothing else breaks.
    }
  }
}

function load(): Saved | undefined {
  try {
    const raw = sessionStorage.getItem(STORE_KEY);
    return raw ? (JSON.parse(raw) as Saved) : undefined;
  } catch {
    return undefined;
  }
}

function forget(): void {
  try {
    sessionStorage.removeItem(STORE_KEY);
  } catch {
    // nothing to forget
  }
}

/** Whether this tab holds a seat it can take back. */
export function hasSavedSeat(): boolean {
  return load() !== undefined;
}
