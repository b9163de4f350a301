/**
 * The API server's strict JSON decoding of a manifest into its Go type (sigs.k8s.io/json with
 * DisallowUnknownFields, as kubectl's default `--validate=strict` asks). It walks the keys in
 * the order the server receives them (kubectl sends JSON from a Go map: keys sorted) and
 * reports what the server reports, by precedence:
 *   1. an error from a custom decoder (quantity, int-or-string): decoding stops there;
 *   2. the first type mismatch: `json: cannot unmarshal string into Go struct field ...`;
 *   3. every unknown field: `strict decoding error: unknown field "spec.replicass", ...`.
 */
import { STRUCTS, goTypeName } from './schema.js';
import { canonicalQuantity } from './quantity-format.js';
import { isObject, newObject, type JsonObject, type JsonValue } from './yaml-value.js';

export interface DecodeResult {
  object: JsonObject;
  /** The error message, without the `Kind in version "v1" cannot be handled as a Kind: ` prefix. */
  error?: string;
  /** Field path (`spec.replicas`) the error is about, for the editor. */
  errorPath?: string;
}

class Fatal extends Error {}

interface Context {
  /** Go struct holding the current field (`DeploymentSpec`). */
  struct: string;
  /** JSON names of the struct fields walked, without indices or map keys. */
  fields: string[];
  /** Path with indices, as strict errors print it. */
  path: string;
}

const MAX_STRICT_ERRORS = 100;

export function strictDecode(value: JsonObject, kind: 'Pod' | 'Deployment' | 'Service'): DecodeResult {
  const d = new StrictDecoder();
  let object: JsonObject = newObject();
  try {
    object = d.struct(value, kind, { struct: kind, fields: [], path: '' }) as JsonObject;
  } catch (e) {
    if (!(e instanceof Fatal)) throw e;
    return { object, error: e.message, errorPath: d.fatalPath };
  }
  if (d.typeError) return { object, error: d.typeError, errorPath: d.typeErrorPath };
  if (d.unknown.length) {
    return {
      object,
      error: `strict decoding error: ${d.unknown.map((p) => `unknown field ${JSON.stringify(p)}`).join(', ')}`,
      errorPath: d.unknown[0],
    };
  }
  return { object };
}

function jsonKind(v: JsonValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'array' : 'object';
}

function child(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

class StrictDecoder {
  typeError?: string;
  typeErrorPath?: string;
  fatalPath?: string;
  unknown: string[] = [];

  private saveTypeError(value: string, type: string, ctx: Context): void {
    if (this.typeError) return;
    this.typeError = `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type ${type}`;
    this.typeErrorPath = ctx.path;
  }

  private fatal(message: string, ctx: Context): never {
    this.fatalPath = ctx.path;
    throw new Fatal(message);
  }

  struct(v: JsonValue, name: string, ctx: Context): JsonValue | undefined {
    const def = STRUCTS[name];
    if (!isObject(v)) {
      this.saveTypeError(jsonKind(v), def.go, ctx);
      return undefined;
    }
    const out = newObject();
    for (const key of Object.keys(v).sort()) {
      const type = Object.prototype.hasOwnProperty.call(def.fields, key) ? def.fields[key] : undefined;
      const path = child(ctx.path, key);
      if (type === undefined) {
        const seen = this.unknown.includes(path);
        if (!seen && this.unknown.length < MAX_STRICT_ERRORS) this.unknown.push(path);
        continue;
      }
      const x = this.value(v[key], type, { struct: name, fields: [...ctx.fields, key], path });
      if (x !== undefined) out[key] = x;
    }
    return out;
  }

  private value(v: JsonValue, type: string, ctx: Context): JsonValue | undefined {
    // JSON null leaves a Go field at its zero value.
    if (v === null) return undefined;
    if (type === '*') return v;
    if (type.startsWith('[]')) {
      if (!Array.isArray(v)) {
        this.saveTypeError(jsonKind(v), goTypeName(type), ctx);
        return undefined;
      }
      const elem = type.slice(2);
      const out: JsonValue[] = [];
      v.forEach((x, i) => {
        const y = x === null ? zeroOf(elem) : this.value(x, elem, { ...ctx, path: `${ctx.path}[${i}]` });
        out.push(y === undefined ? zeroOf(elem) : y);
      });
      return out;
    }
    if (type.startsWith('{}')) {
      if (!isObject(v)) {
        this.saveTypeError(jsonKind(v), goTypeName(type), ctx);
        return undefined;
      }
      const elem = type.slice(2).split(':')[0];
      const out = newObject();
      for (const key of Object.keys(v).sort()) {
        const y = v[key] === null ? zeroOf(elem) : this.value(v[key], elem, { ...ctx, path: child(ctx.path, key) });
        out[key] = y === undefined ? zeroOf(elem) : y;
      }
      return out;
    }
    if (type === 's' || type.startsWith('s:')) {
      if (typeof v === 'string') return v;
      this.saveTypeError(jsonKind(v), goTypeName(type), ctx);
      return undefined;
    }
    if (type === 'b') {
      if (typeof v === 'boolean') return v;
      this.saveTypeError(jsonKind(v), 'bool', ctx);
      return undefined;
    }
    if (type === 'i32' || type === 'i64') {
      if (typeof v !== 'number') {
        this.saveTypeError(jsonKind(v), goTypeName(type), ctx);
        return undefined;
      }
      const limit = type === 'i32' ? 2 ** 31 : 2 ** 63;
      if (!Number.isInteger(v) || v < -limit || v >= limit) {
        this.saveTypeError(`number ${String(v)}`, goTypeName(type), ctx);
        return undefined;
      }
      return v;
    }
    if (type === 'q') {
      // resource.Quantity.UnmarshalJSON reads the raw JSON text.
      const text = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
      const q = canonicalQuantity(text);
      if ('error' in q) this.fatal(q.error, ctx);
      return q.canonical;
    }
    if (type === 'ios') {
      // intstr.IntOrString.UnmarshalJSON: a JSON string, else an int32.
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31) return v;
      const what = typeof v === 'number' ? `number ${String(v)}` : jsonKind(v);
      this.fatal(`json: cannot unmarshal ${what} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type int32`, ctx);
    }
    return this.struct(v, type, ctx);
  }
}

/** The zero value Go leaves in a list or map slot it could not fill. */
function zeroOf(type: string): JsonValue {
  if (type === 's' || type.startsWith('s:') || type === 'q') return type === 'q' ? '0' : '';
  if (type === 'b') return false;
  if (type === 'i32' || type === 'i64' || type === 'ios') return 0;
  if (type.startsWith('[]')) return [];
  return newObject();
}
