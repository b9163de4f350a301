/**
 * How each Kubernetes state looks in town. One place decides, so the canvas, the accessible
 * description and the tests agree: a pod's STATUS word becomes a window look (lit, starting,
 * crash...), each container a resident, each node a building look.
 */
import type { ContainerView, HandContainerView, NodeView, PodView } from '../net/state-types.js';

export type PodLook = 'lit' | 'starting' | 'crash' | 'oom' | 'pull' | 'evicted' | 'leaving' | 'done' | 'error' | 'dark' | 'pending' | 'unknown';
/** A: awake (running, ready) · W: waking (running, not ready) · P: waiting · D: down (terminated). */
export type ResidentLook = 'A' | 'W' | 'P' | 'D';
export type NodeLook = 'ok' | 'dark' | 'construction' | 'closed';
export type ShopLook = 'open' | 'closed' | 'restarting' | 'created';

/** `2/3` → whether every container is ready. */
export function allReady(ready: string): boolean {
  const m = /^(\d+)\/(\d+)$/.exec(ready);
  return !!m && m[1] === m[2] && Number(m[2]) > 0;
}

export function podLook(p: PodView, nodeDark: boolean): PodLook {
  if (p.terminating || p.status === 'Terminating') return 'leaving';
  if (nodeDark && p.node) return 'dark';
  switch (p.status) {
    case 'Running':
      return allReady(p.ready) ? 'lit' : 'starting';
    case 'ContainerCreating':
    case 'PodInitializing':
      return 'starting';
    case 'Pending':
      return p.node ? 'starting' : 'pending';
    case 'CrashLoopBackOff':
    case 'Error':
      return 'crash';
    case 'OOMKilled':
      return 'oom';
    case 'ImagePullBackOff':
    case 'ErrImagePull':
    case 'InvalidImageName':
      return 'pull';
    case 'Evicted':
      return 'evicted';
    case 'Completed':
      return 'done';
    case 'CreateContainerConfigError':
    case 'CreateContainerError':
    case 'RunContainerError':
      return 'error';
    default:
      return p.status.startsWith('Init:') ? 'starting' : 'unknown';
  }
}

export function residentLook(c: ContainerView): ResidentLook {
  if (c.state === 'running') return c.ready ? 'A' : 'W';
  if (c.state === 'terminated') return 'D';
  return 'P';
}

/** Up to three residents per apartment are drawn (a sidecar is the second). */
export function residentsOf(p: PodView): string {
  let s = '';
  p.containers.forEach((c, i) => {
    if (i < 3) s += residentLook(c);
  });
  return s || 'P';
}

export function nodeDark(n: NodeView): boolean {
  return n.power === 'off' || n.status.startsWith('NotReady') || n.status.startsWith('Unknown');
}

export function nodeLook(n: NodeView, controlPlaneUp: boolean): NodeLook {
  if (n.power === 'booting' || n.status === 'Booting') return 'construction';
  if (nodeDark(n)) return 'dark';
  if (n.role === 'control-plane' && !controlPlaneUp) return 'closed';
  return 'ok';
}

export function shopLook(h: HandContainerView): ShopLook {
  if (h.state === 'running') return 'open';
  if (h.state === 'restarting') return 'restarting';
  if (h.state === 'created') return 'created';
  return 'closed';
}

/** Looks that are bad news (drawn dark and marked). */
export const FAILING: ReadonlySet<PodLook> = new Set(['crash', 'oom', 'pull', 'evicted', 'error', 'dark', 'unknown']);

/** The four residents of the town hall, in the order their windows are drawn. */
export const CONTROL_PLANE_APPS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
