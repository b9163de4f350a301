/**
 * A field validation error as apimachinery's field.Error prints it (1.34+): the bad value as
 * Go would show it (strings quoted, numbers bare, maps and structs as JSON), then the detail.
 * `spec.replicas: Invalid value: -1: must be greater than or equal to 0`
 */

export type ErrorType = 'Required' | 'Invalid' | 'Duplicate' | 'NotSupported' | 'Forbidden' | 'NotFound' | 'TooLong';

/** A Go value: `str` for a Go string (printed %q), `num` for a number, `json` for anything else. */
export type BadValue = { str: string } | { num: number } | { json: unknown };

export interface FieldError {
  type: ErrorType;
  field: string;
  value?: BadValue;
  detail: string;
}

const TYPE_TEXT: Record<ErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  Duplicate: 'Duplicate value',
  NotSupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  NotFound: 'Not found',
  TooLong: 'Too long',
};

export const str = (s: string): BadValue => ({ str: s });
export const num = (n: number): BadValue => ({ num: n });
export const json = (v: unknown): BadValue => ({ json: v });

export const required = (field: string, detail = ''): FieldError => ({ type: 'Required', field, detail });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail });
export const invalid = (field: string, value: BadValue, detail: string): FieldError => ({ type: 'Invalid', field, value, detail });
export const duplicate = (field: string, value: BadValue): FieldError => ({ type: 'Duplicate', field, value, detail: '' });
export const notFound = (field: string, value: BadValue): FieldError => ({ type: 'NotFound', field, value, detail: '' });
export const notSupported = (field: string, value: BadValue, supported: string[]): FieldError => ({
  type: 'NotSupported',
  field,
  value,
  detail: supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '',
});

/** Go's strconv.Quote: printable characters kept, the rest escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if ((c >= 0x80 && c < 0xa0) || c === 0xfffd) out += c < 0x100 ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
    else out += ch;
  }
  return out + '"';
}

/** Go's json.Marshal: map keys sorted. */
function goJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${goJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Sorted-key JSON for a Go map (labels); structs keep their field order. */
export function goMap(m: Record<string, unknown> | undefined): BadValue {
  if (!m) return { json: null };
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(m).sort()) sorted[k] = m[k];
  return { json: sorted };
}

export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  if (e.value && e.type !== 'Required' && e.type !== 'Forbidden' && e.type !== 'TooLong') {
    const v = e.value;
    s += `: ${'str' in v ? goQuote(v.str) : 'num' in v ? String(v.num) : goJson(v.json)}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** field.ErrorList.ToAggregate: identical messages are reported once. */
export function uniqueMessages(errs: FieldError[]): string[] {
  return [...new Set(errs.map(formatFieldError))];
}
