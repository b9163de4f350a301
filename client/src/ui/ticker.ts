/** The incident ticker: every incident of the night so far, newest first, in the reader's language. */
import { pickLang } from '../i18n.js';
import type { ShiftView } from '../net/state-types.js';
import { el } from './dom.js';
import { formatClock } from './format.js';

const ICON: Record<string, string> = {
  crash: '↻',
  oom: '✸',
  powerLoss: '⚡',
  reboot: '⟲',
  diskFill: '▤',
  badRelease: '⬚',
  registryDown: '⬚',
  trafficSpike: '⇈',
  controlPlaneDown: '⛔',
  portClash: '⚔',
  ticket: '✉',
};

export class Ticker {
  readonly root: HTMLElement;
  private list = el('ol', { class: 'ticker-list', attrs: { id: 'ticker', 'aria-live': 'polite' } });
  private shown = -1;
  private lang = '';

  constructor() {
    this.root = el('section', { class: 'ticker panel', attrs: { 'aria-labelledby': 'ticker-h' } }, [el('h2', { class: 'panel-title', i18n: 'ticker.title', attrs: { id: 'ticker-h' } }), this.list]);
  }

  update(s: ShiftView, lang: string): void {
    if (s.ticker.length === this.shown && lang === this.lang) return;
    this.shown = s.ticker.length;
    this.lang = lang;
    const items: HTMLElement[] = [];
    for (let i = s.ticker.length - 1; i >= 0; i--) {
      const e = s.ticker.at(i);
      if (!e) continue;
      items.push(
        el('li', { class: i === s.ticker.length - 1 ? 'fresh' : '' }, [
          el('span', { class: 'tk-icon', text: ICON[e.type] ?? '!', attrs: { 'aria-hidden': 'true' } }),
          el('span', { class: 'tk-time mono', text: formatClock(e.at) }),
          el('span', { class: 'tk-title', text: pickLang(e.title, e.titleEs) }),
        ]),
      );
    }
    if (!items.length) items.push(el('li', { class: 'muted quiet', i18n: 'ticker.quiet' }));
    this.list.replaceChildren(...items);
  }
}
