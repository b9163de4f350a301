/**
 * A player's night as a chart: availability per 10 minutes from 00:00 to 06:00, with a
 * marker where each incident hit and a band until it recovered. SVG, text as text.
 */
import type { ReportMessage } from '../../../shared/protocol.js';
import { pickLang, t } from '../i18n.js';
import { svg } from './dom.js';
import { formatClock } from './format.js';

const W = 720;
const H = 240;
const PAD = { l: 46, r: 14, t: 14, b: 28 };
const NIGHT = 6 * 3600_000;

export function nightChart(r: ReportMessage): SVGSVGElement {
  const values = r.series.filter((v): v is number => v !== null);
  const low = Math.max(0, Math.min(0.9, Math.floor((Math.min(1, ...values) - 0.02) * 20) / 20));
  const x = (ms: number) => PAD.l + (ms / NIGHT) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + (1 - (v - low) / (1 - low)) * (H - PAD.t - PAD.b);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'night-chart', role: 'img', id: 'night-chart', 'aria-label': t('results.chart') });
  root.append(
    svg('defs', {}, [
      svg('linearGradient', { id: 'nc-fill', x1: 0, y1: 0, x2: 0, y2: 1 }, [svg('stop', { offset: '0%', 'stop-color': '#ffc95e', 'stop-opacity': 0.32 }), svg('stop', { offset: '100%', 'stop-color': '#ffc95e', 'stop-opacity': 0 })]),
    ]),
  );
  for (const v of [low, (low + 1) / 2, 1]) {
    root.append(svg('line', { x1: PAD.l, x2: W - PAD.r, y1: y(v), y2: y(v), class: 'nc-grid' }));
    root.append(text(PAD.l - 6, y(v) + 4, `${Math.round(v * 100)}%`, 'nc-axis', 'end'));
  }
  for (let h = 0; h <= 6; h++) root.append(text(x(h * 3600_000), H - 8, `0${h}:00`, 'nc-axis', 'middle'));
  for (const i of r.incidents) {
    if (i.hitAt !== undefined) {
      const end = i.recoveredAt ?? NIGHT;
      root.append(svg('rect', { x: x(i.hitAt), y: PAD.t, width: Math.max(2, x(end) - x(i.hitAt)), height: H - PAD.t - PAD.b, class: 'nc-band' }));
    }
    root.append(svg('line', { x1: x(i.at), x2: x(i.at), y1: PAD.t, y2: H - PAD.b, class: 'nc-incident' }));
    const mark = svg('circle', { cx: x(i.at), cy: PAD.t + 4, r: 4, class: 'nc-dot' });
    mark.append(svg('title', {}, [document.createTextNode(`${formatClock(i.at)} ${pickLang(i.title, i.titleEs)}`)]));
    root.append(mark);
  }
  const pts: string[] = [];
  r.series.forEach((v, i) => {
    if (v !== null) pts.push(`${x((i + 0.5) * 600_000).toFixed(1)},${y(Math.max(low, v)).toFixed(1)}`);
  });
  if (pts.length) {
    root.append(svg('polygon', { points: `${pts[0].split(',')[0]},${H - PAD.b} ${pts.join(' ')} ${pts.at(-1)!.split(',')[0]},${H - PAD.b}`, class: 'nc-area' }));
    root.append(svg('polyline', { points: pts.join(' '), class: 'nc-line' }));
  }
  return root;
}

function text(x: number, y: number, s: string, cls: string, anchor: string): SVGTextElement {
  const t = svg('text', { x, y, class: cls, 'text-anchor': anchor });
  t.textContent = s;
  return t;
}
