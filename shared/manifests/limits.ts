/**
 * Caps that keep a hostile manifest (huge, deeply nested, a "billion laughs" of aliases)
 * from hanging the server or a browser tab. Real kubectl has looser ones; these fit a game.
 */

/** Largest manifest file accepted, in UTF-8 bytes. */
export const MAX_MANIFEST_BYTES = 256 * 1024;

/** Most YAML documents (`---`) per file. */
export const MAX_DOCUMENTS = 100;

/** Deepest nesting of mappings and sequences. go-yaml stops at 10000; a manifest needs ~12. */
export const MAX_DEPTH = 64;

/** Most values written in one document: a real manifest has a few hundred. */
export const MAX_NODES = 5_000;

/** Most values produced by one document, aliases expanded (go-yaml's check is a ratio). */
export const MAX_DECODED_NODES = 100_000;
