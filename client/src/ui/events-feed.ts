/**
 * The town's recent events, like `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT,
 * MESSAGE. Warnings carry a ⚠ as well as their colour.
 */
import { eventsInOrder, type EventView, type ListLike } from '../net/state-types.js';
import { el } from './dom.js';
import { kubeAge } from './format.js';

const SHOWN = 25;

export class EventsFeed {
  readonly root: HTMLElement;
  private body = el('tbody');
  private scroller: HTMLElement;
  private sig = '';
  private lastMinute = -1;

  constructor() {
    const head = el('thead', {}, [el('tr', {}, ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))]);
    this.scroller = el('div', { class: 'events-scroll', attrs: { tabindex: '0' } }, [el('table', { class: 'events-table mono' }, [head, this.body])]);
    this.root = el('section', { class: 'events panel', attrs: { 'aria-labelledby': 'events-h', id: 'events' } }, [
      el('h2', { class: 'panel-title', attrs: { id: 'events-h' } }, [el('span', { i18n: 'events.title' }), el('code', { class: 'muted', text: ' kubectl get events' })]),
      this.scroller,
    ]);
  }

  update(list: ListLike<EventView> | undefined, clock: number): void {
    if (!list) return;
    const events = eventsInOrder(list);
    const last = events.at(-1);
    const sig = `${events.length}:${last?.seq}:${last?.at}:${last?.count}:${last?.reason}`;
    // Ages change with the clock: refresh them every sim minute even when nothing new arrived.
    const minute = Math.floor(clock / 60_000);
    if (sig === this.sig && minute === this.lastMinute) return;
    this.sig = sig;
    this.lastMinute = minute;
    const rows: HTMLElement[] = [];
    const from = Math.max(0, events.length - SHOWN);
    for (let i = from; i < events.length; i++) {
      const e = events[i];
      const warn = e.type === 'Warning';
      rows.push(
        el('tr', { class: warn ? 'ev-warn' : '' }, [
          el('td', { text: kubeAge(Math.max(0, clock - e.at)) }),
          el('td', { text: `${warn ? '⚠ ' : ''}${e.type}` }),
          el('td', { text: e.reason }),
          el('td', { text: e.object }),
          el('td', { text: e.count > 1 ? `${e.message} (x${e.count})` : e.message }),
        ]),
      );
    }
    const atBottom = this.scroller.scrollTop + this.scroller.clientHeight >= this.scroller.scrollHeight - 4;
    this.body.replaceChildren(...rows);
    if (atBottom) this.scroller.scrollTop = this.scroller.scrollHeight;
  }
}
