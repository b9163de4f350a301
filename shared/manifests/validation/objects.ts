/**
 * ValidateDeployment, ValidatePodCreate and ValidateService (apps and core validation), after
 * defaulting, as the API server runs them on create.
 */
import { goMap, invalid, json, notSupported, num, required, forbidden, duplicate, str, type FieldError } from './field-error.js';
import { isObj, matches, selectorRequirements, validateAnnotations, validateLabelSelector, validateLabels, validateObjectMeta } from './meta.js';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './names.js';
import { validatePodOnly, validatePodSpec } from './pod-spec.js';

type Obj = Record<string, unknown>;
const NONNEGATIVE = 'must be greater than or equal to 0';
const asObj = (v: unknown): Obj => (isObj(v) ? v : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function validateIntOrPercent(v: unknown, field: string): FieldError[] {
  if (typeof v === 'string') {
    return /^[0-9]+%$/.test(v)
      ? []
      : [invalid(field, json(v), "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  }
  return typeof v === 'number' && v < 0 ? [invalid(field, num(v), NONNEGATIVE)] : [];
}

function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[0-9]+%$/.test(v)) return Number(v.slice(0, -1));
  return 0;
}

function validateStrategy(s: Obj): FieldError[] {
  const type = text(s.type);
  if (type === 'Recreate') {
    return s.rollingUpdate !== undefined ? [forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (type === 'RollingUpdate') {
    const ru = asObj(s.rollingUpdate);
    const errs = [
      ...validateIntOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'),
      ...validateIntOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge'),
    ];
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(invalid('spec.strategy.rollingUpdate.maxUnavailable', json(ru.maxUnavailable ?? 0), 'may not be 0 when `maxSurge` is 0'));
    }
    if (typeof ru.maxUnavailable === 'string' && intOrPercentValue(ru.maxUnavailable) > 100) {
      errs.push(invalid('spec.strategy.rollingUpdate.maxUnavailable', json(ru.maxUnavailable), 'must not be greater than 100%'));
    }
    return errs;
  }
  // The internal apps.DeploymentStrategy has no json tags.
  const ru = isObj(s.rollingUpdate) ? { MaxUnavailable: s.rollingUpdate.maxUnavailable ?? 0, MaxSurge: s.rollingUpdate.maxSurge ?? 0 } : null;
  return [notSupported('spec.strategy', json({ Type: type, RollingUpdate: ru }), ['Recreate', 'RollingUpdate'])];
}

/** The template checks of ValidatePodTemplateSpecForReplicaSet; labels are at `template.labels`. */
function validateTemplate(template: Obj, reqs: ReturnType<typeof selectorRequirements>, selectorNil: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const meta = asObj(template.metadata);
  // A missing selector selects nothing, so the labels never match it.
  if ((reqs && reqs.length && !matches(reqs, meta.labels)) || selectorNil) {
    errs.push(invalid('spec.template.metadata.labels', goMap(isObj(meta.labels) ? meta.labels : undefined), '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels(meta.labels, 'spec.template.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'spec.template.annotations'));
  const spec = asObj(template.spec);
  errs.push(...validatePodSpec(spec, 'spec.template.spec'));
  const rp = text(spec.restartPolicy);
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', str(rp), ['Always']));
  if (spec.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

export function validateDeployment(d: Obj): FieldError[] {
  const errs = validateObjectMeta(asObj(d.metadata), isDNS1123Subdomain);
  const spec = asObj(d.spec);
  const replicas = Number(spec.replicas ?? 0);
  if (replicas < 0) errs.push(invalid('spec.replicas', num(replicas), NONNEGATIVE));
  const selector = isObj(spec.selector) ? spec.selector : undefined;
  let reqs: ReturnType<typeof selectorRequirements> = [];
  if (!selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    const empty = !Object.keys(asObj(selector.matchLabels)).length && !(Array.isArray(selector.matchExpressions) && selector.matchExpressions.length);
    if (empty) errs.push(invalid('spec.selector', json(selectorJson(selector)), 'empty selector is invalid for deployment'));
    reqs = selectorRequirements(selector);
    if (!reqs) errs.push(invalid('spec.selector', json(selectorJson(selector)), 'invalid label selector'));
  }
  if (reqs) errs.push(...validateTemplate(asObj(spec.template), reqs, !selector));
  errs.push(...validateStrategy(asObj(spec.strategy)));
  const minReady = Number(spec.minReadySeconds ?? 0);
  if (minReady < 0) errs.push(invalid('spec.minReadySeconds', num(minReady), NONNEGATIVE));
  const rhl = Number(spec.revisionHistoryLimit ?? 0);
  if (rhl < 0) errs.push(invalid('spec.revisionHistoryLimit', num(rhl), NONNEGATIVE));
  if (spec.progressDeadlineSeconds !== undefined) {
    const pds = Number(spec.progressDeadlineSeconds);
    if (pds < 0) errs.push(invalid('spec.progressDeadlineSeconds', num(pds), NONNEGATIVE));
    if (pds <= minReady) errs.push(invalid('spec.progressDeadlineSeconds', num(pds), 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** metav1.LabelSelector as json.Marshal prints it: empty fields omitted. */
function selectorJson(sel: Obj): Obj {
  const out: Obj = {};
  if (isObj(sel.matchLabels) && Object.keys(sel.matchLabels).length) out.matchLabels = sel.matchLabels;
  if (Array.isArray(sel.matchExpressions) && sel.matchExpressions.length) out.matchExpressions = sel.matchExpressions;
  return out;
}

export function validatePod(p: Obj): FieldError[] {
  const errs = validateObjectMeta(asObj(p.metadata), isDNS1123Subdomain);
  const spec = asObj(p.spec);
  errs.push(...validatePodSpec(spec, 'spec'));
  errs.push(...validatePodOnly(spec, 'spec'));
  return errs;
}

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

export function validateService(s: Obj): FieldError[] {
  const errs = validateObjectMeta(asObj(s.metadata), isDNS1035Label);
  const spec = asObj(s.spec);
  const ports = Array.isArray(spec.ports) ? (spec.ports as Obj[]) : [];
  const type = text(spec.type);
  const headless = spec.clusterIP === 'None';
  if (!ports.length && !headless && type !== 'ExternalName') errs.push(required('spec.ports'));
  if (type === 'ExternalName') {
    const cname = text(spec.externalName).replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid('spec.externalName', str(cname), m));
    else errs.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    const name = text(p.name);
    if (ports.length > 1 && !name) errs.push(required(`${path}.name`));
    else if (name) {
      for (const m of isDNS1123Label(name)) errs.push(invalid(`${path}.name`, str(name), m));
      if (names.has(name)) errs.push(duplicate(`${path}.name`, str(name)));
      else names.add(name);
    }
    const port = Number(p.port ?? 0);
    for (const m of isValidPortNum(port)) errs.push(invalid(`${path}.port`, num(port), m));
    const proto = text(p.protocol);
    if (!proto) errs.push(required(`${path}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(proto)) errs.push(notSupported(`${path}.protocol`, str(proto), ['SCTP', 'TCP', 'UDP']));
    const tp = p.targetPort;
    if (typeof tp === 'number') for (const m of isValidPortNum(tp)) errs.push(invalid(`${path}.targetPort`, num(tp), m));
    else for (const m of isValidPortName(text(tp))) errs.push(invalid(`${path}.targetPort`, str(text(tp)), m));
  });
  if (spec.selector !== undefined) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  const aff = text(spec.sessionAffinity);
  if (!aff) errs.push(required('spec.sessionAffinity'));
  else if (aff !== 'ClientIP' && aff !== 'None') errs.push(notSupported('spec.sessionAffinity', str(aff), ['ClientIP', 'None']));
  if (!type) errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', str(type), SERVICE_TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const seen = new Map<string, number>();
  ports.forEach((p, i) => {
    const key = `${text(p.protocol)}/${Number(p.port ?? 0)}`;
    if (seen.has(key)) {
      // The internal core.ServicePort has no json tags: Go field names, zero target port.
      const key = { Name: '', Protocol: text(p.protocol), AppProtocol: null, Port: Number(p.port ?? 0), TargetPort: 0, NodePort: 0 };
      errs.push(duplicate(`spec.ports[${i}]`, json(key)));
    }
    seen.set(key, i);
  });
  return errs;
}
