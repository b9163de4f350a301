/**
 * Turns one YAML document (parsed by the `yaml` package) into the JSON value kubectl would
 * send: go-yaml v2's YAML 1.1 scalars (`yes` is true, `0755` is octal, timestamps stay
 * strings), its merge keys and alias checks, then sigs.k8s.io/yaml's key conversion.
 * Records where each value came from, so later errors can point at a line.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Node } from 'yaml';
import { resolvePlain, resolveTagged } from './yaml-resolve.js';
import { MAX_DECODED_NODES, MAX_DEPTH } from './limits.js';
import { DecodeError } from './decode-error.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface DecodedDocument {
  /** undefined for an empty document (kubectl skips it). */
  value: JsonValue | undefined;
  /** Source offset (in the chunk) of each value, by field path: `spec.containers[0].image`. */
  offsets: Map<string, number>;
}

export function newObject(): JsonObject {
  return Object.create(null) as JsonObject;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function decodeYaml(text: string): DecodedDocument {
  const offsets = new Map<string, number>();
  if (isBlank(text)) return { value: undefined, offsets };
  // go-yaml breaks lines at CR, NEL, LS and PS too; the `yaml` package only at LF.
  const lf = text.replace(/\r(?!\n)|[\u0085\u2028\u2029]/g, '\n');
  const parsed = parseAllDocuments(lf, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  const doc = docs[0];
  // The caller has already run go-yaml's own checks on this text. Where the `yaml` package
  // is stricter (a comment glued to a `]`), its tree is still used: kubectl accepts the file.
  if (!doc || doc.contents === null) return { value: undefined, offsets };
  const targets = collectAliases(doc.contents as Node);
  const decoder = new Decoder(targets, offsets);
  const value = decoder.toJson(decoder.decode(doc.contents as Node, ''));
  return { value: value === null ? undefined : value, offsets };
}

/** Only spaces, comments and document markers: go-yaml reads that as null. */
function isBlank(text: string): boolean {
  return text.split('\n').every((l) => /^\s*(#.*)?$/.test(l) || /^(---|\.\.\.)\s*(#.*)?$/.test(l));
}

/** go-yaml resolves an alias to the last anchor of that name seen before it, in text order. */
function collectAliases(root: Node): Map<Node, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Node, Node | undefined>();
  const visit = (n: unknown): void => {
    if (isAlias(n)) {
      targets.set(n, anchors.get(n.source));
      return;
    }
    if (isScalar(n) || isMap(n) || isSeq(n)) {
      if (n.anchor) anchors.set(n.anchor, n);
      if (isMap(n) || isSeq(n)) {
        for (const item of n.items) {
          if (isPair(item)) {
            visit(item.key);
            visit(item.value);
          } else visit(item);
        }
      }
    }
  };
  visit(root);
  return targets;
}

/** go-yaml's values before JSON conversion: maps may have non-string keys. */
type GoValue = null | boolean | number | string | GoValue[] | GoMap;
class GoMap {
  keys: GoValue[] = [];
  values: GoValue[] = [];
  private index = new Map<string, number>();
  set(k: GoValue, v: GoValue): void {
    // Scalar keys only (the decoder refuses others); the type keeps 1 and "1" apart.
    const id = `${typeof k}:${String(k)}`;
    const i = this.index.get(id);
    if (i !== undefined) this.values[i] = v;
    else {
      this.index.set(id, this.keys.length);
      this.keys.push(k);
      this.values.push(v);
    }
  }
}

class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly active = new Set<Node>();

  constructor(
    private readonly targets: Map<Node, Node | undefined>,
    private readonly offsets: Map<string, number>,
  ) {}

  /** go-yaml's guard against alias bombs, with a hard cap on top. */
  private count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    const ratio = allowedAliasRatio(this.decodeCount);
    if (
      (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > ratio) ||
      (this.decodeCount > MAX_DECODED_NODES && this.aliasCount > 0)
    ) {
      throw new DecodeError('yaml: document contains excessive aliasing');
    }
  }

  decode(n: unknown, path: string, depth = 0): GoValue {
    this.count();
    // Aliases can nest structures deeper than the text shows.
    if (depth > MAX_DEPTH) throw new DecodeError(`yaml: exceeded max depth of ${MAX_DEPTH}`);
    if (isAlias(n)) {
      const target = this.targets.get(n);
      if (!target) throw new DecodeError(`yaml: unknown anchor '${n.source}' referenced`, n.range?.[0]);
      if (this.active.has(target)) throw new DecodeError(`yaml: anchor '${n.source}' value contains itself`, n.range?.[0]);
      this.active.add(target);
      this.aliasDepth++;
      try {
        return this.decode(target, path, depth);
      } finally {
        this.aliasDepth--;
        this.active.delete(target);
      }
    }
    const node = n as Node | null;
    if (node?.range && !this.offsets.has(path)) this.offsets.set(path, node.range[0]);
    if (node === null || node === undefined) return null;
    if (isScalar(node)) {
      const value = node.value === null || node.value === undefined ? '' : String(node.value);
      const tag = node.tag ? shortTag(node.tag) : '';
      if (tag) return resolveTagged(tag, value);
      return node.type === 'PLAIN' ? resolvePlain(value) : value;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => this.decode(item, `${path}[${i}]`, depth + 1));
    }
    if (isMap(node)) {
      const out = new GoMap();
      this.mapping(node.items, out, path, depth + 1);
      return out;
    }
    return null;
  }

  private mapping(items: unknown[], out: GoMap, path: string, depth: number): void {
    for (const item of items) {
      if (!isPair(item)) continue;
      const keyNode = item.key;
      if (isScalar(keyNode) && keyNode.type === 'PLAIN' && !keyNode.tag && keyNode.value === '<<') {
        this.merge(item.value, out, path, depth);
        continue;
      }
      const key = this.decode(keyNode, path, depth);
      if (Array.isArray(key) || key instanceof GoMap) {
        throw new DecodeError(`yaml: invalid map key: ${goSyntax(key)}`);
      }
      const child = key === null ? `${path}.<nil>` : joinPath(path, goKeyString(key));
      // Errors about a field point at its key.
      const at = (keyNode as Node | null)?.range?.[0];
      if (at !== undefined && !this.offsets.has(child)) this.offsets.set(child, at);
      out.set(key, this.decode(item.value, child, depth));
    }
  }

  /** `<<: *base`: earlier sources win in a sequence, so they are applied last. */
  private merge(n: unknown, out: GoMap, path: string, depth: number): void {
    const target = isAlias(n) ? this.targets.get(n) : n;
    const wantMap = (): never => {
      throw new DecodeError('yaml: map merge requires map or sequence of maps as the value');
    };
    if (isMap(target)) {
      const v = this.decode(n, path, depth);
      if (v instanceof GoMap) v.keys.forEach((k, i) => out.set(k, v.values[i]));
      return;
    }
    if (!isSeq(target) || isAlias(n)) return wantMap();
    for (let i = target.items.length - 1; i >= 0; i--) {
      const item = target.items[i];
      const t = isAlias(item) ? this.targets.get(item) : item;
      if (!isMap(t)) wantMap();
      const v = this.decode(item, path, depth);
      if (v instanceof GoMap) v.keys.forEach((k, j) => out.set(k, v.values[j]));
    }
  }

  /** sigs.k8s.io/yaml: map keys become strings, and the result must be valid JSON. */
  toJson(v: GoValue): JsonValue {
    if (v instanceof GoMap) {
      const out = newObject();
      v.keys.forEach((k, i) => {
        if (k === null || typeof k === 'object') {
          throw new DecodeError(
            `unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goSyntax(v.values[i])}`,
          );
        }
        Object.defineProperty(out, goKeyString(k), { value: this.toJson(v.values[i]), enumerable: true, writable: true, configurable: true });
      });
      return out;
    }
    if (Array.isArray(v)) return v.map((x) => this.toJson(x));
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new DecodeError(`json: unsupported value: ${Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf'}`);
    }
    return v;
  }
}

/** go-yaml allows 99 % of a small document to come from aliases, 10 % of a huge one. */
function allowedAliasRatio(decodeCount: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decodeCount <= low) return 0.99;
  if (decodeCount >= high) return 0.1;
  return 0.99 - (0.89 * (decodeCount - low)) / (high - low);
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

export function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** How sigs.k8s.io/yaml spells a non-string key: ints in decimal, floats as Go's %g. */
function goKeyString(k: GoValue): string {
  if (typeof k === 'number') return Number.isInteger(k) && Math.abs(k) < 1e21 ? String(k) : goFloatG(k);
  return String(k);
}

function goFloatG(f: number): string {
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
  const exp = f === 0 ? 0 : Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = f.toExponential().split('e');
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(f);
}

/** Go's %#v of a decoded value, for go-yaml's `invalid map key` message. */
function goSyntax(v: GoValue): string {
  if (v === null) return 'interface {}(nil)';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  const pairs = v.keys.map((k, i) => [goSyntax(k), goSyntax(v.values[i])] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return `map[interface {}]interface {}{${pairs.map(([k, x]) => `${k}:${x}`).join(', ')}}`;
}
