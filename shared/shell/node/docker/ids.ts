/**
 * Identifiers the simulation does not keep but the tools print: an image's manifest digest
 * and layers, process ids. Each is derived from what it belongs to, so the same night prints
 * the same values.
 */
import { fnv1a32 } from '../../../sim/hash.js';

/** `n` hex digits derived from `seed`. */
export function hexOf(seed: string, n: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let i = 0; out.length < n; i++) {
    h = fnv1a32(`${seed}#${i}`, h);
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, n);
}

/** The digest of the image's manifest (`Digest: sha256:…` in a pull; differs from the image ID). */
export function manifestDigest(imageId: string): string {
  return `sha256:${hexOf(`${imageId}/manifest`, 64)}`;
}

export interface Layer {
  /** The compressed blob's short id, as a pull prints it. */
  blob: string;
  /** The layer's chain id, as `docker rmi` prints it when deleting. */
  chain: string;
}

/** Three to seven layers per image. */
export function layersOf(imageId: string): Layer[] {
  const n = 3 + (fnv1a32(imageId) % 5);
  return Array.from({ length: n }, (_, i) => ({ blob: hexOf(`${imageId}/blob/${i}`, 12), chain: `sha256:${hexOf(`${imageId}/chain/${i}`, 64)}` }));
}

/** A process id in [lo, hi) derived from `seed`. */
export function pidOf(seed: string, lo = 1000, hi = 32000): number {
  return lo + (fnv1a32(seed) % (hi - lo));
}
