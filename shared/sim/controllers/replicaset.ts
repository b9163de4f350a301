/**
 * The ReplicaSet controller: keeps `spec.replicas` active pods matching the template. It
 * creates missing pods (at most 500 per sync, like burstReplicas) and, when there are too
 * many, deletes the ones the real ranking picks first: unscheduled, then Pending, Unknown,
 * Running; not ready before ready; lower pod-deletion-cost; more siblings on the same node;
 * ready for less time; more restarts; newer.
 */
import type { Pod, ReplicaSet } from '../api/types.js';
import { controllerOf, isActive, isPodReady, podCondition } from '../api/pods.js';
import { QueueController } from '../loop.js';
import type { NewObject } from '../apiserver.js';
import type { ControllerContext } from './context.js';

const BURST_REPLICAS = 500;
const COMPONENT = 'replicaset-controller';

interface Tally {
  active: Set<Pod>;
  ready: number;
}

interface Memo {
  rs: string;
  active: boolean;
  ready: boolean;
}

export class ReplicaSetController extends QueueController<string> {
  private tallies = new Map<string, Tally>();
  private memos = new Map<string, Memo>();
  private byUid = new Map<string, ReplicaSet>();

  constructor(private readonly ctx: ControllerContext) {
    super(ctx.loop);
    ctx.store.watch('ReplicaSet', (type, rs) => {
      if (type === 'DELETED') {
        this.byUid.delete(rs.metadata.uid);
        return;
      }
      this.byUid.set(rs.metadata.uid, rs);
      this.enqueue(rs.metadata.uid);
    });
    ctx.store.watch('Pod', (type, pod) => this.onPod(type, pod));
  }

  private onPod(type: string, pod: Pod): void {
    const ref = controllerOf(pod);
    if (ref?.kind !== 'ReplicaSet') return;
    const uid = pod.metadata.uid;
    const gone = type === 'DELETED';
    const active = !gone && isActive(pod);
    const ready = active && isPodReady(pod);
    let memo = this.memos.get(uid);
    if (memo && memo.active === active && memo.ready === ready && !gone) return;
    const t = this.tally(ref.uid);
    if (memo) {
      if (memo.active) t.active.delete(pod);
      if (memo.ready) t.ready--;
    }
    if (gone) this.memos.delete(uid);
    else {
      if (!memo) this.memos.set(uid, (memo = { rs: ref.uid, active, ready }));
      memo.active = active;
      memo.ready = ready;
      if (active) t.active.add(pod);
      if (ready) t.ready++;
    }
    this.enqueue(ref.uid);
  }

  private tally(rsUid: string): Tally {
    let t = this.tallies.get(rsUid);
    if (!t) this.tallies.set(rsUid, (t = { active: new Set(), ready: 0 }));
    return t;
  }

  protected sync(uid: string): void {
    const rs = this.byUid.get(uid);
    if (!rs) {
      if (!this.tallies.get(uid)?.active.size) this.tallies.delete(uid);
      return;
    }
    if (rs.metadata.deletionTimestamp !== undefined) return;
    const t = this.tally(uid);
    const diff = rs.spec.replicas - t.active.size;
    if (diff > 0) {
      const n = Math.min(diff, BURST_REPLICAS);
      for (let i = 0; i < n; i++) this.createPod(rs);
      if (diff > n) this.enqueue(uid);
    } else if (diff < 0) {
      for (const pod of this.rankForDeletion(rs, [...t.active]).slice(0, Math.min(-diff, BURST_REPLICAS))) {
        this.ctx.api.delete(pod);
        this.ctx.sim.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, COMPONENT);
      }
    }
    this.updateStatus(rs, t);
  }

  /** What every pod of a ReplicaSet shares: its labels and owner reference (never edited in place). */
  private shared = new WeakMap<ReplicaSet, { labels: Record<string, string>; owners: NonNullable<Pod['metadata']['ownerReferences']>; generateName: string }>();

  private createPod(rs: ReplicaSet): void {
    const tpl = rs.spec.template;
    let sh = this.shared.get(rs);
    if (!sh) {
      sh = {
        labels: { ...(tpl.metadata?.labels ?? {}) },
        owners: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }],
        generateName: `${rs.metadata.name}-`,
      };
      this.shared.set(rs, sh);
    }
    const pod: NewObject<Pod> = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: '',
        generateName: sh.generateName,
        namespace: rs.metadata.namespace,
        labels: sh.labels,
        ownerReferences: sh.owners,
      },
      // Admission gives the pod its own spec; containers stay shared with the template.
      spec: tpl.spec,
      status: { phase: 'Pending' },
    };
    if (tpl.metadata?.annotations) pod.metadata.annotations = { ...tpl.metadata.annotations };
    const created = this.ctx.api.create(pod);
    this.ctx.sim.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, COMPONENT);
  }

  private updateStatus(rs: ReplicaSet, t: Tally): void {
    const replicas = t.active.size;
    const ready = t.ready;
    const available = this.available(rs, t);
    const st = rs.status;
    const gen = rs.metadata.generation;
    if (st.replicas === replicas && st.readyReplicas === ready && st.availableReplicas === available && st.fullyLabeledReplicas === replicas && st.observedGeneration === gen) return;
    rs.status = { replicas, fullyLabeledReplicas: replicas, readyReplicas: ready, availableReplicas: available, observedGeneration: gen };
    this.ctx.api.update(rs);
  }

  /** Ready pods that have been ready for minReadySeconds. */
  private available(rs: ReplicaSet, t: Tally): number {
    const min = (rs.spec.minReadySeconds ?? 0) * 1000;
    if (!min) return t.ready;
    const now = this.ctx.sim.now;
    let n = 0;
    let next = Infinity;
    for (const pod of t.active) {
      if (!isPodReady(pod)) continue;
      const since = podCondition(pod, 'Ready')!.lastTransitionTime;
      if (since + min <= now) n++;
      else next = Math.min(next, since + min);
    }
    if (next < Infinity) this.ctx.sim.at(next, () => this.enqueue(rs.metadata.uid));
    return n;
  }

  /** Pods ordered the way controller.ActivePodsWithRanks sorts them: first to delete first. */
  rankForDeletion(rs: ReplicaSet, pods: Pod[]): Pod[] {
    const now = this.ctx.sim.now;
    const perNode = new Map<string, number>();
    for (const p of pods) if (p.spec.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    void rs;
    return pods.sort((a, b) => comparePodsForDeletion(a, b, perNode, now));
  }
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function deletionCost(p: Pod): number {
  const v = p.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  const n = v === undefined ? 0 : Number(v);
  return Number.isFinite(n) ? n : 0;
}

function readySince(p: Pod): number | undefined {
  const c = podCondition(p, 'Ready');
  return c?.status === 'True' ? c.lastTransitionTime : undefined;
}

function restarts(p: Pod): number {
  let n = 0;
  for (const c of p.status.containerStatuses ?? []) n += c.restartCount;
  return n;
}

/** log2 of an age in nanoseconds, as LogarithmicScaleDown buckets it. */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d <= 0 ? -1 : Math.floor(Math.log2(d));
}

export function comparePodsForDeletion(a: Pod, b: Pod, perNode: Map<string, number>, now: number): number {
  // 1. Unassigned < assigned.
  const sa = a.spec.nodeName ? 1 : 0;
  const sb = b.spec.nodeName ? 1 : 0;
  if (sa !== sb) return sa - sb;
  // 2. Pending < Unknown < Running.
  const pa = PHASE_RANK[a.status.phase] ?? 0;
  const pb = PHASE_RANK[b.status.phase] ?? 0;
  if (pa !== pb) return pa - pb;
  // 3. Not ready < ready.
  const ra = isPodReady(a) ? 1 : 0;
  const rb = isPodReady(b) ? 1 : 0;
  if (ra !== rb) return ra - rb;
  // 4. Lower pod-deletion-cost first.
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  // 5. Doubled up: more siblings on the same node first.
  const na = a.spec.nodeName ? (perNode.get(a.spec.nodeName) ?? 0) : 0;
  const nb = b.spec.nodeName ? (perNode.get(b.spec.nodeName) ?? 0) : 0;
  if (na !== nb) return nb - na;
  // 6. Ready for less time first.
  if (ra && rb) {
    const ta = readySince(a)!;
    const tb = readySince(b)!;
    const d = logRank(ta, now) - logRank(tb, now);
    if (d !== 0) return d;
  }
  // 7. More restarts first.
  const xa = restarts(a);
  const xb = restarts(b);
  if (xa !== xb) return xb - xa;
  // 8. Newer first.
  const d = logRank(a.metadata.creationTimestamp, now) - logRank(b.metadata.creationTimestamp, now);
  if (d !== 0) return d;
  return a.metadata.uid < b.metadata.uid ? -1 : a.metadata.uid > b.metadata.uid ? 1 : 0;
}
