/**
 * ValidatePodSpec and the container checks of pkg/apis/core/validation, in the same order, so
 * that several errors come out in the order the API server lists them.
 */
import {
  duplicate,
  forbidden,
  invalid,
  json,
  notFound,
  notSupported,
  num,
  required,
  str,
  type FieldError,
} from './field-error.js';
import { isObj, validateLabels } from './meta.js';
import { isDNS1123Label, isDNS1123Subdomain, isLabelValue, isQualifiedName, isValidPortName, isValidPortNum } from './names.js';
import { parseQuantity } from '../../sim/api/quantity.js';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const NONNEGATIVE = 'must be greater than or equal to 0';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers',
  'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'requests.storage',
  'services.nodeports', 'services.loadbalancers', 'storage',
]);

function validateVolumes(volumes: Obj[], path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const p = `${path}[${i}]`;
    const el: FieldError[] = [];
    const sources = Object.keys(v).filter((k) => k !== 'name');
    if (!sources.length) el.push(required(p, 'must specify a volume type'));
    sources.slice(1).forEach((k) => el.push(forbidden(`${p}.${k}`, 'may not specify more than 1 volume type')));
    const src = sources[0];
    if (src === 'hostPath' && isObj(v.hostPath)) {
      if (!text(v.hostPath.path)) el.push(required(`${p}.hostPath.path`));
      const t = text(v.hostPath.type);
      const types = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
      if (!types.includes(t)) el.push(notSupported(`${p}.hostPath.type`, str(t), types));
    }
    if (src === 'configMap' && isObj(v.configMap) && !text(v.configMap.name)) el.push(required(`${p}.configMap.name`));
    const name = text(v.name);
    if (!name) el.push(required(`${p}.name`));
    else for (const m of isDNS1123Label(name)) el.push(invalid(`${p}.name`, str(name), m));
    if (names.has(name)) el.push(duplicate(`${p}.name`, str(name)));
    if (!el.length) names.add(name);
    errs.push(...el);
  });
  return { errs, names };
}

function validateContainerPorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `${path}[${i}]`;
    const name = text(port.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) msgs.forEach((m) => errs.push(invalid(`${p}.name`, str(name), m)));
      else if (names.has(name)) errs.push(duplicate(`${p}.name`, str(name)));
      else names.add(name);
    }
    const cp = Number(port.containerPort ?? 0);
    if (cp === 0) errs.push(required(`${p}.containerPort`));
    else for (const m of isValidPortNum(cp)) errs.push(invalid(`${p}.containerPort`, num(cp), m));
    const hp = Number(port.hostPort ?? 0);
    if (hp !== 0) for (const m of isValidPortNum(hp)) errs.push(invalid(`${p}.hostPort`, num(hp), m));
    const proto = text(port.protocol);
    if (!proto) errs.push(required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(`${p}.protocol`, str(proto), PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((e, i) => {
    const name = text(e.name);
    // RelaxedEnvironmentVariableValidation (on since 1.32): printable ASCII except '='.
    if (!name) errs.push(required(`${path}[${i}].name`));
    else if (/[^\x20-\x7e]|=/.test(name)) {
      errs.push(
        invalid(`${path}[${i}].name`, str(name), "a valid environment variable name must consist only of printable ASCII characters other than '='"),
      );
    }
  });
  return errs;
}

function validateVolumeMounts(mounts: Obj[], volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  mounts.forEach((m, i) => {
    const p = `${path}[${i}]`;
    const name = text(m.name);
    if (!name) errs.push(required(`${p}.name`));
    if (!volumes.has(name)) errs.push(notFound(`${p}.name`, str(name)));
    const mp = text(m.mountPath);
    if (!mp) errs.push(required(`${p}.mountPath`));
    if (paths.has(mp)) errs.push(invalid(`${p}.mountPath`, str(mp), 'must be unique'));
    paths.add(mp);
  });
  return errs;
}

function validateResourceName(name: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const m of isQualifiedName(name)) errs.push(invalid(field, json(name), m));
  if (errs.length) return errs;
  if (!name.includes('/') && !STANDARD_RESOURCES.has(name)) {
    errs.push(invalid(field, json(name), 'must be a standard resource type or fully qualified'));
  }
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) {
      errs.push(invalid(field, json(name), 'must be a standard resource for containers'));
    }
  }
  return errs;
}

function validateResources(r: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = isObj(r.limits) ? r.limits : {};
  const requests = isObj(r.requests) ? r.requests : {};
  for (const k of Object.keys(limits).sort()) {
    errs.push(...validateResourceName(k, `${path}.limits[${k}]`));
    if ((parseQuantity(String(limits[k])) ?? 0) < 0) errs.push(invalid(`${path}.limits[${k}]`, str(String(limits[k])), NONNEGATIVE));
  }
  for (const k of Object.keys(requests).sort()) {
    errs.push(...validateResourceName(k, `${path}.requests[${k}]`));
    const q = parseQuantity(String(requests[k])) ?? 0;
    if (q < 0) errs.push(invalid(`${path}.requests[${k}]`, str(String(requests[k])), NONNEGATIVE));
    if (limits[k] !== undefined && q > (parseQuantity(String(limits[k])) ?? 0)) {
      errs.push(invalid(`${path}.requests`, str(String(requests[k])), `must be less than or equal to ${k} limit of ${String(limits[k])}`));
    }
  }
  return errs;
}

function validatePortNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(field, num(port), m));
  const s = text(port);
  return isValidPortName(s).map((m) => invalid(field, str(s), m));
}

function validateProbe(probe: unknown, path: string, kind: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (!isObj(probe)) return [];
  const errs: FieldError[] = [];
  let handlers = 0;
  for (const h of ['exec', 'httpGet', 'tcpSocket', 'grpc']) {
    const v = probe[h];
    if (v === undefined) continue;
    if (handlers++ > 0) {
      errs.push(forbidden(`${path}.${h}`, 'may not specify more than 1 handler type'));
      continue;
    }
    if (h === 'exec' && isObj(v) && !list(v.command).length) errs.push(required(`${path}.exec.command`));
    if (h === 'httpGet' && isObj(v)) {
      if (!text(v.path)) errs.push(required(`${path}.httpGet.path`));
      errs.push(...validatePortNumOrName(v.port ?? 0, `${path}.httpGet.port`));
      const scheme = text(v.scheme);
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(`${path}.httpGet.scheme`, str(scheme), ['HTTP', 'HTTPS']));
    }
    if (h === 'tcpSocket' && isObj(v)) errs.push(...validatePortNumOrName(v.port ?? 0, `${path}.tcpSocket.port`));
  }
  if (!handlers) errs.push(required(path, 'must specify a handler type'));
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const n = Number(probe[f] ?? 0);
    if (n < 0) errs.push(invalid(`${path}.${f}`, num(n), NONNEGATIVE));
  }
  const tgp = probe.terminationGracePeriodSeconds;
  if (typeof tgp === 'number' && tgp <= 0) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, num(tgp), 'must be greater than 0'));
  if (kind !== 'readiness' && Number(probe.successThreshold ?? 1) !== 1) {
    errs.push(invalid(`${path}.successThreshold`, num(Number(probe.successThreshold)), 'must be 1'));
  }
  if (kind === 'readiness' && tgp !== undefined) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, json(tgp), 'must not be set for readinessProbes'));
  }
  return errs;
}

function validateContainerCommon(c: Obj, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = text(c.name);
  if (!name) errs.push(required(`${path}.name`));
  else for (const m of isDNS1123Label(name)) errs.push(invalid(`${path}.name`, str(name), m));
  if (!text(c.image)) errs.push(required(`${path}.image`));
  const tmp = text(c.terminationMessagePolicy);
  if (!tmp) errs.push(required(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(`${path}.terminationMessagePolicy`, str(tmp), ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(list(c.ports), `${path}.ports`));
  errs.push(...validateEnv(list(c.env), `${path}.env`));
  errs.push(...validateVolumeMounts(list(c.volumeMounts), volumes, `${path}.volumeMounts`));
  const pull = text(c.imagePullPolicy);
  if (!pull) errs.push(required(`${path}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(pull)) errs.push(notSupported(`${path}.imagePullPolicy`, str(pull), PULL_POLICIES));
  errs.push(...validateResources(isObj(c.resources) ? c.resources : {}, `${path}.resources`));
  return errs;
}

function validateContainers(containers: Obj[], volumes: Set<string>, path: string): FieldError[] {
  if (!containers.length) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    const name = text(c.name);
    if (names.has(name)) errs.push(duplicate(`${p}.name`, str(name)));
    else names.add(name);
    errs.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, 'liveness'));
    errs.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, 'readiness'));
    errs.push(...validateProbe(c.startupProbe, `${p}.startupProbe`, 'startup'));
    if (c.restartPolicy !== undefined) errs.push(forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  // Two containers of a pod cannot claim the same host port.
  const hostPorts = new Set<string>();
  containers.forEach((c, i) => {
    list(c.ports).forEach((port, j) => {
      const hp = Number(port.hostPort ?? 0);
      if (!hp) return;
      const key = `${text(port.protocol)}/${text(port.hostIP)}/${hp}`;
      if (hostPorts.has(key)) errs.push(duplicate(`${path}[${i}].ports[${j}].hostPort`, str(key)));
      hostPorts.add(key);
    });
  });
  return errs;
}

function validateInitContainers(inits: Obj[], containers: Obj[], volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(containers.map((c) => text(c.name)));
  inits.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    const name = text(c.name);
    if (names.has(name)) errs.push(duplicate(`${p}.name`, str(name)));
    else if (name) names.add(name);
    const sidecar = c.restartPolicy === 'Always';
    if (c.restartPolicy !== undefined && !sidecar) errs.push(notSupported(`${p}.restartPolicy`, str(text(c.restartPolicy)), ['Always']));
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      if (c[probe] === undefined) continue;
      if (sidecar) errs.push(...validateProbe(c[probe], `${p}.${probe}`, probe === 'livenessProbe' ? 'liveness' : probe === 'readinessProbe' ? 'readiness' : 'startup'));
      else errs.push(forbidden(`${p}.${probe}`, 'may not be set for init containers without restartPolicy=Always'));
    }
  });
  return errs;
}

function validateTolerations(tolerations: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  tolerations.forEach((t, i) => {
    const p = `${path}[${i}]`;
    const key = text(t.key);
    const op = text(t.operator);
    const effect = text(t.effect);
    const value = text(t.value);
    if (key) for (const m of isQualifiedName(key)) errs.push(invalid(`${p}.key`, str(key), m));
    if (!key && op !== 'Exists') {
      errs.push(invalid(`${p}.operator`, str(op), 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && effect !== 'NoExecute') {
      errs.push(invalid(`${p}.effect`, str(effect), "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isLabelValue(value);
      if (msgs.length) errs.push(invalid(`${p}.operator`, str(value), msgs.join(';')));
    } else if (op === 'Exists') {
      if (value) errs.push(invalid(`${p}.operator`, str(value), "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(`${p}.operator`, str(op), ['Equal', 'Exists']));
    }
    if (effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
      errs.push(notSupported(`${p}.effect`, str(effect), ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
  });
  return errs;
}

export function validatePodSpec(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds === undefined) errs.push(required(`${path}.terminationGracePeriodSeconds`));
  const { errs: volErrs, names: volumes } = validateVolumes(list(spec.volumes), `${path}.volumes`);
  errs.push(...volErrs);
  errs.push(...validateContainers(list(spec.containers), volumes, `${path}.containers`));
  errs.push(...validateInitContainers(list(spec.initContainers), list(spec.containers), volumes, `${path}.initContainers`));
  const rp = text(spec.restartPolicy);
  if (!rp) errs.push(required(`${path}.restartPolicy`));
  else if (!['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(notSupported(`${path}.restartPolicy`, str(rp), ['Always', 'OnFailure', 'Never']));
  const dns = text(spec.dnsPolicy);
  const dnsValues = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
  if (!dns) errs.push(required(`${path}.dnsPolicy`));
  else if (!dnsValues.includes(dns)) errs.push(notSupported(`${path}.dnsPolicy`, str(dns), dnsValues));
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  const nodeName = text(spec.nodeName);
  if (nodeName) for (const m of isDNS1123Subdomain(nodeName)) errs.push(invalid(`${path}.nodeName`, str(nodeName), m));
  const ads = spec.activeDeadlineSeconds;
  if (typeof ads === 'number' && (ads < 1 || ads > 2147483647)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, num(ads), 'must be between 1 and 2147483647, inclusive'));
  }
  for (const f of ['hostname', 'subdomain']) {
    const v = text(spec[f]);
    if (v) for (const m of isDNS1123Label(v)) errs.push(invalid(`${path}.${f}`, str(v), m));
  }
  errs.push(...validateTolerations(list(spec.tolerations), `${path}.tolerations`));
  const pp = spec.preemptionPolicy;
  if (pp !== undefined && pp !== 'PreemptLowerPriority' && pp !== 'Never') {
    errs.push(notSupported(`${path}.preemptionPolicy`, str(text(pp)), ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

/** What a Pod adds to its spec checks (validateContainersOnlyForPod). */
export function validatePodOnly(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of ['containers', 'initContainers']) {
    list(spec[key]).forEach((c, i) => {
      const image = text(c.image);
      if (image !== image.trim()) errs.push(invalid(`${path}.${key}[${i}].image`, str(image), 'must not have leading or trailing whitespace'));
    });
  }
  return errs;
}
