/** ObjectMeta, labels and label selectors (apimachinery api/validation, meta/v1/validation). */
import { forbidden, invalid, required, str, type FieldError } from './field-error.js';
import { isDNS1123Label, isLabelValue, isQualifiedName } from './names.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateLabels(labels: unknown, field: string): FieldError[] {
  if (!isObj(labels)) return [];
  const errs: FieldError[] = [];
  // Go walks the map in random order; sorted keeps the game deterministic.
  for (const k of Object.keys(labels).sort()) {
    for (const m of isQualifiedName(k)) errs.push(invalid(field, str(k), m));
    for (const m of isLabelValue(String(labels[k]))) errs.push(invalid(field, str(String(labels[k])), m));
  }
  return errs;
}

export function validateAnnotations(annotations: unknown, field: string): FieldError[] {
  if (!isObj(annotations)) return [];
  const errs: FieldError[] = [];
  let size = 0;
  for (const k of Object.keys(annotations).sort()) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(field, str(k), m));
    size += k.length + String(annotations[k]).length;
  }
  if (size > 256 * 1024) errs.push({ type: 'TooLong', field, detail: `must have at most ${256 * 1024} bytes` });
  return errs;
}

export function validateObjectMeta(meta: Obj, nameRule: (v: string) => string[]): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (typeof meta.generateName === 'string' && meta.generateName) {
    for (const m of nameRule(meta.generateName)) errs.push(invalid('metadata.generateName', str(meta.generateName), m));
  }
  if (!name) errs.push(required('metadata.name', 'name or generateName is required'));
  else for (const m of nameRule(name)) errs.push(invalid('metadata.name', str(name), m));
  const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (ns) for (const m of isDNS1123Label(ns)) errs.push(invalid('metadata.namespace', str(ns), m));
  if (typeof meta.generation === 'number' && meta.generation < 0) {
    errs.push(invalid('metadata.generation', { num: meta.generation }, 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  return errs;
}

export interface Requirement {
  key: string;
  operator: string;
  values: string[];
}

export function validateLabelSelector(sel: Obj, field: string): FieldError[] {
  const errs = validateLabels(sel.matchLabels, `${field}.matchLabels`);
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [];
  exprs.forEach((e: Obj, i) => {
    const p = `${field}.matchExpressions[${i}]`;
    const values = Array.isArray(e.values) ? (e.values as string[]) : [];
    const op = String(e.operator ?? '');
    if (op === 'In' || op === 'NotIn') {
      if (!values.length) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(`${p}.operator`, str(op), 'not a valid selector operator'));
    }
    for (const m of isQualifiedName(String(e.key ?? ''))) errs.push(invalid(`${p}.key`, str(String(e.key ?? '')), m));
    values.forEach((v, j) => {
      for (const m of isLabelValue(v)) errs.push(invalid(`${p}.values[${j}]`, str(v), m));
    });
  });
  return errs;
}

/** metav1.LabelSelectorAsSelector: undefined when the selector cannot be built. */
export function selectorRequirements(sel: Obj): Requirement[] | undefined {
  const reqs: Requirement[] = [];
  const ml = isObj(sel.matchLabels) ? sel.matchLabels : {};
  for (const k of Object.keys(ml)) {
    if (isQualifiedName(k).length || isLabelValue(String(ml[k])).length) return undefined;
    reqs.push({ key: k, operator: 'In', values: [String(ml[k])] });
  }
  for (const e of Array.isArray(sel.matchExpressions) ? (sel.matchExpressions as Obj[]) : []) {
    const op = String(e.operator ?? '');
    const values = Array.isArray(e.values) ? (e.values as string[]) : [];
    const key = String(e.key ?? '');
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(op) || isQualifiedName(key).length) return undefined;
    if ((op === 'In' || op === 'NotIn') && !values.length) return undefined;
    if ((op === 'Exists' || op === 'DoesNotExist') && values.length) return undefined;
    if (values.some((v) => isLabelValue(v).length)) return undefined;
    reqs.push({ key, operator: op, values });
  }
  return reqs;
}

export function matches(reqs: Requirement[], labels: unknown): boolean {
  const l = isObj(labels) ? labels : {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = has ? String(l[r.key]) : '';
    switch (r.operator) {
      case 'In':
        return has && r.values.includes(v);
      case 'NotIn':
        return !has || !r.values.includes(v);
      case 'Exists':
        return has;
      default:
        return !has;
    }
  });
}

export { isObj };
