/** Label selectors, as `kubectl -l` and controllers evaluate them. */
import type { LabelSelector, Labels } from './types.js';

export function matchesSelector(sel: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  const ml = sel.matchLabels;
  if (ml) for (const k in ml) if (l[k] !== ml[k]) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    switch (e.operator) {
      case 'In':
        if (!has || !(e.values ?? []).includes(l[e.key])) return false;
        break;
      case 'NotIn':
        if (has && (e.values ?? []).includes(l[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** A Service-style selector (a plain map): every key must match. Empty selects nothing. */
export function matchesLabels(selector: Labels | undefined, labels: Labels | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  let any = false;
  for (const k in selector) {
    any = true;
    if (l[k] !== selector[k]) return false;
  }
  return any;
}

export function selectorIsEmpty(sel: LabelSelector | undefined): boolean {
  return !sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length);
}

/** `app=web,tier=front`: how kubectl and describe print a selector. */
export function formatSelector(sel: LabelSelector | Labels | undefined): string {
  if (!sel) return '<none>';
  const isLS = 'matchLabels' in sel || 'matchExpressions' in sel;
  const labels = (isLS ? (sel as LabelSelector).matchLabels : (sel as Labels)) ?? {};
  const parts = Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`);
  if (isLS) {
    for (const e of (sel as LabelSelector).matchExpressions ?? []) {
      if (e.operator === 'Exists') parts.push(e.key);
      else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
      else parts.push(`${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${(e.values ?? []).join(',')})`);
    }
  }
  return parts.length ? parts.join(',') : '<none>';
}
