/** A tiny availability line (per 10 minutes of the night) as SVG, updated in place. */
import type { ListLike } from '../net/state-types.js';
import { svg } from './dom.js';

/** 36 points: 6 hours × 6 ten-minute slots. */
const SLOTS = 36;

export class Sparkline {
  readonly root: SVGSVGElement;
  private line: SVGPolylineElement;
  private area: SVGPolygonElement;
  private last = '';

  constructor(
    private w = 120,
    private h = 28,
    /** The lowest availability drawn (below it the line sits on the floor). */
    private floor = 0.8,
  ) {
    this.root = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, class: 'spark', 'aria-hidden': 'true' });
    this.area = svg('polygon', { class: 'spark-area', fill: 'rgba(255,201,94,0.07)', stroke: 'none' });
    this.line = svg('polyline', { class: 'spark-line', fill: 'none', stroke: '#ffc95e', 'stroke-width': 1.6 });
    this.root.append(svg('line', { x1: 0, x2: w, y1: this.y(1), y2: this.y(1), class: 'spark-top', stroke: 'rgba(255,255,255,0.12)', 'stroke-dasharray': '2 3' }), this.area, this.line);
  }

  private y(v: number): number {
    const k = (Math.max(this.floor, Math.min(1, v)) - this.floor) / (1 - this.floor);
    return 2 + (1 - k) * (this.h - 4);
  }

  /** `series` in hundredths of a percent (10000 = 100 %), or fractions with `scale` 1. */
  update(series: ListLike<number | null> | (number | null)[], scale = 10000): void {
    const pts: string[] = [];
    const n = series.length;
    for (let i = 0; i < n; i++) {
      const v = (series as ListLike<number | null>).at(i);
      if (v === null || v === undefined) continue;
      pts.push(`${((i + 0.5) * this.w) / SLOTS},${this.y(v / scale).toFixed(1)}`);
    }
    const key = pts.join(' ');
    if (key === this.last) return;
    this.last = key;
    this.line.setAttribute('points', key);
    if (pts.length) this.area.setAttribute('points', `${pts[0].split(',')[0]},${this.h} ${key} ${pts.at(-1)!.split(',')[0]},${this.h}`);
    else this.area.removeAttribute('points');
  }
}
