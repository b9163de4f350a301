/**
 * What bots share: they play through command lines only, like a person at a terminal. A bot
 * is a generator that yields a command line (or a pause) and receives what the terminal
 * printed. They read the pager (the incident ticker) as people do.
 */
import type { Text } from '../scenario.js';

export interface TickerEntry {
  at: number;
  type: string;
  title: Text;
  message?: Text;
  node?: string;
  tag?: string;
  factor?: number;
  durationMs?: number;
}

export interface BotView {
  /** Sim time now (ms since 00:00). */
  clock(): number;
  /** What the pager has announced so far. */
  ticker(): readonly TickerEntry[];
  /** The servers the bot was told about when the shift began. */
  readonly servers: readonly string[];
  /** The starter manifests in the bot's workspace. */
  readonly files: ReadonlyMap<string, string>;
}

export interface Output {
  text: string;
  exitCode: number;
}

/** A command, with files to save first (what the editor would write), or a pause in real seconds. */
export type BotAction = string | { line: string; files?: Record<string, string> } | { pauseSeconds: number };

export type BotProgram = Generator<BotAction, void, Output>;
export type BotKind = 'sysadmin' | 'reconciler';

/** Rows of a tabwriter table keyed by header, cut at the header's column positions. */
export function parseTable(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter((l) => l.trim());
  if (!lines.length) return [];
  const header = lines[0];
  const starts: { name: string; at: number }[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(header))) starts.push({ name: m[0], at: m.index });
  return lines.slice(1).map((l) => {
    const row: Record<string, string> = {};
    starts.forEach((c, i) => {
      const end = i + 1 < starts.length ? starts[i + 1].at : undefined;
      row[c.name] = l.slice(c.at, end).trim();
    });
    return row;
  });
}

/** Incidents of a type announced within the last `withinMs` (still going, as far as the pager knows). */
export function recent(view: BotView, type: string, withinMs: number): TickerEntry[] {
  const now = view.clock();
  return view.ticker().filter((t) => t.type === type && now - t.at <= withinMs);
}
