/**
 * go-yaml v2's scalar resolution (resolve.go), which decides what a plain scalar is: YAML 1.1
 * booleans (`yes`, `on`, `n`), Go's integer syntax (`0x1F`, `0755`, `1_000`), floats, null.
 * This is why `value: yes` in an env var reaches the API server as a bool.
 */
import { DecodeError } from './decode-error.js';

type Resolved = null | boolean | number | string;

const MAP = new Map<string, Resolved>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) MAP.set(s, true);
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) MAP.set(s, false);
for (const s of ['', '~', 'null', 'Null', 'NULL']) MAP.set(s, null);
for (const s of ['.nan', '.NaN', '.NAN']) MAP.set(s, NaN);
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) MAP.set(s, Infinity);
for (const s of ['-.inf', '-.Inf', '-.INF']) MAP.set(s, -Infinity);

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

type Tag = '!!null' | '!!bool' | '!!int' | '!!float' | '!!str';

function typeOf(v: Resolved): Tag {
  if (v === null) return '!!null';
  if (typeof v === 'boolean') return '!!bool';
  if (typeof v === 'number') return Number.isInteger(v) ? '!!int' : '!!float';
  return '!!str';
}

/** Go's strconv.ParseInt(s, 0, 64), then ParseUint: sign, 0x / 0o / 0b / leading-0 octal. */
function parseGoInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const digits = m[2];
  let big: bigint;
  if (/^0[oO]/.test(digits)) big = BigInt('0o' + digits.slice(2));
  else if (/^0[0-7]+$/.test(digits)) big = BigInt('0o' + digits.slice(1));
  else big = BigInt(digits);
  if (m[1] === '-') big = -big;
  if (big < INT64_MIN || big > UINT64_MAX || (m[1] && big > 2n ** 63n - 1n)) return undefined;
  return Number(big);
}

export function resolvePlain(s: string): Resolved {
  return resolve('', s).value;
}

function resolve(tag: string, s: string): { tag: Tag; value: Resolved } {
  if (tag === '!!str') return { tag: '!!str', value: s };
  if (MAP.has(s)) {
    const value = MAP.get(s)!;
    return { tag: typeof value === 'number' ? '!!float' : typeOf(value), value };
  }
  const c = s[0] ?? '';
  if (c === '.') {
    const f = goParseFloat(s);
    if (f !== undefined) return { tag: '!!float', value: f };
  } else if ((c >= '0' && c <= '9') || c === '+' || c === '-') {
    const plain = s.replaceAll('_', '');
    const i = parseGoInt(plain);
    if (i !== undefined) return { tag: '!!int', value: i };
    if (YAML_FLOAT.test(plain)) {
      const f = Number(plain);
      if (Number.isFinite(f)) return { tag: '!!float', value: f };
    }
    if (/^-0[bB][01]+$/.test(plain)) return { tag: '!!int', value: -Number(BigInt('0b' + plain.slice(3))) };
  }
  return { tag: '!!str', value: s };
}

/** strconv.ParseFloat for a string that starts with '.': `.5`, `.5e3`. */
function goParseFloat(s: string): number | undefined {
  if (!/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return undefined;
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

/** `!!int "3"`: a scalar with an explicit standard tag must resolve to that type. */
export function resolveTagged(tag: string, s: string): Resolved {
  if (!['!!str', '!!bool', '!!int', '!!float', '!!null', '!!timestamp'].includes(tag)) return s;
  if (tag === '!!timestamp') return s;
  const r = resolve(tag, s);
  if (r.tag === tag) return r.value;
  if (tag === '!!float' && r.tag === '!!int') return r.value;
  throw new DecodeError(`yaml: cannot decode ${r.tag} \`${s}\` as a ${tag}`);
}
