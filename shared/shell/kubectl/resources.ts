/**
 * The resource types this cluster serves, as discovery (`kubectl api-resources`) lists them,
 * and how kubectl resolves what a player types (`po`, `deploy`, `deployments.apps`,
 * `deploy/web`, `deploy,rs`) into them.
 */
import { KubectlError } from './errors.js';

export type ResourceKind = 'Pod' | 'Node' | 'Service' | 'Event' | 'Namespace' | 'Endpoints' | 'Deployment' | 'ReplicaSet' | 'DaemonSet';

export interface ResourceType {
  kind: ResourceKind;
  /** `deployments` */
  plural: string;
  singular: string;
  short: string[];
  /** `apps` or '' for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  verbs: string[];
  categories?: string[];
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** In `kubectl api-resources` order (core group first, then apps), alphabetical within a group. */
export const RESOURCES: ResourceType[] = [
  { kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', short: ['ep'], group: '', version: 'v1', namespaced: true, verbs: CRUD },
  { kind: 'Event', plural: 'events', singular: 'event', short: ['ev'], group: '', version: 'v1', namespaced: true, verbs: CRUD },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', short: ['ns'], group: '', version: 'v1', namespaced: false, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
  { kind: 'Node', plural: 'nodes', singular: 'node', short: ['no'], group: '', version: 'v1', namespaced: false, verbs: CRUD },
  { kind: 'Pod', plural: 'pods', singular: 'pod', short: ['po'], group: '', version: 'v1', namespaced: true, verbs: CRUD, categories: ['all'] },
  { kind: 'Service', plural: 'services', singular: 'service', short: ['svc'], group: '', version: 'v1', namespaced: true, verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], categories: ['all'] },
  { kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', short: ['ds'], group: 'apps', version: 'v1', namespaced: true, verbs: CRUD, categories: ['all'] },
  { kind: 'Deployment', plural: 'deployments', singular: 'deployment', short: ['deploy'], group: 'apps', version: 'v1', namespaced: true, verbs: CRUD, categories: ['all'] },
  { kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', short: ['rs'], group: 'apps', version: 'v1', namespaced: true, verbs: CRUD, categories: ['all'] },
];

/** The order `kubectl get all` prints its groups in. */
export const ALL_ORDER: ResourceKind[] = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet'];

export function byKind(kind: ResourceKind): ResourceType {
  return RESOURCES.find((r) => r.kind === kind)!;
}

/** `pods`, `deployments.apps`: how API errors name a resource. */
export function groupResource(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** `pod/web-1`, `deployment.apps/web`: how kubectl names an object in messages. */
export function qualifiedName(r: ResourceType, name: string): string {
  return `${r.group ? `${r.singular}.${r.group}` : r.singular}/${name}`;
}

export function apiVersionOf(r: ResourceType): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** Resolves one word to a resource type, or undefined. Case-insensitive like the REST mapper. */
export function lookup(word: string): ResourceType | undefined {
  const w = word.toLowerCase();
  const dot = w.indexOf('.');
  const base = dot >= 0 ? w.slice(0, dot) : w;
  const rest = dot >= 0 ? w.slice(dot + 1) : undefined;
  for (const r of RESOURCES) {
    const names = [r.plural, r.singular, r.kind.toLowerCase(), ...r.short];
    if (!names.includes(base)) continue;
    if (rest === undefined) return r;
    // deployments.apps, deployments.v1.apps, pods.v1 (core group: version only)
    if (rest === r.group || rest === `${r.version}.${r.group}` || (!r.group && rest === r.version)) return r;
  }
  return undefined;
}

export function resolve(word: string): ResourceType {
  const r = lookup(word);
  if (!r) throw new KubectlError(`error: the server doesn't have a resource type "${word}"`);
  return r;
}

/** One requested group: a type and the names asked for (none: all of them). */
export interface Request {
  type: ResourceType;
  names: string[];
}

/**
 * kubectl's resource builder arguments: `TYPE[,TYPE...] [NAME...]` or `TYPE/NAME...`.
 * `all` expands to its category. Types keep the order they were given in; names given after
 * several types are looked up in each (`kubectl get deploy,svc web`).
 */
export function parseResourceArgs(args: string[], opts: { allowAll?: boolean } = {}): Request[] {
  if (!args.length) return [];
  if (args.some((a) => a.includes('/'))) {
    const out: Request[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) throw new KubectlError(`error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const type = resolve(a.slice(0, slash));
      const name = a.slice(slash + 1);
      if (!name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      const prev = out.find((r) => r.type === type);
      if (prev) prev.names.push(name);
      else out.push({ type, names: [name] });
    }
    return out;
  }
  const [types, ...names] = args;
  const out: Request[] = [];
  for (const t of types.split(',')) {
    if (!t) continue;
    if (t.toLowerCase() === 'all' && opts.allowAll !== false) {
      for (const k of ALL_ORDER) if (!out.some((r) => r.type.kind === k)) out.push({ type: byKind(k), names: [...names] });
      continue;
    }
    const type = resolve(t);
    if (!out.some((r) => r.type === type)) out.push({ type, names: [...names] });
  }
  return out;
}
