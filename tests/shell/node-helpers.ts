/**
 * A player at a terminal on a real cluster: commands run through the shell's dispatcher, and
 * a command that keeps the terminal busy (a pull, a stop) is waited for the way the match
 * does it — sim time passes, then its follow is polled every second until it is done.
 */
import { Cluster, type ClusterOptions } from '../../shared/sim/cluster.js';
import { execute, newSession, type ShellContext, type ShellResult } from '../../shared/shell/index.js';

export interface Ran {
  /** Everything the terminal printed, including what came after the busy time. */
  text: string;
  exitCode: number;
  /** What the command returned at once (busyMs, effect, ...). */
  first: ShellResult;
}

export interface Terminal {
  cluster: Cluster;
  ctx: ShellContext;
  run(line: string): Ran;
}

/** A cluster at `startAt` sim ms (default 03:00) and a terminal logged into `host` (node-1; null: stay on the workstation). */
export function terminal(opts: Partial<ClusterOptions> & { startAt?: number; host?: string | null } = {}): Terminal {
  const cluster = new Cluster({ seed: 7, ...opts });
  cluster.advanceTo(opts.startAt ?? 3 * 3600_000);
  const ctx: ShellContext = { cluster, session: newSession() };
  const t: Terminal = { cluster, ctx, run: (line) => runLine(cluster, ctx, line) };
  if (opts.host !== null) {
    const login = t.run(`ssh ${opts.host ?? 'node-1'}`);
    if (login.exitCode !== 0) throw new Error(login.text);
  }
  return t;
}

export function runLine(cluster: Cluster, ctx: ShellContext, line: string): Ran {
  const first = execute(ctx, line);
  let text = first.text;
  let exitCode = first.exitCode;
  if (first.busyMs || first.follow) {
    cluster.advance(first.busyMs);
    const deadline = cluster.now + (first.follow?.timeoutMs ?? 0);
    if (first.follow) {
      for (;;) {
        const r = first.follow.poll(cluster.now);
        text += r.text;
        if (r.done || cluster.now >= deadline) {
          exitCode = r.exitCode ?? (r.done ? 0 : 1);
          break;
        }
        cluster.advance(1000);
      }
    }
  }
  return { text, exitCode, first };
}

/** Advances in steps until `cond` holds (or throws after `maxMs`). */
export function advanceUntil(cluster: Cluster, cond: () => boolean, maxMs: number, step = 1000): void {
  const end = cluster.now + maxMs;
  while (!cond()) {
    if (cluster.now >= end) throw new Error(`condition not met within ${maxMs} ms`);
    cluster.advance(step);
  }
}

/** IDs and digests replaced by placeholders, so golden text survives a different seed. */
export function scrub(text: string): string {
  return text
    .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<digest>')
    .replace(/\b[0-9a-f]{64}\b/g, '<id64>')
    .replace(/\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{12}\b/g, '<id12>')
    .replace(/_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_/g, '_<uid>_');
}

/** Rows of a docker-style table keyed by header (columns cut at the header's positions). */
export function rows(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter((l) => l.trim());
  const header = lines[0] ?? '';
  const starts: { name: string; at: number }[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(header))) starts.push({ name: m[0], at: m.index });
  return lines.slice(1).map((l) => Object.fromEntries(starts.map((c, i) => [c.name, l.slice(c.at, starts[i + 1]?.at).trim()])));
}

/** Requests per second the town gets served right now, at a demand of `rps`. */
export function servedRps(cluster: Cluster, rps: number, overMs = 1000): number {
  const r = cluster.advance(overMs, rps);
  return (r.served * 1000) / overMs;
}
