/** The English / Español switch, shown on every screen. */
import { LANGS, lang, onLang, setLang, t, trAttr } from '../i18n.js';
import { el } from './dom.js';

export function langSwitch(): { root: HTMLElement; destroy(): void } {
  const root = el('div', { class: 'lang-switch', attrs: { role: 'group' } });
  trAttr(root, 'aria-label', 'lang.label');
  const buttons = LANGS.map((l) =>
    el('button', { class: 'small ghost', text: l.toUpperCase(), attrs: { type: 'button', 'data-lang': l, lang: l, title: t(`lang.${l}`) }, on: { click: () => setLang(l) } }),
  );
  const sync = () => buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang())));
  sync();
  root.append(...buttons);
  return { root, destroy: onLang(sync) };
}
