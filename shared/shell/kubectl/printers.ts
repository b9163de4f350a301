/**
 * The `kubectl get` columns of each kind, computed as the server-side table printers do
 * (pkg/printers/internalversion/printers.go): printPod's STATUS/READY/RESTARTS logic,
 * printNode's `Ready,SchedulingDisabled`, the `80:30080/TCP` port strings, `<none>` cells.
 */
import type { DaemonSet, Deployment, Event, Labels, Node, Pod, ReplicaSet, Service, ServicePort, Time } from '../../sim/api/types.js';
import { podStatus } from '../pod-status.js';
import { formatSelector } from '../../sim/api/selectors.js';
import { kubeAge } from '../duration.js';
import type { AnyObject, EndpointsObject, NamespaceObject } from './objects.js';
import type { ResourceKind } from './resources.js';

/** A column as the server's TableColumnDefinition names it; priority 1 columns show with -o wide. */
interface Column {
  name: string;
  wide?: boolean;
}

const COLUMNS: Record<ResourceKind, Column[]> = {
  Pod: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Status' },
    { name: 'Restarts' },
    { name: 'Age' },
    { name: 'IP', wide: true },
    { name: 'Node', wide: true },
    { name: 'Nominated Node', wide: true },
    { name: 'Readiness Gates', wide: true },
  ],
  Node: [
    { name: 'Name' },
    { name: 'Status' },
    { name: 'Roles' },
    { name: 'Age' },
    { name: 'Version' },
    { name: 'Internal-IP', wide: true },
    { name: 'External-IP', wide: true },
    { name: 'OS-Image', wide: true },
    { name: 'Kernel-Version', wide: true },
    { name: 'Container-Runtime', wide: true },
  ],
  Deployment: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  ReplicaSet: [
    { name: 'Name' },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  DaemonSet: [
    { name: 'Name' },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Node Selector' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  Service: [{ name: 'Name' }, { name: 'Type' }, { name: 'Cluster-IP' }, { name: 'External-IP' }, { name: 'Port(s)' }, { name: 'Age' }, { name: 'Selector', wide: true }],
  Event: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', wide: true },
    { name: 'Source', wide: true },
    { name: 'Message' },
    { name: 'First Seen', wide: true },
    { name: 'Count', wide: true },
    { name: 'Name', wide: true },
  ],
  Namespace: [{ name: 'Name' }, { name: 'Status' }, { name: 'Age' }],
  Endpoints: [{ name: 'Name' }, { name: 'Endpoints' }, { name: 'Age' }],
};

/** The header row: column names upper-cased, as kubectl's human-readable printer does. */
export function headers(kind: ResourceKind, wide: boolean): string[] {
  return COLUMNS[kind].filter((c) => wide || !c.wide).map((c) => c.name.toUpperCase());
}

/** translateTimestampSince: `<unknown>` for a zero time. */
export function since(t: Time | undefined, now: number): string {
  if (t === undefined || t === null) return '<unknown>';
  return kubeAge(now - t);
}

/** labels.FormatLabels: `a=b,c=d` sorted by key, or `<none>`. */
export function formatLabels(l: Labels | undefined): string {
  const keys = Object.keys(l ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${l![k]}`).join(',') : '<none>';
}

function layoutContainerCells(containers: { name: string; image: string }[]): [string, string] {
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

export interface PodCells {
  ready: string;
  status: string;
  restarts: string;
}

/** printPod: READY, STATUS and RESTARTS exactly as the server's table printer computes them. */
export function podCells(pod: Pod, now: number): PodCells {
  const c = podStatus(pod);
  const restarts = c.lastRestartAt !== undefined ? `${c.restarts} (${since(c.lastRestartAt, now)} ago)` : String(c.restarts);
  return { ready: c.ready, status: c.status, restarts };
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** printNode's STATUS: Ready / NotReady / Unknown, plus SchedulingDisabled when cordoned. */
export function nodeStatus(node: Node): string {
  const ready = node.status.conditions.find((c) => c.type === 'Ready');
  const status = ready ? [ready.status === 'True' ? 'Ready' : 'NotReady'] : ['Unknown'];
  if (node.spec.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: Node, type: 'InternalIP' | 'ExternalIP'): string {
  return node.status.addresses.find((a) => a.type === type)?.address ?? '<none>';
}

/** makePortString: `80/TCP`, `80:30080/TCP`. */
export function portString(ports: ServicePort[]): string {
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

export function serviceExternalIP(svc: Service): string {
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'LoadBalancer': {
      const ips = (svc.status.loadBalancer.ingress ?? []).map((i) => i.ip).filter(Boolean);
      return ips.length ? ips.join(',') : '<pending>';
    }
    default:
      return '<none>';
  }
}

/** formatEndpoints: up to three `ip:port`, then ` + N more...`. */
export function formatEndpoints(ep: EndpointsObject): string {
  if (!ep.subsets?.length) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of ep.subsets) {
    for (const port of ss.ports) {
      for (const a of ss.addresses ?? []) {
        count++;
        if (list.length === 3) {
          more = true;
          continue;
        }
        list.push(`${a.ip}:${port.port}`);
      }
    }
  }
  return more ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

/** formatEventSource: `kubelet, node-1`. */
export function eventSource(e: Event): string {
  const component = e.source.component || e.reportingComponent;
  const host = e.source.host || e.reportingInstance;
  return host ? `${component}, ${host}` : component;
}

/** The cells of one object's row. */
export function rowCells(obj: AnyObject, wide: boolean, now: number): string[] {
  switch (obj.kind) {
    case 'Pod': {
      const p = obj as Pod;
      const c = podCells(p, now);
      const cells = [p.metadata.name, c.ready, c.status, c.restarts, since(p.metadata.creationTimestamp, now)];
      if (wide) cells.push(p.status.podIPs?.[0]?.ip || '<none>', p.spec.nodeName || '<none>', p.status.nominatedNodeName || '<none>', '<none>');
      return cells;
    }
    case 'Node': {
      const n = obj as Node;
      const roles = nodeRoles(n).join(',') || '<none>';
      const cells = [n.metadata.name, nodeStatus(n), roles, since(n.metadata.creationTimestamp, now), n.status.nodeInfo.kubeletVersion];
      if (wide) {
        const i = n.status.nodeInfo;
        cells.push(nodeAddress(n, 'InternalIP'), nodeAddress(n, 'ExternalIP'), i.osImage || '<unknown>', i.kernelVersion || '<unknown>', i.containerRuntimeVersion || '<unknown>');
      }
      return cells;
    }
    case 'Deployment': {
      const d = obj as Deployment;
      const s = d.status;
      const cells = [d.metadata.name, `${s.readyReplicas ?? 0}/${d.spec.replicas}`, String(s.updatedReplicas ?? 0), String(s.availableReplicas ?? 0), since(d.metadata.creationTimestamp, now)];
      if (wide) cells.push(...layoutContainerCells(d.spec.template.spec.containers), formatSelector(d.spec.selector));
      return cells;
    }
    case 'ReplicaSet': {
      const rs = obj as ReplicaSet;
      const cells = [rs.metadata.name, String(rs.spec.replicas), String(rs.status.replicas ?? 0), String(rs.status.readyReplicas ?? 0), since(rs.metadata.creationTimestamp, now)];
      if (wide) cells.push(...layoutContainerCells(rs.spec.template.spec.containers), formatSelector(rs.spec.selector));
      return cells;
    }
    case 'DaemonSet': {
      const ds = obj as DaemonSet;
      const s = ds.status;
      const cells = [
        ds.metadata.name,
        String(s.desiredNumberScheduled),
        String(s.currentNumberScheduled),
        String(s.numberReady),
        String(s.updatedNumberScheduled ?? 0),
        String(s.numberAvailable ?? 0),
        formatLabels(ds.spec.template.spec.nodeSelector),
        since(ds.metadata.creationTimestamp, now),
      ];
      if (wide) cells.push(...layoutContainerCells(ds.spec.template.spec.containers), formatSelector(ds.spec.selector));
      return cells;
    }
    case 'Service': {
      const svc = obj as Service;
      const ports = portString(svc.spec.ports) || '<none>';
      const cells = [svc.metadata.name, svc.spec.type ?? 'ClusterIP', svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? '<none>', serviceExternalIP(svc), ports, since(svc.metadata.creationTimestamp, now)];
      if (wide) cells.push(formatLabels(svc.spec.selector));
      return cells;
    }
    case 'Event': {
      const e = obj as Event;
      const target = e.involvedObject.name ? `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}` : e.involvedObject.kind.toLowerCase();
      const last = since(e.lastTimestamp, now);
      if (wide) return [last, e.type, e.reason, target, e.involvedObject.fieldPath ?? '', eventSource(e), e.message.trim(), since(e.firstTimestamp, now), String(e.count || 1), e.metadata.name];
      return [last, e.type, e.reason, target, e.message.trim()];
    }
    case 'Namespace': {
      const ns = obj as NamespaceObject;
      return [ns.metadata.name, ns.status.phase, since(ns.metadata.creationTimestamp, now)];
    }
    case 'Endpoints': {
      const ep = obj as EndpointsObject;
      return [ep.metadata.name, formatEndpoints(ep), since(ep.metadata.creationTimestamp, now)];
    }
  }
}
