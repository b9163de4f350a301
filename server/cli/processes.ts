/**
 * Starting real processes on loopback for the scale-out tests and the load benchmark: a Redis
 * server of our own (Debian's `redis-server`, on a free port, no persistence) and Kubetown
 * server processes pointed at it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../assets.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
}

async function waitUntil(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Proc {
  proc: ChildProcess;
  port: number;
  url: string;
  /** Redis's working directory (removed when it exits). */
  dir?: string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Children still running: killed if this process exits first, so no Redis or server outlives a test run. */
const children = new Map<ChildProcess, (() => void) | undefined>();
process.once('exit', () => {
  for (const [c, cleanup] of children) {
    c.kill('SIGKILL');
    cleanup?.();
  }
});

function track(proc: ChildProcess, cleanup?: () => void): void {
  children.set(proc, cleanup);
  proc.once('exit', () => {
    children.delete(proc);
    cleanup?.();
  });
}

function stopper(proc: ChildProcess) {
  return (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<number | null>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve(proc.exitCode);
      proc.once('exit', (code) => resolve(code));
      proc.kill(signal);
    });
}

/** A throwaway Redis on a free loopback port. */
export async function startRedis(): Promise<Proc> {
  const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => fs.existsSync(p));
  if (!bin) throw new Error('redis-server is not installed (apt-get install -y redis-server); .ci/run installs it');
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubetown-redis-'));
  const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  track(proc, () => fs.rmSync(dir, { recursive: true, force: true }));
  const url = `redis://127.0.0.1:${port}`;
  await waitUntil(
    () =>
      new Promise((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => {
          s.write('PING\r\n');
        });
        s.on('data', (d) => {
          s.destroy();
          resolve(d.toString().startsWith('+PONG'));
        });
        s.on('error', () => resolve(false));
      }),
    10_000,
    'redis',
  ).catch((e) => {
    proc.kill('SIGKILL');
    throw e;
  });
  return { proc, port, url, dir, stop: stopper(proc) };
}

/** The newest modification time of the sources under these folders. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) walk(d);
  return newest;
}

/** How to run the server: the build when it is up to date (fast to start), else the sources through tsx. */
function serverCommand(): string[] {
  const root = repoRoot();
  const built = path.join(root, 'dist', 'server', 'server', 'main.js');
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestSource([path.join(root, 'server'), path.join(root, 'shared')])) return [built];
  return ['--import', 'tsx', path.join(root, 'server', 'main.ts')];
}

/** A Kubetown server process. */
export async function startServerProcess(env: Record<string, string> = {}): Promise<Proc> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const proc = spawn(process.execPath, serverCommand(), {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  track(proc);
  let stderr = '';
  proc.stderr?.on('data', (d) => (stderr = (stderr + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(async () => {
      if (proc.exitCode !== null) throw new Error(`server exited: ${stderr}`);
      return (await fetch(`${url}/healthz`)).ok;
    }, 60_000, `server on ${port}`);
  } catch (e) {
    proc.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${stderr}`);
  }
  return { proc, port, url, stop: stopper(proc) };
}
