/**
 * `kubectl apply -f FILE`: each document is created, or patched with a three-way merge of
 * what was last applied (the kubectl.kubernetes.io/last-applied-configuration annotation),
 * what the file says now and what is live, then reported `created`, `configured` or
 * `unchanged`. A bad document prints kubectl's error and the others still apply; immutable
 * fields (a Deployment's selector) are refused as the API server refuses them.
 */
import { parseManifests, serializeYaml, type ManifestObject } from '../../manifests/index.js';
import { retrievalError, type Resource } from '../../manifests/kubectl-errors.js';
import type { Deployment, KubeObject, LabelSelector, Pod, Service } from '../../sim/api/types.js';
import type { AnyNewObject } from '../../sim/apiserver.js';
import { CONTROL_PLANE_IP } from '../../sim/bootstrap.js';
import type { Cluster } from '../../sim/cluster.js';
import { deepClone } from '../../sim/clone.js';
import { stableStringify } from '../../sim/hash.js';
import { str, strs } from '../flags.js';
import { done, type Command, type Invocation } from './command.js';
import { KubectlError } from './errors.js';
import { aggregate, errorForms, requireFiles, validDocs, type Json } from './manifest-files.js';
import { namespaceExists } from './objects.js';
import { byKind, qualifiedName, type ResourceKind } from './resources.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const MISSING_ANNOTATION = (plural: string, name: string) =>
  `Warning: resource ${plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;

export const FILENAME_FLAG = { name: 'filename', short: 'f', type: 'strings' as const, default: [], usage: 'The files that contain the configurations to apply.' };
export const DRY_RUN_FLAG = {
  name: 'dry-run',
  type: 'string' as const,
  default: 'none',
  usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without\n\tsending it. If server strategy, submit server-side request without persisting the resource.',
};

export const apply: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be
created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create
--save-config'.

 JSON and YAML formats are accepted.

 Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current
state is. See https://issues.k8s.io/34274.`,
  examples: `  # Apply the configuration in pod.json to a pod
  kubectl apply -f ./pod.json

  # Apply the configuration from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
  kubectl apply -k dir/

  # Apply the JSON passed into stdin to a pod
  cat pod.json | kubectl apply -f -`,
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    FILENAME_FLAG,
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (name).' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively.' },
    { name: 'validate', type: 'string', default: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
    { name: 'record', type: 'bool', default: false, usage: 'Record current kubectl command in the resource annotation.' },
  ],
  write: true,
  run: runApply,
};

function runApply(inv: Invocation) {
  const files = requireFiles(strs(inv.flags, 'filename'));
  const dryRun = dryRunOf(str(inv.flags, 'dry-run'));
  const o = str(inv.flags, 'output');
  if (o && o !== 'name') throw new KubectlError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: name`);
  let out = inv.flags.set.has('record') ? 'Flag --record has been deprecated, --record will be removed in the future\n' : '';
  const errors: { single: string; multi: string }[] = [];
  let count = 0;
  for (const { file, object, raw } of validDocs(inv.ctx, files, errors)) {
    count++;
    try {
      out += applyOne(inv, file, object, raw ?? {}, dryRun, o === 'name');
    } catch (e) {
      if (e instanceof KubectlError) errors.push(errorForms(e.text));
      else throw e;
    }
  }
  if (!count && !errors.length) errors.push(errorForms('error: no objects passed to apply'));
  out += aggregate(errors);
  return done(out, errors.length ? 1 : 0);
}

export type DryRun = 'none' | 'client' | 'server';

export function dryRunOf(v: string): DryRun {
  if (v === '' || v === 'none' || v === 'false') return 'none';
  if (v === 'client' || v === 'true') return 'client';
  if (v === 'server') return 'server';
  throw new KubectlError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/** The manifests module's resource descriptor, for kubectl's retrieval error. */
function resourceOf(kind: ResourceKind): Resource {
  const r = byKind(kind);
  return { group: r.group, version: r.version, kind, resource: r.plural };
}

/**
 * The API is down: kubectl fails at its first request. With the API server up but etcd not,
 * that is the GET of the live object; with no API server, the OpenAPI download for validation.
 */
export function unreachable(c: Cluster, file: string, kind: ResourceKind, name: string, ns: string): KubectlError | undefined {
  const fault = c.controlPlaneFault();
  if (!fault) return undefined;
  if (fault === 'etcd') return new KubectlError(retrievalError(file, resourceOf(kind), name, ns, 'etcdserver: request timed out').replace(/^error: /, 'Error from server: '));
  const host = `${CONTROL_PLANE_IP}:6443`;
  const dial = `dial tcp ${host}: ${fault === 'off' ? 'i/o timeout' : 'connect: connection refused'}`;
  return new KubectlError(
    `error: error validating ${JSON.stringify(file)}: error validating data: failed to download openapi: Get "https://${host}/openapi/v2?timeout=32s": ${dial}; if you choose to ignore these errors, turn validation off with --validate=false`,
  );
}

/** The annotation kubectl stores: the object as written (namespace filled in), as compact JSON. */
export function lastAppliedOf(raw: { [k: string]: Json }, namespace: string | undefined): string {
  const obj = deepClone(raw);
  const meta = (obj.metadata && typeof obj.metadata === 'object' && !Array.isArray(obj.metadata) ? obj.metadata : (obj.metadata = {})) as { [k: string]: Json };
  if (namespace) meta.namespace = namespace;
  const ann = meta.annotations as { [k: string]: Json } | undefined;
  if (ann && typeof ann === 'object') {
    delete ann[LAST_APPLIED];
    if (!Object.keys(ann).length) delete meta.annotations;
  }
  return `${stableStringify(obj)}\n`;
}

/**
 * A three-way merge of one field: maps merge key by key (keys the last apply had and the
 * file dropped are removed), anything else takes the file's value. Lists are replaced.
 */
function merge(live: Json | undefined, modified: Json | undefined, original: Json | undefined): Json | undefined {
  const isMap = (v: unknown): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);
  // Absent from the file: kept, unless the last apply set it (then it is deleted).
  if (modified === undefined) return original !== undefined ? undefined : live;
  if (isMap(modified) && isMap(live)) {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(live)) out[k] = deepClone(live[k]);
    for (const k of Object.keys(modified)) {
      const m = merge(live[k], modified[k], isMap(original) ? original[k] : undefined);
      if (m === undefined) delete out[k];
      else out[k] = m;
    }
    if (isMap(original)) for (const k of Object.keys(original)) if (!(k in modified)) delete out[k];
    return out;
  }
  return deepClone(modified);
}

function goSelector(s: LabelSelector): string {
  const ml = s.matchLabels ? `map[string]string{${Object.keys(s.matchLabels).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(s.matchLabels![k])}`).join(', ')}}` : 'map[string]string(nil)';
  const me = s.matchExpressions?.length
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions.map((e) => `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:[]string{${(e.values ?? []).map((v) => JSON.stringify(v)).join(', ')}}}`).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`;
}

const POD_UPDATE_FORBIDDEN =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** The API server's update validation for the fields that may not change. */
function checkImmutable(live: KubeObject, next: ManifestObject): string | undefined {
  if (live.kind === 'Deployment' && next.kind === 'Deployment') {
    if (stableStringify(live.spec.selector) !== stableStringify(next.spec.selector)) {
      return `The Deployment ${JSON.stringify(live.metadata.name)} is invalid: spec.selector: Invalid value: ${goSelector(next.spec.selector)}: field is immutable`;
    }
  }
  if (live.kind === 'Service' && next.kind === 'Service') {
    if (next.spec.clusterIP && next.spec.clusterIP !== live.spec.clusterIP) {
      return `The Service ${JSON.stringify(live.metadata.name)} is invalid: spec.clusterIPs[0]: Invalid value: []string{${JSON.stringify(next.spec.clusterIP)}}: may not change once set`;
    }
  }
  if (live.kind === 'Pod' && next.kind === 'Pod') {
    const strip = (p: Pod['spec']) => stableStringify({ ...p, containers: p.containers.map((c) => ({ ...c, image: '' })), tolerations: undefined });
    if (strip(live.spec) !== strip(next.spec as Pod['spec'])) return `The Pod ${JSON.stringify(live.metadata.name)} is invalid: ${POD_UPDATE_FORBIDDEN}`;
  }
  return undefined;
}

function applyOne(inv: Invocation, file: string, obj: ManifestObject, raw: { [k: string]: Json }, dryRun: DryRun, nameOnly: boolean): string {
  const c = inv.cluster;
  const type = byKind(obj.kind);
  const name = obj.metadata.name;
  const objNs = obj.metadata.namespace;
  if (objNs && inv.flags.set.has('namespace') && objNs !== inv.namespace) {
    throw new KubectlError(`error: the namespace from the provided object "${objNs}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${objNs}' to perform this operation.`);
  }
  const ns = type.namespaced ? (objNs || inv.namespace) : undefined;
  const down = unreachable(c, file, obj.kind, name, ns ?? '');
  if (down) throw down;
  const qn = qualifiedName(type, name);
  const say = (what: string) => (nameOnly ? `${qn}\n` : `${qn} ${what}${dryRunSuffix(dryRun)}\n`);
  const lastApplied = lastAppliedOf(raw, ns);
  const live = c.store.get(obj.kind, name, ns) as KubeObject | undefined;
  if (!live) {
    if (ns && !namespaceExists(c, ns)) throw new KubectlError(`Error from server (NotFound): error when creating ${JSON.stringify(file)}: namespaces "${ns}" not found`);
    if (dryRun === 'none') {
      const created = deepClone(obj) as AnyNewObject;
      if (ns) created.metadata.namespace = ns;
      created.metadata.annotations = { ...(created.metadata.annotations ?? {}), [LAST_APPLIED]: lastApplied };
      c.api.create(created);
    }
    return say('created');
  }
  const warning = live.metadata.annotations?.[LAST_APPLIED] ? '' : MISSING_ANNOTATION(type.plural, name);
  let original: Json = {};
  try {
    original = live.metadata.annotations?.[LAST_APPLIED] ? (JSON.parse(live.metadata.annotations[LAST_APPLIED]) as Json) : {};
  } catch {
    original = {};
  }
  const origMeta = (original as { metadata?: { [k: string]: Json } }).metadata;
  const rawMeta = (raw.metadata ?? {}) as { [k: string]: Json };
  const modifiedAnnotations = { ...((rawMeta.annotations as { [k: string]: Json }) ?? {}), [LAST_APPLIED]: lastApplied };
  const liveSpec = deepClone((live as { spec?: unknown }).spec) as Json;
  const finalLabels = (merge(deepClone(live.metadata.labels ?? {}) as Json, rawMeta.labels, origMeta?.labels) ?? {}) as Record<string, string>;
  const annotations = merge(deepClone(live.metadata.annotations ?? {}) as Json, modifiedAnnotations, origMeta?.annotations) as Record<string, string>;
  let spec = merge(liveSpec, raw.spec as Json, (original as { spec?: Json }).spec) as { [k: string]: Json };
  if (live.kind === 'Service') spec = keepNodePorts(live, spec);
  // The API server defaults and validates the merged object as it would any update.
  const mergedDoc = { apiVersion: live.apiVersion, kind: live.kind, metadata: { name, ...(ns ? { namespace: ns } : {}), ...(Object.keys(finalLabels).length ? { labels: finalLabels } : {}) }, spec };
  const reparsed = parseManifests(file, serializeYaml(mergedDoc)).docs[0];
  if (!reparsed?.object) {
    const d = reparsed ?? { error: 'error: the merged object could not be read' };
    throw new KubectlError(d.error ?? 'error: invalid object');
  }
  const next = reparsed.object;
  const immutable = checkImmutable(live, next);
  if (immutable) throw new KubectlError(immutable);
  const nextLabels = next.metadata.labels ?? {};
  const sameLabels = stableStringify(nextLabels) === stableStringify(live.metadata.labels ?? {});
  const sameAnnotations = stableStringify(annotations) === stableStringify(live.metadata.annotations ?? {});
  const nextSpec = live.kind === 'Pod' ? podSpecWithImages(live, next as Pod) : (next as Deployment | Service).spec;
  const sameSpec = stableStringify(nextSpec) === stableStringify((live as { spec?: unknown }).spec);
  if (sameLabels && sameAnnotations && sameSpec) return warning + say('unchanged');
  if (dryRun === 'none') {
    live.metadata.labels = Object.keys(nextLabels).length ? { ...nextLabels } : undefined;
    live.metadata.annotations = annotations;
    if (!sameSpec) (live as { spec: unknown }).spec = nextSpec;
    c.api.update(live, !sameSpec);
  }
  return warning + say('configured');
}

/** A Pod may only change its containers' images: everything else stays as it is live. */
function podSpecWithImages(live: Pod, next: Pod): Pod['spec'] {
  const images = new Map(next.spec.containers.map((c) => [c.name, c.image]));
  return { ...live.spec, containers: live.spec.containers.map((c) => ({ ...c, image: images.get(c.name) ?? c.image })) };
}

/** A Service keeps the node ports it was given (strategic merge keys ports by number). */
function keepNodePorts(live: Service, spec: { [k: string]: Json }): { [k: string]: Json } {
  const ports = spec.ports;
  if (!Array.isArray(ports)) return spec;
  return {
    ...spec,
    ports: ports.map((p) => {
      if (!p || typeof p !== 'object' || Array.isArray(p) || p.nodePort !== undefined) return p;
      const prev = live.spec.ports.find((lp) => lp.port === p.port && (lp.protocol ?? 'TCP') === ((p.protocol as string) ?? 'TCP'));
      return prev?.nodePort ? { ...p, nodePort: prev.nodePort } : p;
    }),
  };
}
