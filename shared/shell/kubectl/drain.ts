/**
 * `kubectl drain NODE`: cordon it, then evict its pods, following k8s.io/kubectl/pkg/drain:
 * DaemonSet pods need --ignore-daemonsets (they stay), mirror pods are skipped, pods with
 * emptyDir need --delete-emptydir-data, pods without a controller need --force (and are
 * gone for good). The terminal stays busy until every evicted pod has terminated.
 */
import type { Node, Pod } from '../../sim/api/types.js';
import { controllerOf } from '../../sim/api/pods.js';
import type { Cluster } from '../../sim/cluster.js';
import { bool, int, str } from '../flags.js';
import type { ShellResult } from '../types.js';
import { done, type Command } from './command.js';
import { usageError } from './errors.js';
import { dryRunOf, dryRunSuffix, DRY_RUN_FLAG } from './apply.js';
import { nodesFor, setUnschedulable } from './nodes.js';
import { parseGoDuration } from './rollout.js';
import { parseLabelSelector } from './selector.js';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

/** How long a drain may keep the terminal without --timeout (sim ms). */
export const DRAIN_WAIT_MS = 10 * 60_000;

interface Options {
  ignoreDaemonSets: boolean;
  deleteEmptyDir: boolean;
  force: boolean;
}

type Verdict = { delete: boolean; kind: 'okay' | 'skip' | 'warning' | 'error'; message?: string };

/** The drain filters, in their order; the first that keeps a pod decides (short-circuit). */
function filter(c: Cluster, pod: Pod, o: Options): Verdict {
  const finished = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  let v: Verdict = { delete: true, kind: 'okay' };
  const steps: (() => Verdict)[] = [
    () => {
      const ref = controllerOf(pod);
      if (!ref || ref.kind !== 'DaemonSet' || finished) return { delete: true, kind: 'okay' };
      if (!c.store.get('DaemonSet', ref.name, pod.metadata.namespace)) {
        return o.force ? { delete: true, kind: 'warning', message: `daemonsets.apps "${ref.name}" not found` } : { delete: false, kind: 'error', message: `daemonsets.apps "${ref.name}" not found` };
      }
      return o.ignoreDaemonSets ? { delete: false, kind: 'warning', message: DAEMONSET_WARNING } : { delete: false, kind: 'error', message: DAEMONSET_FATAL };
    },
    () => (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { delete: false, kind: 'skip' } : { delete: true, kind: 'okay' }),
    () => {
      if (!(pod.spec.volumes ?? []).some((vol) => vol.emptyDir) || finished) return { delete: true, kind: 'okay' };
      return o.deleteEmptyDir ? { delete: true, kind: 'warning', message: LOCAL_STORAGE_WARNING } : { delete: false, kind: 'error', message: LOCAL_STORAGE_FATAL };
    },
    () => {
      if (finished || controllerOf(pod)) return { delete: true, kind: 'okay' };
      return o.force ? { delete: true, kind: 'warning', message: UNMANAGED_WARNING } : { delete: false, kind: 'error', message: UNMANAGED_FATAL };
    },
  ];
  for (const step of steps) {
    v = step();
    if (!v.delete) break;
  }
  return v;
}

/** Groups `message: ns/pod, ns/pod` in the order the filters run. */
function grouped(items: { pod: Pod; v: Verdict }[], kind: 'warning' | 'error'): { message: string; pods: string }[] {
  const order = [DAEMONSET_FATAL, DAEMONSET_WARNING, LOCAL_STORAGE_FATAL, LOCAL_STORAGE_WARNING, UNMANAGED_FATAL, UNMANAGED_WARNING];
  const map = new Map<string, string[]>();
  for (const { pod, v } of items) {
    if (v.kind !== kind || !v.message) continue;
    const list = map.get(v.message) ?? [];
    list.push(`${pod.metadata.namespace}/${pod.metadata.name}`);
    map.set(v.message, list);
  }
  return [...map.entries()]
    .sort((a, b) => (order.indexOf(a[0]) >>> 0) - (order.indexOf(b[0]) >>> 0))
    .map(([message, pods]) => ({ message, pods: pods.join(', ') }));
}

export const drain: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  long: `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API
server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction
https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the
pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If
there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete
any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which
ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication
controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.
--force will also allow deletion to proceed if the managing resource of one or more pods is missing.

 'drain' waits for graceful termination. You should not operate on the machine until the command completes.

 When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable
again.

https://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg`,
  examples: `  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
  kubectl drain foo --force

  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
  kubectl drain foo --grace-period=900`,
  usage: 'kubectl drain NODE [options]',
  flags: [
    { name: 'delete-emptydir-data', type: 'bool', default: false, usage: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'disable-eviction', type: 'bool', default: false, usage: 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use\n\twith caution.' },
    DRY_RUN_FLAG,
    { name: 'force', type: 'bool', default: false, usage: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified\n\tin the pod will be used.' },
    { name: 'ignore-daemonsets', type: 'bool', default: false, usage: 'Ignore DaemonSet-managed pods.' },
    { name: 'pod-selector', type: 'string', default: '', usage: 'Label selector to filter pods on the node' },
    { name: 'selector', short: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before giving up, zero means infinite' },
  ],
  write: true,
  run(inv) {
    const c = inv.cluster;
    const sel = str(inv.flags, 'selector');
    if (!inv.args.length && !sel) throw usageError('kubectl drain', 'USAGE: drain NODE [flags]');
    const timeout = parseGoDuration(str(inv.flags, 'timeout')) ?? 0;
    const dryRun = dryRunOf(str(inv.flags, 'dry-run'));
    const suffix = dryRunSuffix(dryRun);
    const o: Options = { ignoreDaemonSets: bool(inv.flags, 'ignore-daemonsets'), deleteEmptyDir: bool(inv.flags, 'delete-emptydir-data'), force: bool(inv.flags, 'force') };
    const podSel = str(inv.flags, 'pod-selector') ? parseLabelSelector(str(inv.flags, 'pod-selector')) : () => true;
    const errors: string[] = [];
    const nodes = nodesFor(c, inv.args, sel, errors);
    let out = '';
    for (const n of nodes) out += `${setUnschedulable(c, n, true, dryRun !== 'none')}${suffix}\n`;
    if (errors.length && !nodes.length) return done(`${errors.join('\n')}\n`, 1);
    const grace = int(inv.flags, 'grace-period');
    const evicted: { pod: Pod; node: Node }[] = [];
    const pending: string[] = [];
    const fatal: string[] = [];
    const drainedNow: string[] = [];
    for (const node of nodes) {
      const pods = [...c.podsByNode.get(node.metadata.name)].filter((p) => podSel(p.metadata.labels)).sort((a, b) => (`${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1));
      const verdicts = pods.map((pod) => ({ pod, v: filter(c, pod, o) }));
      const errs = grouped(verdicts, 'error').map((g) => `cannot delete ${g.message}: ${g.pods}`);
      if (errs.length) {
        const agg = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
        out += `error: unable to drain node "${node.metadata.name}" due to error: ${agg}, continuing command...\n`;
        pending.push(node.metadata.name);
        fatal.push(...errs);
        continue;
      }
      const warnings = grouped(verdicts, 'warning').map((g) => `${g.message}: ${g.pods}`);
      if (warnings.length) out += `Warning: ${warnings.join('; ')}\n`;
      const toEvict = verdicts.filter((x) => x.v.delete).map((x) => x.pod);
      for (const pod of toEvict) {
        out += `evicting pod ${pod.metadata.namespace}/${pod.metadata.name}${suffix}\n`;
        if (dryRun === 'none') {
          c.api.delete(pod, grace >= 0 ? grace : undefined);
          evicted.push({ pod, node });
        }
      }
      if (dryRun !== 'none' || !toEvict.length) drainedNow.push(node.metadata.name);
    }
    for (const name of drainedNow) out += `node/${name} drained${suffix}\n`;
    const tail = (): string => {
      let t = '';
      if (pending.length) t += `There are pending nodes to be drained:\n${pending.map((p) => ` ${p}\n`).join('')}${fatal.join('\n')}\n`;
      if (errors.length) t += `${errors.join('\n')}\n`;
      return t;
    };
    const exitCode = pending.length || errors.length ? 1 : 0;
    if (!evicted.length) return done(out + tail(), exitCode);
    // Evictions are graceful: the command waits until each pod is gone.
    const res: ShellResult = done(out, 0);
    const start = c.now;
    const reported = new Set<string>();
    const remaining = new Map(nodes.map((n) => [n.metadata.name, evicted.filter((e) => e.node === n).length]));
    res.follow = {
      timeoutMs: timeout > 0 ? timeout + 1000 : DRAIN_WAIT_MS,
      poll(now) {
        let text = '';
        for (const { pod, node } of evicted) {
          if (reported.has(pod.metadata.uid) || c.store.isLive(pod)) continue;
          reported.add(pod.metadata.uid);
          text += `pod/${pod.metadata.name} evicted\n`;
          const left = remaining.get(node.metadata.name)! - 1;
          remaining.set(node.metadata.name, left);
          if (left === 0) text += `node/${node.metadata.name} drained\n`;
        }
        if (reported.size === evicted.length) return { text: text + tail(), done: true, exitCode };
        if (timeout > 0 && now - start >= timeout) {
          const waiting = evicted.find((e) => !reported.has(e.pod.metadata.uid))!;
          text += `error: unable to drain node "${waiting.node.metadata.name}" due to error: error when waiting for pod "${waiting.pod.metadata.name}" in namespace "${waiting.pod.metadata.namespace}" to terminate: global timeout reached: ${str(inv.flags, 'timeout')}, continuing command...\n`;
          text += `There are pending nodes to be drained:\n ${waiting.node.metadata.name}\nerror when waiting for pod "${waiting.pod.metadata.name}" in namespace "${waiting.pod.metadata.namespace}" to terminate: global timeout reached: ${str(inv.flags, 'timeout')}\n`;
          return { text, done: true, exitCode: 1 };
        }
        return { text, done: false };
      },
    };
    res.progress = `draining ${nodes.map((n) => n.metadata.name).join(', ')}`;
    return res;
  },
};
