/**
 * The API server's SetDefaults functions (pkg/apis/core/v1/defaults.go, apps/v1/defaults.go)
 * and the Service fields its registry fills on create. What admission adds later (uid,
 * default tolerations, clusterIP, pod IPs) is the simulation's job, not this file's.
 */
import { isObject, newObject, type JsonObject, type JsonValue } from './yaml-value.js';

type Obj = JsonObject;

function obj(parent: Obj, key: string): Obj {
  if (!isObject(parent[key])) parent[key] = newObject();
  return parent[key] as Obj;
}

function list(parent: Obj, key: string): Obj[] {
  const v = parent[key];
  return Array.isArray(v) ? (v.filter(isObject) as Obj[]) : [];
}

function setIfAbsent(o: Obj, key: string, value: JsonValue): void {
  if (o[key] === undefined || o[key] === '') o[key] = value;
}

/** The tag `parsers.ParseImageName` finds: `latest` when there is neither tag nor digest. */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const ref = at >= 0 ? image.slice(0, at) : image;
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const tag = colon > slash ? ref.slice(colon + 1) : '';
  const name = colon > slash ? ref.slice(0, colon) : ref;
  const path = name.includes('/') && /[.:]|^localhost$/.test(name.split('/')[0]) ? name.slice(name.indexOf('/') + 1) : name;
  // A reference docker cannot parse (upper case, empty) has no tag.
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) return '';
  if (tag === '' && at < 0) return 'latest';
  return tag;
}

function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(String(c.image ?? '')) === 'latest' ? 'Always' : 'IfNotPresent';
  setIfAbsent(c, 'terminationMessagePath', '/dev/termination-log');
  setIfAbsent(c, 'terminationMessagePolicy', 'File');
  // Resources is a struct, not a pointer: it always prints, `resources: {}`.
  obj(c, 'resources');
  for (const p of list(c, 'ports')) setIfAbsent(p, 'protocol', 'TCP');
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    if (isObject(c[probe])) defaultProbe(c[probe] as Obj);
  }
}




function defaultProbe(p: Obj): void {
  for (const [k, v] of [['timeoutSeconds', 1], ['periodSeconds', 10], ['successThreshold', 1], ['failureThreshold', 3]] as const) {
    if (!p[k]) p[k] = v;
  }
  if (isObject(p.httpGet)) {
    setIfAbsent(p.httpGet, 'path', '/');
    setIfAbsent(p.httpGet, 'scheme', 'HTTP');
  }
}

function defaultPodSpec(spec: Obj, isPod: boolean): void {
  for (const c of [...list(spec, 'initContainers'), ...list(spec, 'containers')]) defaultContainer(c);
  for (const v of list(spec, 'volumes')) {
    // A volume with no source is an emptyDir.
    if (Object.keys(v).every((k) => k === 'name')) v.emptyDir = newObject();
    if (isObject(v.hostPath)) setIfAbsent(v.hostPath, 'type', '');
    if (isObject(v.configMap) && v.configMap.defaultMode === undefined) v.configMap.defaultMode = 0o644;
  }
  setIfAbsent(spec, 'restartPolicy', 'Always');
  if (spec.terminationGracePeriodSeconds === undefined) spec.terminationGracePeriodSeconds = 30;
  setIfAbsent(spec, 'dnsPolicy', 'ClusterFirst');
  if (!isObject(spec.securityContext)) spec.securityContext = newObject();
  setIfAbsent(spec, 'schedulerName', 'default-scheduler');
  if (isPod) {
    // SetDefaults_Pod, not SetDefaults_PodSpec: a Deployment's template does not get these.
    if (spec.enableServiceLinks === undefined) spec.enableServiceLinks = true;
    for (const c of [...list(spec, 'initContainers'), ...list(spec, 'containers')]) {
      const r = obj(c, 'resources');
      if (isObject(r.limits)) {
        const requests = obj(r, 'requests');
        for (const [k, v] of Object.entries(r.limits)) if (requests[k] === undefined) requests[k] = v;
      }
    }
    if (spec.hostNetwork === true) {
      for (const c of list(spec, 'containers')) for (const p of list(c, 'ports')) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
}

export function defaultPod(pod: Obj): void {
  defaultPodSpec(obj(pod, 'spec'), true);
  pod.status = newObject();
  (pod.status as Obj).phase = 'Pending';
}

export function defaultDeployment(d: Obj): void {
  const spec = obj(d, 'spec');
  if (spec.replicas === undefined) spec.replicas = 1;
  const strategy = obj(spec, 'strategy');
  setIfAbsent(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = obj(strategy, 'rollingUpdate');
    if (ru.maxUnavailable === undefined) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined) ru.maxSurge = '25%';
  }
  if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
  if (spec.progressDeadlineSeconds === undefined) spec.progressDeadlineSeconds = 600;
  const template = obj(spec, 'template');
  defaultPodSpec(obj(template, 'spec'), false);
  d.status = newObject();
}

export function defaultService(s: Obj): void {
  const spec = obj(s, 'spec');
  setIfAbsent(spec, 'sessionAffinity', 'None');
  setIfAbsent(spec, 'type', 'ClusterIP');
  for (const p of list(spec, 'ports')) {
    setIfAbsent(p, 'protocol', 'TCP');
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port ?? 0;
  }
  const type = spec.type;
  if ((type === 'NodePort' || type === 'LoadBalancer') && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') setIfAbsent(spec, 'internalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
  // The registry picks the IP family on create; the game's cluster is single-stack IPv4.
  if (type !== 'ExternalName') {
    if (spec.ipFamilies === undefined) spec.ipFamilies = ['IPv4'];
    setIfAbsent(spec, 'ipFamilyPolicy', 'SingleStack');
  }
  s.status = newObject();
  (s.status as Obj).loadBalancer = newObject();
}
