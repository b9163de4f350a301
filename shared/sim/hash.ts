/**
 * Hashes for state fingerprints (replay tests) and for names derived from content, such as
 * the pod-template-hash.
 */

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
export function fnv1a32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A stable JSON text: object keys sorted, so equal values give equal strings. */
export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`).join(',')}}`;
}

/** An incremental 64-bit-ish fingerprint made of two independent FNV streams. */
export class Fingerprint {
  private h1 = 0x811c9dc5;
  private h2 = 0x01234567;

  add(s: string): this {
    this.h1 = fnv1a32(s, this.h1);
    this.h2 = fnv1a32(s, this.h2 ^ 0x5bd1e995);
    return this;
  }

  hex(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, '0') + (this.h2 >>> 0).toString(16).padStart(8, '0');
  }
}
