/**
 * Names the way Kubernetes makes them: random suffixes from the API machinery's alphabet
 * (no vowels, no look-alike characters) and the pod-template-hash.
 */
import { fnv1a32, stableStringify } from './hash.js';
import type { Rng } from './rng.js';

/** k8s.io/apimachinery/pkg/util/rand: consonants and digits that cannot spell words. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** `generateName` suffix: five characters, as the API server appends. */
export function randomSuffix(rng: Rng, n = 5, prefix = ''): string {
  const parts = [prefix];
  for (let i = 0; i < n; i++) parts.push(ALPHANUMS[rng.int(ALPHANUMS.length)]);
  return parts.join('');
}

/** rand.SafeEncodeString: each character mapped into the alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** The pod-template-hash label: FNV-32a of the template (plus collision count), safely encoded. */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  let h = fnv1a32(stableStringify(template));
  if (collisionCount) h = fnv1a32(String(collisionCount), h);
  return safeEncodeString(String(h >>> 0));
}
