/**
 * `kubectl describe`: the human report on an object and the events about it, per kind, as
 * k8s.io/kubectl/pkg/describe writes them. A name that matches nothing exactly describes
 * every object whose name starts with it, as the real command does.
 */
import type { DaemonSet, Deployment, Event, Node, Pod, ReplicaSet, Service } from '../../sim/api/types.js';
import { controllerOf, podRequests } from '../../sim/api/pods.js';
import { bytesOf, milliCpu } from '../../sim/api/quantity.js';
import { formatSelector } from '../../sim/api/selectors.js';
import type { Cluster } from '../../sim/cluster.js';
import { newReplicaSet } from '../../sim/controllers/deployment.js';
import { rfc3339 } from '../duration.js';
import { bool, str } from '../flags.js';
import { ok, type Command, type Invocation } from './command.js';
import { KubectlError, notFoundText } from './errors.js';
import { getObject, listObjects, type AnyObject, type EndpointsObject, type NamespaceObject } from './objects.js';
import { formatLabels, nodeRoles, since } from './printers.js';
import {
  annotationsMultiline,
  containers,
  cpuQuantity,
  events,
  labelsMultiline,
  memoryQuantity,
  podTemplate,
  PrefixWriter,
  quantity,
  rfc1123z,
  taintsMultiline,
  tolerationsMultiline,
  volumes,
} from './describe-format.js';
import { groupResource, parseResourceArgs } from './resources.js';
import { parseLabelSelector } from './selector.js';

export const describe: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You
may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX

 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for
every resource that has a name prefixed with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `  # Describe a node
  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

  # Describe a pod
  kubectl describe pods/nginx

  # Describe pods by label name=myLabel
  kubectl describe pods -l name=myLabel

  # Describe all pods managed by the 'frontend' replication controller
  # (rc-created pods get the name of the rc as a prefix in the pod name)
  kubectl describe pods frontend`,
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even\n\tif specified with --namespace.' },
    { name: 'selector', short: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3\n\tin (value3)). Matching objects must satisfy all of the specified label constraints." },
    { name: 'show-events', type: 'bool', default: true, usage: 'If true, display events related to the described object.' },
  ],
  run: runDescribe,
};

function runDescribe(inv: Invocation) {
  const c = inv.cluster;
  if (!inv.args.length) {
    throw new KubectlError(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl describe -h\' for help and examples',
    );
  }
  const reqs = parseResourceArgs(inv.args);
  const allNs = bool(inv.flags, 'all-namespaces');
  const sel = str(inv.flags, 'selector') ? parseLabelSelector(str(inv.flags, 'selector')) : undefined;
  c.api.check();
  const showEvents = inv.flags.values.get('show-events') !== false;
  const found: AnyObject[] = [];
  const errors: string[] = [];
  for (const r of reqs) {
    if (!r.names.length) {
      let objs = listObjects(c, r.type, allNs ? undefined : inv.namespace);
      if (sel) objs = objs.filter((o) => sel(o.metadata.labels));
      found.push(...objs);
      continue;
    }
    for (const name of r.names) {
      const exact = getObject(c, r.type, name, inv.namespace);
      if (exact) {
        found.push(exact);
        continue;
      }
      const prefixed = listObjects(c, r.type, inv.namespace).filter((o) => o.metadata.name.startsWith(name));
      if (prefixed.length) found.push(...prefixed);
      else errors.push(notFoundText(groupResource(r.type), name));
    }
  }
  if (!found.length && !errors.length) {
    const nsText = allNs || !reqs.some((r) => r.type.namespaced) ? '' : ` in ${inv.namespace} namespace`;
    return ok(`No resources found${nsText}.\n`);
  }
  let text = found.map((o) => describeObject(c, o, showEvents)).join('\n\n');
  if (errors.length) text += `${errors.join('\n')}\n`;
  const res = ok(text);
  if (errors.length) res.exitCode = 1;
  return res;
}

export function describeObject(c: Cluster, o: AnyObject, showEvents = true): string {
  const ev = showEvents ? c.events.about(o.metadata.uid) : undefined;
  switch (o.kind) {
    case 'Pod':
      return describePod(c, o as Pod, ev);
    case 'Node':
      return describeNode(c, o as Node, ev);
    case 'Deployment':
      return describeDeployment(c, o as Deployment, ev);
    case 'ReplicaSet':
      return describeReplicaSet(c, o as ReplicaSet, ev);
    case 'DaemonSet':
      return describeDaemonSet(c, o as DaemonSet, ev);
    case 'Service':
      return describeService(c, o as Service, ev);
    case 'Namespace':
      return describeNamespace(o as NamespaceObject);
    case 'Endpoints':
      return describeEndpoints(c, o as EndpointsObject, ev);
    case 'Event':
      return describeEvent(c, o as Event);
  }
}

function describePod(c: Cluster, pod: Pod, ev: Event[] | undefined): string {
  const w = new PrefixWriter();
  const e = c.epochMs;
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (pod.spec.priority !== undefined) w.write(0, `Priority:\t${pod.spec.priority}\n`);
  // The ServiceAccount admission plugin gives every pod one; the simulation leaves it implicit.
  w.write(0, `Service Account:\t${(pod.spec as { serviceAccountName?: string }).serviceAccountName || 'default'}\n`);
  w.write(0, pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${pod.status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (pod.status.startTime !== undefined) w.write(0, `Start Time:\t${rfc1123z(pod.status.startTime, e)}\n`);
  labelsMultiline(w, 'Labels', pod.metadata.labels);
  annotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp !== undefined && pod.status.phase !== 'Failed' && pod.status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, c.now)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s\n`);
  } else w.write(0, `Status:\t${pod.status.phase}\n`);
  if (pod.status.reason) w.write(0, `Reason:\t${pod.status.reason}\n`);
  if (pod.status.message) w.write(0, `Message:\t${pod.status.message}\n`);
  w.write(0, `IP:\t${pod.status.podIP ?? ''}\n`);
  if (pod.status.podIPs?.length) {
    w.write(0, 'IPs:\n');
    for (const ip of pod.status.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  } else w.write(0, 'IPs:\t<none>\n');
  const owner = controllerOf(pod);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (pod.status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${pod.status.nominatedNodeName}\n`);
  if (pod.spec.initContainers?.length) containers(w, 'Init Containers', pod.spec.initContainers, [], '', e);
  containers(w, 'Containers', pod.spec.containers, pod.status.containerStatuses ?? [], '', e);
  if (pod.status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const cond of pod.status.conditions) w.write(1, `${cond.type} \t${cond.status} \n`);
  }
  volumes(w, pod.spec.volumes, '');
  w.write(0, `QoS Class:\t${pod.status.qosClass ?? 'BestEffort'}\n`);
  labelsMultiline(w, 'Node-Selectors', pod.spec.nodeSelector);
  tolerationsMultiline(w, 'Tolerations', pod.spec.tolerations);
  if (ev) events(w, ev, c.now);
  return w.toString();
}

function describeNode(c: Cluster, node: Node, ev: Event[] | undefined): string {
  const w = new PrefixWriter();
  const e = c.epochMs;
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp, e)}\n`);
  taintsMultiline(w, 'Taints', node.spec.taints);
  w.write(0, `Unschedulable:\t${!!node.spec.unschedulable}\n`);
  const k = c.kubelets.get(node.metadata.name);
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${node.metadata.name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${k ? rfc1123z(k.leaseRenewTime(), e) : '<unset>'}\n`);
  if (node.status.conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const cond of node.status.conditions) {
      w.write(1, `${cond.type} \t${cond.status} \t${rfc1123z(cond.lastHeartbeatTime, e)} \t${rfc1123z(cond.lastTransitionTime, e)} \t${cond.reason} \t${cond.message}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of node.status.addresses) w.write(1, `${a.type}:\t${a.address}\n`);
  const list = (title: string, rl: Record<string, string>) => {
    if (!Object.keys(rl).length) return;
    w.write(0, `${title}:\n`);
    for (const r of Object.keys(rl).sort()) w.write(0, `  ${r}:\t${quantity(rl[r])}\n`);
  };
  list('Capacity', node.status.capacity);
  list('Allocatable', node.status.allocatable);
  const i = node.status.nodeInfo;
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${i.machineID}\n`);
  w.write(0, `  System UUID:\t${i.systemUUID}\n`);
  w.write(0, `  Boot ID:\t${i.bootID}\n`);
  w.write(0, `  Kernel Version:\t${i.kernelVersion}\n`);
  w.write(0, `  OS Image:\t${i.osImage}\n`);
  w.write(0, `  Operating System:\t${i.operatingSystem}\n`);
  w.write(0, `  Architecture:\t${i.architecture}\n`);
  w.write(0, `  Container Runtime Version:\t${i.containerRuntimeVersion}\n`);
  w.write(0, `  Kubelet Version:\t${i.kubeletVersion}\n`);
  w.write(0, `  Kube-Proxy Version:\t${i.kubeProxyVersion}\n`);
  if (node.spec.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  nodeResources(w, c, node);
  if (ev) events(w, ev, c.now);
  return w.toString();
}

function pct(part: number, whole: number): number {
  return whole > 0 ? Math.trunc((part / whole) * 100) : 0;
}

/** describeNodeResource: the non-terminated pods and the allocated totals. */
function nodeResources(w: PrefixWriter, c: Cluster, node: Node): void {
  const pods = [...c.podsByNode.get(node.metadata.name)]
    .filter((p) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed')
    .sort((a, b) => (`${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1));
  const alloc = node.status.allocatable;
  const cpuAlloc = milliCpu(alloc.cpu);
  const memAlloc = bytesOf(alloc.memory);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  let cpuReq = 0;
  let cpuLim = 0;
  let memReq = 0;
  let memLim = 0;
  for (const p of pods) {
    const req = podRequests(p);
    let cl = 0;
    let ml = 0;
    for (const ctr of p.spec.containers) {
      cl += milliCpu(ctr.resources?.limits?.cpu);
      ml += bytesOf(ctr.resources?.limits?.memory);
    }
    cpuReq += req.cpu;
    memReq += req.memory;
    cpuLim += cl;
    memLim += ml;
    w.write(
      1,
      `${p.metadata.namespace}\t${p.metadata.name}\t\t${cpuQuantity(req.cpu)} (${pct(req.cpu, cpuAlloc)}%)\t${cpuQuantity(cl)} (${pct(cl, cpuAlloc)}%)\t${memoryQuantity(req.memory)} (${pct(req.memory, memAlloc)}%)\t${memoryQuantity(ml)} (${pct(ml, memAlloc)}%)\t${since(p.metadata.creationTimestamp, c.now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(1, `cpu\t${cpuQuantity(cpuReq)} (${pct(cpuReq, cpuAlloc)}%)\t${cpuQuantity(cpuLim)} (${pct(cpuLim, cpuAlloc)}%)\n`);
  w.write(1, `memory\t${memoryQuantity(memReq)} (${pct(memReq, memAlloc)}%)\t${memoryQuantity(memLim)} (${pct(memLim, memAlloc)}%)\n`);
  w.write(1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  for (const h of Object.keys(alloc).filter((r) => r.startsWith('hugepages-')).sort()) w.write(1, `${h}\t0 (0%)\t0 (0%)\n`);
}

function podsStatus(c: Cluster, ownerUid: string): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const p of c.podsByOwner.get(ownerUid)) {
    if (p.status.phase === 'Running') running++;
    else if (p.status.phase === 'Pending') waiting++;
    else if (p.status.phase === 'Succeeded') succeeded++;
    else if (p.status.phase === 'Failed') failed++;
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

function intOrString(v: number | string | undefined): string {
  return v === undefined ? '' : String(v);
}

function describeDeployment(c: Cluster, d: Deployment, ev: Event[] | undefined): string {
  const w = new PrefixWriter();
  const s = d.status;
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp, c.epochMs)}\n`);
  labelsMultiline(w, 'Labels', d.metadata.labels);
  annotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${formatSelector(d.spec.selector)}\n`);
  w.write(0, `Replicas:\t${d.spec.replicas} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`);
  w.write(0, `StrategyType:\t${d.spec.strategy.type}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
  podTemplate(w, d.spec.template, c.epochMs);
  if (s.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const cond of s.conditions) w.write(1, `${cond.type} \t${cond.status}\t${cond.reason}\n`);
  }
  const rss = [...c.rsByOwner.get(d.metadata.uid)].sort((a, b) => a.metadata.creationTimestamp - b.metadata.creationTimestamp);
  const newRS = newReplicaSet(d, rss);
  const oldRSs = rss.filter((rs) => rs !== newRS && rs.spec.replicas > 0);
  if (newRS || oldRSs.length) {
    const fmt = (list: ReplicaSet[]) => list.map((rs) => `${rs.metadata.name} (${rs.status.replicas ?? 0}/${rs.spec.replicas} replicas created)`).join(', ') || '<none>';
    w.write(0, `OldReplicaSets:\t${fmt(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${fmt(newRS ? [newRS] : [])}\n`);
  }
  if (ev) events(w, ev, c.now);
  return w.toString();
}

function describeReplicaSet(c: Cluster, rs: ReplicaSet, ev: Event[] | undefined): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatSelector(rs.spec.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controllerOf(rs);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${rs.status.replicas ?? 0} current / ${rs.spec.replicas} desired\n`);
  w.write(0, `Pods Status:\t${podsStatus(c, rs.metadata.uid)}\n`);
  podTemplate(w, rs.spec.template, c.epochMs);
  if (rs.status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const cond of rs.status.conditions) w.write(1, `${cond.type} \t${cond.status}\t${cond.reason}\n`);
  }
  if (ev) events(w, ev, c.now);
  return w.toString();
}

function describeDaemonSet(c: Cluster, ds: DaemonSet, ev: Event[] | undefined): string {
  const w = new PrefixWriter();
  const s = ds.status;
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Namespace:\t${ds.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatSelector(ds.spec.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec.template.spec.nodeSelector)}\n`);
  labelsMultiline(w, 'Labels', ds.metadata.labels);
  annotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${s.currentNumberScheduled}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${s.numberMisscheduled}\n`);
  w.write(0, `Pods Status:\t${podsStatus(c, ds.metadata.uid)}\n`);
  podTemplate(w, ds.spec.template, c.epochMs);
  if (ev) events(w, ev, c.now);
  return w.toString();
}

function describeService(c: Cluster, svc: Service, ev: Event[] | undefined): string {
  const w = new PrefixWriter();
  const sp = svc.spec;
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', svc.metadata.labels);
  annotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${sp.selector ? Object.keys(sp.selector).sort().map((k) => `${k}=${sp.selector![k]}`).join(',') : ''}\n`);
  w.write(0, `Type:\t${sp.type ?? 'ClusterIP'}\n`);
  if (sp.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${sp.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${sp.ipFamilies?.length ? sp.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${sp.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${sp.clusterIPs?.length ? sp.clusterIPs.join(',') : '<none>'}\n`);
  const ep = svc.spec.selector ? c.endpoints.of(svc.metadata.name, svc.metadata.namespace) : undefined;
  for (const port of sp.ports) {
    const name = port.name || '<unset>';
    const proto = port.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${port.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${port.targetPort ?? port.port}/${proto}\n`);
    if (port.nodePort) w.write(0, `NodePort:\t${name}\t${port.nodePort}/${proto}\n`);
    let endpoints: string;
    if (svc.metadata.name === 'kubernetes' && !sp.selector) endpoints = '10.0.0.10:6443';
    else if (!ep) endpoints = '<none>';
    else {
      const target = typeof port.targetPort === 'number' ? port.targetPort : port.port;
      const ips = ep.ready.map((p) => `${p.status.podIP}:${target}`).sort();
      endpoints = ips.length > 3 ? `${ips.slice(0, 3).join(',')} + ${ips.length - 3} more...` : ips.join(',');
    }
    w.write(0, `Endpoints:\t${endpoints}\n`);
  }
  w.write(0, `Session Affinity:\t${sp.sessionAffinity ?? 'None'}\n`);
  if (sp.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${sp.externalTrafficPolicy}\n`);
  if (sp.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${sp.internalTrafficPolicy}\n`);
  if (ev) events(w, ev, c.now);
  return w.toString();
}

function describeNamespace(ns: NamespaceObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status.phase}\n`);
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.toString();
}

function describeEndpoints(c: Cluster, ep: EndpointsObject, ev: Event[] | undefined): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', ep.metadata.labels);
  annotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const ss of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if (ss.ports.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of ss.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol}\n`);
    }
    w.write(0, '\n');
  }
  if (ev) events(w, ev, c.now);
  return w.toString();
}

function describeEvent(c: Cluster, e: Event): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${e.metadata.name}\n`);
  w.write(0, `Namespace:\t${e.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', e.metadata.labels);
  annotationsMultiline(w, 'Annotations', e.metadata.annotations);
  w.write(0, `API Version:\tv1\n`);
  w.write(0, `Count:\t${e.count}\n`);
  w.write(0, `First Timestamp:\t${rfc3339(e.firstTimestamp, c.epochMs)}\n`);
  w.write(0, 'Involved Object:\n');
  w.write(1, `API Version:\t${e.involvedObject.apiVersion ?? 'v1'}\n`);
  if (e.involvedObject.fieldPath) w.write(1, `Field Path:\t${e.involvedObject.fieldPath}\n`);
  w.write(1, `Kind:\t${e.involvedObject.kind}\n`);
  w.write(1, `Name:\t${e.involvedObject.name}\n`);
  if (e.involvedObject.namespace) w.write(1, `Namespace:\t${e.involvedObject.namespace}\n`);
  w.write(0, `Kind:\tEvent\n`);
  w.write(0, `Last Timestamp:\t${rfc3339(e.lastTimestamp, c.epochMs)}\n`);
  w.write(0, `Message:\t${e.message}\n`);
  w.write(0, `Reason:\t${e.reason}\n`);
  w.write(0, 'Source:\n');
  w.write(1, `Component:\t${e.source.component}\n`);
  if (e.source.host) w.write(1, `Host:\t${e.source.host}\n`);
  w.write(0, `Type:\t${e.type}\n`);
  w.write(0, 'Events:\t<none>\n');
  return w.toString();
}
