/**
 * Manifests: YAML text to typed API objects, with the errors kubectl prints for bad ones.
 * `parseManifests` is `kubectl apply -f` up to the store; `serializeYaml` is `-o yaml`.
 */
export { parseManifests } from './parse.js';
export { serializeYaml } from './serialize.js';
export { MAX_MANIFEST_BYTES, MAX_DOCUMENTS, MAX_DEPTH } from './limits.js';
export type { ManifestDoc, ManifestObject, ManifestStatus, ParseResult } from './types.js';
