/**
 * `kubectl logs`: what a container printed, fetched from its node's kubelet (so a dead node
 * has no logs to give). `--previous` reads the last terminated instance, which is where a
 * CrashLoopBackOff explains itself.
 */
import type { ContainerStatus, Pod } from '../../sim/api/types.js';
import { controllerOf } from '../../sim/api/pods.js';
import type { Cluster } from '../../sim/cluster.js';
import { bool, int, str } from '../flags.js';
import { ok, type Command, type Invocation } from './command.js';
import { KubectlError, notFoundText, usageError } from './errors.js';
import { getObject, listObjects } from './objects.js';
import { groupResource, lookup } from './resources.js';
import { parseLabelSelector } from './selector.js';

export const logs: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  long: `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is
optional.`,
  examples: `  # Return snapshot logs from pod nginx with only one container
  kubectl logs nginx

  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
  kubectl logs nginx --prefix

  # Return snapshot logs from pod nginx with multi containers
  kubectl logs nginx --all-containers=true

  # Return snapshot logs from all pods in the deployment nginx
  kubectl logs deployment/nginx --all-pods=true

  # Return snapshot logs from all containers in pods defined by label app=nginx
  kubectl logs -l app=nginx --all-containers=true

  # Return snapshot of previous terminated ruby container logs from pod web-1
  kubectl logs -p -c ruby web-1

  # Display only the most recent 20 lines of output in pod nginx
  kubectl logs --tail=20 nginx

  # Show logs from a kubelet with an expired serving certificate
  kubectl logs --insecure-skip-tls-verify-backend nginx

  # Return snapshot logs from first container of a job named hello
  kubectl logs job/hello

  # Return snapshot logs from container nginx-1 of a deployment named nginx
  kubectl logs deployment/nginx -c nginx-1`,
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'all-containers', type: 'bool', default: false, usage: 'Get all containers\' logs in the pod(s).' },
    { name: 'container', short: 'c', type: 'string', default: '', usage: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', default: false, usage: 'Specify if the logs should be streamed.' },
    { name: 'prefix', type: 'bool', default: false, usage: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'previous', short: 'p', type: 'bool', default: false, usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'selector', short: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.' },
    { name: 'tail', type: 'int', default: -1, usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a\n\tselector is provided.' },
    { name: 'timestamps', type: 'bool', default: false, usage: 'Include timestamps on each line in the log output' },
  ],
  run: runLogs,
};

function runLogs(inv: Invocation) {
  const c = inv.cluster;
  const f = inv.flags;
  const sel = str(f, 'selector');
  if (!inv.args.length && !sel) {
    throw usageError('kubectl logs', "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
  }
  if (inv.args.length > 2) throw usageError('kubectl logs', "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
  c.api.check();
  let container = str(f, 'container');
  if (inv.args.length === 2) {
    if (container) throw usageError('kubectl logs', 'only one of -c or an inline [CONTAINER] arg is allowed');
    container = inv.args[1];
  }
  let pods: Pod[];
  let notice = '';
  let tail = int(f, 'tail');
  if (sel) {
    const match = parseLabelSelector(sel);
    pods = (listObjects(c, lookup('pods')!, inv.namespace) as Pod[]).filter((p) => match(p.metadata.labels));
    if (!inv.flags.set.has('tail')) tail = 10;
    if (!pods.length) return ok(`No resources found in ${inv.namespace} namespace.\n`);
  } else {
    const arg = inv.args[0];
    const slash = arg.indexOf('/');
    const type = slash >= 0 ? lookup(arg.slice(0, slash)) : lookup('pods')!;
    if (!type) throw new KubectlError(`error: the server doesn't have a resource type "${arg.slice(0, slash)}"`);
    const name = slash >= 0 ? arg.slice(slash + 1) : arg;
    const obj = getObject(c, type, name, inv.namespace);
    if (!obj) throw new KubectlError(notFoundText(groupResource(type), name));
    if (type.kind === 'Pod') pods = [obj as Pod];
    else {
      const owned = podsOf(c, obj.metadata.uid);
      if (!owned.length) throw new KubectlError(`error: timed out waiting for the condition`);
      if (owned.length > 1) notice = `Found ${owned.length} pods, using pod/${owned[0].metadata.name}\n`;
      pods = [owned[0]];
    }
  }
  let out = notice;
  const all = bool(f, 'all-containers');
  const prefix = bool(f, 'prefix');
  for (const pod of pods) {
    const names = pod.spec.containers.map((ct) => ct.name);
    let chosen: string[];
    if (all) chosen = names;
    else if (container) {
      if (!names.includes(container)) throw new KubectlError(`error: container ${container} is not valid for pod ${pod.metadata.name}`);
      chosen = [container];
    } else {
      const def = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
      const pick = def && names.includes(def) ? def : names[0];
      if (names.length > 1 && !sel) out += `Defaulted container "${pick}" out of: ${names.join(', ')}\n`;
      chosen = [pick];
    }
    for (const name of chosen) {
      let lines = containerLog(c, pod, name, bool(f, 'previous'));
      if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
      const pre = prefix ? `[pod/${pod.metadata.name}/${name}] ` : '';
      out += lines.map((l) => `${pre}${l}\n`).join('');
    }
  }
  return ok(out);
}

/** Pods controlled by an object, directly or through its ReplicaSets (a Deployment). */
function podsOf(c: Cluster, uid: string): Pod[] {
  const direct = [...c.podsByOwner.get(uid)];
  const viaRS = [...c.rsByOwner.get(uid)].flatMap((rs) => [...c.podsByOwner.get(rs.metadata.uid)]);
  return [...direct, ...viaRS].filter((p) => controllerOf(p)).sort((a, b) => a.metadata.creationTimestamp - b.metadata.creationTimestamp || (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** The kubelet's containerLogs endpoint: which container instance, or why there is none. */
function containerLog(c: Cluster, pod: Pod, name: string, previous: boolean): string[] {
  const podName = pod.metadata.name;
  const st: ContainerStatus | undefined = pod.status.containerStatuses?.find((s) => s.name === name);
  const node = pod.spec.nodeName;
  if (!node || !st) throw new KubectlError(`Error from server (BadRequest): container ${JSON.stringify(name)} in pod ${JSON.stringify(podName)} is waiting to start: ContainerCreating`);
  const m = c.machines.get(node);
  if (!m || !m.isOn) {
    throw new KubectlError(`Error from server: Get "https://${m?.spec.ip ?? node}:10250/containerLogs/${pod.metadata.namespace}/${podName}/${name}${previous ? '?previous=true' : ''}": dial tcp ${m?.spec.ip ?? node}:10250: connect: no route to host`);
  }
  let id: string | undefined;
  const last = st.lastState.terminated;
  if (previous) {
    if (!last?.containerID) throw new KubectlError(`Error from server (BadRequest): previous terminated container ${JSON.stringify(name)} in pod ${JSON.stringify(podName)} not found`);
    id = last.containerID;
  } else if (st.state.running) id = st.containerID;
  else if (st.state.terminated) id = st.state.terminated.containerID ?? last?.containerID;
  else if (last) id = last.containerID;
  else if (st.state.waiting) {
    const reason = st.state.waiting.reason;
    const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    throw new KubectlError(`Error from server (BadRequest): container ${JSON.stringify(name)} in pod ${JSON.stringify(podName)} is waiting to start: ${why}`);
  }
  if (!id) throw new KubectlError(`Error from server (BadRequest): container ${JSON.stringify(name)} in pod ${JSON.stringify(podName)} is waiting to start - no logs yet`);
  const dc = m.docker.containers.get(id.replace(/^docker:\/\//, ''));
  if (!dc) throw new KubectlError(`unable to retrieve container logs for ${id}`);
  return [...dc.log];
}
