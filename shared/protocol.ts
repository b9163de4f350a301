/**
 * The messages between the browser (or a bot author's client) and the server, with their
 * limits. The server validates every message against these schemas; the client uses the
 * same types. Documented in the README ("The room protocol").
 */
import { z } from 'zod';

export const ROOM_NAME = 'shift';
export const LIMITS = {
  lineChars: 4096,
  fileNameChars: 64,
  fileBytes: 64 * 1024,
  filesPerMessage: 16,
  filesBytesPerMessage: 128 * 1024,
  nameChars: 32,
  maxPlayers: 100,
  /** Commands a client may send per second (burst) and sustained. */
  commandsPerSecond: 5,
  commandBurst: 10,
  /** Bytes of messages a client may send per second, sustained. */
  bytesPerSecond: 64 * 1024,
  /** The transport refuses frames larger than this. */
  maxPayload: 256 * 1024,
} as const;

export const MODES = ['competition', 'coop', 'solo'] as const;
export const MINUTES = [3, 6, 10] as const;
export const BOT_KINDS = ['sysadmin', 'reconciler'] as const;

/** Letters that cannot be mistaken for each other on a projector (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G). */
export const CODE_ALPHABET = 'ACDEFHJKMNPQRTUVWXY';
export const CODE_LENGTH = 5;
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

const fileName = z.string().min(1).max(LIMITS.fileNameChars).regex(/^[A-Za-z0-9._-]+$/, 'file names are letters, digits, dots, dashes and underscores');

export const execMessage = z
  .object({
    id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    line: z.string().max(LIMITS.lineChars),
    files: z
      .record(fileName, z.string().max(LIMITS.fileBytes))
      .refine((f) => Object.keys(f).length <= LIMITS.filesPerMessage, `at most ${LIMITS.filesPerMessage} files per message`)
      .refine((f) => Object.values(f).reduce((a, s) => a + s.length, 0) <= LIMITS.filesBytesPerMessage, `at most ${LIMITS.filesBytesPerMessage} bytes of files per message`)
      .optional(),
  })
  .strict();
export type ExecMessage = z.infer<typeof execMessage>;

export const settingsMessage = z
  .object({
    scenario: z.string().max(64).optional(),
    minutes: z.union([z.literal(3), z.literal(6), z.literal(10)]).optional(),
    mode: z.enum(MODES).optional(),
  })
  .strict();
export type SettingsMessage = z.infer<typeof settingsMessage>;

export const kickMessage = z.object({ sessionId: z.string().min(1).max(64) }).strict();
export const botMessage = z.object({ kind: z.enum(BOT_KINDS), remove: z.boolean().optional() }).strict();
export const emptyMessage = z.union([z.undefined(), z.null(), z.object({}).strict()]);

/** Client → server messages and their schemas. Host-only ones are marked. */
export const CLIENT_MESSAGES = {
  exec: { schema: execMessage, host: false },
  start: { schema: emptyMessage, host: true },
  pause: { schema: emptyMessage, host: true },
  resume: { schema: emptyMessage, host: true },
  end: { schema: emptyMessage, host: true },
  settings: { schema: settingsMessage, host: true },
  kick: { schema: kickMessage, host: true },
  bot: { schema: botMessage, host: true },
} as const;
export type ClientMessageType = keyof typeof CLIENT_MESSAGES;

/** Options for `client.create("shift", …)` and `client.joinById(code, …)`. */
export const joinOptions = z
  .object({
    name: z.string().max(200).optional(),
    spectator: z.boolean().optional(),
    mode: z.enum(MODES).optional(),
    scenario: z.string().max(64).optional(),
    minutes: z.union([z.literal(3), z.literal(6), z.literal(10)]).optional(),
    seed: z.number().int().min(0).max(2 ** 31).optional(),
    /** The host's secret, to take the host seat back from a new connection. */
    hostToken: z.string().max(128).optional(),
    /** The host of a competition or co-op shift plays too (a solo host always plays). */
    play: z.boolean().optional(),
  })
  .passthrough();
export type JoinOptions = z.infer<typeof joinOptions>;

// -------------------------------------------------------------------- server → client

/** `output`: what a command printed. Commands that keep working send more with `done: false` first. */
export interface OutputMessage {
  id: number;
  text: string;
  exitCode: number;
  /** Real ms the terminal stays busy (show a progress bar). */
  busyMs: number;
  progress?: string;
  done: boolean;
  clear?: boolean;
  prompt: string;
}

/** `error`: a message that was refused, and why. The room keeps running. */
export interface ErrorMessage {
  code: 'invalid' | 'unknown' | 'forbidden' | 'rate-limited' | 'too-large' | 'state';
  message: string;
  /** The message type that caused it. */
  type?: string;
}

/** `welcome`: sent to each client after joining. */
export interface WelcomeMessage {
  sessionId: string;
  role: 'host' | 'player' | 'spectator';
  /** Only to the host: keeps host rights across reconnections and downloads results. */
  hostToken?: string;
  code: string;
  prompt: string;
  files: Record<string, string>;
  scenarios: { name: string; title: Record<string, string> | string; description: Record<string, string> | string; difficulty: string }[];
  scoreRule: Record<string, string>;
}

/** A player's night in numbers: the leaderboard and the results screen share these. */
export interface NightNumbers {
  score: number;
  /** Requests served / demanded so far (0..1). */
  availability: number;
  served: number;
  lost: number;
  /** Commands that changed a machine by hand, and declarative changes through the API. */
  manual: number;
  declarative: number;
  commands: number;
  /** Cost of servers beyond the ones the town started with. */
  cost: number;
}

/** `report`: sent to each player when the shift ends — their night, in numbers. */
export interface ReportMessage extends NightNumbers {
  name: string;
  rank: number;
  players: number;
  /** Availability per 10 minutes of the night (null where there was no demand yet). */
  series: (number | null)[];
  incidents: { at: number; type: string; title: string; titleEs: string; hitAt?: number; recoveredAt?: number; lost: number; noImpact: boolean }[];
}

/** `results`: the shift is over; the host can download the table. */
export interface ResultsMessage {
  code: string;
  csv: string;
  json: string;
}

/** Normalises a nickname: trimmed, no control characters, at most 32 characters. */
export function cleanName(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : '';
  return s
    .normalize('NFC')
    .replace(/[\p{C}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, LIMITS.nameChars)
    .trim();
}
