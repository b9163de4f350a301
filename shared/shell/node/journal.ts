/**
 * The node's journal, rebuilt from what happened: systemd starting and stopping the units,
 * the kubelet's klog lines for what it reported as events (back-offs, failed pulls,
 * evictions), its complaints while the API server or Docker is away, and dockerd's lines for
 * containers that exited. Only the current boot is kept.
 */
import { CONTROL_PLANE_IP, DOCKER_VERSION, KUBERNETES_VERSION } from '../../sim/bootstrap.js';
import type { Event } from '../../sim/api/types.js';
import type { Cluster } from '../../sim/cluster.js';
import type { Kubelet } from '../../sim/controllers/kubelet.js';
import type { Machine } from '../../sim/runtime/machine.js';
import { journalTime, klogHeader, rfc3339Nano } from './clock.js';
import { goDuration } from '../../sim/api/durations.js';
import { fnv1a32 } from '../../sim/hash.js';
import { pidOf } from './docker/ids.js';

export interface JournalLine {
  at: number;
  unit: 'kubelet' | 'docker';
  text: string;
}

/** How far back the rebuilt journal reaches (the events' one-hour life). */
const WINDOW_MS = 60 * 60_000;

export const KUBELET_DESCRIPTION = 'kubelet: The Kubernetes Node Agent';
export const DOCKER_DESCRIPTION = 'Docker Application Container Engine';

/**
 * The kubelet's process id at a moment: the one systemd started at boot, or the one a
 * `systemctl restart` started (lines from before it were the boot process's).
 */
export function kubeletPid(m: Machine, k: Kubelet, at = k.startedAt): number {
  const restarted = k.startedAt - m.bootedAt > 5000;
  return restarted && at >= k.startedAt ? pidOf(`${m.bootId}/kubelet/${k.startedAt}`, 600, 2000) : pidOf(`${m.bootId}/kubelet`, 600, 2000);
}

export function dockerdPid(m: Machine): number {
  return pidOf(`${m.bootId}/dockerd/${m.docker.since}`, 600, 2000);
}

/** journalctl's short line: `Mar 14 03:12:45 node-1 kubelet[1043]: message`. */
export function render(c: Cluster, m: Machine, line: JournalLine, ident: string): string {
  return `${journalTime(line.at, c.epochMs)} ${m.name} ${ident}: ${line.text}`;
}

export function kubeletLines(c: Cluster, m: Machine): { line: JournalLine; ident: string }[] {
  const k = c.kubelets.get(m.name);
  if (!k) return [];
  const out: { line: JournalLine; ident: string }[] = [];
  // Recent things from the last hour; the unit's start and stop whenever they were (this boot).
  const since = Math.max(m.bootedAt, c.now - WINDOW_MS);
  const identAt = (at: number) => `kubelet[${kubeletPid(m, k, at)}]`;
  const sys = (at: number, text: string) => out.push({ line: { at, unit: 'kubelet', text }, ident: 'systemd[1]' });
  const klog = (at: number, level: 'I' | 'W' | 'E', source: string, msg: string, always = false) => {
    const p = kubeletPid(m, k, at);
    if (always || at >= since) out.push({ line: { at, unit: 'kubelet', text: klogHeader(level, at, c.epochMs, p, source, msg + at) + msg }, ident: identAt(at) });
  };
  // `systemctl stop|restart kubelet` this boot.
  const stopped = k.lastStoppedAt;
  if (stopped !== undefined && stopped >= m.bootedAt && m.isOn && (!k.running || stopped <= k.startedAt)) {
    sys(stopped, `Stopping kubelet.service - ${KUBELET_DESCRIPTION}...`);
    sys(stopped, 'kubelet.service: Deactivated successfully.');
    sys(stopped, `Stopped kubelet.service - ${KUBELET_DESCRIPTION}.`);
  }
  if (k.startedAt >= m.bootedAt) {
    const t = k.startedAt;
    sys(t, `Started kubelet.service - ${KUBELET_DESCRIPTION}.`);
    out.push({
      line: { at: t, unit: 'kubelet', text: "Flag --container-runtime-endpoint has been deprecated, This parameter should be set via the config file specified by the Kubelet's --config flag. See https://kubernetes.io/docs/tasks/administer-cluster/kubelet-config-file/ for more information." },
      ident: identAt(t),
    });
    klog(t, 'I', 'server.go:529', `"Kubelet version" kubeletVersion="${KUBERNETES_VERSION}"`, true);
    klog(t, 'I', 'server.go:531', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""', true);
    klog(t + 150, 'I', 'kubelet_node_status.go:75', `"Attempting to register node" node="${m.name}"`, true);
    klog(t + 180, 'I', 'kubelet_node_status.go:78', `"Successfully registered node" node="${m.name}"`, true);
    klog(t + 200, 'I', 'kubelet.go:2450', '"Starting kubelet main sync loop"', true);
  }
  // cadvisor's housekeeping runs late now and then on a busy node.
  if (k.running) {
    for (let t = Math.floor(since / 60_000) * 60_000; t <= c.now; t += 60_000) {
      const h = fnv1a32(`${m.name}/${t}`);
      if (t > k.startedAt && h % 17 === 0) klog(t + 411, 'I', 'manager.go:1009', `"Housekeeping took longer than expected" err="housekeeping took too long" expected="1s" actual="${goDuration(1000 + (h % 600))}"`);
    }
  }
  for (const ev of c.events.list()) {
    if (ev.source.component !== 'kubelet' || ev.source.host !== m.name || ev.lastTimestamp < since) continue;
    const l = klogOf(c, ev);
    if (l) klog(ev.lastTimestamp, l.level, l.source, l.msg);
  }
  if (k.running) {
    const fault = c.controlPlaneFault();
    if (fault) {
      const cause = fault === 'etcd' ? 'etcdserver: request timed out' : `Get \\"https://${CONTROL_PLANE_IP}:6443/api/v1/nodes/${m.name}?resourceVersion=0&timeout=10s\\": dial tcp ${CONTROL_PLANE_IP}:6443: ${fault === 'off' ? 'i/o timeout' : 'connect: connection refused'}`;
      for (let t = Math.floor(c.now / 10_000) * 10_000 - 50_000; t <= c.now; t += 10_000) klog(t, 'E', 'kubelet_node_status.go:549', `"Error updating node status, will retry" err="error getting node \\"${m.name}\\": ${cause}"`);
    }
    if (!m.docker.running) {
      for (let t = Math.max(m.docker.since, Math.floor(c.now / 5000) * 5000 - 30_000); t <= c.now; t += 5000) klog(t, 'E', 'kubelet.go:2412', '"Skipping pod synchronization" err="container runtime is down"');
    }
  }
  return out;
}

/** What the kubelet logs at its default verbosity for an event it recorded. */
function klogOf(c: Cluster, ev: Event): { level: 'I' | 'W' | 'E'; source: string; msg: string } | undefined {
  const o = ev.involvedObject;
  const pod = `pod="${o.namespace}/${o.name}" podUID="${o.uid ?? ''}"`;
  const container = /spec\.containers\{(.+)\}/.exec(o.fieldPath ?? '')?.[1] ?? '';
  switch (ev.reason) {
    case 'BackOff': {
      // The waits double with each crash the event counted: 10s, 20s, 40s ... 5m0s.
      if (ev.message.startsWith('Back-off pulling image')) {
        const inner = ev.message.replace(/"/g, '\\\\\\"');
        return { level: 'E', source: 'pod_workers.go:1301', msg: `"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"${container}\\" with ImagePullBackOff: \\"${inner}\\"" ${pod}` };
      }
      const waiting = c.store.get('Pod', o.name, o.namespace)?.status.containerStatuses?.find((s) => s.name === container)?.state.waiting;
      const wait = goDuration(Math.min(300_000, 10_000 * 2 ** Math.min(5, ev.count - 1)));
      const message = waiting?.reason === 'CrashLoopBackOff' && waiting.message ? waiting.message : `back-off ${wait} restarting failed container=${container} pod=${o.name}_${o.namespace}(${o.uid ?? ''})`;
      return { level: 'E', source: 'pod_workers.go:1301', msg: `"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"${container}\\" with CrashLoopBackOff: \\"${message}\\"" ${pod}` };
    }
    case 'Failed': {
      const pull = /^Failed to pull image "([^"]+)": (.*)$/.exec(ev.message);
      if (!pull) return undefined;
      return { level: 'E', source: 'log.go:32', msg: `"PullImage from image service failed" err="rpc error: code = Unknown desc = ${pull[2].replace(/"/g, '\\"')}" image="${pull[1]}"` };
    }
    case 'Killing':
      return { level: 'I', source: 'kuberuntime_container.go:809', msg: `"Killing container with a grace period" ${pod} containerName="${container}" gracePeriod=30` };
    case 'Evicted':
      return { level: 'I', source: 'eviction_manager.go:616', msg: `"Eviction manager: pods evicted, waiting for pod to be cleaned up" pods=["${o.namespace}/${o.name}"]` };
    case 'EvictionThresholdMet':
      return { level: 'I', source: 'eviction_manager.go:366', msg: '"Eviction manager: attempting to reclaim" resourceName="ephemeral-storage"' };
    case 'FreeDiskSpaceFailed':
      return { level: 'E', source: 'kubelet.go:1584', msg: `"Image garbage collection failed multiple times in a row" err="${ev.message}"` };
    default:
      return undefined;
  }
}

export function dockerLines(c: Cluster, m: Machine): { line: JournalLine; ident: string }[] {
  const out: { line: JournalLine; ident: string }[] = [];
  const since = Math.max(m.bootedAt, c.now - WINDOW_MS);
  const d = m.docker;
  const ident = `dockerd[${dockerdPid(m)}]`;
  const sys = (at: number, text: string) => out.push({ line: { at, unit: 'docker', text }, ident: 'systemd[1]' });
  const log = (at: number, level: string, msg: string, seed: string) =>
    out.push({ line: { at, unit: 'docker', text: `time="${rfc3339Nano(at, c.epochMs, seed)}" level=${level} msg=${msg}` }, ident });
  if (d.running && d.since >= m.bootedAt) {
    sys(d.since, `Starting docker.service - ${DOCKER_DESCRIPTION}...`);
    log(d.since, 'info', '"Starting up"', 'up');
    log(d.since + 400, 'info', '"Loading containers: done."', 'loaded');
    log(d.since + 450, 'info', `"Docker daemon" commit=41ca978 containerd-snapshotter=false storage-driver=overlay2 version=${DOCKER_VERSION}`, 'daemon');
    log(d.since + 500, 'info', '"API listen on /run/docker.sock"', 'api');
    sys(d.since + 500, `Started docker.service - ${DOCKER_DESCRIPTION}.`);
  }
  for (const ct of d.containers.values()) {
    if (ct.finishedAt === undefined || ct.finishedAt < since || ct.finishedAt > c.now) continue;
    log(ct.finishedAt, 'info', `"ignoring event" container=${ct.id} module=libcontainerd namespace=moby topic=/tasks/delete type="*events.TaskDelete"`, ct.id);
  }
  if (!d.running && m.isOn && d.since >= m.bootedAt) {
    sys(d.since, `Stopping docker.service - ${DOCKER_DESCRIPTION}...`);
    log(d.since, 'info', `"Processing signal 'terminated'"`, 'term');
    log(d.since, 'info', '"Daemon shutdown complete"', 'down');
    sys(d.since, 'docker.service: Deactivated successfully.');
    sys(d.since, `Stopped docker.service - ${DOCKER_DESCRIPTION}.`);
  }
  return out;
}

/** The journal of some units, oldest first, as journalctl prints it. */
export function journal(c: Cluster, m: Machine, units: ('kubelet' | 'docker')[]): string[] {
  const all = [...(units.includes('kubelet') ? kubeletLines(c, m) : []), ...(units.includes('docker') ? dockerLines(c, m) : [])];
  return all
    .filter((x) => x.line.at <= c.now)
    .sort((a, b) => a.line.at - b.line.at)
    .map((x) => render(c, m, x.line, x.ident));
}
