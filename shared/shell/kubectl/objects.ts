/**
 * What the API server would answer to a GET or LIST, read from the simulation. Namespaces and
 * Endpoints are not simulated objects: they are derived here (the four kubeadm namespaces
 * plus any namespace in use; a Service's endpoints from the EndpointSlice controller).
 * Lists come back in etcd key order (namespace, then name), as the real API returns them.
 */
import type { Event, KubeObject, ObjectMeta, Pod, Service } from '../../sim/api/types.js';
import { CONTROL_PLANE_IP } from '../../sim/bootstrap.js';
import { CLUSTER_BUILT_AT, type Cluster } from '../../sim/cluster.js';
import { fnv1a32 } from '../../sim/hash.js';
import type { ResourceType } from './resources.js';

export interface NamespaceObject {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
  spec: { finalizers: string[] };
  status: { phase: 'Active' | 'Terminating' };
}

export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef?: { kind: 'Pod'; name: string; namespace: string; uid: string };
}

export interface EndpointsObject {
  apiVersion: 'v1';
  kind: 'Endpoints';
  metadata: ObjectMeta;
  subsets?: { addresses?: EndpointAddress[]; notReadyAddresses?: EndpointAddress[]; ports: { name?: string; port: number; protocol: string }[] }[];
}

export type AnyObject = KubeObject | NamespaceObject | EndpointsObject;

const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

function byKey(a: AnyObject, b: AnyObject): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A stable uuid-looking uid for a derived object. */
function derivedUid(seed: string): string {
  let hex = '';
  for (let i = 0; hex.length < 32; i++) hex += fnv1a32(`${seed}#${i}`).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function namespaces(c: Cluster): NamespaceObject[] {
  const names = new Set(SYSTEM_NAMESPACES);
  for (const kind of ['Pod', 'Service', 'Deployment', 'ReplicaSet', 'DaemonSet'] as const) for (const o of c.store.values(kind)) if (o.metadata.namespace) names.add(o.metadata.namespace);
  return [...names].sort().map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, uid: derivedUid(`ns/${name}`), resourceVersion: String(10 + SYSTEM_NAMESPACES.indexOf(name)), creationTimestamp: CLUSTER_BUILT_AT, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
}

export function namespaceExists(c: Cluster, ns: string): boolean {
  return namespaces(c).some((n) => n.metadata.name === ns);
}

/** Resolves a service's target port on a pod: a number, or a named container port. */
function targetPortOn(pod: Pod, target: number | string | undefined, fallback: number): number | undefined {
  if (typeof target === 'number') return target;
  if (target === undefined || target === '') return fallback;
  for (const ctr of pod.spec.containers) for (const p of ctr.ports ?? []) if (p.name === target) return p.containerPort;
  return undefined;
}

function address(p: Pod): EndpointAddress {
  return { ip: p.status.podIP ?? '', nodeName: p.spec.nodeName, targetRef: { kind: 'Pod', name: p.metadata.name, namespace: p.metadata.namespace ?? 'default', uid: p.metadata.uid } };
}

/** The Endpoints object of a Service, as the endpoints controller would write it. */
export function endpointsOf(c: Cluster, svc: Service): EndpointsObject {
  const meta: ObjectMeta = {
    name: svc.metadata.name,
    namespace: svc.metadata.namespace,
    uid: derivedUid(`ep/${svc.metadata.uid}`),
    resourceVersion: svc.metadata.resourceVersion,
    creationTimestamp: svc.metadata.creationTimestamp,
    labels: svc.metadata.labels ? { ...svc.metadata.labels } : undefined,
  };
  const obj: EndpointsObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: meta };
  if (!svc.spec.selector) {
    // The API server maintains `kubernetes` itself.
    if (svc.metadata.name === 'kubernetes' && svc.metadata.namespace === 'default') {
      obj.subsets = [{ addresses: [{ ip: CONTROL_PLANE_IP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }];
    }
    return obj;
  }
  const ep = c.endpoints.of(svc.metadata.name, svc.metadata.namespace);
  if (!ep.ready.length && !ep.notReady.length) return obj;
  const ref = ep.ready[0] ?? ep.notReady[0];
  const ports = svc.spec.ports.map((sp) => ({ ...(sp.name ? { name: sp.name } : {}), port: targetPortOn(ref, sp.targetPort, sp.port) ?? sp.port, protocol: sp.protocol ?? 'TCP' }));
  const sort = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
  const subset: NonNullable<EndpointsObject['subsets']>[number] = { ports };
  if (ep.ready.length) subset.addresses = ep.ready.map(address).sort(sort);
  if (ep.notReady.length) subset.notReadyAddresses = ep.notReady.map(address).sort(sort);
  obj.subsets = [subset];
  return obj;
}

/** LIST: every object of a type in a namespace (undefined: all namespaces). */
export function listObjects(c: Cluster, type: ResourceType, ns: string | undefined): AnyObject[] {
  const inNs = (o: AnyObject) => !type.namespaced || ns === undefined || o.metadata.namespace === ns;
  let out: AnyObject[];
  switch (type.kind) {
    case 'Namespace':
      out = namespaces(c);
      break;
    case 'Endpoints':
      out = c.store.list('Service').filter(inNs).map((s) => endpointsOf(c, s as Service));
      break;
    case 'Event':
      // Event names are `<object>.<hex time>`: key order groups them by object, as etcd does.
      out = c.events.list(ns) as Event[];
      break;
    default:
      out = c.store.list(type.kind, type.namespaced ? ns : undefined);
  }
  return out.filter(inNs).sort(byKey);
}

/** GET: one object by name, or undefined. */
export function getObject(c: Cluster, type: ResourceType, name: string, ns: string): AnyObject | undefined {
  switch (type.kind) {
    case 'Namespace':
      return namespaces(c).find((n) => n.metadata.name === name);
    case 'Endpoints': {
      const svc = c.store.get('Service', name, ns);
      return svc ? endpointsOf(c, svc) : undefined;
    }
    case 'Event':
      return c.events.list(ns).find((e) => e.metadata.name === name);
    default:
      return c.store.get(type.kind, name, type.namespaced ? ns : undefined);
  }
}
