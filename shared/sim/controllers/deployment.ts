/**
 * The Deployment controller: one ReplicaSet per pod template (named by its
 * pod-template-hash), a rollout from old to new that honours maxSurge/maxUnavailable
 * (RollingUpdate) or kills everything first (Recreate), proportional scaling in the middle of
 * a rollout, revision numbers and history, and the Progressing/Available conditions with
 * ProgressDeadlineExceeded. The logic follows pkg/controller/deployment step by step.
 */
import type { Deployment, DeploymentCondition, IntOrString, Pod, ReplicaSet } from '../api/types.js';
import { controllerOf, isTerminal } from '../api/pods.js';
import { deepClone } from '../clone.js';
import { stableStringify } from '../hash.js';
import { QueueController } from '../loop.js';
import { podTemplateHash } from '../names.js';
import type { Index } from '../store.js';
import type { NewObject } from '../apiserver.js';
import type { ControllerContext } from './context.js';

const COMPONENT = 'deployment-controller';
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
const DESIRED = 'deployment.kubernetes.io/desired-replicas';
const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';

export class DeploymentController extends QueueController<string> {
  private byUid = new Map<string, Deployment>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly rsByOwner: Index<ReplicaSet>,
    private readonly podsByOwner: Index<Pod>,
  ) {
    super(ctx.loop);
    ctx.store.watch('Deployment', (type, d) => {
      if (type === 'DELETED') this.byUid.delete(d.metadata.uid);
      else {
        this.byUid.set(d.metadata.uid, d);
        this.enqueue(d.metadata.uid);
      }
    });
    ctx.store.watch('ReplicaSet', (_type, rs) => {
      const owner = controllerOf(rs);
      if (owner?.kind === 'Deployment') this.enqueue(owner.uid);
    });
    // Recreate waits for old pods to be gone.
    ctx.store.watch('Pod', (type, pod) => {
      if (type !== 'DELETED') return;
      const rsRef = controllerOf(pod);
      if (rsRef?.kind !== 'ReplicaSet') return;
      const rs = this.ctx.store.get('ReplicaSet', rsRef.name, pod.metadata.namespace);
      const d = rs && controllerOf(rs);
      if (d?.kind === 'Deployment' && this.byUid.get(d.uid)?.spec.strategy.type === 'Recreate') this.enqueue(d.uid);
    });
  }

  protected sync(uid: string): void {
    const d = this.byUid.get(uid);
    if (!d || d.metadata.deletionTimestamp !== undefined) return;
    const rsList = [...this.rsByOwner.get(uid)].filter((rs) => rs.metadata.deletionTimestamp === undefined);
    if (d.spec.paused) {
      const { newRS, oldRSs } = this.getAllReplicaSets(d, rsList, false);
      this.scale(d, newRS, oldRSs);
      this.syncRolloutStatus(d, [...oldRSs, ...(newRS ? [newRS] : [])], newRS);
      return;
    }
    if (this.isScalingEvent(d, rsList)) {
      const { newRS, oldRSs } = this.getAllReplicaSets(d, rsList, false);
      this.scale(d, newRS, oldRSs);
      const all = [...oldRSs, ...(newRS ? [newRS] : [])];
      if (newRS && deploymentComplete(d, d.status)) this.cleanup(d, oldRSs);
      this.syncRolloutStatus(d, all, newRS);
      return;
    }
    if (d.spec.strategy.type === 'Recreate') this.rolloutRecreate(d, rsList);
    else this.rolloutRolling(d, rsList);
  }

  // ------------------------------------------------------------------ strategies

  private rolloutRolling(d: Deployment, rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = this.getAllReplicaSets(d, rsList, true) as { newRS: ReplicaSet; oldRSs: ReplicaSet[] };
    const all = [...oldRSs, newRS];
    if (this.reconcileNewReplicaSet(all, newRS, d)) return this.syncRolloutStatus(d, all, newRS);
    if (this.reconcileOldReplicaSets(all, oldRSs.filter(active), newRS, d)) return this.syncRolloutStatus(d, all, newRS);
    if (deploymentComplete(d, d.status)) this.cleanup(d, oldRSs);
    this.syncRolloutStatus(d, all, newRS);
  }

  private rolloutRecreate(d: Deployment, rsList: ReplicaSet[]): void {
    let { newRS, oldRSs } = this.getAllReplicaSets(d, rsList, false);
    let all = [...oldRSs, ...(newRS ? [newRS] : [])];
    let scaledDown = false;
    for (const rs of oldRSs.filter(active)) {
      if (this.scaleReplicaSet(rs, 0, d, 'down')) scaledDown = true;
    }
    if (scaledDown) return this.syncRolloutStatus(d, all, newRS);
    if (this.oldPodsRunning(newRS, oldRSs)) return this.syncRolloutStatus(d, all, newRS);
    if (!newRS) {
      ({ newRS, oldRSs } = this.getAllReplicaSets(d, rsList, true));
      all = [...oldRSs, newRS!];
    }
    this.scaleReplicaSet(newRS!, d.spec.replicas, d, 'up');
    if (deploymentComplete(d, d.status)) this.cleanup(d, oldRSs);
    this.syncRolloutStatus(d, all, newRS);
  }

  private oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
    if (newRS && (newRS.status.replicas ?? 0) > 0) return true;
    for (const rs of oldRSs) {
      if ((rs.status.replicas ?? 0) > 0) return true;
      for (const p of this.podsByOwner.get(rs.metadata.uid)) if (!isTerminal(p)) return true;
    }
    return false;
  }

  private reconcileNewReplicaSet(all: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
    if (newRS.spec.replicas === d.spec.replicas) return false;
    if (newRS.spec.replicas > d.spec.replicas) return this.scaleReplicaSet(newRS, d.spec.replicas, d, 'down');
    return this.scaleReplicaSet(newRS, newRSNewReplicas(d, all, newRS), d, 'up');
  }

  private reconcileOldReplicaSets(all: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
    const oldPods = sumSpec(oldRSs);
    if (oldPods === 0) return false;
    const allPods = sumSpec(all);
    const minAvailable = d.spec.replicas - maxUnavailable(d);
    const newUnavailable = newRS.spec.replicas - (newRS.status.availableReplicas ?? 0);
    const maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;
    // Clean up unhealthy replicas first: they serve nobody.
    let cleaned = 0;
    for (const rs of [...oldRSs].sort(byCreation)) {
      if (cleaned >= maxScaledDown) break;
      if (rs.spec.replicas === 0) continue;
      const avail = rs.status.availableReplicas ?? 0;
      if (rs.spec.replicas === avail) continue;
      const n = Math.min(maxScaledDown - cleaned, rs.spec.replicas - avail);
      this.scaleReplicaSet(rs, rs.spec.replicas - n, d, 'down');
      cleaned += n;
    }
    // Then scale down old replica sets while keeping minAvailable.
    const available = sumAvailable([...oldRSs, newRS]);
    let scaled = 0;
    if (available > minAvailable) {
      const total = available - minAvailable;
      for (const rs of [...oldRSs].sort(byCreation)) {
        if (scaled >= total) break;
        if (rs.spec.replicas === 0) continue;
        const n = Math.min(rs.spec.replicas, total - scaled);
        this.scaleReplicaSet(rs, rs.spec.replicas - n, d, 'down');
        scaled += n;
      }
    }
    return cleaned + scaled > 0;
  }

  // ------------------------------------------------------------------ scaling

  private isScalingEvent(d: Deployment, rsList: ReplicaSet[]): boolean {
    const { newRS, oldRSs } = this.getAllReplicaSets(d, rsList, false);
    for (const rs of [...oldRSs, ...(newRS ? [newRS] : [])].filter(active)) {
      const desired = rs.metadata.annotations?.[DESIRED];
      if (desired !== undefined && Number(desired) !== d.spec.replicas) return true;
    }
    return false;
  }

  /** Proportional scaling (deployment.scale): spread a change of replicas over the active ReplicaSets. */
  private scale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const activeRSs = [...oldRSs, ...(newRS ? [newRS] : [])].filter(active);
    const activeOrLatest = activeRSs.length === 1 ? activeRSs[0] : activeRSs.length === 0 ? (newRS ?? [...oldRSs].sort(byCreation).at(-1)) : undefined;
    if (activeOrLatest) {
      if (activeOrLatest.spec.replicas !== d.spec.replicas) this.scaleReplicaSet(activeOrLatest, d.spec.replicas, d, d.spec.replicas > activeOrLatest.spec.replicas ? 'up' : 'down');
      return;
    }
    if (newRS && newRS.spec.replicas === d.spec.replicas && (newRS.status.availableReplicas ?? 0) === d.spec.replicas) {
      for (const rs of oldRSs.filter(active)) this.scaleReplicaSet(rs, 0, d, 'down');
      return;
    }
    if (d.spec.strategy.type !== 'RollingUpdate') return;
    const current = sumSpec(activeRSs);
    const allowed = d.spec.replicas > 0 ? d.spec.replicas + maxSurge(d) : 0;
    const toAdd = allowed - current;
    const sorted = [...activeRSs];
    if (toAdd > 0) sorted.sort((a, b) => b.spec.replicas - a.spec.replicas || b.metadata.creationTimestamp - a.metadata.creationTimestamp);
    else if (toAdd < 0) sorted.sort((a, b) => b.spec.replicas - a.spec.replicas || a.metadata.creationTimestamp - b.metadata.creationTimestamp);
    let added = 0;
    const sizes = new Map<ReplicaSet, number>();
    for (const rs of sorted) {
      if (toAdd !== 0) {
        const p = proportion(rs, d, toAdd, added);
        sizes.set(rs, rs.spec.replicas + p);
        added += p;
      } else sizes.set(rs, rs.spec.replicas);
    }
    sorted.forEach((rs, i) => {
      let size = sizes.get(rs)!;
      if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
      this.scaleReplicaSet(rs, size, d, toAdd > 0 ? 'up' : 'down');
    });
  }

  /** Sets a ReplicaSet's replicas and annotations; records ScalingReplicaSet. True when replicas changed. */
  private scaleReplicaSet(rs: ReplicaSet, replicas: number, d: Deployment, _dir: 'up' | 'down'): boolean {
    const from = rs.spec.replicas;
    const ann = (rs.metadata.annotations ??= {});
    const desired = String(d.spec.replicas);
    const max = String(d.spec.replicas + maxSurge(d));
    const annChanged = ann[DESIRED] !== desired || ann[MAX_REPLICAS] !== max;
    if (from === replicas && !annChanged) return false;
    ann[DESIRED] = desired;
    ann[MAX_REPLICAS] = max;
    rs.spec.replicas = replicas;
    this.ctx.api.update(rs, from !== replicas);
    if (from !== replicas) {
      const dir = replicas > from ? 'up' : 'down';
      this.ctx.sim.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${dir} replica set ${rs.metadata.name} from ${from} to ${replicas}`, COMPONENT);
    }
    return from !== replicas;
  }

  // ------------------------------------------------------------------ replica sets and revisions

  private getAllReplicaSets(d: Deployment, rsList: ReplicaSet[], create: boolean): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
    const want = this.deploymentTemplateKey(d);
    const matching = rsList.filter((rs) => templateKey(rs.spec.template) === want).sort(byCreation);
    let newRS: ReplicaSet | undefined = matching[0];
    const oldRSs = rsList.filter((rs) => rs !== newRS);
    const maxOld = Math.max(0, ...oldRSs.map(revisionOf));
    const newRevision = String(maxOld + 1);
    let dirty = false;
    if (newRS) {
      const ann = (newRS.metadata.annotations ??= {});
      if ((Number(ann[REVISION]) || 0) < maxOld + 1) {
        // An old template came back (rollout undo): it takes the next revision number.
        const prev = ann[REVISION];
        if (prev) ann[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${prev}` : prev;
        ann[REVISION] = newRevision;
        this.ctx.api.update(newRS);
      }
      dirty = setRevision(d, newRS.metadata.annotations![REVISION]);
      if (!condition(d, 'Progressing')) {
        setCondition(d, 'Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`, this.ctx.sim.now);
        dirty = true;
      }
    } else if (create) {
      newRS = this.createReplicaSet(d, rsList, newRevision);
      setRevision(d, newRevision);
      setCondition(d, 'Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${newRS.metadata.name}"`, this.ctx.sim.now);
      dirty = true;
    }
    if (dirty) this.ctx.api.update(d);
    return { newRS, oldRSs };
  }

  private templateKeys = new Map<string, { generation: number; template: object; key: string }>();

  /** The Deployment's template key, recomputed only when its generation or template object changes. */
  private deploymentTemplateKey(d: Deployment): string {
    const gen = d.metadata.generation ?? 0;
    const hit = this.templateKeys.get(d.metadata.uid);
    if (hit && hit.generation === gen && hit.template === d.spec.template) return hit.key;
    const key = templateKeyUncached(d.spec.template);
    this.templateKeys.set(d.metadata.uid, { generation: gen, template: d.spec.template, key });
    return key;
  }

  private createReplicaSet(d: Deployment, all: ReplicaSet[], revision: string): ReplicaSet {
    const hash = podTemplateHash(d.spec.template, d.status.collisionCount ?? 0);
    const template = deepClone(d.spec.template);
    template.metadata ??= {};
    template.metadata.labels = { ...(template.metadata.labels ?? {}), [HASH_LABEL]: hash };
    const selector = deepClone(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
    const replicas = newRSNewReplicas(d, all, undefined);
    const rs: NewObject<ReplicaSet> = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...template.metadata.labels },
        annotations: { ...copiedAnnotations(d), [DESIRED]: String(d.spec.replicas), [MAX_REPLICAS]: String(d.spec.replicas + maxSurge(d)), [REVISION]: revision },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
      status: { replicas: 0 },
    };
    const created = this.ctx.api.create(rs);
    if (replicas > 0) {
      this.ctx.sim.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`, COMPONENT);
    }
    return created;
  }

  /** Old ReplicaSets beyond revisionHistoryLimit that have no pods are deleted, oldest revision first. */
  private cleanup(d: Deployment, oldRSs: ReplicaSet[]): void {
    const limit = d.spec.revisionHistoryLimit;
    const cleanable = oldRSs.filter((rs) => rs.metadata.deletionTimestamp === undefined);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    let removed = 0;
    for (const rs of cleanable) {
      if (removed >= diff) break;
      if ((rs.status.replicas ?? 0) !== 0 || rs.spec.replicas !== 0 || (rs.metadata.generation ?? 0) > (rs.status.observedGeneration ?? 0)) continue;
      this.ctx.api.delete(rs);
      removed++;
    }
  }

  // ------------------------------------------------------------------ status

  private syncRolloutStatus(d: Deployment, all: ReplicaSet[], newRS: ReplicaSet | undefined): void {
    const now = this.ctx.sim.now;
    const next = calculateStatus(all, newRS, d, now);
    const cur = condition(d, 'Progressing');
    const complete = next.replicas === next.updatedReplicas && cur?.reason === 'NewReplicaSetAvailable';
    if (d.spec.paused) {
      if (cur?.reason !== 'DeploymentPaused') setConditionIn(next, 'Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', now);
    } else if (cur?.reason === 'DeploymentPaused') {
      setConditionIn(next, 'Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', now);
    } else if (!complete) {
      if (deploymentComplete(d, next)) {
        setConditionIn(next, 'Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRS?.metadata.name}" has successfully progressed.`, now);
      } else if (deploymentProgressing(d, next)) {
        const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
        const c = next.conditions!.find((x) => x.type === 'Progressing');
        const keep = c?.status === 'True' ? c.lastTransitionTime : now;
        next.conditions = next.conditions!.filter((x) => x.type !== 'Progressing');
        next.conditions.push({ type: 'Progressing', status: 'True', lastUpdateTime: now, lastTransitionTime: keep, reason: 'ReplicaSetUpdated', message: msg });
      } else if (timedOut(d, next, now)) {
        const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
        setConditionIn(next, 'Progressing', 'False', 'ProgressDeadlineExceeded', msg, now);
      }
    }
    if (statusEqual(next, d.status)) {
      this.requeueStuck(d, now);
      return;
    }
    d.status = next;
    this.ctx.api.update(d);
    this.requeueStuck(d, now);
  }

  /** A rollout that stops making progress is looked at again when its deadline passes. */
  private requeueStuck(d: Deployment, now: number): void {
    const c = condition(d, 'Progressing');
    if (!c || c.reason === 'NewReplicaSetAvailable' || c.reason === 'ProgressDeadlineExceeded' || d.spec.paused) return;
    if (deploymentComplete(d, d.status)) return;
    const at = c.lastUpdateTime + d.spec.progressDeadlineSeconds * 1000 + 1000;
    const uid = d.metadata.uid;
    if (at > now) this.ctx.sim.at(at, () => this.enqueue(uid));
    else this.enqueue(uid);
  }
}

// ---------------------------------------------------------------------- helpers (deploymentutil)

/** The Deployment's annotations a new ReplicaSet inherits (change-cause among them), as the real controller copies them. */
function copiedAnnotations(d: Deployment): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (k === REVISION || k === REVISION_HISTORY || k === DESIRED || k === MAX_REPLICAS || k === 'kubectl.kubernetes.io/last-applied-configuration') continue;
    out[k] = v;
  }
  return out;
}

function active(rs: ReplicaSet): boolean {
  return rs.spec.replicas > 0;
}

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  return a.metadata.creationTimestamp - b.metadata.creationTimestamp || (a.metadata.name < b.metadata.name ? -1 : 1);
}

function sumSpec(rss: ReplicaSet[]): number {
  let n = 0;
  for (const rs of rss) n += rs.spec.replicas;
  return n;
}

function sumAvailable(rss: ReplicaSet[]): number {
  let n = 0;
  for (const rs of rss) n += rs.status.availableReplicas ?? 0;
  return n;
}

export function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

/** The Deployment's current ReplicaSet: the oldest whose template equals its own, hash aside (FindNewReplicaSet). */
export function newReplicaSet(d: Deployment, rsList: Iterable<ReplicaSet>): ReplicaSet | undefined {
  const want = templateKeyUncached(d.spec.template);
  let found: ReplicaSet | undefined;
  for (const rs of rsList) if (templateKey(rs.spec.template) === want && (!found || byCreation(rs, found) < 0)) found = rs;
  return found;
}

const templateKeys = new WeakMap<object, string>();

/** A ReplicaSet's template key; a ReplicaSet's template never changes after creation. */
function templateKey(t: ReplicaSet['spec']['template']): string {
  let k = templateKeys.get(t);
  if (k === undefined) templateKeys.set(t, (k = templateKeyUncached(t)));
  return k;
}

/** The template without its pod-template-hash label (EqualIgnoreHash). */
function templateKeyUncached(t: ReplicaSet['spec']['template']): string {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  return stableStringify({ ...t, metadata: { ...(t.metadata ?? {}), labels } });
}

/** An int or a percentage of `total`, rounded up or down (GetScaledValueFromIntOrPercent). */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number(v) || 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** ResolveFenceposts: surge rounds up, unavailable rounds down, and both cannot be zero. */
export function fenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec.strategy.rollingUpdate ?? {};
  const surge = scaledValue(ru.maxSurge ?? '25%', d.spec.replicas, true);
  let unavailable = scaledValue(ru.maxUnavailable ?? '25%', d.spec.replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: Deployment): number {
  return d.spec.strategy.type === 'RollingUpdate' ? fenceposts(d).surge : 0;
}

export function maxUnavailable(d: Deployment): number {
  if (d.spec.strategy.type !== 'RollingUpdate' || d.spec.replicas === 0) return 0;
  return Math.min(fenceposts(d).unavailable, d.spec.replicas);
}

function newRSNewReplicas(d: Deployment, all: ReplicaSet[], newRS: ReplicaSet | undefined): number {
  if (d.spec.strategy.type === 'Recreate') return d.spec.replicas;
  const current = sumSpec(all);
  const maxTotal = d.spec.replicas + maxSurge(d);
  const have = newRS?.spec.replicas ?? 0;
  if (current >= maxTotal) return have;
  return have + Math.min(maxTotal - current, d.spec.replicas - have);
}

function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (rs.spec.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (d.spec.replicas === 0) fraction = -rs.spec.replicas;
  else {
    const deploymentReplicas = d.spec.replicas + maxSurge(d);
    const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS] ?? d.status.replicas ?? 0) || 1;
    fraction = Math.round((rs.spec.replicas * deploymentReplicas) / annotated) - rs.spec.replicas;
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function calculateStatus(all: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment, now: number): Deployment['status'] {
  const available = sumAvailable(all);
  const total = sumSpec(all);
  let replicas = 0;
  let ready = 0;
  for (const rs of all) {
    replicas += rs.status.replicas ?? 0;
    ready += rs.status.readyReplicas ?? 0;
  }
  const status: Deployment['status'] = {
    observedGeneration: d.metadata.generation,
    replicas,
    updatedReplicas: newRS?.status.replicas ?? 0,
    readyReplicas: ready,
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    conditions: (d.status.conditions ?? []).map((c) => ({ ...c })),
  };
  if (d.status.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (available >= d.spec.replicas - maxUnavailable(d)) setConditionIn(status, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now);
  else setConditionIn(status, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now);
  return status;
}

function statusEqual(a: Deployment['status'], b: Deployment['status']): boolean {
  if (
    a.observedGeneration !== b.observedGeneration ||
    a.replicas !== b.replicas ||
    a.updatedReplicas !== b.updatedReplicas ||
    a.readyReplicas !== b.readyReplicas ||
    a.availableReplicas !== b.availableReplicas ||
    a.unavailableReplicas !== b.unavailableReplicas ||
    a.collisionCount !== b.collisionCount
  ) {
    return false;
  }
  const ca = a.conditions ?? [];
  const cb = b.conditions ?? [];
  if (ca.length !== cb.length) return false;
  for (let i = 0; i < ca.length; i++) {
    const x = ca[i];
    const y = cb[i];
    if (x.type !== y.type || x.status !== y.status || x.reason !== y.reason || x.message !== y.message || x.lastUpdateTime !== y.lastUpdateTime || x.lastTransitionTime !== y.lastTransitionTime) return false;
  }
  return true;
}

export function deploymentComplete(d: Deployment, s: Deployment['status']): boolean {
  return (
    s.updatedReplicas === d.spec.replicas &&
    s.replicas === d.spec.replicas &&
    s.availableReplicas === d.spec.replicas &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

function deploymentProgressing(d: Deployment, next: Deployment['status']): boolean {
  const old = d.status;
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

function timedOut(d: Deployment, s: Deployment['status'], now: number): boolean {
  const c = s.conditions?.find((x) => x.type === 'Progressing');
  if (!c) return false;
  if (c.reason === 'ProgressDeadlineExceeded') return true;
  if (c.reason === 'NewReplicaSetAvailable') return false;
  return c.lastUpdateTime + d.spec.progressDeadlineSeconds * 1000 < now;
}

export function condition(d: Deployment, type: DeploymentCondition['type']): DeploymentCondition | undefined {
  return d.status.conditions?.find((c) => c.type === type);
}

function setCondition(d: Deployment, type: DeploymentCondition['type'], status: DeploymentCondition['status'], reason: string, message: string, now: number): void {
  setConditionIn(d.status, type, status, reason, message, now);
}

/** SetDeploymentCondition: same status and reason → no change; same status → keep transition time. */
function setConditionIn(s: Deployment['status'], type: DeploymentCondition['type'], status: DeploymentCondition['status'], reason: string, message: string, now: number): void {
  const conds = (s.conditions ??= []);
  const i = conds.findIndex((c) => c.type === type);
  const cur = i >= 0 ? conds[i] : undefined;
  if (cur && cur.status === status && cur.reason === reason) return;
  const next: DeploymentCondition = { type, status, lastUpdateTime: now, lastTransitionTime: cur && cur.status === status ? cur.lastTransitionTime : now, reason, message };
  if (i >= 0) conds.splice(i, 1);
  conds.push(next);
  // Keep the real order: Available before Progressing.
  conds.sort((a, b) => ORDER[a.type] - ORDER[b.type]);
}

const ORDER: Record<DeploymentCondition['type'], number> = { Available: 0, Progressing: 1, ReplicaFailure: 2 };

function setRevision(d: Deployment, revision: string | undefined): boolean {
  if (!revision) return false;
  const ann = (d.metadata.annotations ??= {});
  if (ann[REVISION] === revision) return false;
  ann[REVISION] = revision;
  return true;
}
