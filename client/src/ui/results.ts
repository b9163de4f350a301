/**
 * A player's results when the night ends: rank and availability, the night as a chart, each
 * incident with how fast the town recovered, and the lesson in numbers — commands typed by
 * hand versus changes declared for the control loop.
 */
import type { ReportMessage } from '../../../shared/protocol.js';
import { onLang, pickLang, t } from '../i18n.js';
import type { Connection } from '../net/connection.js';
import { el } from './dom.js';
import { availabilityTone, formatClock, number, pctOf, simMinutes } from './format.js';
import { icon, type IconName } from './icons.js';
import { langSwitch } from './lang-switch.js';
import { nightChart } from './night-chart.js';
import type { Screen } from './screen.js';
import './results.css';

export function resultsScreen(r: ReportMessage, _conn: Connection, actions: { back(): void; again(): void }): Screen {
  const lang = langSwitch();
  const body = el('div', { class: 'res-body' });
  const render = () => body.replaceChildren(...content(r));
  render();
  const root = el('div', { class: 'results-overlay', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'res-h', 'data-screen': 'results' } }, [
    el('div', { class: 'results panel' }, [
      el('header', { class: 'res-head' }, [
        el('h1', { i18n: 'results.title', attrs: { id: 'res-h' } }),
        lang.root,
        el('button', { class: 'ghost', i18n: 'results.back', attrs: { type: 'button', id: 'results-back' }, on: { click: actions.back } }),
        el('button', { class: 'primary', i18n: 'results.again', attrs: { type: 'button', id: 'results-again' }, on: { click: actions.again } }),
      ]),
      body,
    ]),
  ]);
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') actions.back();
  });
  queueMicrotask(() => root.querySelector<HTMLButtonElement>('#results-back')?.focus());
  const off = onLang(render);
  return {
    root,
    destroy: () => {
      off();
      lang.destroy();
    },
  };
}

function content(r: ReportMessage): HTMLElement[] {
  const hurt = r.incidents.filter((i) => i.hitAt !== undefined);
  const recovered = hurt.filter((i) => i.recoveredAt !== undefined);
  const meanRecover = recovered.length ? recovered.reduce((a, i) => a + (i.recoveredAt! - i.hitAt!), 0) / recovered.length : undefined;
  const stats = el('div', { class: 'res-stats' }, [
    stat('results.rank', `#${r.rank} / ${r.players}`),
    stat('results.availability', pctOf(r.availability, 2), availabilityTone(r.availability)),
    stat('results.score', number(r.score)),
    stat('results.served', number(r.served)),
    stat('results.lost', number(r.lost), r.lost > 0 ? 'bad' : 'good'),
    stat('results.recovery', meanRecover === undefined ? '—' : simMinutes(meanRecover)),
  ]);
  const rows = r.incidents.map((i) =>
    el('tr', {}, [
      el('td', { class: 'mono', text: formatClock(i.at) }),
      el('td', { text: pickLang(i.title, i.titleEs) }),
      el('td', { class: 'mono', text: i.noImpact ? t('results.noImpact') : i.hitAt === undefined ? '—' : formatClock(i.hitAt) }),
      el('td', { class: `mono ${i.recoveredAt !== undefined ? 'tone-good' : i.hitAt !== undefined ? 'tone-bad' : ''}`, text: i.recoveredAt !== undefined && i.hitAt !== undefined ? `✔ ${simMinutes(i.recoveredAt - i.hitAt)}` : i.hitAt !== undefined ? `✕ ${t('results.notRecovered')}` : '—' }),
      el('td', { class: 'mono', text: number(i.lost) }),
    ]),
  );
  const incidents = el('table', { class: 'res-incidents', attrs: { id: 'res-incidents' } }, [
    el('thead', {}, [el('tr', {}, ['results.at', 'results.incident', 'results.hit', 'results.recovered', 'results.lostReq'].map((k) => el('th', { i18n: k, attrs: { scope: 'col' } })))]),
    el('tbody', {}, rows.length ? rows : [el('tr', {}, [el('td', { i18n: 'results.noIncidents', attrs: { colspan: '5' } })])]),
  ]);
  const total = Math.max(1, r.manual + r.declarative);
  const lesson = r.declarative > 0 && r.declarative >= r.manual ? 'results.lessonLoop' : r.manual > 0 ? 'results.lessonHand' : 'results.lessonNothing';
  const hands = el('section', { class: 'res-hands panel', attrs: { 'aria-labelledby': 'hands-h' } }, [
    el('h2', { class: 'panel-title', i18n: 'results.handsTitle', attrs: { id: 'hands-h' } }),
    bar('hand', 'results.byHand', r.manual, total, 'hand'),
    bar('scroll', 'results.declarative', r.declarative, total, 'decl'),
    el('p', { class: 'res-lesson', i18n: lesson, vars: { manual: r.manual, declarative: r.declarative, commands: r.commands } }),
  ]);
  return [
    el('p', { class: 'res-who', text: r.name }),
    stats,
    el('section', { class: 'res-chart panel' }, [el('h2', { class: 'panel-title', i18n: 'results.chart' }), nightChart(r)]),
    el('div', { class: 'res-lower' }, [el('section', { class: 'panel res-inc-panel' }, [el('h2', { class: 'panel-title', i18n: 'results.incidents' }), incidents]), hands]),
  ];
}

function stat(key: string, value: string, tone?: string): HTMLElement {
  return el('div', { class: 'res-stat' }, [el('span', { class: 'hud-label', i18n: key }), el('span', { class: `res-value${tone ? ` tone-${tone}` : ''}`, text: value })]);
}

function bar(glyph: IconName, key: string, n: number, total: number, cls: string): HTMLElement {
  const fill = el('span', { class: `res-bar-fill ${cls}` });
  fill.style.width = `${Math.round((n / total) * 100)}%`;
  return el('div', { class: 'res-bar' }, [el('span', { class: 'res-bar-label' }, [icon(glyph, 16) as unknown as HTMLElement, ' ', el('span', { i18n: key }), el('strong', { class: 'mono', text: ` ${n}` })]), el('span', { class: 'res-bar-track' }, [fill])]);
}
