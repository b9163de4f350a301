/** The end of the night on the projector: the top three on a podium (names as text). */
import { ranked, type ShiftView } from '../net/state-types.js';
import { el } from './dom.js';
import { number, pct } from './format.js';
import { kindGlyph } from './player-chips.js';

const PLACES = [
  { place: 2, cls: 'silver' },
  { place: 1, cls: 'gold' },
  { place: 3, cls: 'bronze' },
];

export function podium(s: ShiftView): HTMLElement {
  const order = ranked(s);
  return el(
    'div',
    { class: 'podium', attrs: { id: 'podium' } },
    PLACES.map(({ place, cls }) => {
      const row = order[place - 1];
      if (!row) return el('div', { class: `podium-step ${cls} empty` });
      return el('div', { class: `podium-step ${cls}`, attrs: { 'data-place': String(place) } }, [
        el('span', { class: 'podium-medal', text: String(place), attrs: { 'aria-hidden': 'true' } }),
        el('span', { class: 'podium-name', text: `${kindGlyph(row.p.kind)}${row.p.name}` }),
        el('span', { class: 'podium-stat mono', text: `${pct(row.p.availability)} · ${number(row.p.score)}` }),
        el('div', { class: 'podium-block' }, [el('span', { class: 'podium-place', text: String(place) })]),
      ]);
    }),
  );
}

/** Every player's line at the end (the CSV has the same columns and more). */
export function resultsTable(s: ShiftView): HTMLElement {
  const head = ['#', 'player', 'availability', 'score', 'incidents', 'byHand', 'declarative', 'cost'];
  const rows = ranked(s).map(({ p }) =>
    el('tr', {}, [
      el('td', { text: String(p.rank) }),
      el('td', { text: `${kindGlyph(p.kind)}${p.name}` }),
      el('td', { text: pct(p.availability) }),
      el('td', { text: number(p.score) }),
      el('td', { text: String(p.incidents) }),
      el('td', { text: String(p.manual) }),
      el('td', { text: String(p.declarative) }),
      el('td', { text: number(p.cost) }),
    ]),
  );
  return el('table', { class: 'results-table mono', attrs: { id: 'results-table' } }, [el('thead', {}, [el('tr', {}, head.map((h) => el('th', { i18n: `table.${h}`, attrs: { scope: 'col' } })))]), el('tbody', {}, rows)]);
}
