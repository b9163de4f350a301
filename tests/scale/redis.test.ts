/**
 * Scale-out on Colyseus' own Redis presence and driver: two server processes on one Redis. A
 * room created through one process is joined by code through the other; join codes stay
 * unique across processes; killing a process that owns no room leaves a shift on the other
 * undisturbed; SIGTERM saves a running shift and exits in bounded time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Room } from 'colyseus.js';
import { startRedis, startServerProcess, type Proc } from '../../server/cli/processes.js';
import { inbox, run, waitFor } from '../server/helpers.js';

let redis: Proc;
let a: Proc;
let b: Proc;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubetown-scale-'));

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { REDIS_URL: redis.url, DATA_DIR: dataDir, KUBETOWN_TIME_SCALE: '30', ...extra };
}

async function serverWithAddress(): Promise<Proc> {
  // PUBLIC_ADDRESS must be known before start: start once to get a port... instead pick it here.
  const { freePort } = await import('../../server/cli/processes.js');
  const port = await freePort();
  return startServerProcess(env({ PORT: String(port), PUBLIC_ADDRESS: `127.0.0.1:${port}` }));
}

beforeAll(async () => {
  redis = await startRedis();
  a = await serverWithAddress();
  b = await serverWithAddress();
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
  await redis?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyState = any;

/** The port of the process a client is connected to (the room's owner). */
function ownerPort(room: Room): number {
  const url = (room.connection as unknown as { transport: { ws: { url: string } } }).transport.ws.url;
  return Number(new URL(url).port);
}

describe('two processes on one Redis', () => {
  it('a room created through one process is joined by code through the other, and played', async () => {
    const host = await new Client(`ws://127.0.0.1:${a.port}`).create<AnyState>('shift', { name: 'Teacher', scenario: '3am', minutes: 3, seed: 3 });
    const code = host.roomId;
    // Ask the process that does NOT own the room.
    const other = ownerPort(host) === a.port ? b : a;
    const player = await new Client(`ws://127.0.0.1:${other.port}`).joinById<AnyState>(code, { name: 'Remote' });
    const box = inbox(player);
    // It reserved the seat through the other process and connected to the owner.
    expect(ownerPort(player)).toBe(ownerPort(host));
    expect(ownerPort(player)).not.toBe(other.port);
    await waitFor(() => host.state.players?.size === 1, 10_000, 'the player in the room');
    expect(host.state.players.get(player.sessionId).name).toBe('Remote');
    host.send('start');
    await waitFor(() => player.state.phase === 'running', 10_000, 'running');
    const out = await run(player, box, 'ssh node-1');
    expect(out.all).toContain('Welcome to Ubuntu');
    expect((await run(player, box, 'hostname')).text).toBe('node-1\n');
    await player.leave();
    await host.leave();
  });

  it('join codes stay unique across processes', async () => {
    const rooms: Room[] = [];
    for (let i = 0; i < 16; i++) rooms.push(await new Client(`ws://127.0.0.1:${(i % 2 ? a : b).port}`).create('shift', { name: `h${i}` }));
    const codes = rooms.map((r) => r.roomId);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of rooms) await r.leave();
  });

  it('/healthz reports Redis, /metrics counts rooms and clients', async () => {
    const h = await (await fetch(`${a.url}/healthz`)).json();
    expect(h).toMatchObject({ ok: true, acceptingRooms: true, redis: 'ok' });
    const room = await new Client(`ws://127.0.0.1:${a.port}`).create('shift', { name: 'm' });
    const m = await (await fetch(`http://127.0.0.1:${ownerPort(room)}/metrics`)).text();
    expect(m).toMatch(/^kubetown_rooms [1-9]\d*$/m);
    expect(m).toMatch(/^kubetown_clients [1-9]\d*$/m);
    expect(m).toContain('# TYPE kubetown_room_tick_seconds histogram');
    expect(m).toMatch(/^kubetown_bytes_sent_total [1-9]\d*$/m);
    await room.leave();
  });

  it('killing a process that owns no room does not disturb a shift on another', async () => {
    const c = await serverWithAddress();
    const host = await new Client(`ws://127.0.0.1:${a.port}`).create<AnyState>('shift', { name: 'Teacher', seed: 4 });
    const player = await new Client(`ws://127.0.0.1:${a.port}`).joinById<AnyState>(host.roomId, { name: 'Stays' });
    const box = inbox(player);
    host.send('start');
    await waitFor(() => player.state.phase === 'running', 10_000, 'running');
    // The room lives on whichever process the matchmaker chose: kill one that is not it.
    const owner = ownerPort(player);
    const victim = c.port !== owner ? c : b;
    const survivor = [a, b, c].find((p) => p !== victim && p.port !== owner) ?? a;
    const before = player.state.clock;
    await victim.stop('SIGKILL');
    await waitFor(() => player.state.clock > before + 60_000, 10_000, 'the clock keeps running');
    expect((await run(player, box, 'ls')).exitCode).toBe(0);
    // New rooms can still be created through a surviving process.
    const more = await new Client(`ws://127.0.0.1:${survivor.port}`).create('shift', { name: 'after' });
    await more.leave();
    await player.leave();
    await host.leave();
  });

  it('SIGTERM tells players, saves the running shift and exits within the bound', async () => {
    const d = await serverWithAddress();
    const host = await new Client(`ws://127.0.0.1:${d.port}`).create<AnyState>('shift', { name: 'Teacher', seed: 5 });
    const hostBox = inbox(host);
    const player = await new Client(`ws://127.0.0.1:${d.port}`).joinById<AnyState>(host.roomId, { name: 'p' });
    const box = inbox(player);
    host.send('start');
    await waitFor(() => player.state.phase === 'running', 10_000, 'running');
    const code = host.roomId;
    const started = Date.now();
    const exit = await d.stop('SIGTERM');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(exit).toBe(0);
    await waitFor(() => box.has('notice'), 2000, 'the notice');
    expect((box.get('notice')![0] as { message: string }).message).toContain('saved');
    const token = (hostBox.get('welcome')![0] as { hostToken: string }).hostToken;
    // Results survive the process: another process serves them from the shared data directory.
    const csv = await fetch(`${a.url}/api/results/${code}.csv?token=${token}`);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\n')[1]).toContain('"p"');
  });
});
