/**
 * kube-scheduler: binds each pending pod to a node. Filter plugins (NodeUnschedulable,
 * NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit) remove nodes that
 * cannot take the pod; score plugins (NodeResourcesFit/LeastAllocated,
 * NodeResourcesBalancedAllocation, ImageLocality, TaintToleration, PodTopologySpread) rank
 * the rest. In big clusters it stops filtering once it has found enough feasible nodes
 * (percentageOfNodesToScore). Pods that fit nowhere get a FailedScheduling event with the
 * real message and wait until the cluster changes.
 *
 * The node cache is kept as columns of numbers (one slot per node) so that a scheduling
 * cycle over hundreds of nodes costs microseconds.
 */
import type { Node, Pod, Taint } from '../api/types.js';
import { bytesOf, milliCpu } from '../api/quantity.js';
import { controllerOf, isTerminal, podRef, podRequests, toleratedBy } from '../api/pods.js';
import { normalizeImageRef } from '../registry.js';
import { QueueController } from '../loop.js';
import type { ControllerContext } from './context.js';

type Verdict = { reasons: string[]; resolvable: boolean };

const MIN_FEASIBLE_NODES = 100;
const MIN_FEASIBLE_PERCENT = 5;
const MAX_SCORE = 100;
const MB = 1024 * 1024;
const IMAGE_MIN = 23 * MB;
const IMAGE_MAX = 1000 * MB;
/** A pod that found no node is retried when the cluster changes, or after this long anyway. */
const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;
const BACKOFF_INITIAL_MS = 1000;
const BACKOFF_MAX_MS = 10_000;

/** Per-node facts the fast path cannot hold in a column. */
interface NodeExtra {
  node: Node;
  hostPorts: Map<string, number>;
  images: Map<string, number>;
  /** Untolerated-by-default PreferNoSchedule taints make scoring slower; most nodes have none. */
  preferTaints: number;
}

/** Columns of the node cache; a node is a slot. */
class NodeTable {
  size = 0;
  slots = new Map<string, number>();
  names: string[] = [];
  extras: NodeExtra[] = [];
  allocCpu = new Float64Array(16);
  allocMem = new Float64Array(16);
  allocPods = new Float64Array(16);
  reqCpu = new Float64Array(16);
  reqMem = new Float64Array(16);
  pods = new Float64Array(16);
  /** 1: schedulable, no NoSchedule/NoExecute taints, no host ports in use — only resources matter. */
  plain = new Uint8Array(16);
  /** Slots in the order nodes were added (the scheduler's node list). */
  order: number[] = [];
  private free: number[] = [];

  add(name: string, extra: NodeExtra): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.size++;
      if (slot >= this.allocCpu.length) this.grow(this.allocCpu.length * 2);
    }
    this.slots.set(name, slot);
    this.names[slot] = name;
    this.extras[slot] = extra;
    this.reqCpu[slot] = this.reqMem[slot] = this.pods[slot] = 0;
    this.order.push(slot);
    return slot;
  }

  remove(name: string): void {
    const slot = this.slots.get(name);
    if (slot === undefined) return;
    this.slots.delete(name);
    this.order = this.order.filter((s) => s !== slot);
    this.plain[slot] = 0;
    this.free.push(slot);
  }

  private grow(n: number): void {
    const g = <T extends Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as { new (n: number): T })(n);
      b.set(a);
      return b;
    };
    this.allocCpu = g(this.allocCpu);
    this.allocMem = g(this.allocMem);
    this.allocPods = g(this.allocPods);
    this.reqCpu = g(this.reqCpu);
    this.reqMem = g(this.reqMem);
    this.pods = g(this.pods);
    this.plain = g(this.plain);
  }
}

export class Scheduler extends QueueController<Pod> {
  private t = new NodeTable();
  private nextStart = 0;
  /** pod uid → node it is accounted on. */
  private placed = new Map<string, string>();
  private unschedulable = new Map<string, Pod>();
  private attempts = new Map<string, number>();
  /** image → which slots have it, and how many nodes. */
  private imageSlots = new Map<string, { has: Uint8Array; count: number; size: number }>();
  /** controller uid → pods per slot, for spreading replicas. */
  private ownerSlots = new Map<string, Int32Array>();
  private feasible = new Int32Array(256);
  private imageScratch: { has: Uint8Array; count: number; size: number }[] = [];
  private score = new Float64Array(256);

  constructor(private readonly ctx: ControllerContext) {
    super(ctx.loop);
    ctx.store.watch('Node', (type, node) => this.onNode(type, node));
    ctx.store.watch('Pod', (type, pod) => this.onPod(type, pod));
  }

  // ------------------------------------------------------------------ cache

  private onNode(type: string, node: Node): void {
    const name = node.metadata.name;
    const t = this.t;
    if (type === 'DELETED') {
      const slot = t.slots.get(name);
      if (slot !== undefined) this.setImages(slot, t.extras[slot], new Map());
      t.remove(name);
      return;
    }
    let slot = t.slots.get(name);
    if (slot === undefined) slot = t.add(name, { node, hostPorts: new Map(), images: new Map(), preferTaints: 0 });
    const extra = t.extras[slot];
    extra.node = node;
    t.allocCpu[slot] = milliCpu(node.status.allocatable.cpu);
    t.allocMem[slot] = bytesOf(node.status.allocatable.memory);
    t.allocPods[slot] = Number(node.status.allocatable.pods ?? 110);
    extra.preferTaints = (node.spec.taints ?? []).filter((x) => x.effect === 'PreferNoSchedule').length;
    this.updatePlain(slot);
    const images = new Map<string, number>();
    for (const img of node.status.images) for (const n of img.names) if (!n.includes('@')) images.set(normalizedRef(n), img.sizeBytes);
    this.setImages(slot, extra, images);
    this.retryUnschedulable();
  }

  private updatePlain(slot: number): void {
    const e = this.t.extras[slot];
    const hard = (e.node.spec.taints ?? []).some((x) => x.effect !== 'PreferNoSchedule');
    this.t.plain[slot] = !e.node.spec.unschedulable && !hard && e.hostPorts.size === 0 ? 1 : 0;
  }

  private setImages(slot: number, extra: NodeExtra, images: Map<string, number>): void {
    for (const ref of extra.images.keys()) {
      if (images.has(ref)) continue;
      const e = this.imageSlots.get(ref);
      if (e && e.has[slot]) {
        e.has[slot] = 0;
        e.count--;
      }
    }
    for (const [ref, size] of images) {
      let e = this.imageSlots.get(ref);
      if (!e) this.imageSlots.set(ref, (e = { has: new Uint8Array(this.t.allocCpu.length), count: 0, size }));
      if (e.has.length < this.t.allocCpu.length) {
        const b = new Uint8Array(this.t.allocCpu.length);
        b.set(e.has);
        e.has = b;
      }
      if (!e.has[slot]) {
        e.has[slot] = 1;
        e.count++;
      }
    }
    extra.images = images;
  }

  private onPod(type: string, pod: Pod): void {
    const uid = pod.metadata.uid;
    const was = this.placed.get(uid);
    const now = type === 'DELETED' || isTerminal(pod) ? undefined : pod.spec.nodeName;
    if (was !== now) {
      if (was !== undefined) this.account(pod, was, -1);
      if (now !== undefined) this.account(pod, now, +1);
      if (now === undefined) this.placed.delete(uid);
      else this.placed.set(uid, now);
      if (was !== undefined && now === undefined) this.retryUnschedulable();
    }
    if (type === 'DELETED') {
      this.unschedulable.delete(uid);
      this.attempts.delete(uid);
      return;
    }
    if (!pod.spec.nodeName && pod.metadata.deletionTimestamp === undefined && !this.unschedulable.has(uid) && (pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler') {
      this.enqueue(pod);
    }
  }

  private account(pod: Pod, nodeName: string, sign: 1 | -1): void {
    const t = this.t;
    const slot = t.slots.get(nodeName);
    if (slot === undefined) return;
    const r = podRequests(pod);
    t.reqCpu[slot] += sign * r.cpu;
    t.reqMem[slot] += sign * r.memory;
    t.pods[slot] += sign;
    const extra = t.extras[slot];
    let ports = false;
    for (const c of pod.spec.containers) {
      for (const p of c.ports ?? []) {
        if (!p.hostPort) continue;
        ports = true;
        const k = `${p.hostPort}/${p.protocol ?? 'TCP'}`;
        extra.hostPorts.set(k, (extra.hostPorts.get(k) ?? 0) + sign);
        if (!extra.hostPorts.get(k)) extra.hostPorts.delete(k);
      }
    }
    if (ports) this.updatePlain(slot);
    const owner = controllerOf(pod)?.uid;
    if (owner) {
      let counts = this.ownerSlots.get(owner);
      if (!counts || counts.length < t.allocCpu.length) {
        const b = new Int32Array(t.allocCpu.length);
        if (counts) b.set(counts);
        this.ownerSlots.set(owner, (counts = b));
      }
      counts[slot] += sign;
    }
  }

  /** A cluster event may have made room: pods that fit nowhere try again after their back-off. */
  private retryUnschedulable(): void {
    if (!this.unschedulable.size) return;
    const pods = [...this.unschedulable.values()];
    this.unschedulable.clear();
    for (const p of pods) {
      const n = this.attempts.get(p.metadata.uid) ?? 1;
      const backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** (n - 1));
      this.ctx.sim.at(this.ctx.sim.now + backoff, () => this.requeue(p));
    }
  }

  private requeue(pod: Pod): void {
    if (this.ctx.store.isLive(pod) && !pod.spec.nodeName && pod.metadata.deletionTimestamp === undefined) {
      this.unschedulable.delete(pod.metadata.uid);
      this.enqueue(pod);
    }
  }

  // ------------------------------------------------------------------ scheduling cycle

  protected sync(pod: Pod): void {
    if (!this.ctx.store.isLive(pod) || pod.spec.nodeName || pod.metadata.deletionTimestamp !== undefined) return;
    const t = this.t;
    const order = t.order;
    const total = order.length;
    const want = numFeasibleNodesToFind(total);
    if (this.feasible.length < want) this.feasible = new Int32Array(want * 2);
    const feasible = this.feasible;
    let found = 0;
    const r = podRequests(pod);
    // A pod with no node selector, node name or host ports only needs resources on a plain node.
    const simple = !pod.spec.nodeSelector && !pod.spec.nodeName && !pod.spec.containers.some((c) => c.ports?.some((p) => p.hostPort));
    let failures: Map<string, { count: number }> | undefined;
    const verdicts = { unresolvable: 0, resolvable: 0 };
    let processed = 0;
    const start = this.nextStart;
    // PreFilter: a pod pinned to one node by name (a DaemonSet's) is checked against that node only.
    const pinned = pod.spec.nodeSelector?.[HOSTNAME];
    if (pinned !== undefined) {
      const slot = t.slots.get(pinned);
      const v = slot === undefined ? undefined : this.filter(pod, slot);
      if (slot !== undefined && !v) return this.bind(pod, pinned);
      const failures = new Map<string, { count: number }>();
      const others = total - (slot === undefined ? 0 : 1);
      if (others) failures.set("node(s) didn't match Pod's node affinity/selector", { count: others });
      if (v) for (const reason of v.reasons) failures.set(reason, { count: (failures.get(reason)?.count ?? 0) + 1 });
      return this.fail(pod, fitErrorMessage(total, failures, { unresolvable: others + (v && !v.resolvable ? 1 : 0), resolvable: v?.resolvable ? 1 : 0 }));
    }
    for (let i = 0; i < total && found < want; i++) {
      const slot = order[(start + i) % total];
      processed++;
      if (simple && t.plain[slot] && t.pods[slot] + 1 <= t.allocPods[slot] && t.reqCpu[slot] + r.cpu <= t.allocCpu[slot] && t.reqMem[slot] + r.memory <= t.allocMem[slot]) {
        feasible[found++] = slot;
        continue;
      }
      const v = this.filter(pod, slot);
      if (!v) {
        feasible[found++] = slot;
        continue;
      }
      if (v.resolvable) verdicts.resolvable++;
      else verdicts.unresolvable++;
      failures ??= new Map();
      for (const reason of v.reasons) {
        const f = failures.get(reason);
        if (f) f.count++;
        else failures.set(reason, { count: 1 });
      }
    }
    this.nextStart = total ? (start + processed) % total : 0;
    if (!found) return this.fail(pod, fitErrorMessage(total, failures ?? new Map(), verdicts));
    this.bind(pod, t.names[this.select(pod, found)]);
  }

  private filter(pod: Pod, slot: number): Verdict | undefined {
    const t = this.t;
    const extra = t.extras[slot];
    const node = extra.node;
    const spec = pod.spec;
    const taints = node.spec.taints;
    // NodeUnschedulable
    if (node.spec.unschedulable && !toleratedBy(spec.tolerations, UNSCHEDULABLE_TAINT)) {
      return { reasons: ['node(s) were unschedulable'], resolvable: false };
    }
    // NodeName
    if (spec.nodeName && spec.nodeName !== t.names[slot]) return { reasons: ["node(s) didn't match the requested node name"], resolvable: false };
    // TaintToleration: NoSchedule and NoExecute taints must be tolerated.
    if (taints) {
      for (const x of taints) {
        if (x.effect === 'PreferNoSchedule') continue;
        if (!toleratedBy(spec.tolerations, x)) return { reasons: ['node(s) had untolerated taint(s)'], resolvable: false };
      }
    }
    // NodeAffinity (nodeSelector)
    const sel = spec.nodeSelector;
    if (sel) {
      const labels = node.metadata.labels ?? {};
      for (const k in sel) if (labels[k] !== sel[k]) return { reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false };
    }
    // NodePorts
    for (const c of spec.containers) {
      for (const p of c.ports ?? []) {
        if (p.hostPort && extra.hostPorts.has(`${p.hostPort}/${p.protocol ?? 'TCP'}`)) {
          return { reasons: ["node(s) didn't have free ports for the requested pod ports"], resolvable: true };
        }
      }
    }
    // NodeResourcesFit
    const r = podRequests(pod);
    const reasons: string[] = [];
    if (t.pods[slot] + 1 > t.allocPods[slot]) reasons.push('Too many pods');
    if (r.cpu > 0 && t.reqCpu[slot] + r.cpu > t.allocCpu[slot]) reasons.push('Insufficient cpu');
    if (r.memory > 0 && t.reqMem[slot] + r.memory > t.allocMem[slot]) reasons.push('Insufficient memory');
    return reasons.length ? { reasons, resolvable: true } : undefined;
  }

  /** Scores the feasible slots and picks the best (ties broken at random, as selectHost does). */
  private select(pod: Pod, n: number): number {
    const feasible = this.feasible;
    if (n === 1) return feasible[0];
    const t = this.t;
    const r = podRequests(pod);
    const owner = controllerOf(pod)?.uid;
    const counts = owner ? this.ownerSlots.get(owner) : undefined;
    const total = t.order.length;
    const refs = imagesOf(pod);
    const images = this.imageScratch;
    images.length = 0;
    for (let k = 0; k < refs.length; k++) {
      const e = this.imageSlots.get(refs[k]);
      if (e) images.push(e);
    }
    const containers = pod.spec.containers.length;
    const lo = IMAGE_MIN * containers;
    const hi = IMAGE_MAX * containers;
    if (this.score.length < n) this.score = new Float64Array(n * 2);
    const base = this.score;
    let maxTaint = 0;
    let maxSpread = 0;
    let minSpread = Infinity;
    for (let i = 0; i < n; i++) {
      const slot = feasible[i];
      const cpuFrac = Math.min(1, t.allocCpu[slot] ? (t.reqCpu[slot] + r.cpu) / t.allocCpu[slot] : 1);
      const memFrac = Math.min(1, t.allocMem[slot] ? (t.reqMem[slot] + r.memory) / t.allocMem[slot] : 1);
      // NodeResourcesFit, LeastAllocated strategy: the emptier, the better.
      const fit = ((1 - cpuFrac) * MAX_SCORE + (1 - memFrac) * MAX_SCORE) / 2;
      // NodeResourcesBalancedAllocation: cpu and memory used in proportion.
      const balanced = (1 - Math.abs(cpuFrac - memFrac) / 2) * MAX_SCORE;
      // ImageLocality: images already here, weighted by how widely they are spread.
      let sum = 0;
      for (let k = 0; k < images.length; k++) {
        const e = images[k];
        if (e.has[slot]) sum += (e.size * e.count) / total;
      }
      const image = sum <= lo ? 0 : sum >= hi ? MAX_SCORE : ((sum - lo) / (hi - lo)) * MAX_SCORE;
      base[i] = fit + balanced + image;
      const pt = t.extras[slot].preferTaints;
      if (pt > maxTaint) maxTaint = pt;
      const s = counts ? counts[slot] : 0;
      if (s > maxSpread) maxSpread = s;
      if (s < minSpread) minSpread = s;
    }
    let best = feasible[0];
    let bestScore = -Infinity;
    let ties = 0;
    for (let i = 0; i < n; i++) {
      const slot = feasible[i];
      // TaintToleration: fewer untolerated PreferNoSchedule taints.
      let taintScore = MAX_SCORE;
      if (maxTaint) {
        let u = 0;
        for (const x of t.extras[slot].node.spec.taints ?? []) if (x.effect === 'PreferNoSchedule' && !toleratedBy(pod.spec.tolerations, x)) u++;
        taintScore = MAX_SCORE - (u * MAX_SCORE) / maxTaint;
      }
      // PodTopologySpread (system default, by hostname): fewer siblings here.
      const s = counts ? counts[slot] : 0;
      const spreadScore = maxSpread ? (MAX_SCORE * (maxSpread + minSpread - s)) / maxSpread : MAX_SCORE;
      const score = base[i] + 3 * taintScore + 2 * spreadScore;
      if (score > bestScore + 1e-9) {
        bestScore = score;
        best = slot;
        ties = 1;
      } else if (score >= bestScore - 1e-9) {
        // Reservoir sampling among equals.
        ties++;
        if (this.ctx.sim.rng.int(ties) === 0) best = slot;
      }
    }
    return best;
  }

  private bind(pod: Pod, nodeName: string): void {
    const now = this.ctx.sim.now;
    pod.spec.nodeName = nodeName;
    const conds = (pod.status.conditions ??= []);
    const i = conds.findIndex((c) => c.type === 'PodScheduled');
    const cond = { type: 'PodScheduled' as const, status: 'True' as const, lastProbeTime: null, lastTransitionTime: now };
    if (i >= 0) conds[i] = cond;
    else conds.push(cond);
    this.unschedulable.delete(pod.metadata.uid);
    this.attempts.delete(pod.metadata.uid);
    this.ctx.api.update(pod);
    this.ctx.sim.events.record(pod, 'Normal', 'Scheduled', `Successfully assigned ${podRef(pod)} to ${nodeName}`, 'default-scheduler');
  }

  private fail(pod: Pod, message: string): void {
    const now = this.ctx.sim.now;
    const uid = pod.metadata.uid;
    // Parked before the status write, so the write does not queue the pod again.
    this.attempts.set(uid, (this.attempts.get(uid) ?? 0) + 1);
    this.unschedulable.set(uid, pod);
    const conds = (pod.status.conditions ??= []);
    const i = conds.findIndex((c) => c.type === 'PodScheduled');
    const prev = i >= 0 ? conds[i] : undefined;
    if (!prev || prev.status !== 'False' || prev.message !== message) {
      const cond = { type: 'PodScheduled' as const, status: 'False' as const, lastProbeTime: null, lastTransitionTime: prev?.status === 'False' ? prev.lastTransitionTime : now, reason: 'Unschedulable', message };
      if (i >= 0) conds[i] = cond;
      else conds.push(cond);
      this.ctx.api.update(pod);
    }
    this.ctx.sim.events.record(pod, 'Warning', 'FailedScheduling', message, 'default-scheduler');
    this.ctx.sim.at(now + UNSCHEDULABLE_FLUSH_MS, () => {
      if (this.unschedulable.get(uid) === pod) this.requeue(pod);
    });
  }

  /** How many pods are waiting for a node (for `describe` and tests). */
  get pendingCount(): number {
    return this.unschedulable.size;
  }
}

const refCache = new Map<string, string>();
function normalizedRef(ref: string): string {
  let r = refCache.get(ref);
  if (r === undefined) {
    r = normalizeImageRef(ref);
    if (refCache.size < 10_000) refCache.set(ref, r);
  }
  return r;
}

const podImages = new WeakMap<Pod, string[]>();
function imagesOf(pod: Pod): string[] {
  let l = podImages.get(pod);
  if (!l) podImages.set(pod, (l = pod.spec.containers.map((c) => normalizedRef(c.image))));
  return l;
}

const HOSTNAME = 'kubernetes.io/hostname';
const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** numFeasibleNodesToFind with the default adaptive percentageOfNodesToScore. */
export function numFeasibleNodesToFind(total: number): number {
  if (total < MIN_FEASIBLE_NODES) return total;
  const pct = Math.max(MIN_FEASIBLE_PERCENT, 50 - Math.floor(total / 125));
  const n = Math.floor((total * pct) / 100);
  return Math.max(n, MIN_FEASIBLE_NODES);
}

/**
 * FitError.Error(): `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2
 * Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for
 * scheduling, 2 No preemption victims found for incoming pod.` Counts and reasons are sorted
 * as strings, like the real histogram.
 */
export function fitErrorMessage(
  total: number,
  failures: Map<string, { count: number }>,
  nodes: { unresolvable: number; resolvable: number },
): string {
  if (total === 0) return 'no nodes available to schedule pods';
  const hist = [...failures].map(([reason, f]) => `${f.count} ${reason}`).sort();
  let msg = `0/${total} nodes are available`;
  msg += hist.length ? `: ${hist.join(', ')}.` : '.';
  // Preemption: every pod here has the same priority, so evicting others can never help.
  const p: string[] = [];
  if (nodes.unresolvable) p.push(`${nodes.unresolvable} Preemption is not helpful for scheduling`);
  if (nodes.resolvable) p.push(`${nodes.resolvable} No preemption victims found for incoming pod`);
  msg += ` preemption: 0/${total} nodes are available: ${p.sort().join(', ')}.`;
  return msg;
}
