/** Short-lived toasts and the connection banner, outside any screen. */
import { t } from '../i18n.js';
import { el } from './dom.js';

let area: HTMLElement | undefined;

export function toast(text: string, kind: 'info' | 'error' = 'info', ms = 5000): void {
  if (!area) document.body.append((area = el('div', { class: 'toast-area', attrs: { 'aria-live': 'polite' } })));
  const node = el('div', { class: `toast ${kind}`, text, attrs: { role: kind === 'error' ? 'alert' : 'status' } });
  area.append(node);
  setTimeout(() => node.remove(), ms);
}

let banner: HTMLElement | undefined;

/** A banner across the top (reconnecting, connection lost); `undefined` removes it. */
export function setBanner(key: string | undefined, kind: 'info' | 'error' = 'info', action?: { key: string; run: () => void }): void {
  banner?.remove();
  banner = undefined;
  if (!key) return;
  banner = el('div', { class: `banner ${kind}`, attrs: { role: 'status', id: 'conn-banner' } }, [el('span', { i18n: key })]);
  if (action) banner.append(' ', el('button', { class: 'small', i18n: action.key, on: { click: action.run } }));
  document.body.append(banner);
}

export function errorText(key: string, vars?: Record<string, unknown>): string {
  return t(key, vars);
}
