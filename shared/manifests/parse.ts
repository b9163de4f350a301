/**
 * `kubectl apply -f FILE` up to the point where objects are stored: read the file as kubectl's
 * stream reader does, validate each document client-side, map its kind, decode it strictly,
 * default and validate it as the API server would. Each stage refuses with its own words.
 */
import { checkDocument } from './goyaml/parser.js';
import { YamlError } from './goyaml/scanner.js';
import { formatGoYamlError } from './goyaml/errors.js';
import { DecodeError } from './decode-error.js';
import { decodeYaml, isObject, type DecodedDocument, type JsonObject } from './yaml-value.js';
import { splitDocuments, type Chunk } from './split.js';
import { strictDecode } from './strict-decode.js';
import { defaultDeployment, defaultPod, defaultService } from './defaults.js';
import { validateDeployment, validatePod, validateService } from './validation/objects.js';
import { uniqueMessages, type FieldError } from './validation/field-error.js';
import { isPathSegmentName } from './validation/names.js';
import * as k from './kubectl-errors.js';
import { MAX_DEPTH, MAX_DOCUMENTS, MAX_MANIFEST_BYTES, MAX_NODES } from './limits.js';
import type { ManifestDoc, ManifestObject, ParseResult } from './types.js';

type SupportedKind = 'Pod' | 'Deployment' | 'Service';

const SUPPORTED: Record<string, { kind: SupportedKind; resource: k.Resource }> = {
  'v1/Pod': { kind: 'Pod', resource: { group: '', version: 'v1', kind: 'Pod', resource: 'pods' } },
  'v1/Service': { kind: 'Service', resource: { group: '', version: 'v1', kind: 'Service', resource: 'services' } },
  'apps/v1/Deployment': {
    kind: 'Deployment',
    resource: { group: 'apps', version: 'v1', kind: 'Deployment', resource: 'deployments' },
  },
};

/** Kinds a real cluster serves that the game does not simulate, by the group/version they live in. */
const REAL_KINDS: Record<string, string[]> = {
  v1: ['ConfigMap', 'Secret', 'Namespace', 'ServiceAccount', 'PersistentVolumeClaim', 'PersistentVolume', 'Endpoints',
    'LimitRange', 'ResourceQuota', 'ReplicationController', 'Node', 'Event', 'PodTemplate', 'Binding', 'List'],
  'apps/v1': ['ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision'],
  'batch/v1': ['Job', 'CronJob'],
  'networking.k8s.io/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'autoscaling/v1': ['HorizontalPodAutoscaler'],
  'policy/v1': ['PodDisruptionBudget'],
  'rbac.authorization.k8s.io/v1': ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'],
  'storage.k8s.io/v1': ['StorageClass'],
};

const VALIDATE: Record<SupportedKind, (o: JsonObject) => FieldError[]> = {
  Pod: validatePod,
  Deployment: validateDeployment,
  Service: validateService,
};

const DEFAULT: Record<SupportedKind, (o: JsonObject) => void> = {
  Pod: defaultPod,
  Deployment: defaultDeployment,
  Service: defaultService,
};

/** 1-based line and column of a chunk offset in the file. */
function position(chunk: Chunk, offset: number): { line: number; column: number } {
  const before = chunk.text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: chunk.startLine + lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Where a field error points: the field itself, or its nearest ancestor that was written. */
function fieldPosition(chunk: Chunk, doc: DecodedDocument, path: string | undefined): { line: number; column: number } {
  let p = path ?? '';
  for (;;) {
    const at = doc.offsets.get(p);
    if (at !== undefined) return position(chunk, at);
    if (!p) return position(chunk, 0);
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
}

/** The first field of the first validation error, `spec.template.spec.containers[0].image`. */
function errorField(errs: FieldError[]): string {
  return errs[0]?.field.replace(/\[([^\]\d][^\]]*)\]/g, '.$1').replace(/^spec\.template\.labels/, 'spec.template.metadata.labels') ?? '';
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

export function parseManifests(fileName: string, text: string): ParseResult {
  try {
    return parse(fileName, text);
  } catch {
    // Nothing a user types may crash the server; an internal bug shows as a refusal.
    return { docs: [], error: k.parsingError(fileName, 'the manifest could not be read') };
  }
}

function parse(file: string, text: string): ParseResult {
  if (typeof text !== 'string') text = String(text);
  const size = utf8Length(text);
  if (size > MAX_MANIFEST_BYTES) {
    return {
      docs: [],
      error: `error: error reading ${JSON.stringify(file)}: the file is ${size} bytes, more than the ${MAX_MANIFEST_BYTES} a manifest may have`,
    };
  }
  const split = splitDocuments(text);
  if ('error' in split) {
    return { docs: [], error: k.parsingError(file, split.error), errorLine: split.line, errorColumn: split.column };
  }
  if (split.chunks.length > MAX_DOCUMENTS) {
    return { docs: [], error: k.parsingError(file, `the file has ${split.chunks.length} documents, more than the ${MAX_DOCUMENTS} kubectl here reads`) };
  }
  const docs: ManifestDoc[] = [];
  for (let index = 0; index < split.chunks.length; index++) {
    const chunk = split.chunks[index];
    let decoded: DecodedDocument;
    try {
      const end = checkDocument(chunk.text, MAX_DEPTH, MAX_NODES);
      decoded = decodeYaml(chunk.text.slice(0, end));
    } catch (e) {
      if (e instanceof YamlError) {
        const m = formatGoYamlError(e);
        return {
          docs: [],
          error: k.parsingError(file, k.yamlToJsonError(m.message)),
          errorLine: chunk.startLine + m.line + 1,
          errorColumn: m.column + 1,
        };
      }
      if (e instanceof DecodeError) {
        const at = position(chunk, e.offset ?? 0);
        return { docs: [], error: k.parsingError(file, k.yamlToJsonError(e.message)), errorLine: at.line, errorColumn: at.column };
      }
      throw e;
    }
    if (decoded.value === undefined) continue;
    docs.push(readDocument(file, index, chunk, decoded));
  }
  return { docs };
}

function readDocument(file: string, index: number, chunk: Chunk, decoded: DecodedDocument): ManifestDoc {
  const start = position(chunk, decoded.offsets.get('') ?? 0);
  const doc: ManifestDoc = { index, line: start.line };
  const fail = (error: string, path?: string, extra: Partial<ManifestDoc> = {}): ManifestDoc => {
    const at = path === undefined ? start : fieldPosition(chunk, decoded, path);
    return { ...doc, error, errorLine: at.line, errorColumn: at.column, ...extra };
  };
  const value = decoded.value;

  // Client-side validation (kubectl's openapi validation: getObjectKind).
  if (!isObject(value)) return fail(k.validatingError(file, ['invalid object to validate']), undefined, { stopsFile: true });
  const problems: string[] = [];
  const apiVersion = value.apiVersion;
  if (apiVersion === undefined || apiVersion === null) problems.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') problems.push("apiVersion isn't string type");
  else if (apiVersion.split('/').length > 2) problems.push(`unexpected GroupVersion string: ${apiVersion}`);
  const kind = value.kind;
  if (kind === undefined || kind === null) problems.push('kind not set');
  else if (typeof kind !== 'string') problems.push("kind isn't string type");
  if (problems.length) return fail(k.validatingError(file, problems), undefined, { stopsFile: true });

  const meta = isObject(value.metadata) ? value.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  const gv = apiVersion as string;
  const kindName = kind as string;
  doc.kind = kindName;
  if (name) doc.name = name;

  // The REST mapper: which kinds this cluster serves.
  const supported = SUPPORTED[`${gv}/${kindName}`];
  if (!supported) {
    if (REAL_KINDS[gv]?.includes(kindName)) return fail(k.unsupportedKindError(file, kindName, gv), 'kind');
    return fail(k.mappingError(file, name, namespace, kindName, gv), 'kind');
  }

  // kubectl apply reads the live object first: it needs a usable name.
  const res = supported.resource;
  if (!name) {
    if (typeof meta.generateName === 'string' && meta.generateName) return fail(k.generateNameError(meta.generateName), 'metadata');
    return fail(k.retrievalError(file, res, '', namespace || 'default', 'resource name may not be empty'), 'metadata');
  }
  const segment = isPathSegmentName(name);
  if (segment.length) {
    return fail(
      k.retrievalError(file, res, name, namespace || 'default', `invalid resource name ${JSON.stringify(name)}: [${segment.join(' ')}]`),
      'metadata.name',
    );
  }

  // The API server: strict decoding, defaulting, validation.
  const decodedObject = strictDecode(value, supported.kind);
  if (decodedObject.error) {
    const r = k.badRequest(file, kindName, res.version, decodedObject.error);
    return fail(r.error, decodedObject.errorPath, { status: r.status });
  }
  const object = decodedObject.object;
  DEFAULT[supported.kind](object);
  const errs = VALIDATE[supported.kind](object);
  if (errs.length) {
    const r = k.invalid(kindName, res.group, name, uniqueMessages(errs));
    return fail(r.error, errorField(errs), { status: r.status });
  }
  return { ...doc, object: toPlain(object) as ManifestObject };
}

/**
 * Null-prototype objects (safe against `__proto__` keys) become ordinary ones, keys sorted:
 * kubectl reads objects back as Go maps, so `kubectl get -o yaml` lists fields alphabetically.
 */
function toPlain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toPlain);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) {
      Object.defineProperty(out, key, { value: toPlain((v as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}
