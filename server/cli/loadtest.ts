/**
 * `npm run loadtest -- --rooms 20 --players 30 --json`: starts the server (one or more
 * processes), connects rooms × players colyseus.js clients over loopback that join by code and
 * type command lines at a human pace through a whole shift, and prints one JSON line:
 * tick p99, bytes sent per client per second (and what full JSON snapshots at the same rate
 * would cost), server memory and errors.
 *
 * Options: --rooms N --players N --minutes 3|6|10 --time-scale X --processes N (several
 * share a throwaway Redis of their own, or REDIS_URL) --server HOST:PORT[,...] --json.
 */
import path from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { histogramQuantile } from '../metrics.js';
import { repoRoot } from '../assets.js';
import { freePort, startRedis, startServerProcess, type Proc } from './processes.js';

const argv = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : def;
};
const ROOMS = Number(opt('rooms', '20'));
const PLAYERS = Number(opt('players', '30'));
const MINUTES = Number(opt('minutes', '3'));
const TIME_SCALE = Number(opt('time-scale', '1'));
const PROCESSES = Number(opt('processes', '1'));
const JSON_OUT = argv.includes('--json');
/** Use a server that is already running (e.g. under a profiler) instead of starting one. */
const EXISTING = opt('server', '');
const PATCHES_PER_SECOND = 10;

const SCRIPT = ['kubectl get pods', 'kubectl get nodes', 'ssh node-1', 'docker ps -a', 'df -h', 'exit', 'kubectl get deploy', 'kubectl get events', 'ssh node-2', 'docker ps', 'exit', 'help'];

function log(msg: string): void {
  if (!JSON_OUT) console.error(msg);
}

/** The server processes (and, for several, a Redis of our own unless REDIS_URL is set). */
async function startServers(): Promise<{ ports: number[]; procs: Proc[] }> {
  if (EXISTING) return { ports: EXISTING.split(',').map((p) => Number(p.split(':').pop())), procs: [] };
  const procs: Proc[] = [];
  let redisUrl = process.env.REDIS_URL;
  if (PROCESSES > 1 && !redisUrl) {
    const redis = await startRedis();
    procs.push(redis);
    redisUrl = redis.url;
  }
  const ports: number[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const port = await freePort();
    const env: Record<string, string> = { PORT: String(port), KUBETOWN_TIME_SCALE: String(TIME_SCALE), DATA_DIR: path.join(repoRoot(), 'data', 'loadtest') };
    if (PROCESSES > 1) Object.assign(env, { REDIS_URL: redisUrl!, PUBLIC_ADDRESS: `127.0.0.1:${port}` });
    procs.push(await startServerProcess(env));
    ports.push(port);
  }
  return { ports, procs };
}

async function metrics(ports: number[]): Promise<string[]> {
  return Promise.all(ports.map(async (p) => (await fetch(`http://127.0.0.1:${p}/metrics`)).text()));
}

function value(text: string, name: string): number {
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

/** Sums the histogram buckets of several processes into one exposition. */
function mergeHistograms(texts: string[], name: string): string {
  const sums = new Map<string, number>();
  for (const t of texts) {
    const re = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\S+)$`, 'gm');
    let m: RegExpExecArray | null;
    while ((m = re.exec(t))) sums.set(m[1], (sums.get(m[1]) ?? 0) + Number(m[2]));
  }
  return [...sums].map(([le, c]) => `${name}_bucket{le="${le}"} ${c}`).join('\n');
}

async function main(): Promise<void> {
  const { ports, procs } = await startServers();
  let errors = 0;
  const errorKinds = new Map<string, number>();
  const fail = (kind: string) => {
    errors++;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  };
  let peakRss = 0;
  const rssTimer = setInterval(async () => {
    try {
      for (const t of await metrics(ports)) peakRss = Math.max(peakRss, value(t, 'process_resident_memory_bytes'));
    } catch {
      // a sample missed is fine
    }
  }, 2000);
  try {
    log(`${PROCESSES} server process(es) on ${ports.join(', ')}; creating ${ROOMS} rooms × ${PLAYERS} players`);
    const hosts: Room[] = [];
    const players: Room[] = [];
    const seatErrors: string[] = [];
    for (let r = 0; r < ROOMS; r++) {
      const hostClient = new Client(`ws://127.0.0.1:${ports[r % ports.length]}`);
      const host = await hostClient.create('shift', { name: `host-${r}`, scenario: '3am', minutes: MINUTES, seed: 1000 + r });
      host.onMessage('*', () => undefined);
      hosts.push(host);
      const joins: Promise<void>[] = [];
      for (let i = 0; i < PLAYERS; i++) {
        // With several processes, join through another process than the room's.
        const c = new Client(`ws://127.0.0.1:${ports[(r + i + 1) % ports.length]}`);
        joins.push(
          c.joinById(host.roomId, { name: `p${i}` }).then(
            (room) => {
              players.push(room);
              room.onMessage('error', () => fail('error-message'));
              room.onMessage('*', () => undefined);
              room.onLeave((code) => {
                if (code !== 1000 && code !== 4000) fail(`left-${code}`);
              });
            },
            (e) => {
              seatErrors.push(String(e?.message ?? e));
              fail('join');
            },
          ),
        );
      }
      await Promise.all(joins);
    }
    if (seatErrors.length) log(`join errors: ${seatErrors.slice(0, 3).join('; ')}`);
    log(`${players.length} players connected; starting the shifts`);
    const before = await metrics(ports);
    const bytesBefore = before.reduce((a, t) => a + value(t, 'kubetown_bytes_sent_total'), 0);
    for (const h of hosts) h.send('start');
    const t0 = Date.now();
    const shiftMs = (MINUTES * 60_000) / TIME_SCALE;
    // Each player types at a human pace: a command every 4–8 s.
    let sent = 0;
    let answered = 0;
    const timers: NodeJS.Timeout[] = [];
    players.forEach((room, i) => {
      let step = i % SCRIPT.length;
      let id = 1;
      room.onMessage('output', (o: { done: boolean }) => {
        if (o.done) answered++;
      });
      const next = () => {
        if (Date.now() - t0 > shiftMs) return;
        const line = id === 1 && i % 3 === 0 ? 'kubectl apply -f web.yaml' : SCRIPT[step++ % SCRIPT.length];
        room.send('exec', { id: id++, line });
        sent++;
        timers.push(setTimeout(next, 4000 + ((i * 7919 + id * 104729) % 4000)));
      };
      timers.push(setTimeout(next, 500 + ((i * 131) % 4000)));
    });
    // What full JSON snapshots would cost: sample each client's decoded state now and then.
    let jsonBytes = 0;
    let jsonSamples = 0;
    const sampler = setInterval(() => {
      for (let k = 0; k < Math.min(50, players.length); k++) {
        const room = players[(k * 37 + jsonSamples) % players.length];
        jsonBytes += JSON.stringify((room.state as { toJSON(): unknown }).toJSON()).length;
        jsonSamples++;
      }
    }, 5000);
    await Promise.all(hosts.map((h) => new Promise<void>((resolve) => {
      const check = () => ((h.state as { phase?: string }).phase === 'finished' ? resolve() : setTimeout(check, 500));
      check();
    })));
    const seconds = (Date.now() - t0) / 1000;
    clearInterval(sampler);
    for (const t of timers) clearTimeout(t);
    const after = await metrics(ports);
    const bytesAfter = after.reduce((a, t) => a + value(t, 'kubetown_bytes_sent_total'), 0);
    const clients = players.length + hosts.length;
    const bytesPerClientPerSecond = (bytesAfter - bytesBefore) / clients / seconds;
    const jsonPerClientPerSecond = jsonSamples ? (jsonBytes / jsonSamples) * PATCHES_PER_SECOND : 0;
    const tickP99 = histogramQuantile(mergeHistograms(after, 'kubetown_room_tick_seconds'), 'kubetown_room_tick_seconds', 0.99) ?? 0;
    if (answered < sent * 0.95) fail('unanswered-commands');
    const row: Record<string, unknown> = {
      bench: 'classroom-load',
      clients: players.length,
      tickP99Ms: Math.round(tickP99 * 1000 * 100) / 100,
      bytesPerClientPerSecond: Math.round(bytesPerClientPerSecond),
      jsonSnapshotBytesPerClientPerSecond: Math.round(jsonPerClientPerSecond),
      rssMB: Math.round(peakRss / 1024 / 1024),
      errors,
    };
    if (PROCESSES > 1) row.processes = PROCESSES;
    row.seconds = Math.round(seconds);
    row.commandsSent = sent;
    row.commandsAnswered = answered;
    if (errors) row.errorKinds = Object.fromEntries(errorKinds);
    console.log(JSON.stringify(row));
    await Promise.all([...players, ...hosts].map((r) => r.leave().catch(() => undefined)));
  } finally {
    clearInterval(rssTimer);
    await Promise.all(procs.reverse().map((p) => p.stop('SIGTERM')));
  }
}

// Ctrl-C: exit through 'exit', which takes the servers and Redis down with us.
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130));

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
