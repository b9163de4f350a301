/** Test helpers for kubectl: a real cluster, a session with the starter manifests, and a way to run a command to its end. */
import { readFileSync } from 'node:fs';
import { Cluster } from '../../shared/sim/cluster.js';
import { execute, newSession } from '../../shared/shell/index.js';
import type { ShellContext, ShellResult } from '../../shared/shell/types.js';

export const WEB_YAML = readFileSync(new URL('../../assets/manifests/web-deployment.yaml', import.meta.url), 'utf8');
export const SVC_YAML = readFileSync(new URL('../../assets/manifests/web-service.yaml', import.meta.url), 'utf8');
export const POD_YAML = readFileSync(new URL('../../assets/manifests/sidecar-pod.yaml', import.meta.url), 'utf8');

export interface World {
  c: Cluster;
  ctx: ShellContext;
  /** Runs one command line now. */
  run(line: string): ShellResult;
  /** Runs a command line and, if it keeps the terminal busy, advances the sim until it is done. */
  runToEnd(line: string, maxMs?: number): { text: string; exitCode: number; tookMs: number };
}

export function world(seed = 11, files: Record<string, string> = {}): World {
  const c = new Cluster({ seed });
  const ctx: ShellContext = { cluster: c, session: newSession('you', { 'web.yaml': WEB_YAML, 'web-service.yaml': SVC_YAML, 'sidecar-pod.yaml': POD_YAML, ...files }) };
  const run = (line: string) => execute(ctx, line);
  const runToEnd = (line: string, maxMs = 20 * 60_000) => {
    const start = c.now;
    const r = run(line);
    let text = r.text;
    let exitCode = r.exitCode;
    if (r.busyMs) c.advance(r.busyMs);
    if (r.follow) {
      const end = c.now + Math.min(maxMs, r.follow.timeoutMs);
      for (;;) {
        if (c.now >= end) break;
        c.advance(1000);
        const p = r.follow.poll(c.now);
        text += p.text;
        if (p.done) {
          exitCode = p.exitCode ?? 0;
          break;
        }
      }
    }
    return { text, exitCode, tookMs: c.now - start };
  };
  return { c, ctx, run, runToEnd };
}

/** The lines of a table, split on runs of 2+ spaces (cells never contain them). */
export function cells(line: string): string[] {
  return line.trim().split(/ {2,}/);
}

/** Advances in steps until `cond` holds, failing after `maxMs`. */
export function until(c: Cluster, cond: () => boolean, maxMs: number, step = 1000): void {
  const end = c.now + maxMs;
  while (!cond()) {
    if (c.now >= end) throw new Error(`condition not met within ${maxMs} ms`);
    c.advance(step);
  }
}
