/**
 * How the API server reads and re-prints a resource quantity (apimachinery resource.Quantity):
 * which strings it refuses and with which words, and the canonical form it stores
 * (`0.5` becomes `500m`, `2048Mi` becomes `2Gi`, values round up to a milli-unit).
 * The value itself (`500m` is half a core) comes from shared/sim/api/quantity.ts.
 */
import { QUANTITY_ERROR, QUANTITY_PATTERN } from '../sim/api/quantity.js';

export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const PATTERN = new RegExp(QUANTITY_PATTERN);
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_SUFFIX = Object.fromEntries(Object.entries(DECIMAL).map(([k, v]) => [v, k]));
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export type QuantityResult = { canonical: string } | { error: string };

/** resource.ParseQuantity, then the defaulting round-up to milli-units, then String(). */
export function canonicalQuantity(input: string): QuantityResult {
  const s = input.trim();
  if (s === '' || !PATTERN.test(s) || (s.match(/\./g)?.length ?? 0) > 1) return { error: QUANTITY_ERROR };
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/.exec(s)!;
  const [, sign, whole, frac = '', suffix] = m;
  let format: Format;
  let exp10 = 0;
  let exp1024 = 0;
  if (suffix in DECIMAL) {
    format = 'DecimalSI';
    exp10 = DECIMAL[suffix];
  } else if (suffix in BINARY) {
    format = 'BinarySI';
    exp1024 = BINARY[suffix];
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    format = 'DecimalExponent';
    exp10 = Number(suffix.slice(1));
    if (!Number.isFinite(exp10) || Math.abs(exp10) > 1000) return { error: QUANTITY_SUFFIX_ERROR };
  } else {
    return { error: QUANTITY_SUFFIX_ERROR };
  }
  // value = n × 10^scale, exactly.
  let n = BigInt((whole + frac).replace(/^0+(?=.)/, '') || '0') * 1024n ** BigInt(exp1024);
  let scale = exp10 - frac.length;
  if (n === 0n) return { canonical: '0' };
  // SetDefaults_ResourceList: RoundUp(-3).
  if (scale < -3) {
    const div = 10n ** BigInt(-3 - scale);
    n = (n + div - 1n) / div;
    scale = -3;
  }
  const neg = sign === '-';
  if (format === 'BinarySI') {
    const bytes = scale >= 0 ? n * 10n ** BigInt(scale) : n % 10n ** BigInt(-scale) === 0n ? n / 10n ** BigInt(-scale) : undefined;
    if (bytes !== undefined && bytes >= 1024n) {
      let k = 0;
      let b = bytes;
      while (k < 6 && b % 1024n === 0n) {
        b /= 1024n;
        k++;
      }
      return { canonical: `${neg ? '-' : ''}${b}${BINARY_SUFFIX[k]}` };
    }
    format = 'DecimalSI';
  }
  while (n % 10n === 0n) {
    n /= 10n;
    scale++;
  }
  const r = ((scale % 3) + 3) % 3;
  n *= 10n ** BigInt(r);
  scale -= r;
  const suffixOut = format === 'DecimalSI' ? DECIMAL_SUFFIX[scale] : scale === 0 ? '' : `e${scale}`;
  if (suffixOut === undefined) return { canonical: `${neg ? '-' : ''}${n}e${scale}` };
  return { canonical: `${neg ? '-' : ''}${n}${suffixOut}` };
}
