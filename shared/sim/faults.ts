/**
 * The night's outages, one function each, for scenarios to call. Each breaks the world the
 * way it breaks in real life (a process dies, a machine loses power, a disk fills); what
 * happens next is up to the players and the control loop.
 */
import { CONTROL_PLANE_NAME } from './bootstrap.js';
import type { Cluster } from './cluster.js';
import type { AppBehaviour } from './registry.js';
import type { DockerContainer } from './runtime/docker.js';
import type { Machine } from './runtime/machine.js';

export interface AppTarget {
  machine: Machine;
  container: DockerContainer;
}

/** Running containers of the town's app (hand-started or in pods), in a stable order. */
export function appContainers(cluster: Cluster, nodeName?: string): AppTarget[] {
  const out: AppTarget[] = [];
  for (const m of cluster.machines.values()) {
    if (nodeName && m.name !== nodeName) continue;
    if (!m.isOn) continue;
    for (const c of m.docker.containers.values()) if (c.state === 'running' && c.app.serves) out.push({ machine: m, container: c });
  }
  return out;
}

function pickApp(cluster: Cluster, nodeName?: string): AppTarget | undefined {
  const all = appContainers(cluster, nodeName);
  return all.length ? all[cluster.rng.int(all.length)] : undefined;
}

/** The app crashes (an uncaught exception, exit 1). Returns where, if anything was running. */
export function crashApp(cluster: Cluster, nodeName?: string): AppTarget | undefined {
  const t = pickApp(cluster, nodeName);
  if (!t) return undefined;
  t.machine.docker.appendLog(t.container, 'TypeError: Cannot read properties of undefined (reading \'session\')');
  t.machine.docker.appendLog(t.container, '    at /app/routes/checkout.js:42:17');
  t.machine.docker.exit(t.container, 1, 'Error');
  return t;
}

/** The app's memory runs away and the kernel kills it (137, OOMKilled). */
export function oomKill(cluster: Cluster, nodeName?: string): AppTarget | undefined {
  const t = pickApp(cluster, nodeName);
  if (!t) return undefined;
  t.machine.docker.appendLog(t.container, '<--- Last few GCs --->');
  t.machine.docker.appendLog(t.container, 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory');
  t.machine.docker.exit(t.container, 137, 'OOMKilled');
  return t;
}

/** The node loses power: everything on it stops at once, nobody is told. */
export function powerLoss(cluster: Cluster, nodeName: string): void {
  cluster.machines.get(nodeName)?.powerOff();
}

/** Power comes back; the node boots (45 s) and its daemons start. */
export function powerRestore(cluster: Cluster, nodeName: string): void {
  cluster.machines.get(nodeName)?.powerOn();
}

/** A kernel update reboots the node: programs get SIGTERM, the node is back after a boot. */
export function reboot(cluster: Cluster, nodeName: string): void {
  cluster.machines.get(nodeName)?.reboot();
}

/**
 * A nightly job started by hand fills the disk: every `everyMs` a container writes
 * `bytesPerRun` and exits, and stays there (stopped containers keep their layer) — until
 * someone runs `docker system prune`. Returns a function that stops the job.
 */
export function fillDisk(cluster: Cluster, nodeName: string, opts: { bytesPerRun: number; everyMs: number; runs: number }): () => void {
  const m = cluster.machines.get(nodeName);
  let stopped = false;
  let n = 0;
  const run = () => {
    if (stopped || !m || n >= opts.runs) return;
    if (m.isOn) {
      const img = cluster.registry.lookup('busybox:latest')!;
      if (!m.docker.hasImage('busybox:latest')) m.docker.addImage(img, 'busybox:latest');
      const hh = String(Math.floor(((cluster.now / 3600000) % 24) + 24) % 24).padStart(2, '0');
      const mm = String(Math.floor(((cluster.now / 60000) % 60) + 60) % 60).padStart(2, '0');
      const c = m.docker.create({ name: `report-${hh}${mm}-${n}`, image: img, imageRef: 'busybox:latest', command: '"sh -c \'tar czf /ou…"' });
      m.docker.start(c);
      m.docker.write(c, opts.bytesPerRun);
      n++;
    }
    cluster.at(cluster.now + opts.everyMs, run);
  };
  run();
  return () => {
    stopped = true;
  };
}

/** Publishes a broken release on the registry (it starts, then dies: a dependency is missing). */
export function badRelease(cluster: Cluster, tag = 'web:1.2'): void {
  const img = cluster.registry.lookup(tag);
  if (img?.app.crash) return;
  const base = cluster.registry.lookup('web:1.2')!;
  cluster.registry.publish({ ...base, ref: tag, tag: tag.split(':')[1] ?? 'latest', created: cluster.now });
}

/** The registry is unreachable (pulls fail), or back. */
export function registryDown(cluster: Cluster, down = true): void {
  cluster.registry.down = down;
}

/** More people at the door: demand multiplied by `factor` (1 ends the spike). */
export function trafficSpike(cluster: Cluster, factor: number): void {
  cluster.traffic.demandFactor = factor;
}

const ETCD_IMAGE = 'registry.k8s.io/etcd:3.6.4-0';

/**
 * etcd's disk quota is exhausted: etcd dies and keeps dying (CrashLoopBackOff), the API
 * server cannot answer, no controller acts. Running pods keep running.
 */
export function controlPlaneDown(cluster: Cluster): void {
  const cp = cluster.machines.get(CONTROL_PLANE_NAME)!;
  const img = cluster.registry.lookup(ETCD_IMAGE)!;
  const broken: AppBehaviour = {
    ...img.app,
    crash: {
      afterMs: 800,
      exitCode: 1,
      log: ['{"level":"warn","msg":"database space exceeded","quota-size-bytes":2147483648}', '{"level":"fatal","msg":"failed to start etcd","error":"etcdserver: mvcc: database space exceeded"}'],
    },
  };
  cp.docker.appOverrides.set(ETCD_IMAGE, broken);
  const uid = cluster.staticPodUid('etcd');
  const c = uid ? cluster.kubelets.get(CONTROL_PLANE_NAME)?.containerOf(uid, 'etcd') : undefined;
  if (c && c.state === 'running') {
    for (const line of broken.crash!.log) cp.docker.appendLog(c, line);
    cp.docker.exit(c, 1, 'Error');
  }
}

/** An operator compacts etcd and restarts it: the control plane comes back. */
export function controlPlaneRestore(cluster: Cluster): void {
  const cp = cluster.machines.get(CONTROL_PLANE_NAME)!;
  cp.docker.appOverrides.delete(ETCD_IMAGE);
  const uid = cluster.staticPodUid('etcd');
  if (uid) cluster.kubelets.get(CONTROL_PLANE_NAME)?.resetBackoff(uid);
}

/**
 * Two containers of one pod bind the same port. A teammate adds a metrics sidecar that
 * also listens on :8080 to the `web` Deployment (if there is one); otherwise a debug pod with
 * the same mistake appears. The second container fails: pods share one network namespace.
 */
export function portClash(cluster: Cluster): string {
  const d = cluster.store.get('Deployment', 'web', 'default');
  const sidecar = { name: 'metrics', image: 'metrics-exporter:0.9', ports: [{ containerPort: 8080, protocol: 'TCP' as const }], imagePullPolicy: 'IfNotPresent' as const, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' as const, resources: {} };
  if (d && cluster.api.up) {
    if (d.spec.template.spec.containers.some((c) => c.name === 'metrics')) return 'deployment/web';
    d.spec.template = { ...d.spec.template, spec: { ...d.spec.template.spec, containers: [...d.spec.template.spec.containers, sidecar] } };
    cluster.api.update(d, true);
    return 'deployment/web';
  }
  if (!cluster.api.up || cluster.store.get('Pod', 'web-debug', 'default')) return 'pod/web-debug';
  cluster.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-debug', namespace: 'default', labels: { app: 'web-debug' } },
    spec: {
      containers: [
        { name: 'app', image: 'web:1.0', ports: [{ containerPort: 8080, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} },
        sidecar,
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
    },
    status: { phase: 'Pending' },
  });
  return 'pod/web-debug';
}
