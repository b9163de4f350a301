/**
 * The building blocks of `kubectl describe` output, after k8s.io/kubectl/pkg/describe:
 * PrefixWriter levels, tabwriter blocks split by Flush, multi-line labels, annotations,
 * taints and tolerations, containers, pod templates and the Events table.
 */
import { canonicalQuantity } from '../../manifests/quantity-format.js';
import type { Container, ContainerState, ContainerStatus, Event, PodTemplateSpec, ResourceList, Taint, Time, Toleration } from '../../sim/api/types.js';
import { describeTime } from '../duration.js';
import { tabwrite } from '../tabwriter.js';
import { since } from './printers.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/** describe's PrefixWriter over a tabwriter: Write(level, text), Flush() ends the column blocks. */
export class PrefixWriter {
  private done: string[] = [];
  private cur = '';

  /** `tabs: false` leaves the tabs as they are (`rollout history --revision` prints no tabwriter). */
  constructor(private readonly tabs = true) {}

  write(level: number, text: string): void {
    this.cur += '  '.repeat(level) + text;
  }

  flush(): void {
    if (this.cur) this.done.push(this.tabs ? tabwrite(this.cur) : this.cur);
    this.cur = '';
  }

  toString(): string {
    this.flush();
    return this.done.join('');
  }
}

export function rfc1123z(t: Time, epochMs: number): string {
  return describeTime(t, epochMs);
}

/** A quantity as resource.Quantity.String() prints it (`8388608Ki` is `8Gi`). */
export function quantity(q: string | number | undefined): string {
  if (q === undefined) return '0';
  const r = canonicalQuantity(String(q));
  return 'canonical' in r ? r.canonical : String(q);
}

/** A CPU total in millicores as a Quantity: `750m`, `2`. */
export function cpuQuantity(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** A memory total in bytes as a BinarySI Quantity: `326Mi`. */
export function memoryQuantity(bytes: number): string {
  if (bytes === 0) return '0';
  return bytes % 1024 === 0 ? quantity(`${bytes / 1024}Ki`) : String(bytes);
}

/** printLabelsMultilineWithIndent. */
export function labelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i) w.write(0, `${initialIndent}\t`);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

/** printAnnotationsMultiline: last-applied-configuration is skipped, long values folded. */
export function annotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (!keys.length) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i) w.write(0, '\t');
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s}\n`);
    } else w.write(0, `${k}: ${value}\n`);
  });
}

/** Taint.ToString: `key=value:Effect`. */
export function taintString(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

export function taintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(0, `${title}:\t`);
  if (!taints?.length) {
    w.write(0, '<none>\n');
    return;
  }
  const sorted = [...taints].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  sorted.forEach((t, i) => {
    if (i) w.write(0, '\t');
    w.write(0, `${taintString(t)}\n`);
  });
}

export function tolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  if (!tolerations?.length) {
    w.write(0, '<none>\n');
    return;
  }
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i) w.write(0, `${initialIndent}\t`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

function resources(w: PrefixWriter, r: Container['resources'], level: number): void {
  if (!r) return;
  const section = (title: string, list: ResourceList | undefined) => {
    const names = Object.keys(list ?? {}).sort();
    if (!names.length) return;
    w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${quantity(list![n])}\n`);
  };
  section('Limits', r.limits);
  section('Requests', r.requests);
}

function state(w: PrefixWriter, name: string, s: ContainerState, epochMs: number): void {
  if (s.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(s.running.startedAt, epochMs)}\n`);
  } else if (s.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (s.waiting.reason) w.write(3, `Reason:\t${s.waiting.reason}\n`);
  } else if (s.terminated) {
    const t = s.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt, epochMs)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt, epochMs)}\n`);
  } else w.write(2, `${name}:\tWaiting\n`);
}

function probe(p: NonNullable<Container['readinessProbe']>): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s successThreshold=${p.successThreshold ?? 1} failureThreshold=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${p.exec.command.join(' ')}] ${attrs}`;
  if (p.httpGet) return `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://:${p.httpGet.port}${p.httpGet.path ?? ''} ${attrs}`;
  if (p.tcpSocket) return `tcp-socket :${p.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

/** describeContainers: each container with its status (when the pod has one). */
export function containers(w: PrefixWriter, label: string, list: Container[], statuses: ContainerStatus[] | undefined, space: string, epochMs: number): void {
  w.write(0, `${space}${label}:${list.length ? '' : ' <none>'}\n`);
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of list) {
    const st = statuses ? byName.get(c.name) : undefined;
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ');
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    if (c.command?.length) {
      w.write(2, 'Command:\n');
      for (const s of c.command) w.write(3, `${s}\n`);
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n');
      for (const s of c.args) w.write(3, `${s}\n`);
    }
    if (st) {
      state(w, 'State', st.state, epochMs);
      if (st.lastState.terminated) state(w, 'Last State', st.lastState, epochMs);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount}\n`);
    }
    resources(w, c.resources, 2);
    if (c.livenessProbe) w.write(2, `Liveness:\t${probe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${probe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${probe(c.startupProbe)}\n`);
    w.write(2, `Environment:${c.env?.length ? '' : '\t<none>'}\n`);
    for (const e of c.env ?? []) w.write(3, `${e.name}:\t${e.value ?? ''}\n`);
    w.write(2, `Mounts:${c.volumeMounts?.length ? '' : '\t<none>'}\n`);
    for (const m of [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1))) w.write(3, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`);
  }
}

/** describeVolumes, for the volume types the game knows. */
export function volumes(w: PrefixWriter, list: PodTemplateSpec['spec']['volumes'], space: string): void {
  if (!list?.length) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.hostPath) w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? ''}\n`);
    else if (v.emptyDir) w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`);
    else if (v.configMap) w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\tfalse\n`);
    else w.write(1, '<unknown>\n');
  }
}

/** DescribePodTemplate: the template of a Deployment, ReplicaSet or DaemonSet. */
export function podTemplate(w: PrefixWriter, t: PodTemplateSpec, epochMs: number): void {
  w.write(0, 'Pod Template:\n');
  labelsMultiline(w, 'Labels', t.metadata?.labels, '  ');
  if (t.metadata?.annotations && Object.keys(t.metadata.annotations).length) {
    w.write(0, '  Annotations:\t');
    const keys = Object.keys(t.metadata.annotations).sort();
    keys.forEach((k, i) => {
      if (i) w.write(0, '  \t');
      w.write(0, `${k}: ${t.metadata!.annotations![k]}\n`);
    });
  }
  if (t.spec.initContainers?.length) containers(w, 'Init Containers', t.spec.initContainers, undefined, '  ', epochMs);
  containers(w, 'Containers', t.spec.containers, undefined, '  ', epochMs);
  volumes(w, t.spec.volumes, '  ');
  labelsMultiline(w, 'Node-Selectors', t.spec.nodeSelector, '  ');
  tolerationsMultiline(w, 'Tolerations', t.spec.tolerations, '  ');
}

/**
 * DescribeEvents: the Events table, sorted by last occurrence, with `12s (x4 over 50s)` ages
 * and, as kubectl 1.33+ prints it, the container an event is about (`spec.containers{app}: `).
 */
export function events(w: PrefixWriter, list: Event[], now: number): void {
  if (!list.length) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...list].sort((a, b) => a.lastTimestamp - b.lastTimestamp || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = since(e.firstTimestamp, now);
    const interval = e.count > 1 ? `${since(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    // Since v1.33 the message names the container it is about.
    const message = e.involvedObject.fieldPath ? `${e.involvedObject.fieldPath}: ${e.message.trim()}` : e.message.trim();
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${e.source.component || e.reportingComponent}\t${message}\n`);
  }
}
