/**
 * Interface text in the player's language (English, Spanish). Tool output stays in English,
 * as real tools print it. Elements built with a key follow the language switch.
 */
import i18next from 'i18next';
import en from '../../assets/locales/en.json';
import es from '../../assets/locales/es.json';

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

const STORE_KEY = 'kubetown:lang';
const listeners = new Set<(lang: Lang) => void>();

function pick(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  const stored = safeGet(STORE_KEY);
  const nav = navigator.language.slice(0, 2);
  for (const c of [q, stored, nav]) if (c && (LANGS as readonly string[]).includes(c)) return c as Lang;
  return 'en';
}

export function initI18n(): void {
  void i18next.init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng: pick(),
    fallbackLng: 'en',
    // Text always goes through textContent, so nothing needs escaping here.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = lang();
}

export function lang(): Lang {
  return (i18next.language as Lang) ?? 'en';
}

export function t(key: string, vars?: Record<string, unknown>): string {
  return i18next.t(key, vars ?? {}) as string;
}

/** Sets an element's text from a key and remembers the key for the language switch. */
export function tr(node: HTMLElement, key: string, vars?: Record<string, unknown>): void {
  node.dataset.i18n = key;
  if (vars) node.dataset.i18nVars = JSON.stringify(vars);
  else delete node.dataset.i18nVars;
  node.textContent = t(key, vars);
}

/** Translates an attribute (placeholder, aria-label, title) and remembers it. */
export function trAttr(node: HTMLElement, attr: string, key: string): void {
  const map = parseAttrKeys(node.dataset.i18nAttr);
  map[attr] = key;
  node.dataset.i18nAttr = Object.entries(map)
    .map(([a, k]) => `${a}:${k}`)
    .join(';');
  node.setAttribute(attr, t(key));
}

function parseAttrKeys(s: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (s ?? '').split(';')) {
    const i = part.indexOf(':');
    if (i > 0) out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

/** Re-applies every remembered key under `root`. */
export function translateDom(root: ParentNode = document.body): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const vars = node.dataset.i18nVars ? (JSON.parse(node.dataset.i18nVars) as Record<string, unknown>) : undefined;
    node.textContent = t(node.dataset.i18n!, vars);
  }
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const [attr, key] of Object.entries(parseAttrKeys(node.dataset.i18nAttr))) node.setAttribute(attr, t(key));
  }
}

export function setLang(next: Lang): void {
  if (next === lang()) return;
  void i18next.changeLanguage(next);
  safeSet(STORE_KEY, next);
  document.documentElement.lang = next;
  translateDom();
  for (const fn of listeners) fn(next);
}

/** Called after every language switch (for text drawn on the canvas or rebuilt by hand). */
export function onLang(fn: (lang: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Picks the Spanish or English variant of a server text pair. */
export function pickLang(en: string, es: string): string {
  return lang() === 'es' && es ? es : en;
}

/** A server text that may be `{ en, es }` or a plain string. */
export function localText(t: Record<string, string> | string | undefined): string {
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  return t[lang()] ?? t.en ?? '';
}

function safeGet(k: string): string | null {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
}

function safeSet(k: string, v: string): void {
  try {
    localStorage.setItem(k, v);
  } catch {
    // Private mode: the choice lasts this page only.
  }
}
