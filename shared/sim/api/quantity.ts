/**
 * Kubernetes resource quantities (`500m`, `1Gi`, `2`, `1e3`): the one parser the manifests,
 * the scheduler and the console all use.
 */

export const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
const QUANTITY_RE = new RegExp(QUANTITY_PATTERN);
export const QUANTITY_ERROR = `quantities must match the regular expression '${QUANTITY_PATTERN}'`;

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

const cache = new Map<string, number>();

/** The value of a quantity in base units (cores, bytes), or undefined when it is not one. */
export function parseQuantity(q: string | number): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? q : undefined;
  const hit = cache.get(q);
  if (hit !== undefined) return hit;
  const m = QUANTITY_RE.exec(q);
  if (!m) return undefined;
  const num = Number(m[1]);
  if (!Number.isFinite(num) || (m[1].match(/\./g)?.length ?? 0) > 1) return undefined;
  const suffix = m[2];
  let mult: number | undefined;
  if (suffix in SUFFIX) mult = SUFFIX[suffix];
  else {
    const e = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
    if (e) mult = 10 ** Number(e[1]);
  }
  if (mult === undefined) return undefined;
  const value = num * mult;
  if (cache.size < 10_000) cache.set(q, value);
  return value;
}

/** CPU in millicores (`500m` → 500, `2` → 2000); 0 for an absent or bad quantity. */
export function milliCpu(q: string | number | undefined): number {
  if (q === undefined) return 0;
  return Math.round((parseQuantity(q) ?? 0) * 1000);
}

/** Bytes (`1Gi` → 1073741824); 0 for an absent or bad quantity. */
export function bytesOf(q: string | number | undefined): number {
  if (q === undefined) return 0;
  return Math.round(parseQuantity(q) ?? 0);
}

/** `kubectl top` style: cores as `250m`. */
export function formatMilliCpu(m: number): string {
  return `${Math.round(m)}m`;
}

/** `kubectl top` style: memory as `512Mi`. */
export function formatMi(bytes: number): string {
  return `${Math.round(bytes / 1024 ** 2)}Mi`;
}

/** A binary quantity as the API prints capacity (`16Gi`, `512Mi`, `1024Ki`). */
export function formatBinary(bytes: number): string {
  for (const [suffix, mult] of [['Ei', 1024 ** 6], ['Pi', 1024 ** 5], ['Ti', 1024 ** 4], ['Gi', 1024 ** 3], ['Mi', 1024 ** 2], ['Ki', 1024]] as const) {
    if (bytes >= mult && bytes % mult === 0) return `${bytes / mult}${suffix}`;
  }
  if (bytes % 1024 === 0 || bytes < 1024) return String(bytes);
  return `${Math.round(bytes / 1024)}Ki`;
}

/**
 * Docker's human sizes, go-units' HumanSizeWithPrecision: decimal units and `precision`
 * significant digits (`142MB`, `1.2GB`, `512kB`). `docker images` and `ps -s` use 3, the
 * prune and `system df` totals (HumanSize) 4.
 */
export function formatDockerSize(bytes: number, precision = 3): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let v = Math.max(0, bytes);
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(precision))}${units[i]}`;
}

/** `df -h` / `free -h` sizes (binary units, one letter: `20G`, `3.4G`, `512M`). */
export function formatHuman(bytes: number): string {
  const units = ['B', 'K', 'M', 'G', 'T'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const s = i === 0 ? String(Math.round(v)) : v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v));
  return `${s}${units[i]}`;
}
