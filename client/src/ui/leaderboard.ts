/**
 * The live leaderboard on the projector: rank, name, availability with its sparkline over the
 * night, score, incidents and by-hand vs declarative counts. Rows are kept and moved (with a
 * short slide) rather than rebuilt, so 60 players stay smooth on a classroom screen.
 */
import { t } from '../i18n.js';
import { ranked, type PlayerView, type ShiftView } from '../net/state-types.js';
import { el, setText } from './dom.js';
import { availabilityTone, number, pct } from './format.js';
import { icon } from './icons.js';
import { kindGlyph } from './player-chips.js';
import { Sparkline } from './sparkline.js';

interface Row {
  root: HTMLElement;
  rank: HTMLElement;
  name: HTMLElement;
  avail: HTMLElement;
  spark: Sparkline;
  score: HTMLElement;
  incidents: HTMLElement;
  hands: HTMLElement;
  index: number;
}

const MAX_SLIDES = 16;

export class Leaderboard {
  readonly root: HTMLElement;
  private list = el('ol', { class: 'board-list', attrs: { id: 'leaderboard' } });
  private rows = new Map<string, Row>();
  private head: HTMLElement;
  /** Row and column pitch in pixels, measured once per layout (not on every update). */
  private pitch?: { cols: number; perCol: number; row: number; col: number };
  private resize = new ResizeObserver(() => this.measureSoon());

  constructor() {
    this.head = el('div', { class: 'board-head' }, [
      el('span', { text: '#' }),
      el('span', { i18n: 'board.player' }),
      el('span', { i18n: 'board.availability' }),
      el('span', { i18n: 'board.night' }),
      el('span', { i18n: 'board.score' }),
      el('span', { i18n: 'board.incidents' }),
      el('span', { i18n: 'board.handDecl' }),
    ]);
    this.root = el('section', { class: 'board panel', attrs: { 'aria-labelledby': 'board-h' } }, [el('h2', { class: 'panel-title', i18n: 'board.title', attrs: { id: 'board-h' } }), this.head, this.list]);
    this.resize.observe(this.list);
  }

  update(s: ShiftView): void {
    const order = ranked(s);
    const cols = order.length > 40 ? 3 : order.length > 20 ? 2 : 1;
    this.root.classList.toggle('dense', order.length > 20);
    this.root.classList.toggle('cols-3', cols === 3);
    this.root.classList.toggle('cols-2', cols === 2);
    // Ranks read down each column, then across.
    const perCol = Math.ceil(order.length / cols);
    this.list.style.setProperty('--rows', String(perCol));
    const seen = new Set<string>();
    const moved: [Row, number][] = [];
    order.forEach(({ id, p }, i) => {
      seen.add(id);
      let r = this.rows.get(id);
      if (!r) this.rows.set(id, (r = this.row(id)));
      this.fill(r, p);
      if (r.index >= 0 && r.index !== i) moved.push([r, r.index]);
      r.index = i;
      if (this.list.children[i] !== r.root) this.list.insertBefore(r.root, this.list.children[i] ?? null);
    });
    for (const [id, r] of this.rows) {
      if (seen.has(id)) continue;
      r.root.remove();
      this.rows.delete(id);
    }
    if (moved.length) this.slide(moved, cols, perCol);
  }

  /**
   * FLIP without forcing a layout: rows move by whole grid cells, and the cell size is
   * measured after the browser has laid out (a resize observer), never during an update.
   */
  private slide(moved: [Row, number][], cols: number, perCol: number): void {
    if (this.pitch?.cols !== cols || this.pitch.perCol !== perCol) {
      this.measureSoon(cols, perCol);
      return;
    }
    const { row, col } = this.pitch;
    // The biggest climbs and falls slide; small shuffles just swap (animations cost frames).
    moved.sort((a, b) => Math.abs(b[1] - b[0].index) - Math.abs(a[1] - a[0].index));
    for (const [r, from] of moved.slice(0, MAX_SLIDES)) {
      const dx = (Math.floor(from / perCol) - Math.floor(r.index / perCol)) * col;
      const dy = ((from % perCol) - (r.index % perCol)) * row;
      if (dx || dy) r.root.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'none' }], { duration: 450, easing: 'ease-out' });
    }
  }

  private measureSoon(cols = this.pitch?.cols ?? 1, perCol = this.pitch?.perCol ?? 1): void {
    requestAnimationFrame(() => {
      const c = this.list.children;
      const a = c[0] as HTMLElement | undefined;
      const below = c[1] as HTMLElement | undefined;
      const beside = c[perCol] as HTMLElement | undefined;
      this.pitch = { cols, perCol, row: a && below ? below.offsetTop - a.offsetTop : 40, col: cols > 1 && a && beside ? beside.offsetLeft - a.offsetLeft : 0 };
    });
  }

  private row(id: string): Row {
    const r: Row = {
      root: el('li', { class: 'board-row', attrs: { 'data-player': id } }),
      rank: el('span', { class: 'b-rank' }),
      name: el('span', { class: 'b-name' }),
      avail: el('span', { class: 'b-avail mono' }),
      spark: new Sparkline(120, 26),
      score: el('span', { class: 'b-score mono' }),
      incidents: el('span', { class: 'b-inc mono' }),
      hands: el('span', { class: 'b-hands mono' }),
      index: -1,
    };
    const spark = el('span', { class: 'b-spark' });
    spark.append(r.spark.root);
    r.root.append(r.rank, r.name, r.avail, spark, r.score, r.incidents, r.hands);
    return r;
  }

  destroy(): void {
    this.resize.disconnect();
  }

  private fill(r: Row, p: PlayerView): void {
    setText(r.rank, p.rank ? String(p.rank) : '–');
    r.root.dataset.rank = String(p.rank);
    setText(r.name, `${kindGlyph(p.kind)}${p.name}`);
    r.root.classList.toggle('offline', !p.connected);
    setText(r.avail, pct(p.availability));
    r.avail.className = `b-avail mono tone-${availabilityTone(p.availability / 10000)}`;
    r.spark.update(p.series);
    setText(r.score, number(p.score));
    setText(r.incidents, String(p.incidents));
    const hands = `${p.manual}:${p.declarative}`;
    if (r.hands.dataset.v !== hands) {
      r.hands.dataset.v = hands;
      r.hands.replaceChildren(icon('hand', 15) as unknown as HTMLElement, ` ${p.manual} `, icon('scroll', 15) as unknown as HTMLElement, ` ${p.declarative}`);
      r.hands.title = t('board.handDeclHelp', { manual: p.manual, declarative: p.declarative });
    }
  }
}
