/**
 * The EndpointSlice controller: a Service's endpoints are the Ready pods its selector picks.
 * kube-proxy sends traffic only there. While the control plane is down the endpoints do not
 * change, so traffic keeps going where it went.
 */
import type { Pod, Service } from '../api/types.js';
import { isPodReady } from '../api/pods.js';
import { matchesLabels } from '../api/selectors.js';
import type { Reconciler } from '../loop.js';
import { keyOf } from '../store.js';
import type { ControllerContext } from './context.js';

export interface Endpoints {
  ready: Pod[];
  notReady: Pod[];
}

export class EndpointsController implements Reconciler {
  readonly controlPlane = true;
  private endpoints = new Map<string, Endpoints>();
  private dirty = new Set<string>();
  private kicked = false;
  private listeners: (() => void)[] = [];

  constructor(private readonly ctx: ControllerContext) {
    ctx.store.watch('Service', (type, svc) => {
      const key = keyOf(svc.metadata.name, svc.metadata.namespace);
      if (type === 'DELETED') {
        this.endpoints.delete(key);
        this.changed();
      } else this.mark(key);
    });
    ctx.store.watch('Pod', (_type, pod) => {
      for (const svc of ctx.store.values('Service')) {
        if (svc.metadata.namespace === pod.metadata.namespace && matchesLabels(svc.spec.selector, pod.metadata.labels)) this.mark(keyOf(svc.metadata.name, svc.metadata.namespace));
      }
    });
  }

  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private mark(key: string): void {
    this.dirty.add(key);
    if (!this.kicked) {
      this.kicked = true;
      this.ctx.loop.kick(this);
    }
  }

  run(): void {
    this.kicked = false;
    for (const key of this.dirty) {
      const [ns, name] = key.split('/');
      const svc = this.ctx.store.get('Service', name, ns);
      if (svc) this.endpoints.set(key, this.compute(svc));
    }
    this.dirty.clear();
    this.changed();
  }

  private compute(svc: Service): Endpoints {
    const ep: Endpoints = { ready: [], notReady: [] };
    if (!svc.spec.selector) return ep;
    for (const pod of this.ctx.store.values('Pod')) {
      if (pod.metadata.namespace !== svc.metadata.namespace || !matchesLabels(svc.spec.selector, pod.metadata.labels)) continue;
      if (pod.metadata.deletionTimestamp !== undefined || !pod.status.podIP || pod.status.phase === 'Failed' || pod.status.phase === 'Succeeded') continue;
      (isPodReady(pod) ? ep.ready : ep.notReady).push(pod);
    }
    return ep;
  }

  of(name: string, namespace = 'default'): Endpoints {
    return this.endpoints.get(keyOf(name, namespace)) ?? { ready: [], notReady: [] };
  }
}
