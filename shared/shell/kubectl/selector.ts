/**
 * `-l` label selectors and `--field-selector`, in the syntax of apimachinery's labels.Parse
 * and fields.ParseSelector: `app=web`, `app!=web`, `tier in (a,b)`, `env notin (x)`, `key`,
 * `!key`, joined by commas.
 */
import type { Labels } from '../../sim/api/types.js';
import { KubectlError } from './errors.js';

type Requirement = (labels: Labels) => boolean;

/** Splits on commas that are not inside parentheses. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/;

function bad(found: string): KubectlError {
  return new KubectlError(`error: unable to parse requirement: found '${found}', expected: in, notin, =, ==, !=, gt, lt`);
}

function checkKey(k: string): string {
  if (!KEY.test(k) || k.length > 317) {
    throw new KubectlError(`error: unable to parse requirement: <nil>: Invalid value: "${k}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
  return k;
}

/** Parses a label selector; throws kubectl's error for a malformed one. */
export function parseLabelSelector(s: string): (labels: Labels | undefined) => boolean {
  const reqs: Requirement[] = [];
  for (const raw of splitTop(s.trim())) {
    const part = raw.trim();
    if (!part) {
      if (s.trim() === '') continue;
      throw bad(',');
    }
    let m: RegExpExecArray | null;
    if ((m = /^!\s*(\S+)$/.exec(part))) {
      const k = checkKey(m[1]);
      reqs.push((l) => !(k in l));
    } else if ((m = /^(\S+?)\s*(==|!=|=)\s*(\S*)$/.exec(part))) {
      const k = checkKey(m[1]);
      const v = m[3];
      if (m[2] === '!=') reqs.push((l) => l[k] !== v);
      else reqs.push((l) => Object.prototype.hasOwnProperty.call(l, k) && l[k] === v);
    } else if ((m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part))) {
      const k = checkKey(m[1]);
      const vals = m[3].split(',').map((x) => x.trim());
      if (m[2] === 'in') reqs.push((l) => Object.prototype.hasOwnProperty.call(l, k) && vals.includes(l[k]));
      else reqs.push((l) => !Object.prototype.hasOwnProperty.call(l, k) || !vals.includes(l[k]));
    } else if ((m = /^(\S+?)\s*(>|<)\s*(\d+)$/.exec(part))) {
      const k = checkKey(m[1]);
      const n = Number(m[3]);
      const gt = m[2] === '>';
      reqs.push((l) => Object.prototype.hasOwnProperty.call(l, k) && /^-?\d+$/.test(l[k]) && (gt ? Number(l[k]) > n : Number(l[k]) < n));
    } else if (/^\S+$/.test(part)) {
      const k = checkKey(part);
      reqs.push((l) => Object.prototype.hasOwnProperty.call(l, k));
    } else {
      throw bad(part.split(/\s+/)[1] ?? part);
    }
  }
  return (labels) => {
    const l = labels ?? {};
    return reqs.every((r) => r(l));
  };
}

/** Field selectors on the few fields the API server indexes, read through `get(path)`. */
export function parseFieldSelector(s: string, supported: string[]): (get: (path: string) => string | undefined) => boolean {
  const reqs: ((get: (path: string) => string | undefined) => boolean)[] = [];
  for (const raw of s.split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const m = /^([^=!]+?)\s*(==|!=|=)\s*(.*)$/.exec(part);
    if (!m) throw new KubectlError(`error: invalid selector: '${part}'; can't understand '${part}'`);
    const field = m[1];
    if (!supported.includes(field)) throw new KubectlError(`Error from server (BadRequest): Unable to find "/v1, Resource=" that match label selector "", field selector "${s}": field label not supported: ${field}`);
    const v = m[3];
    const neg = m[2] === '!=';
    reqs.push((get) => ((get(field) ?? '') === v) !== neg);
  }
  return (get) => reqs.every((r) => r(get));
}
