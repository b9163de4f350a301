/** Small facts about pods that several controllers and the console need. */
import type { KubeObject, OwnerReference, Pod, PodCondition, Taint, Toleration } from './types.js';
import { bytesOf, milliCpu } from './quantity.js';

const controllers = new WeakMap<OwnerReference[], OwnerReference | null>();

/** The owner reference with controller: true (pods of one ReplicaSet share the array: cached). */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences;
  if (!refs) return undefined;
  let c = controllers.get(refs);
  if (c === undefined) controllers.set(refs, (c = refs.find((r) => r.controller) ?? null));
  return c ?? undefined;
}

export function isPodReady(pod: Pod): boolean {
  const c = pod.status.conditions;
  if (!c) return false;
  for (let i = 0; i < c.length; i++) if (c[i].type === 'Ready') return c[i].status === 'True';
  return false;
}

export function podCondition(pod: Pod, type: PodCondition['type']): PodCondition | undefined {
  return pod.status.conditions?.find((c) => c.type === type);
}

export function isTerminating(obj: KubeObject): boolean {
  return obj.metadata.deletionTimestamp !== undefined;
}

/** Succeeded or Failed: the pod will never run again. */
export function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

/** Counted by a ReplicaSet: not terminal and not being deleted. */
export function isActive(pod: Pod): boolean {
  return !isTerminal(pod) && pod.metadata.deletionTimestamp === undefined;
}

export interface Requests {
  cpu: number;
  memory: number;
}

const requestCache = new WeakMap<Pod, Requests>();

/** The pod's total requests (millicores, bytes), as the scheduler sums them. */
export function podRequests(pod: Pod): Requests {
  let r = requestCache.get(pod);
  if (r) return r;
  r = { cpu: 0, memory: 0 };
  for (const c of pod.spec.containers) {
    const req = c.resources?.requests;
    if (!req) continue;
    r.cpu += milliCpu(req.cpu);
    r.memory += bytesOf(req.memory);
  }
  requestCache.set(pod, r);
  return r;
}

/** Whether a toleration tolerates a taint (v1helper.TolerationsTolerateTaint). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key === undefined || t.key === '') return t.operator === 'Exists';
  if (t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

export function toleratedBy(tols: Toleration[] | undefined, taint: Taint): Toleration | undefined {
  if (!tols) return undefined;
  for (const t of tols) if (tolerates(t, taint)) return t;
  return undefined;
}

/** `default/web-abc12`: how events and messages name a pod. */
export function podRef(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}
