/**
 * The shift room over loopback with colyseus.js clients: join codes and roles, host-only
 * messages, bad input answered with errors while the room keeps running, rate limits,
 * reconnection, co-op, and whole shifts with bots ending in a leaderboard and downloadable
 * results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from 'colyseus.js';
import { CODE_PATTERN, type ErrorMessage, type WelcomeMessage } from '../../shared/protocol.js';
import { inbox, run, startServer, waitFor, type TestServer } from './helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ timeScale: 40 });
});

afterAll(async () => {
  await server.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyState = any;

async function host(options: Record<string, unknown> = {}) {
  const room = await server.client().create<AnyState>('shift', { name: 'Teacher', scenario: '3am', minutes: 3, seed: 7, ...options });
  const box = inbox(room);
  await waitFor(() => box.has('welcome'), 5000, 'welcome');
  return { room, box, welcome: box.get('welcome')![0] as WelcomeMessage };
}

async function join(code: string, options: Record<string, unknown> = {}) {
  const room = await server.client().joinById<AnyState>(code, { name: 'player', ...options });
  const box = inbox(room);
  await waitFor(() => box.has('welcome'), 5000, 'welcome');
  return { room, box, welcome: box.get('welcome')![0] as WelcomeMessage };
}

function errors(box: Map<string, unknown[]>): ErrorMessage[] {
  return (box.get('error') ?? []) as ErrorMessage[];
}

describe('joining', () => {
  it('the room id is a 5-letter join code; the creator is the host and gets a secret token', async () => {
    const h = await host();
    expect(h.room.roomId).toMatch(CODE_PATTERN);
    expect(h.welcome.role).toBe('host');
    expect(h.welcome.hostToken).toMatch(/^[0-9a-f]{48}$/);
    expect(h.welcome.code).toBe(h.room.roomId);
    expect(h.welcome.scenarios.map((s) => s.name).sort()).toEqual(['3am', 'first-night', 'release-night']);
    const p = await join(h.room.roomId, { name: '  Ada\u0007\u200B  Lovelace  ' });
    expect(p.welcome.role).toBe('player');
    expect(p.welcome.hostToken).toBeUndefined();
    expect(Object.keys(p.welcome.files).sort()).toEqual(['sidecar-pod.yaml', 'web.yaml']);
    await waitFor(() => p.room.state.players?.get(p.room.sessionId) !== undefined);
    expect(p.room.state.players.get(p.room.sessionId).name).toBe('Ada Lovelace');
    const twin = await join(h.room.roomId, { name: 'ada lovelace' });
    await waitFor(() => twin.room.state.players?.get(twin.room.sessionId) !== undefined);
    expect(twin.room.state.players.get(twin.room.sessionId).name).toBe('ada lovelace (2)');
    const spy = await join(h.room.roomId, { spectator: true });
    expect(spy.welcome.role).toBe('spectator');
    await waitFor(() => h.room.state.spectators === 1);
    for (const r of [h, p, twin, spy]) await r.room.leave();
  });

  it('a player sees only their own town in detail, and everyone sees the leaderboard', async () => {
    const h = await host();
    const a = await join(h.room.roomId, { name: 'a' });
    const b = await join(h.room.roomId, { name: 'b' });
    await waitFor(() => a.room.state.towns?.size === 1 && b.room.state.towns?.size === 1 && a.room.state.players?.size === 2, 5000, 'towns');
    expect([...a.room.state.towns.keys()]).toEqual([a.room.sessionId]);
    expect([...b.room.state.towns.keys()]).toEqual([b.room.sessionId]);
    const town = a.room.state.towns.get(a.room.sessionId);
    expect([...town.nodes.keys()]).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    expect(town.nodes.get('node-1').hand.get('web').state).toBe('running');
    expect([...town.pods.values()].some((p: AnyState) => p.name === 'etcd-control-plane' && p.status === 'Running')).toBe(true);
    expect(h.room.state.towns === undefined || h.room.state.towns.size === 0).toBe(true);
    for (const r of [h, a, b]) await r.room.leave();
  });
});

describe('refusals', () => {
  it('host-only messages from others get an error and change nothing', async () => {
    const h = await host();
    const p = await join(h.room.roomId);
    await waitFor(() => h.room.state.players?.size === 1, 5000, 'the player on the board');
    for (const type of ['start', 'pause', 'resume', 'end']) p.room.send(type);
    p.room.send('settings', { minutes: 10 });
    p.room.send('kick', { sessionId: h.room.sessionId });
    p.room.send('bot', { kind: 'sysadmin' });
    await waitFor(() => errors(p.box).length === 7, 5000, 'seven errors');
    expect(errors(p.box).every((e) => e.code === 'forbidden')).toBe(true);
    expect(errors(p.box)[0].message).toBe('only the host can start');
    expect(h.room.state.phase).toBe('lobby');
    expect(h.room.state.minutes).toBe(3);
    expect(h.room.state.players.size).toBe(1);
    for (const r of [h, p]) await r.room.leave();
  });

  it('malformed, oversized and unknown messages are answered with errors and the room keeps running', async () => {
    const h = await host();
    const p = await join(h.room.roomId);
    h.room.send('start');
    await waitFor(() => p.room.state.phase === 'running');
    p.room.send('exec', { id: 'one', line: 'ls' });
    p.room.send('exec', { id: 1 });
    p.room.send('exec', { id: 2, line: 'ls', extra: true });
    p.room.send('exec', 'ls');
    p.room.send('exec', { id: 3, line: 'x'.repeat(5000) });
    p.room.send('exec', { id: 4, line: 'ls', files: { '../../etc/passwd': 'x' } });
    p.room.send('exec', { id: 5, line: 'cat big.yaml', files: { 'big.yaml': 'a: b\n'.repeat(40_000) } });
    p.room.send('teleport', { to: 'mars' });
    p.room.send(42 as unknown as string, {});
    await waitFor(() => errors(p.box).length === 9, 5000, 'nine errors');
    const codes = errors(p.box).map((e) => e.code);
    expect(codes.filter((c) => c === 'invalid').length).toBe(6);
    expect(codes).toContain('too-large');
    expect(codes.filter((c) => c === 'unknown').length).toBe(2);
    expect(errors(p.box).find((e) => e.code === 'unknown')!.message).toBe('unknown message type "teleport"');
    // Still alive: a good command gets its output.
    const out = await run(p.room, p.box, 'ls');
    expect(out.text).toBe('sidecar-pod.yaml  web.yaml\n');
    expect(out.exitCode).toBe(0);
    for (const r of [h, p]) await r.room.leave();
  });

  it('limits commands per second with a clear error', async () => {
    const h = await host();
    const p = await join(h.room.roomId);
    h.room.send('start');
    await waitFor(() => p.room.state.phase === 'running');
    for (let i = 0; i < 30; i++) p.room.send('exec', { id: 1000 + i, line: 'echo hi' });
    await waitFor(() => errors(p.box).some((e) => e.code === 'rate-limited'), 5000, 'rate limit');
    expect(errors(p.box).find((e) => e.code === 'rate-limited')!.message).toBe('rate limit: at most 5 commands per second');
    for (const r of [h, p]) await r.room.leave();
  });
});

describe('reconnection', () => {
  it('a player whose connection drops gets their seat, town and workspace back', async () => {
    const h = await host();
    const p = await join(h.room.roomId, { name: 'Grace' });
    h.room.send('start');
    await waitFor(() => p.room.state.phase === 'running');
    await run(p.room, p.box, 'ls', { 'mine.yaml': 'kind: Pod\n' });
    const token = p.room.reconnectionToken;
    const session = p.room.sessionId;
    p.room.connection.close(4001, 'network dropped');
    await waitFor(() => h.room.state.players.get(session)?.connected === false, 5000, 'marked disconnected');
    const back = await server.client().reconnect<AnyState>(token);
    const box = inbox(back);
    expect(back.sessionId).toBe(session);
    await waitFor(() => h.room.state.players.get(session)?.connected === true, 5000, 'marked connected');
    await waitFor(() => back.state.towns?.get(session) !== undefined, 5000, 'town visible again');
    const out = await run(back, box, 'ls');
    expect(out.text).toBe('mine.yaml  sidecar-pod.yaml  web.yaml\n');
    for (const r of [h.room, back]) await r.leave();
  });

  it('the host token gives host rights back to a new connection', async () => {
    const h = await host();
    const code = h.room.roomId;
    const token = h.welcome.hostToken!;
    const student = await join(code, { name: 'student' });
    await h.room.leave();
    const again = await join(code, { hostToken: token, name: 'Teacher' });
    expect(again.welcome.role).toBe('host');
    again.room.send('settings', { minutes: 10 });
    await waitFor(() => again.room.state.minutes === 10, 5000, 'settings applied');
    student.room.send('settings', { minutes: 3 });
    await waitFor(() => errors(student.box).length === 1, 5000, 'the student is refused');
    await again.room.leave();
    await student.room.leave();
  });
});

describe('co-op', () => {
  it('all players act on one cluster', async () => {
    const h = await host({ mode: 'coop' });
    const a = await join(h.room.roomId, { name: 'a' });
    const b = await join(h.room.roomId, { name: 'b' });
    h.room.send('start');
    await waitFor(() => a.room.state.phase === 'running' && b.room.state.towns?.size === 1);
    expect([...a.room.state.towns.keys()]).toEqual(['team']);
    expect([...b.room.state.towns.keys()]).toEqual(['team']);
    const out = await run(a.room, a.box, 'cloud servers create');
    expect(out.all).toContain('Creating server node-4');
    await waitFor(() => b.room.state.towns.get('team').nodes.get('node-4') !== undefined, 10_000, 'node-4 seen by b');
    // Both sessions are their own: b is still on the workstation when a logs into a node.
    await run(a.room, a.box, 'ssh node-1');
    expect((await run(b.room, b.box, 'hostname')).text).toBe('town\n');
    expect((await run(a.room, a.box, 'hostname')).text).toBe('node-1\n');
    h.room.send('bot', { kind: 'sysadmin' });
    await waitFor(() => errors(h.box).some((e) => e.message === 'bots cannot join a co-op shift'), 5000, 'no bots in co-op');
    for (const r of [h, a, b]) await r.room.leave();
  });
});

describe('a whole shift', () => {
  it('three players and two bots play a competition to the end: leaderboard, same incidents, results', async () => {
    const h = await host({ scenario: '3am', seed: 11 });
    const players = [await join(h.room.roomId, { name: 'p1' }), await join(h.room.roomId, { name: 'p2' }), await join(h.room.roomId, { name: 'p3' })];
    h.room.send('bot', { kind: 'sysadmin' });
    h.room.send('bot', { kind: 'reconciler' });
    await waitFor(() => h.room.state.players.size === 5, 5000, 'five players');
    h.room.send('start');
    await waitFor(() => h.room.state.phase === 'running');
    // One of them hands the app to the loop.
    const p1 = players[0];
    const applied = await run(p1.room, p1.box, 'kubectl apply -f web.yaml');
    expect(applied.exitCode).toBe(0);
    await waitFor(() => h.room.state.phase === 'finished', 60_000, 'the end of the shift');
    const board = [...h.room.state.players.values()] as AnyState[];
    expect(board).toHaveLength(5);
    const ranks = board.map((p) => p.rank).sort((a, b) => a - b);
    expect(ranks[0]).toBe(1);
    ranks.forEach((r, i) => expect(r).toBeLessThanOrEqual(i + 1));
    // Higher score, better rank.
    const byRank = [...board].sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < byRank.length; i++) expect(byRank[i - 1].score).toBeGreaterThanOrEqual(byRank[i].score);
    for (const p of board) expect(p.series.length).toBe(36);
    // Everyone saw the same incidents at the same sim times.
    const seen = players.map((p) => [...p.room.state.ticker].map((t: AnyState) => `${t.at}:${t.type}:${t.title}`));
    expect(seen[0].length).toBeGreaterThan(3);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    expect(seen[0]).toContain('10800000:powerLoss:node-2 lost power');
    // Results: written, downloadable by the host only.
    await waitFor(() => h.box.has('results'), 5000, 'results message');
    const code = h.room.roomId;
    const denied = await fetch(`http://127.0.0.1:${server.app.port}/api/results/${code}.csv`);
    expect(denied.status).toBe(403);
    const csv = await fetch(`http://127.0.0.1:${server.app.port}/api/results/${code}.csv?token=${h.welcome.hostToken}`);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe('rank,name,kind,score,availability,served,lost,incidents,recovered,mean_time_to_recover_s,manual_commands,declarative_changes,commands,extra_cost,connected');
    expect(text.split('\n').filter(Boolean)).toHaveLength(6);
    expect(text).toContain('"Reconciler bot",reconciler');
    await waitFor(() => p1.box.has('report'), 5000, 'a report for p1');
    const report = p1.box.get('report')![0] as AnyState;
    expect(report.series).toHaveLength(36);
    expect(report.declarative).toBeGreaterThanOrEqual(1);
    for (const r of [h, ...players]) await r.room.leave();
  }, 90_000);
});
