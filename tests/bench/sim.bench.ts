/**
 * `npm run bench:sim`: the simulation at Kubernetes' documented limits and at classroom
 * scale. Prints one JSON line per case. Not a test: the figures go in the issue notes.
 *
 *   max-scale  5,000 workers, Deployments totalling 150,000 pods, from creation until all
 *              are Running; then one sim hour with 1 % of the nodes losing power and coming
 *              back.
 *   classroom  60 player-sized clusters advanced together one sim second per step through
 *              a night with outages; the wall time of each step.
 *
 * Options: --case max-scale|classroom, --nodes N, --pods N, --clusters N, --hours H.
 */
import { Cluster } from '../../shared/sim/cluster.js';
import { deployment as webDeployment } from '../sim/helpers.js';
import * as faults from '../../shared/sim/faults.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1] ?? '');
const only = args.get('case');

/** A Deployment with small requests, so 150,000 replicas fit on the nodes. */
function deployment(name: string, replicas: number, image: string) {
  return webDeployment(name, replicas, image, {}, { ports: undefined, resources: { requests: { cpu: '100m', memory: '128Mi' } } });
}

let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

function maxScale(): void {
  const nodes = Number(args.get('nodes') ?? 5000);
  const pods = Number(args.get('pods') ?? 150_000);
  const hours = Number(args.get('hours') ?? 1);
  const c = new Cluster({ seed: 42, workers: nodes, oldWorld: false, eventCapacity: 10_000, workerSize: { cpu: 8, memoryGi: 32, diskGi: 100 } });
  sampleRss();
  const images = ['web:1.0', 'nginx:1.27', 'redis:7', 'fluent/fluent-bit:3.2'];
  const perDeployment = 1000;
  let running = 0;
  const seen = new Set<string>();
  c.store.watch('Pod', (type, p) => {
    if (p.metadata.namespace !== 'default') return;
    const isRunning = type !== 'DELETED' && p.status.phase === 'Running';
    const was = seen.has(p.metadata.uid);
    if (isRunning && !was) {
      seen.add(p.metadata.uid);
      running++;
    } else if (!isRunning && was) {
      seen.delete(p.metadata.uid);
      running--;
    }
  });
  const t0 = performance.now();
  for (let i = 0; i * perDeployment < pods; i++) c.api.create(deployment(`app-${i}`, Math.min(perDeployment, pods - i * perDeployment), images[i % images.length]));
  const simStart = c.now;
  while (running < pods) {
    c.advance(1000);
    if (c.now - simStart > 3600_000) throw new Error(`only ${running} of ${pods} pods Running after an hour`);
  }
  const scheduleSeconds = (performance.now() - t0) / 1000;
  sampleRss();
  // One sim hour of steady state: 1 % of the nodes lose power at random times and come back 10 minutes later.
  const workers = c.workers().map((m) => m.name);
  const failing = Math.max(1, Math.round(nodes / 100));
  const start = c.now;
  for (let i = 0; i < failing; i++) {
    const name = workers[c.rng.int(workers.length)];
    const at = start + c.rng.int(hours * 3600_000 - 600_000);
    c.at(at, () => faults.powerLoss(c, name));
    c.at(at + 600_000, () => faults.powerRestore(c, name));
  }
  const t1 = performance.now();
  while (c.now - start < hours * 3600_000) {
    c.advance(10_000);
    if ((c.now / 10_000) % 60 === 0) sampleRss();
  }
  const steadyWall = (performance.now() - t1) / 1000;
  sampleRss();
  print({
    bench: 'max-scale',
    nodes,
    pods,
    scheduleSeconds: round(scheduleSeconds, 2),
    podsPerSecond: Math.round(pods / scheduleSeconds),
    simSecondsToRunning: round((c.now - simStart - hours * 3600_000) / 1000, 1),
    simSecondsPerWallSecond: Math.round((hours * 3600) / steadyWall),
    nodesFailed: failing,
    podsRunningAtEnd: running,
    rssMB: Math.round(peakRss / 1024 / 1024),
  });
}

function classroom(): void {
  const n = Number(args.get('clusters') ?? 60);
  const hours = Number(args.get('hours') ?? 6);
  const clusters: Cluster[] = [];
  for (let i = 0; i < n; i++) {
    const c = new Cluster({ seed: 1000 + i });
    c.api.create(deployment('web', 6, 'web:1.0'));
    clusters.push(c);
  }
  // The same night for everyone: outages at fixed sim times (as a competition scenario does).
  const script: [number, (c: Cluster) => void][] = [
    [20 * 60_000, (c) => void faults.crashApp(c)],
    [45 * 60_000, (c) => void faults.oomKill(c)],
    [70 * 60_000, (c) => faults.reboot(c, 'node-2')],
    [100 * 60_000, (c) => faults.trafficSpike(c, 2)],
    [115 * 60_000, (c) => faults.trafficSpike(c, 1)],
    [130 * 60_000, (c) => faults.controlPlaneDown(c)],
    [140 * 60_000, (c) => faults.controlPlaneRestore(c)],
    [180 * 60_000, (c) => faults.powerLoss(c, 'node-1')],
    [200 * 60_000, (c) => faults.fillDisk(c, 'node-3', { bytesPerRun: 2 * 1024 ** 3, everyMs: 5 * 60_000, runs: 12 })],
    [230 * 60_000, (c) => faults.powerRestore(c, 'node-1')],
    [260 * 60_000, (c) => faults.portClash(c)],
    [300 * 60_000, (c) => void faults.crashApp(c)],
  ];
  for (const c of clusters) for (const [t, f] of script) c.at(t, () => f(c));
  const steps = hours * 3600;
  const times = new Float64Array(steps);
  for (let s = 0; s < steps; s++) {
    const t = performance.now();
    for (const c of clusters) c.advance(1000, 100);
    times[s] = performance.now() - t;
    if (s % 600 === 0) sampleRss();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const served = clusters.reduce((a, c) => a + c.traffic.totals.served, 0);
  const demanded = clusters.reduce((a, c) => a + c.traffic.totals.demanded, 0);
  print({
    bench: 'classroom',
    clusters: n,
    steps,
    stepMsP50: round(pct(50), 3),
    stepMsP99: round(pct(99), 3),
    stepMsMax: round(sorted[sorted.length - 1], 3),
    podsPerCluster: Math.round(clusters.reduce((a, c) => a + c.store.count('Pod'), 0) / n),
    availability: round(served / demanded, 4),
    rssMB: Math.round(peakRss / 1024 / 1024),
  });
}

function round(x: number, d: number): number {
  const k = 10 ** d;
  return Math.round(x * k) / k;
}

function print(o: object): void {
  console.log(JSON.stringify(o));
}

if (!only || only === 'classroom') classroom();
if (!only || only === 'max-scale') maxScale();
