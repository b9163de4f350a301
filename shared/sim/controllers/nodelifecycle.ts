/**
 * The node lifecycle controller (node-controller in events): watches each node's lease; a
 * kubelet silent for longer than the grace period (50 s) gets its Ready and pressure
 * conditions set to Unknown (reason NodeStatusUnknown), its pods marked not ready, and the
 * `node.kubernetes.io/unreachable` taints — NoSchedule at once, NoExecute through the zone's
 * rate limiter (0.1 node/s; stopped in a small cluster when most of it is down). It also
 * keeps the condition taints (disk-pressure, unschedulable, ...) in step with the node, as
 * TaintNodesByCondition does. It checks every 5 s, but only nodes whose kubelet went quiet.
 */
import type { Node, NodeCondition, Pod, Taint, Time } from '../api/types.js';
import type { Reconciler } from '../loop.js';
import type { Index } from '../store.js';
import type { Kubelet } from './kubelet.js';
import type { ControllerContext } from './context.js';

export const NODE_MONITOR_PERIOD = 5_000;
export const NODE_MONITOR_GRACE = 50_000;
const EVICTION_INTERVAL = 10_000; // 0.1 node/s
const SECONDARY_EVICTION_INTERVAL = 100_000; // 0.01 node/s
const UNHEALTHY_ZONE_THRESHOLD = 0.55;
const LARGE_CLUSTER_THRESHOLD = 50;
const COMPONENT = 'node-controller';

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';

/** Condition → the NoSchedule taint TaintNodesByCondition keeps on the node. */
const CONDITION_TAINTS: { key: string; when: (n: Node) => boolean }[] = [
  { key: TAINT_NOT_READY, when: (n) => readyStatus(n) === 'False' },
  { key: TAINT_UNREACHABLE, when: (n) => readyStatus(n) === 'Unknown' },
  { key: 'node.kubernetes.io/memory-pressure', when: (n) => cond(n, 'MemoryPressure') === 'True' },
  { key: 'node.kubernetes.io/disk-pressure', when: (n) => cond(n, 'DiskPressure') === 'True' },
  { key: 'node.kubernetes.io/pid-pressure', when: (n) => cond(n, 'PIDPressure') === 'True' },
  { key: 'node.kubernetes.io/unschedulable', when: (n) => !!n.spec.unschedulable },
];

export class NodeLifecycleController implements Reconciler {
  readonly controlPlane = true;
  private checks = new Set<string>();
  private taintQueue: string[] = [];
  private nextTaintAt = -Infinity;
  private taintTimer = false;
  private kicked = false;
  /** When the controller (re)started watching: nodes get a fresh grace period from here. */
  private since: Time;
  private dirtyNodes = new Set<Node>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly kubelets: Map<string, Kubelet>,
    private readonly podsByNode: Index<Pod>,
  ) {
    this.since = ctx.sim.now;
    ctx.store.watch('Node', (type, node) => {
      if (type === 'DELETED') return;
      this.dirtyNodes.add(node);
      this.kick();
    });
  }

  /** A kubelet was added (new node) or stopped/started. */
  watchKubelet(k: Kubelet): void {
    k.onChange((_k, change) => {
      if (change === 'stopped') this.scheduleCheck(k.nodeName);
    });
  }

  /** The controller-manager is back after a control-plane outage: it starts its clocks again. */
  resume(): void {
    this.since = this.ctx.sim.now;
    for (const k of this.kubelets.values()) if (!k.running) this.scheduleCheck(k.nodeName);
  }

  private scheduleCheck(name: string): void {
    const k = this.kubelets.get(name);
    if (!k) return;
    const from = Math.max(k.leaseRenewTime(), this.since) + NODE_MONITOR_GRACE;
    const at = (Math.floor(from / NODE_MONITOR_PERIOD) + 1) * NODE_MONITOR_PERIOD;
    this.ctx.sim.at(Math.max(at, this.ctx.sim.now), () => {
      this.checks.add(name);
      this.kick();
    });
  }

  private kick(): void {
    if (this.kicked) return;
    this.kicked = true;
    this.ctx.loop.kick(this);
  }

  run(): void {
    this.kicked = false;
    for (const name of this.checks) this.monitor(name);
    this.checks.clear();
    for (const node of this.dirtyNodes) this.reconcileTaints(node);
    this.dirtyNodes.clear();
  }

  /** monitorNodeHealth for one node. */
  private monitor(name: string): void {
    const node = this.ctx.store.get('Node', name);
    const k = this.kubelets.get(name);
    if (!node || !k) return;
    const now = this.ctx.sim.now;
    const probe = Math.max(k.leaseRenewTime(), this.since);
    if (now - probe <= NODE_MONITOR_GRACE) {
      if (!k.running) this.scheduleCheck(name);
      return;
    }
    if (readyStatus(node) === 'Unknown') return;
    for (const c of node.status.conditions) {
      if (c.type === 'NetworkUnavailable') continue;
      c.status = 'Unknown';
      c.reason = 'NodeStatusUnknown';
      c.message = 'Kubelet stopped posting node status.';
      c.lastTransitionTime = now;
    }
    this.ctx.api.update(node);
    this.ctx.sim.events.record(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, COMPONENT);
    this.markPodsNotReady(node);
    this.queueNoExecuteTaint(name);
  }

  /** MarkPodsNotReady: pods on a silent node stop being Ready (and leave Service endpoints). */
  private markPodsNotReady(node: Node): void {
    const now = this.ctx.sim.now;
    for (const pod of this.podsByNode.get(node.metadata.name)) {
      // New objects, not edits: other components may hold the old ones.
      let changed = false;
      const conds = (pod.status.conditions ?? []).map((c) => {
        if ((c.type === 'Ready' || c.type === 'ContainersReady') && c.status !== 'False') {
          changed = true;
          return { ...c, status: 'False' as const, lastTransitionTime: now };
        }
        return c;
      });
      if (changed) {
        pod.status = { ...pod.status, conditions: conds, containerStatuses: pod.status.containerStatuses?.map((cs) => ({ ...cs, ready: false })) };
        this.ctx.api.update(pod);
        this.ctx.sim.events.record(pod, 'Warning', 'NodeNotReady', 'Node is not ready', COMPONENT);
      }
    }
  }

  // ------------------------------------------------------------------ NoExecute taints, rate-limited

  private queueNoExecuteTaint(name: string): void {
    if (!this.taintQueue.includes(name)) this.taintQueue.push(name);
    this.processTaintQueue();
  }

  private processTaintQueue(): void {
    const now = this.ctx.sim.now;
    while (this.taintQueue.length) {
      const interval = this.evictionInterval();
      if (interval === Infinity) return; // evictions stopped; retried when nodes change
      if (now < this.nextTaintAt) {
        if (!this.taintTimer) {
          this.taintTimer = true;
          this.ctx.sim.at(this.nextTaintAt, () => {
            this.taintTimer = false;
            this.processTaintQueue();
          });
        }
        return;
      }
      const name = this.taintQueue.shift()!;
      const node = this.ctx.store.get('Node', name);
      if (!node || readyStatus(node) === 'True') continue;
      const key = readyStatus(node) === 'False' ? TAINT_NOT_READY : TAINT_UNREACHABLE;
      const taints = (node.spec.taints ??= []);
      if (!taints.some((t) => t.key === key && t.effect === 'NoExecute')) {
        taints.push({ key, effect: 'NoExecute', timeAdded: now });
        this.ctx.api.update(node);
      }
      this.nextTaintAt = now + interval;
    }
  }

  /** The zone's eviction rate from how much of it is unhealthy (one zone here). */
  private evictionInterval(): number {
    let total = 0;
    let notReady = 0;
    for (const n of this.ctx.store.values('Node')) {
      total++;
      if (readyStatus(n) !== 'True') notReady++;
    }
    if (total > 0 && notReady === total) return Infinity; // FullDisruption
    if (notReady > 2 && notReady / total >= UNHEALTHY_ZONE_THRESHOLD) {
      return total > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_INTERVAL : Infinity; // PartialDisruption
    }
    return EVICTION_INTERVAL;
  }

  // ------------------------------------------------------------------ condition taints

  private reconcileTaints(node: Node): void {
    if (this.ctx.store.get('Node', node.metadata.name) !== node) return;
    const taints = node.spec.taints ?? [];
    let next: Taint[] = taints;
    for (const ct of CONDITION_TAINTS) {
      const want = ct.when(node);
      const has = next.some((t) => t.key === ct.key && t.effect === 'NoSchedule');
      if (want && !has) next = [...next, { key: ct.key, effect: 'NoSchedule' }];
      if (!want && has) next = next.filter((t) => !(t.key === ct.key && t.effect === 'NoSchedule'));
    }
    // A node that is Ready again loses its NoExecute unreachable/not-ready taints.
    if (readyStatus(node) === 'True' && next.some((t) => t.effect === 'NoExecute' && (t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY))) {
      next = next.filter((t) => !(t.effect === 'NoExecute' && (t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY)));
      this.taintQueue = this.taintQueue.filter((n) => n !== node.metadata.name);
    }
    if (next !== taints) {
      node.spec.taints = next.length ? next : undefined;
      if (!next.length) delete node.spec.taints;
      this.ctx.api.update(node);
    }
    if (this.taintQueue.length) this.processTaintQueue();
  }
}

export function readyStatus(node: Node): NodeCondition['status'] | undefined {
  return cond(node, 'Ready');
}

function cond(node: Node, type: NodeCondition['type']): NodeCondition['status'] | undefined {
  const cs = node.status.conditions;
  for (let i = 0; i < cs.length; i++) if (cs[i].type === type) return cs[i].status;
  return undefined;
}
