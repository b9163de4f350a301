/**
 * The API server's write path: admission (uids, timestamps, generateName, default
 * tolerations, QoS class, cluster IPs), graceful deletion, and the errors kubectl prints as
 * `Error from server (...)`. Controllers and the console both write through it.
 */
import type { Container, Kind, KubeObject, NewMeta, ObjectMeta, ObjectOf, Pod, Service, Time, Toleration } from './api/types.js';
import { NAMESPACED } from './api/types.js';
import { milliCpu, bytesOf } from './api/quantity.js';
import type { SimContext } from './context.js';
import { randomSuffix } from './names.js';
import { keyOf, type Store } from './store.js';

export type ApiReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'BadRequest' | 'ServiceUnavailable' | 'InternalError' | 'Forbidden';

/** An error the API server answers with; kubectl prints `Error from server (Reason): message`. */
export class ApiError extends Error {
  constructor(
    readonly reason: ApiReason,
    message: string,
    readonly code = CODES[reason],
    /** Printed as is (a connection error), not as `Error from server (...)`. */
    readonly verbatim = false,
  ) {
    super(message);
  }
}

const CODES: Record<ApiReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  ServiceUnavailable: 503,
  InternalError: 500,
  Forbidden: 403,
};

/** `deployments.apps`, `pods`: the resource as errors name it. */
export function resourceOf(kind: string): string {
  const plural = RESOURCES[kind] ?? `${kind.toLowerCase()}s`;
  return plural;
}

const RESOURCES: Record<string, string> = {
  Pod: 'pods',
  Node: 'nodes',
  Service: 'services',
  Event: 'events',
  Deployment: 'deployments.apps',
  ReplicaSet: 'replicasets.apps',
  DaemonSet: 'daemonsets.apps',
};

export function notFound(kind: string, name: string): ApiError {
  return new ApiError('NotFound', `${resourceOf(kind)} "${name}" not found`);
}

/** A new object as a manifest or a controller describes it. */
export type NewObject<T extends KubeObject> = Omit<T, 'metadata'> & { metadata: NewMeta };
/** Any new object, discriminated by kind. */
export type AnyNewObject = { [K in Kind]: NewObject<ObjectOf<K>> }[Kind];

const DEFAULT_TOLERATIONS: readonly Toleration[] = [
  Object.freeze<Toleration>({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }),
  Object.freeze<Toleration>({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }),
];

export class ApiServer {
  private ipSeq = 0;

  constructor(
    private readonly store: Store,
    private readonly sim: SimContext,
    /** Undefined while the API answers; otherwise the error a client gets. */
    private readonly outage: () => string | undefined,
  ) {}

  /** Throws the client-side error while the control plane is down. */
  check(): void {
    const err = this.outage();
    if (err) throw new ApiError('ServiceUnavailable', err, 503, true);
  }

  get up(): boolean {
    return this.outage() === undefined;
  }

  create<I extends AnyNewObject>(input: I): ObjectOf<I['kind']> {
    const obj = input as unknown as KubeObject;
    const meta = obj.metadata as ObjectMeta;
    if (NAMESPACED[obj.kind] && !meta.namespace) meta.namespace = 'default';
    if (!meta.name && meta.generateName) {
      do meta.name = randomSuffix(this.sim.rng, 5, meta.generateName);
      while (this.store.get(obj.kind, meta.name, meta.namespace));
    }
    if (this.store.get(obj.kind, meta.name, meta.namespace)) {
      throw new ApiError('AlreadyExists', `${resourceOf(obj.kind)} "${meta.name}" already exists`);
    }
    meta.uid = this.sim.rng.uuid();
    meta.creationTimestamp = meta.creationTimestamp ?? this.sim.now;
    if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet' || obj.kind === 'DaemonSet') meta.generation = 1;
    if (obj.kind === 'Pod') admitPod(obj);
    if (obj.kind === 'Service') this.admitService(obj);
    return this.store.add(obj) as ObjectOf<I['kind']>;
  }

  /** Records an in-place change; `specChanged` bumps metadata.generation as the API server does. */
  update<T extends KubeObject>(obj: T, specChanged = false): T {
    if (specChanged && obj.metadata.generation !== undefined) obj.metadata.generation++;
    return this.store.update(obj);
  }

  /**
   * Deletes an object. A pod bound to a node is deleted gracefully: it gets a
   * deletionTimestamp and stays (Terminating) until its kubelet confirms the containers are
   * gone. Dependents are collected by the garbage collector.
   */
  delete(obj: KubeObject, gracePeriodSeconds?: number): void {
    if (obj.kind === 'Pod' && obj.spec.nodeName && gracePeriodSeconds !== 0) {
      if (obj.metadata.deletionTimestamp !== undefined) return;
      const grace = gracePeriodSeconds ?? obj.spec.terminationGracePeriodSeconds ?? 30;
      obj.metadata.deletionTimestamp = this.sim.now + grace * 1000;
      obj.metadata.deletionGracePeriodSeconds = grace;
      this.store.update(obj);
      return;
    }
    this.store.remove(obj);
  }

  get<K extends KubeObject['kind']>(kind: K, name: string, namespace?: string) {
    const obj = this.store.get(kind, name, NAMESPACED[kind] ? (namespace ?? 'default') : undefined);
    if (!obj) throw notFound(kind, name);
    return obj;
  }

  exists(kind: KubeObject['kind'], name: string, namespace?: string): boolean {
    return this.store.get(kind, name, namespace) !== undefined;
  }

  private admitService(svc: Service): void {
    const spec = svc.spec;
    if (!spec.clusterIP) {
      let ip: string;
      do ip = `10.${96 + this.sim.rng.int(16)}.${this.sim.rng.int(256)}.${1 + this.sim.rng.int(254)}`;
      while (this.clusterIPTaken(ip));
      spec.clusterIP = ip;
    }
    spec.clusterIPs = [spec.clusterIP];
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    for (const p of spec.ports) {
      p.protocol ??= 'TCP';
      p.targetPort ??= p.port;
      if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !p.nodePort) p.nodePort = 30000 + this.sim.rng.int(2768);
    }
    svc.status ??= { loadBalancer: {} };
  }

  private clusterIPTaken(ip: string): boolean {
    for (const s of this.store.values('Service')) if (s.spec.clusterIP === ip) return true;
    return false;
  }

  /** A fresh IP in a node's pod CIDR. */
  allocatePodIP(cidr: string | undefined): string {
    const base = (cidr ?? '10.244.0.0/24').split('/')[0].split('.').slice(0, 3).join('.');
    this.ipSeq = (this.ipSeq % 250) + 1;
    return `${base}.${this.ipSeq + 2}`;
  }

  key(obj: KubeObject): string {
    return keyOf(obj.metadata.name, obj.metadata.namespace);
  }

  now(): Time {
    return this.sim.now;
  }
}

/** Admission for pods: default tolerations, requests from limits, QoS class. */
function admitPod(pod: Pod): void {
  const spec = pod.spec;
  // The pod's own spec, built in one go: templates are shared and never edited, and an object
  // made with all its fields is cheaper than one that grows.
  pod.spec = {
    ...spec,
    tolerations: admittedTolerations(spec.tolerations),
    containers: admittedContainers(spec.containers),
    priority: spec.priority ?? 0,
    enableServiceLinks: spec.enableServiceLinks ?? true,
    preemptionPolicy: spec.preemptionPolicy ?? 'PreemptLowerPriority',
  };
  pod.status ??= { phase: 'Pending' };
  pod.status.phase ??= 'Pending';
  pod.status.qosClass = qosClass(pod);
}

const NO_TOLERATIONS: Toleration[] = [];
const tolerationsDone = new WeakMap<Toleration[], Toleration[]>();

/** The tolerations plus the DefaultTolerationSeconds ones (a new array; the template's stays as written). */
function admittedTolerations(given: Toleration[] | undefined): Toleration[] {
  const tols = given ?? NO_TOLERATIONS;
  const hit = tolerationsDone.get(tols);
  if (hit) return hit;
  const missing = DEFAULT_TOLERATIONS.filter((def) => !tols.some((t) => (t.key === def.key || (t.key === undefined && t.operator === 'Exists')) && (t.effect === def.effect || t.effect === undefined)));
  const out = missing.length || !given ? [...tols, ...missing] : tols;
  tolerationsDone.set(tols, out);
  tolerationsDone.set(out, out);
  return out;
}

const containersDone = new WeakMap<Container[], Container[]>();

/** Requests default to limits. Containers may be shared with a template: copy on write. */
function admittedContainers(containers: Container[]): Container[] {
  const hit = containersDone.get(containers);
  if (hit) return hit;
  let out = containers;
  if (containers.some((c) => c.resources?.limits && Object.keys(c.resources.limits).some((k) => c.resources?.requests?.[k] === undefined))) {
    out = containers.map((c) => {
      const lim = c.resources?.limits;
      if (!lim) return c;
      return { ...c, resources: { ...c.resources, requests: { ...lim, ...(c.resources?.requests ?? {}) } } };
    });
  }
  containersDone.set(containers, out);
  containersDone.set(out, out);
  return out;
}

const qosDone = new WeakMap<Container[], 'Guaranteed' | 'Burstable' | 'BestEffort'>();

export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const hit = qosDone.get(pod.spec.containers);
  if (hit) return hit;
  const q = computeQos(pod);
  qosDone.set(pod.spec.containers, q);
  return q;
}

function computeQos(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  let any = false;
  let guaranteed = true;
  for (const c of pod.spec.containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined) guaranteed = false;
      else if (r === 'cpu' ? milliCpu(req[r] ?? lim[r]) !== milliCpu(lim[r]) : bytesOf(req[r] ?? lim[r]) !== bytesOf(lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
