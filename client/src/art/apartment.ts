/**
 * An apartment (a pod) is a window: warm and lived-in when Ready, dim while its residents
 * move in, dark with a badge when something is wrong. Residents are the containers; a sidecar
 * is the second, smaller figure. Ground-floor shops are containers started by hand.
 */
import type { PodLook, ResidentLook, ShopLook } from '../scenes/looks.js';
import { G } from '../scenes/geometry.js';
import { badge, type IconName } from './icons.js';
import { PALETTE } from './palette.js';
import { css, roundRect } from './texture-cache.js';

export const ART_SCALE = 3;

const BADGE: Partial<Record<PodLook, IconName>> = {
  starting: 'hourglass',
  crash: 'loop',
  oom: 'burst',
  pull: 'parcel',
  evicted: 'exit',
  done: 'check',
  error: 'bang',
  dark: 'question',
  unknown: 'question',
};

const WARM: ReadonlySet<PodLook> = new Set(['lit', 'starting']);

export function apartmentKey(look: PodLook, residents: string): string {
  return `apt:${look}:${residents}`;
}

export function drawApartment(ctx: CanvasRenderingContext2D, look: PodLook, residents: string): void {
  const w = G.aptW;
  const h = G.aptH;
  // Frame and sill.
  roundRect(ctx, 0.5, 0.5, w - 1, h - 1, 2.5);
  ctx.fillStyle = css(PALETTE.windowFrame);
  ctx.fill();
  const gx = 2;
  const gy = 2;
  const gw = w - 4;
  const gh = h - 5;
  ctx.save();
  roundRect(ctx, gx, gy, gw, gh, 1.5);
  ctx.clip();
  ctx.fillStyle = glass(ctx, look, gy, gh);
  ctx.fillRect(gx, gy, gw, gh);
  if (WARM.has(look)) {
    // Curtains: the home is lived in.
    ctx.fillStyle = look === 'lit' ? 'rgba(214,110,40,0.75)' : 'rgba(190,120,60,0.55)';
    ctx.beginPath();
    ctx.moveTo(gx, gy);
    ctx.lineTo(gx + 5, gy);
    ctx.quadraticCurveTo(gx + 3, gy + gh * 0.6, gx + 1.5, gy + gh);
    ctx.lineTo(gx, gy + gh);
    ctx.closePath();
    ctx.moveTo(gx + gw, gy);
    ctx.lineTo(gx + gw - 5, gy);
    ctx.quadraticCurveTo(gx + gw - 3, gy + gh * 0.6, gx + gw - 1.5, gy + gh);
    ctx.lineTo(gx + gw, gy + gh);
    ctx.closePath();
    ctx.fill();
  }
  if (look === 'crash' || look === 'oom' || look === 'error') {
    const g = ctx.createLinearGradient(0, gy + gh, 0, gy);
    g.addColorStop(0, 'rgba(255,92,116,0.35)');
    g.addColorStop(1, 'rgba(255,92,116,0)');
    ctx.fillStyle = g;
    ctx.fillRect(gx, gy, gw, gh);
  }
  if (look === 'leaving') movingBox(ctx, w / 2, gy + gh);
  else drawResidents(ctx, residents, look, gy + gh);
  if (look === 'evicted') planks(ctx, gx, gy, gw, gh);
  ctx.restore();
  // Sill.
  ctx.fillStyle = css(0x5a6aa8);
  ctx.fillRect(0.5, h - 3, w - 1, 2.5);
  const icon = BADGE[look];
  if (icon) badge(ctx, icon, w - 5.5, 5.5, 4.6);
}

function glass(ctx: CanvasRenderingContext2D, look: PodLook, y: number, h: number): CanvasGradient | string {
  const g = ctx.createLinearGradient(0, y, 0, y + h);
  switch (look) {
    case 'lit':
      g.addColorStop(0, '#ffeeb5');
      g.addColorStop(1, '#ffb547');
      return g;
    case 'starting':
      g.addColorStop(0, '#f3dca0');
      g.addColorStop(1, '#c9974f');
      return g;
    case 'pull':
      return '#17132e';
    case 'evicted':
      return '#1c1522';
    case 'leaving':
      return '#262038';
    case 'done':
      return '#1d2a44';
    case 'crash':
    case 'oom':
    case 'error':
      return '#1a0f1f';
    default:
      return css(PALETTE.windowDark);
  }
}

/** Residents stand along the window's bottom; the first is the main container. */
export function drawResidents(ctx: CanvasRenderingContext2D, residents: string, look: PodLook, floor: number): void {
  const n = residents.length;
  const warm = WARM.has(look);
  for (let i = 0; i < n; i++) {
    const x = (G.aptW * (i + 1)) / (n + 1);
    const s = i === 0 ? 1 : 0.82;
    person(ctx, residents[i] as ResidentLook, x, floor, s, warm);
  }
}

function person(ctx: CanvasRenderingContext2D, r: ResidentLook, x: number, floor: number, s: number, warm: boolean): void {
  const ink = warm ? 'rgba(58,32,14,0.92)' : 'rgba(150,162,205,0.55)';
  ctx.save();
  ctx.translate(x, floor);
  ctx.scale(s, s);
  if (r === 'D') {
    // Lying down: the container has exited.
    ctx.fillStyle = warm ? 'rgba(58,32,14,0.6)' : 'rgba(150,162,205,0.45)';
    roundRect(ctx, -5, -3.2, 9, 3, 1.4);
    ctx.fill();
    ctx.beginPath();
    ctx.arc(5.6, -2, 1.9, 0, Math.PI * 2);
    ctx.fill();
  } else if (r === 'P') {
    // Not moved in yet: an outline.
    ctx.strokeStyle = ink;
    ctx.setLineDash([1.2, 1.1]);
    ctx.lineWidth = 0.7;
    ctx.beginPath();
    ctx.arc(0, -10.5, 2.5, 0, Math.PI * 2);
    ctx.stroke();
    roundRect(ctx, -3.2, -7.6, 6.4, 7.2, 2);
    ctx.stroke();
  } else {
    ctx.globalAlpha = r === 'W' ? 0.55 : 1;
    ctx.fillStyle = ink;
    ctx.beginPath();
    ctx.arc(0, -10.5, 2.6, 0, Math.PI * 2);
    ctx.fill();
    roundRect(ctx, -3.3, -7.6, 6.6, 7.4, 2.2);
    ctx.fill();
  }
  ctx.restore();
}

function planks(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): void {
  ctx.fillStyle = '#8b6a45';
  ctx.strokeStyle = '#4b3522';
  ctx.lineWidth = 0.5;
  for (const [a, b] of [
    [0.15, 0.85],
    [0.85, 0.2],
  ]) {
    ctx.save();
    ctx.translate(x + w / 2, y + h / 2);
    ctx.rotate(Math.atan2((b - a) * h, w) * 0.9);
    ctx.fillRect(-w * 0.62, -2, w * 1.24, 4);
    ctx.strokeRect(-w * 0.62, -2, w * 1.24, 4);
    ctx.restore();
  }
}

function movingBox(ctx: CanvasRenderingContext2D, cx: number, floor: number): void {
  ctx.fillStyle = '#b88a52';
  ctx.fillRect(cx - 6, floor - 8, 12, 8);
  ctx.strokeStyle = '#6b4a25';
  ctx.lineWidth = 0.6;
  ctx.strokeRect(cx - 6, floor - 8, 12, 8);
  ctx.beginPath();
  ctx.moveTo(cx - 6, floor - 5.5);
  ctx.lineTo(cx + 6, floor - 5.5);
  ctx.stroke();
}

// ------------------------------------------------------------------ shops

export function shopKey(look: ShopLook): string {
  return `shop:${look}`;
}

/** A ground-floor shop with a striped awning: the app started by hand with `docker run`. */
export function drawShop(ctx: CanvasRenderingContext2D, look: ShopLook): void {
  const w = G.shopW;
  const h = G.shopH;
  const awning = 6;
  roundRect(ctx, 0.5, awning - 1, w - 1, h - awning + 0.5, 1.5);
  ctx.fillStyle = css(0x3b3250);
  ctx.fill();
  const gx = 2.5;
  const gy = awning + 1.5;
  const gw = w - 5;
  const gh = h - awning - 4;
  if (look === 'open' || look === 'restarting') {
    const g = ctx.createLinearGradient(0, gy, 0, gy + gh);
    g.addColorStop(0, '#fff0c4');
    g.addColorStop(1, look === 'open' ? '#ffbf5a' : '#d9a560');
    ctx.fillStyle = g;
    ctx.fillRect(gx, gy, gw, gh);
    person(ctx, look === 'open' ? 'A' : 'W', w / 2, gy + gh, 1, true);
  } else {
    ctx.fillStyle = '#151a30';
    ctx.fillRect(gx, gy, gw, gh);
    if (look === 'closed') {
      // The shutter is down.
      ctx.fillStyle = '#5a6284';
      ctx.fillRect(gx, gy, gw, gh);
      ctx.strokeStyle = '#3a4060';
      ctx.lineWidth = 0.7;
      for (let y = gy + 2; y < gy + gh; y += 2.4) {
        ctx.beginPath();
        ctx.moveTo(gx, y);
        ctx.lineTo(gx + gw, y);
        ctx.stroke();
      }
    }
  }
  // Awning stripes.
  for (let i = 0; i < 6; i++) {
    ctx.fillStyle = i % 2 ? '#f3efe4' : '#d8465b';
    ctx.fillRect(i * (w / 6), 0, w / 6 + 0.2, awning);
  }
  ctx.fillStyle = 'rgba(0,0,0,0.25)';
  ctx.fillRect(0, awning - 1.2, w, 1.2);
  if (look === 'closed') badge(ctx, 'bang', w - 5.5, awning + 5, 4.2);
  if (look === 'restarting') badge(ctx, 'loop', w - 5.5, awning + 5, 4.2);
  if (look === 'created') badge(ctx, 'hourglass', w - 5.5, awning + 5, 4.2);
}

// ------------------------------------------------------------------ the bus stop

/** A suitcase: a pod with no node yet, waiting at the bus stop for the scheduler. */
export function drawSuitcase(ctx: CanvasRenderingContext2D): void {
  ctx.fillStyle = '#c9864a';
  roundRect(ctx, 1, 3, G.bagW - 2, G.bagH - 3.5, 1.6);
  ctx.fill();
  ctx.strokeStyle = '#6b3f1b';
  ctx.lineWidth = 0.8;
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(G.bagW / 2 - 2.5, 3);
  ctx.lineTo(G.bagW / 2 - 2.5, 1);
  ctx.lineTo(G.bagW / 2 + 2.5, 1);
  ctx.lineTo(G.bagW / 2 + 2.5, 3);
  ctx.stroke();
  ctx.fillStyle = '#6b3f1b';
  ctx.fillRect(3.5, 3, 1, G.bagH - 3.5);
  ctx.fillRect(G.bagW - 4.5, 3, 1, G.bagH - 3.5);
}
