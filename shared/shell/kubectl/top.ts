/**
 * `kubectl top nodes|pods`: CPU and memory in use, as metrics-server would report them from
 * the programs the simulation runs (each image's cpu/memory figures, plus the node's own
 * system daemons). A node that is down has no metrics: `<unknown>`.
 */
import type { Node, Pod } from '../../sim/api/types.js';
import { bytesOf, formatMilliCpu, milliCpu } from '../../sim/api/quantity.js';
import type { Cluster } from '../../sim/cluster.js';
import { bool, str } from '../flags.js';
import { table } from '../table.js';
import { ok, type Command } from './command.js';
import { KubectlError, notFoundText } from './errors.js';
import { since } from './printers.js';
import { parseLabelSelector } from './selector.js';

/** What the OS, kubelet and container runtime use on every machine, before any container. */
const SYSTEM_CPU_MILLI = 60;
const SYSTEM_MEMORY = 480 * 1024 * 1024;

interface Usage {
  cpu: number;
  memory: number;
}

/** A node's usage, or undefined when its kubelet cannot be scraped. */
export function nodeUsage(c: Cluster, node: Node): Usage | undefined {
  const m = c.machines.get(node.metadata.name);
  const k = c.kubelets.get(node.metadata.name);
  if (!m || !m.isOn || !k?.running) return undefined;
  let cpu = SYSTEM_CPU_MILLI;
  let memory = SYSTEM_MEMORY;
  for (const ct of m.docker.containers.values()) {
    if (ct.state !== 'running') continue;
    cpu += ct.app.cpuMilli;
    memory += ct.app.memoryBytes;
  }
  return { cpu, memory };
}

/** A pod's usage by container (running containers only), or undefined when it has none. */
export function podUsage(c: Cluster, pod: Pod): Map<string, Usage> | undefined {
  const m = pod.spec.nodeName ? c.machines.get(pod.spec.nodeName) : undefined;
  if (!m || !m.isOn) return undefined;
  const out = new Map<string, Usage>();
  for (const st of pod.status.containerStatuses ?? []) {
    if (!st.state.running || !st.containerID) continue;
    const ct = m.docker.containers.get(st.containerID.replace(/^docker:\/\//, ''));
    if (!ct || ct.state !== 'running') continue;
    out.set(st.name, { cpu: ct.app.cpuMilli, memory: ct.app.memoryBytes });
  }
  return out.size ? out : undefined;
}

const SORT = { name: 'sort-by', type: 'string' as const, default: '', usage: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." };
const NO_HEADERS = { name: 'no-headers', type: 'bool' as const, default: false, usage: 'If present, print output without headers' };
const SELECTOR = { name: 'selector', short: 'l', type: 'string' as const, default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3\n\tin (value3)). Matching objects must satisfy all of the specified label constraints." };

function sortBy<T>(rows: { u: Usage; t: T }[], by: string): void {
  if (by === 'cpu') rows.sort((a, b) => b.u.cpu - a.u.cpu);
  else if (by === 'memory') rows.sort((a, b) => b.u.memory - a.u.memory);
  else if (by) throw new KubectlError(`error: --sort-by accepts only cpu or memory`);
}

const topNode: Command = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  long: `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.`,
  examples: '  # Show metrics for all nodes\n  kubectl top node\n\n  # Show metrics for a given node\n  kubectl top node NODE_NAME',
  usage: 'kubectl top node [NAME | -l label] [options]',
  flags: [NO_HEADERS, SELECTOR, SORT],
  run(inv) {
    const c = inv.cluster;
    c.api.check();
    let nodes = c.store.list('Node').sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    if (inv.args.length) {
      const n = c.store.get('Node', inv.args[0]);
      if (!n) throw new KubectlError(notFoundText('nodes', inv.args[0]));
      nodes = [n];
    }
    if (str(inv.flags, 'selector')) {
      const sel = parseLabelSelector(str(inv.flags, 'selector'));
      nodes = nodes.filter((n) => sel(n.metadata.labels));
    }
    const measured: { u: Usage; t: Node }[] = [];
    const unknown: Node[] = [];
    for (const n of nodes) {
      const u = nodeUsage(c, n);
      if (u) measured.push({ u, t: n });
      else unknown.push(n);
    }
    if (inv.args.length && unknown.length) throw new KubectlError('error: metrics not available yet');
    sortBy(measured, str(inv.flags, 'sort-by'));
    const rows = measured.map(({ u, t }) => {
      const cpuAlloc = milliCpu(t.status.allocatable.cpu);
      const memAlloc = bytesOf(t.status.allocatable.memory);
      return [t.metadata.name, formatMilliCpu(u.cpu), `${Math.floor((u.cpu * 100) / cpuAlloc)}%`, `${Math.floor(u.memory / 1024 / 1024)}Mi`, `${Math.floor((u.memory * 100) / memAlloc)}%`];
    });
    for (const n of unknown) rows.push([n.metadata.name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
    const head = ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'];
    return ok(table(bool(inv.flags, 'no-headers') ? rows : [head, ...rows]));
  },
};

const topPod: Command = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  long: `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.`,
  examples: `  # Show metrics for all pods in the default namespace
  kubectl top pod

  # Show metrics for all pods in the given namespace
  kubectl top pod --namespace=NAMESPACE

  # Show metrics for a given pod and its containers
  kubectl top pod POD_NAME --containers

  # Show metrics for the pods defined by label name=myLabel
  kubectl top pod -l name=myLabel`,
  usage: 'kubectl top pod [NAME | -l label] [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even\n\tif specified with --namespace.' },
    { name: 'containers', type: 'bool', default: false, usage: 'If present, print usage of containers within a pod.' },
    NO_HEADERS,
    SELECTOR,
    SORT,
  ],
  run(inv) {
    const c = inv.cluster;
    c.api.check();
    const allNs = bool(inv.flags, 'all-namespaces');
    let pods: Pod[] = c.store.list('Pod', allNs ? undefined : inv.namespace).sort((a, b) => (`${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1));
    if (inv.args.length) {
      const p = c.store.get('Pod', inv.args[0], inv.namespace);
      if (!p) throw new KubectlError(notFoundText('pods', inv.args[0]));
      pods = [p];
    }
    if (str(inv.flags, 'selector')) {
      const sel = parseLabelSelector(str(inv.flags, 'selector'));
      pods = pods.filter((p) => sel(p.metadata.labels));
    }
    const measured: { u: Usage; t: { pod: Pod; per: Map<string, Usage> } }[] = [];
    for (const pod of pods) {
      const per = podUsage(c, pod);
      if (!per) {
        if (inv.args.length) throw new KubectlError(`error: Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${since(pod.metadata.creationTimestamp, c.now)}`);
        continue;
      }
      let cpu = 0;
      let memory = 0;
      for (const u of per.values()) {
        cpu += u.cpu;
        memory += u.memory;
      }
      measured.push({ u: { cpu, memory }, t: { pod, per } });
    }
    if (!measured.length) return ok(allNs ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
    sortBy(measured, str(inv.flags, 'sort-by'));
    const containers = bool(inv.flags, 'containers');
    const rows: string[][] = [];
    for (const { u, t } of measured) {
      const ns = allNs ? [t.pod.metadata.namespace ?? ''] : [];
      if (containers) for (const [name, cu] of t.per) rows.push([...ns, t.pod.metadata.name, name, formatMilliCpu(cu.cpu), `${Math.floor(cu.memory / 1024 / 1024)}Mi`]);
      else rows.push([...ns, t.pod.metadata.name, formatMilliCpu(u.cpu), `${Math.floor(u.memory / 1024 / 1024)}Mi`]);
    }
    const head = [...(allNs ? ['NAMESPACE'] : []), ...(containers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)'];
    return ok(table(bool(inv.flags, 'no-headers') ? rows : [head, ...rows]));
  },
};

export const top: Command = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  long: `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.`,
  usage: 'kubectl top [flags] [options]',
  flags: [],
  sub: [topNode, topPod],
};
