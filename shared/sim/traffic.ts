/**
 * The town's requests. They come through the front door and go two ways:
 * - the old load balancer, to ports 80–89 on every worker, where hand-started containers
 *   may be listening (its health check notices a dead backend only after 20 s);
 * - the Service `web` (the bus line), to its endpoints: the Ready pods. A pod that is still
 *   listed but whose node died loses the requests sent to it until it leaves the endpoints.
 * Demand is split evenly over every backend that receives traffic; each live one serves up to
 * its capacity. The rest is lost. Work is done only when something changed.
 */
import type { Pod, Service, Time } from './api/types.js';
import type { EndpointsController } from './controllers/endpoints.js';
import type { Kubelet } from './controllers/kubelet.js';
import type { DockerContainer } from './runtime/docker.js';
import type { Machine } from './runtime/machine.js';
import type { SimContext } from './context.js';
import type { Store } from './store.js';

/** How long the old load balancer keeps sending to a backend that died. */
export const LB_HEALTHCHECK_MS = 20_000;
export const DEFAULT_CAPACITY_RPS = 40;

export interface TrafficTotals {
  demanded: number;
  served: number;
  lost: number;
}

export interface Backends {
  /** Backends receiving a share of the requests. */
  routable: number;
  /** Of those, the ones that answer. */
  live: number;
  /** What each live backend can serve, requests/s. */
  capacities: number[];
  viaService: number;
  viaLoadBalancer: number;
}

export class Traffic {
  capacityPerBackend = DEFAULT_CAPACITY_RPS;
  /** Multiplies the demand the match asks for (a traffic spike). */
  demandFactor = 1;
  readonly service = { name: 'web', namespace: 'default' };
  /** The host ports the old load balancer sends to on every worker. */
  readonly legacyPorts = { from: 80, to: 89 };
  readonly totals: TrafficTotals = { demanded: 0, served: 0, lost: 0 };
  private dirty = true;
  private cached: Backends = { routable: 0, live: 0, capacities: [], viaService: 0, viaLoadBalancer: 0 };
  /** Hand-started containers published on the legacy port, by machine. */
  private legacy = new Map<DockerContainer, Machine>();
  private legacyDeadUntil = new Map<DockerContainer, Time>();
  private listeners: (() => void)[] = [];

  constructor(
    private readonly sim: SimContext,
    private readonly store: Store,
    private readonly endpoints: EndpointsController,
    private readonly machines: Map<string, Machine>,
    private readonly kubelets: Map<string, Kubelet>,
  ) {
    endpoints.onChange(() => this.markDirty());
  }

  /** Called for every machine of the cluster, including ones added later. */
  watchMachine(m: Machine): void {
    m.docker.onChange((c, change) => {
      const podUid = c.labels['io.kubernetes.pod.uid'];
      const mapping = podUid ? undefined : this.legacyMapping(c);
      if (mapping) {
        if (change === 'removed') {
          this.legacy.delete(c);
          this.legacyDeadUntil.delete(c);
        } else this.legacy.set(c, m);
        if ((change === 'exited' || change === 'lost') && this.isServing(c, m, mapping.containerPort, true)) {
          const until = this.sim.now + LB_HEALTHCHECK_MS;
          this.legacyDeadUntil.set(c, until);
          this.sim.at(until, () => this.markDirty());
        }
      }
      if (change !== 'created') this.markDirty();
    });
    m.onPower(() => this.markDirty());
  }

  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  markDirty(): void {
    if (this.dirty) return;
    this.dirty = true;
    for (const l of this.listeners) l();
  }

  /** Integrates `dt` ms of demand at `rps` requests per second over the current backends. */
  accumulate(dtMs: number, rps: number): { served: number; lost: number } {
    if (dtMs <= 0 || rps <= 0) return { served: 0, lost: 0 };
    const demand = rps * this.demandFactor;
    const b = this.backends();
    const share = b.routable ? demand / b.routable : 0;
    let servedRps = 0;
    for (const cap of b.capacities) servedRps += Math.min(share, cap);
    const served = (servedRps * dtMs) / 1000;
    const demanded = (demand * dtMs) / 1000;
    this.totals.demanded += demanded;
    this.totals.served += served;
    this.totals.lost += demanded - served;
    return { served, lost: demanded - served };
  }

  /** The backends as they are now. */
  backends(): Backends {
    if (!this.dirty) return this.cached;
    this.dirty = false;
    let viaService = 0;
    const capacities: number[] = [];
    const svc = this.store.get('Service', this.service.name, this.service.namespace);
    if (svc) {
      const port = targetPortOf(svc);
      for (const pod of this.endpoints.of(svc.metadata.name, svc.metadata.namespace).ready) {
        viaService++;
        const c = this.podServes(pod, port);
        if (c) capacities.push(this.capacityOf(c));
      }
    }
    let viaLB = 0;
    const now = this.sim.now;
    for (const [c, m] of this.legacy) {
      const mapping = this.legacyMapping(c)!;
      if (m.spec.role === 'worker' && this.isServing(c, m, mapping.containerPort, false)) {
        viaLB++;
        capacities.push(this.capacityOf(c));
      } else if ((this.legacyDeadUntil.get(c) ?? -Infinity) > now) viaLB++;
    }
    this.cached = { routable: viaService + viaLB, live: capacities.length, capacities, viaService, viaLoadBalancer: viaLB };
    return this.cached;
  }

  private legacyMapping(c: DockerContainer): { containerPort: number } | undefined {
    return c.ports.find((p) => p.hostPort >= this.legacyPorts.from && p.hostPort <= this.legacyPorts.to);
  }

  private capacityOf(c: DockerContainer): number {
    return this.capacityPerBackend * (c.app.capacityFactor ?? 1);
  }

  /** The pod's container of the town's app answering on `port`, if any. */
  private podServes(pod: Pod, port: number | string | undefined): DockerContainer | undefined {
    const m = pod.spec.nodeName ? this.machines.get(pod.spec.nodeName) : undefined;
    const k = pod.spec.nodeName ? this.kubelets.get(pod.spec.nodeName) : undefined;
    if (!m || !k || !m.isOn) return undefined;
    for (const spec of pod.spec.containers) {
      const c = k.containerOf(pod.metadata.uid, spec.name);
      if (!c) continue;
      const p = typeof port === 'string' ? spec.ports?.find((x) => x.name === port)?.containerPort : port;
      if (p !== undefined && this.isServing(c, m, p, false)) return c;
    }
    return undefined;
  }

  private isServing(c: DockerContainer, m: Machine, port: number, justDied: boolean): boolean {
    if (!c.app.serves || !c.app.ports.includes(port)) return false;
    if (justDied) return true;
    return m.isOn && c.state === 'running' && c.servingSince !== undefined;
  }
}

function targetPortOf(svc: Service): number | string | undefined {
  const p = svc.spec.ports[0];
  return p ? (p.targetPort ?? p.port) : undefined;
}
