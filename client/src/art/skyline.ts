/**
 * The title's picture: a small town at night drawn as SVG (moon, stars, apartment blocks
 * with warm windows, a town hall with columns). Deterministic, so every visit looks the same.
 */
import { svg } from '../ui/dom.js';
import { PALETTE, hex } from './palette.js';

/** A tiny deterministic generator so the skyline does not change between visits. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

let pictures = 0;

export function skyline(width = 720, height = 220): SVGSVGElement {
  const rnd = lcg(7);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'skyline', 'aria-hidden': 'true', preserveAspectRatio: 'xMidYMax meet' });
  const defs = svg('defs');
  // Ids are per picture (the title and the lobby may both be in the document).
  const id = `sky-${++pictures}`;
  const grad = svg('linearGradient', { id: `${id}-grad`, x1: 0, y1: 0, x2: 0, y2: 1 }, [
    svg('stop', { offset: '0%', 'stop-color': hex(PALETTE.skyTop) }),
    svg('stop', { offset: '100%', 'stop-color': hex(PALETTE.skyHorizon) }),
  ]);
  const glow = svg('radialGradient', { id: `${id}-glow` }, [
    svg('stop', { offset: '0%', 'stop-color': '#fff6d8', 'stop-opacity': 0.55 }),
    svg('stop', { offset: '100%', 'stop-color': '#fff6d8', 'stop-opacity': 0 }),
  ]);
  defs.append(grad, glow);
  root.append(defs, svg('rect', { x: 0, y: 0, width, height, fill: `url(#${id}-grad)`, rx: 14 }));
  for (let i = 0; i < Math.round(width / 15); i++) {
    root.append(svg('circle', { cx: (rnd() * width).toFixed(1), cy: (rnd() * height * 0.55).toFixed(1), r: (0.6 + rnd() * 1.1).toFixed(2), fill: '#ffffff', opacity: (0.35 + rnd() * 0.6).toFixed(2) }));
  }
  // The moon: a crescent cut with a mask, so the sky shows through its shadow.
  const mx = width * 0.86;
  const my = 40;
  defs.append(svg('mask', { id: `${id}-moon` }, [svg('circle', { cx: mx, cy: my, r: 19, fill: '#fff' }), svg('circle', { cx: mx + 8, cy: my - 5, r: 17, fill: '#000' })]));
  root.append(svg('circle', { cx: mx, cy: my, r: 46, fill: `url(#${id}-glow)` }));
  root.append(svg('circle', { cx: mx, cy: my, r: 19, fill: '#fff3c9', mask: `url(#${id}-moon)` }));

  const ground = height - 26;
  let x = 18;
  let hallDone = false;
  while (x < width - 40) {
    const hall = !hallDone && x > width * 0.33;
    if (hall) hallDone = true;
    const w = hall ? 110 : 52 + Math.floor(rnd() * 40);
    if (hall) root.append(townHall(x, ground, w));
    else root.append(block(x, ground, w, 70 + Math.floor(rnd() * 90), rnd));
    x += w + 12;
  }
  root.append(svg('rect', { x: 0, y: ground, width, height: 26, fill: hex(PALETTE.street), rx: 0 }));
  for (let i = 10; i < width; i += 38) root.append(svg('rect', { x: i, y: ground + 12, width: 18, height: 2.5, fill: hex(PALETTE.streetLine), opacity: 0.7 }));
  return root;
}

function block(x: number, ground: number, w: number, h: number, rnd: () => number): SVGGElement {
  const g = svg('g');
  g.append(svg('rect', { x, y: ground - h, width: w, height: h, fill: hex(PALETTE.wall), rx: 3 }));
  g.append(svg('rect', { x: x - 2, y: ground - h - 5, width: w + 4, height: 6, fill: hex(PALETTE.roof), rx: 2 }));
  for (let wy = ground - h + 10; wy < ground - 18; wy += 18) {
    for (let wx = x + 7; wx < x + w - 12; wx += 15) {
      const lit = rnd() < 0.62;
      g.append(svg('rect', { x: wx, y: wy, width: 9, height: 11, rx: 1.5, fill: hex(lit ? PALETTE.windowLit : PALETTE.windowDark), opacity: lit ? 0.95 : 1 }));
    }
  }
  g.append(svg('rect', { x: x + w / 2 - 6, y: ground - 15, width: 12, height: 15, fill: hex(PALETTE.door), rx: 2 }));
  return g;
}

function townHall(x: number, ground: number, w: number): SVGGElement {
  const g = svg('g');
  const h = 96;
  g.append(svg('rect', { x, y: ground - h, width: w, height: h, fill: hex(PALETTE.hallWall), rx: 2 }));
  g.append(svg('polygon', { points: `${x - 8},${ground - h} ${x + w / 2},${ground - h - 34} ${x + w + 8},${ground - h}`, fill: hex(PALETTE.hallRoof) }));
  g.append(svg('circle', { cx: x + w / 2, cy: ground - h - 14, r: 8, fill: hex(PALETTE.windowLit) }));
  for (let i = 0; i < 5; i++) g.append(svg('rect', { x: x + 8 + i * ((w - 22) / 4), y: ground - h + 12, width: 6, height: h - 22, fill: hex(PALETTE.column) }));
  for (let i = 0; i < 4; i++) g.append(svg('rect', { x: x + 17 + i * ((w - 22) / 4), y: ground - h + 24, width: 11, height: 16, rx: 2, fill: hex(PALETTE.windowLit) }));
  g.append(svg('rect', { x: x - 6, y: ground - 8, width: w + 12, height: 8, fill: hex(PALETTE.column) }));
  return g;
}
