/**
 * The throwaway Redis and server processes that the scale tests and the load benchmark start
 * die with the process that started them, even when it exits without stopping them (a test
 * runner torn down, Ctrl-C on the load test), and Redis's scratch directory goes with them.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../server/assets.js';
import { waitFor } from '../server/helpers.js';

const processes = path.join(repoRoot(), 'server', 'cli', 'processes.ts');

/** Starts a Redis and a server from a separate Node process that then exits at once. */
const SCRIPT = `
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRedis, startServerProcess } from ${JSON.stringify(processes)};
const redis = await startRedis();
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kubetown-children-'));
const server = await startServerProcess({ DATA_DIR: data });
console.log(JSON.stringify({ redis: redis.proc.pid, dir: redis.dir, server: server.proc.pid, data }));
process.exit(0);
`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie still answers signal 0 until its parent (init, here) reaps it.
    return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z');
  } catch {
    return false;
  }
}

describe('child processes', () => {
  it('a Redis and a server started by a process that exits without stopping them are gone, and so is the scratch directory', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: repoRoot(), timeout: 90_000 });
    const started = JSON.parse(stdout.trim().split('\n').at(-1)!) as { redis: number; dir: string; server: number; data: string };
    fs.rmSync(started.data, { recursive: true, force: true });
    expect(started.redis).toBeGreaterThan(0);
    expect(started.server).toBeGreaterThan(0);
    await waitFor(() => !alive(started.redis) && !alive(started.server), 10_000, 'the children to exit');
    expect(fs.existsSync(started.dir)).toBe(false);
  }, 120_000);
});
