/**
 * `--filter name=value`, as the CLI collects it (opts.FilterOpt) and the daemon checks it:
 * unknown keys are `invalid filter 'foo'`, malformed values get the daemon's words.
 */
import { normalizeImageRef } from '../../../sim/registry.js';
import type { DockerContainer, LocalImage } from '../../../sim/runtime/docker.js';

export type Filters = Map<string, string[]>;

/** Collects `--filter` values; an error in the CLI's flag words if one has no `=`. */
export function parseFilters(values: string[], shown: string): { ok: true; filters: Filters } | { ok: false; error: string } {
  const filters: Filters = new Map();
  for (const v of values) {
    if (!v) continue;
    const eq = v.indexOf('=');
    if (eq < 0) return { ok: false, error: `invalid argument "${v}" for "${shown}" flag: bad format of filter (expected name=value)` };
    const name = v.slice(0, eq).trim().toLowerCase();
    filters.set(name, [...(filters.get(name) ?? []), v.slice(eq + 1).trim()]);
  }
  return { ok: true, filters };
}

/** The daemon's check of filter names: an error, or undefined when all are accepted. */
export function validate(filters: Filters, accepted: string[]): string | undefined {
  for (const name of filters.keys()) if (!accepted.includes(name)) return `Error response from daemon: invalid filter '${name}'`;
  return undefined;
}

export const PS_FILTERS = ['ancestor', 'before', 'exited', 'id', 'isolation', 'label', 'name', 'status', 'health', 'since', 'volume', 'network', 'is-task', 'publish', 'expose'];
export const IMAGE_FILTERS = ['dangling', 'label', 'label!', 'before', 'since', 'reference', 'until'];
export const PRUNE_FILTERS = ['until', 'label', 'label!'];

const STATES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];

/** A predicate over containers for `docker ps --filter`, or the daemon's error. */
export function containerFilter(filters: Filters, all: DockerContainer[]): { ok: true; test: (c: DockerContainer) => boolean; showAll: boolean } | { ok: false; error: string } {
  const invalid = validate(filters, PS_FILTERS);
  if (invalid) return { ok: false, error: invalid };
  for (const v of filters.get('exited') ?? []) {
    if (!/^-?\d+$/.test(v)) return { ok: false, error: `Error response from daemon: invalid filter 'exited=${v}': strconv.Atoi: parsing "${v}": invalid syntax` };
  }
  for (const v of filters.get('status') ?? []) if (!STATES.includes(v)) return { ok: false, error: `Error response from daemon: invalid filter 'status=${v}'` };
  const byRef = (ref: string) => all.find((c) => c.name === ref.replace(/^\//, '') || c.id.startsWith(ref));
  for (const key of ['before', 'since']) {
    for (const v of filters.get(key) ?? []) if (!byRef(v)) return { ok: false, error: `Error response from daemon: No such container: ${v}` };
  }
  const any = (key: string, test: (v: string) => boolean) => {
    const vs = filters.get(key);
    return !vs || vs.some(test);
  };
  const test = (c: DockerContainer): boolean =>
    any('id', (v) => c.id.startsWith(v)) &&
    any('name', (v) => nameMatches(v, c.name)) &&
    any('status', (v) => v === c.state) &&
    any('exited', (v) => c.state === 'exited' && c.startedAt !== undefined && c.exitCode === Number(v)) &&
    any('ancestor', (v) => normalizeImageRef(c.image) === normalizeImageRef(v) || c.imageId.slice(7).startsWith(v.replace(/^sha256:/, ''))) &&
    any('label', (v) => labelMatches(c.labels, v)) &&
    any('publish', (v) => c.ports.some((p) => v.replace(/\/.*$/, '') === String(p.hostPort))) &&
    any('before', (v) => c.created < byRef(v)!.created) &&
    any('since', (v) => c.created > byRef(v)!.created);
  return { ok: true, test, showAll: filters.has('status') || filters.has('exited') };
}

/** The name filter is a regular expression matched against `/name`. */
function nameMatches(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern).test(`/${name}`);
  } catch {
    return `/${name}`.includes(pattern);
  }
}

function labelMatches(labels: Record<string, string>, v: string): boolean {
  const eq = v.indexOf('=');
  if (eq < 0) return Object.prototype.hasOwnProperty.call(labels, v);
  return labels[v.slice(0, eq)] === v.slice(eq + 1);
}

/** A predicate over image rows (one per tag) for `docker images --filter`. */
export function imageFilter(filters: Filters): { ok: true; test: (img: LocalImage, tag: string | undefined) => boolean } | { ok: false; error: string } {
  const invalid = validate(filters, IMAGE_FILTERS);
  if (invalid) return { ok: false, error: invalid };
  for (const v of filters.get('dangling') ?? []) {
    if (!['true', 'false', '1', '0'].includes(v.toLowerCase())) return { ok: false, error: `Error response from daemon: invalid filter 'dangling=[${v}]'` };
  }
  const dangling = filters.get('dangling')?.map((v) => ['true', '1'].includes(v.toLowerCase()));
  return {
    ok: true,
    test: (img, tag) => {
      if (dangling && !dangling.includes(img.tags.size === 0)) return false;
      const refs = filters.get('reference');
      if (refs && (!tag || !refs.some((r) => referenceMatches(r, tag)))) return false;
      return true;
    },
  };
}

/** `reference=web`, `reference=web:1.*`: a glob over the repository, or repository:tag. */
function referenceMatches(pattern: string, tag: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  const repo = tag.slice(0, tag.lastIndexOf(':'));
  return re.test(tag) || re.test(repo);
}

/**
 * `--filter until=24h` / `label=...` for the prune commands: a predicate over creation time
 * and labels, or the daemon's error.
 */
export function pruneFilter(filters: Filters, now: number): { ok: true; test: (created: number, labels: Record<string, string>) => boolean } | { ok: false; error: string } {
  const invalid = validate(filters, PRUNE_FILTERS);
  if (invalid) return { ok: false, error: invalid };
  let until = Infinity;
  for (const v of filters.get('until') ?? []) {
    const ms = goDurationMs(v);
    if (ms === undefined) return { ok: false, error: `Error response from daemon: failed to parse value as time or duration: "${v}"` };
    until = Math.min(until, now - ms);
  }
  return {
    ok: true,
    test: (created, labels) =>
      created < until && (filters.get('label') ?? []).every((v) => labelMatches(labels, v)) && (filters.get('label!') ?? []).every((v) => !labelMatches(labels, v)),
  };
}

/** Go's time.ParseDuration for the units people type (`24h`, `1h30m`, `90s`). */
export function goDurationMs(s: string): number | undefined {
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;
  let total = 0;
  let i = 0;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * unit[m[2]];
    i = re.lastIndex;
  }
  return s.length ? total : undefined;
}
