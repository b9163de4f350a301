/**
 * Buildings: the town hall (the control-plane node, with columns and a clock) and apartment
 * blocks (workers) with a cut-away basement whose crates are the disk. A dark building has
 * lost power or its kubelet, tape means cordoned, crates spilling out mean disk pressure,
 * scaffolding and a crane mean a new node still booting.
 */
import type { NodeLook } from '../scenes/looks.js';
import { G, type BuildingKind } from '../scenes/geometry.js';
import { badge } from './icons.js';
import { PALETTE, mix } from './palette.js';
import { css, roundRect } from './texture-cache.js';

/** Room around the building inside its texture: the hall's pediment, a crane, spilled crates. */
export const TOP_EXTRA = 40;
export const SIDE_EXTRA = 22;

export interface BuildingArt {
  kind: BuildingKind;
  floors: number;
  cols: number;
  w: number;
  h: number;
  look: NodeLook;
  cordoned: boolean;
  diskPressure: boolean;
  /** Disk use, rounded to 5 %. */
  disk: number;
  /** CPU requested, rounded to 20 %. */
  cpu: number;
}

export function buildingKey(a: BuildingArt): string {
  return `bld:${a.kind}:${a.floors}:${a.cols}:${a.look}:${a.cordoned ? 1 : 0}:${a.diskPressure ? 1 : 0}:${a.disk}:${a.cpu}`;
}

export function buildingTextureSize(a: BuildingArt): { w: number; h: number } {
  return { w: a.w + 2 * SIDE_EXTRA, h: TOP_EXTRA + a.h + G.under };
}

export function drawBuilding(ctx: CanvasRenderingContext2D, a: BuildingArt): void {
  ctx.translate(SIDE_EXTRA, TOP_EXTRA + a.h);
  // From here on: x from the building's left edge, y = 0 on the ground line (up is negative).
  if (a.kind === 'queue') return busStop(ctx, a);
  basement(ctx, a);
  if (a.look === 'construction') return construction(ctx, a);
  if (a.kind === 'hall') hall(ctx, a);
  else block(ctx, a);
  if (a.cordoned) tape(ctx, a);
}

function wallGradient(ctx: CanvasRenderingContext2D, a: BuildingArt, base: number): CanvasGradient {
  const dark = a.look === 'dark';
  const g = ctx.createLinearGradient(0, -a.h, 0, 0);
  const c = dark ? mix(base, 0x05070f, 0.45) : base;
  g.addColorStop(0, css(mix(c, 0xffffff, 0.06)));
  g.addColorStop(1, css(mix(c, 0x000000, 0.18)));
  return g;
}

function block(ctx: CanvasRenderingContext2D, a: BuildingArt): void {
  const { w, h } = a;
  const dark = a.look === 'dark';
  // Roof furniture: a water tank and an antenna with the CPU meter.
  ctx.fillStyle = css(PALETTE.roof);
  ctx.fillRect(10, -h - 14, 16, 10);
  ctx.fillRect(12, -h - 4, 2, 4);
  ctx.fillRect(22, -h - 4, 2, 4);
  ctx.fillStyle = css(mix(PALETTE.roof, 0xffffff, 0.08));
  ctx.beginPath();
  ctx.ellipse(18, -h - 14, 8, 2.5, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = css(PALETTE.roof);
  ctx.fillRect(w - 14, -h - 22, 1.6, 22);
  ctx.fillStyle = dark ? '#40263a' : '#ff5c74';
  ctx.beginPath();
  ctx.arc(w - 13.2, -h - 23, 1.6, 0, Math.PI * 2);
  ctx.fill();
  cpuMeter(ctx, w - 30, -h - 3, a.cpu, dark);
  // Body.
  ctx.fillStyle = wallGradient(ctx, a, PALETTE.wall);
  ctx.fillRect(0, -h, w, h);
  ctx.fillStyle = css(PALETTE.wallEdge, dark ? 0.3 : 0.8);
  ctx.fillRect(0, -h, 1.8, h);
  // Parapet.
  ctx.fillStyle = css(PALETTE.roof);
  ctx.fillRect(-2, -h - 3, w + 4, 5);
  // Sign band for the node's name (the text is drawn by the scene).
  roundRect(ctx, 8, -h + 4, w - 16, 14, 3);
  ctx.fillStyle = dark ? '#0b0e1c' : '#111833';
  ctx.fill();
  ctx.strokeStyle = dark ? '#2a2f45' : '#4a5a99';
  ctx.lineWidth = 0.8;
  ctx.stroke();
  // Ledges between floors.
  ctx.fillStyle = css(mix(PALETTE.wall, 0x000000, 0.3));
  for (let f = 0; f <= a.floors; f++) ctx.fillRect(3, -G.groundH - f * G.floorH - 1, w - 6, 2);
  vacantWindows(ctx, a);
  // Ground floor: a darker plinth, the door with its lamp.
  ctx.fillStyle = css(mix(PALETTE.wall, 0x000000, dark ? 0.55 : 0.28));
  ctx.fillRect(0, -G.groundH, w, G.groundH);
  door(ctx, w / 2, dark ? 'dark' : 'lit');
  if (dark) badge(ctx, 'bolt', w / 2, -G.groundH + 9, 5);
}

function hall(ctx: CanvasRenderingContext2D, a: BuildingArt): void {
  const { w, h } = a;
  const dark = a.look === 'dark';
  const closed = a.look === 'closed';
  // Pediment with the town clock.
  ctx.fillStyle = css(dark ? mix(PALETTE.hallRoof, 0x000000, 0.4) : PALETTE.hallRoof);
  ctx.beginPath();
  ctx.moveTo(-8, -h + 2);
  ctx.lineTo(w / 2, -h - 30);
  ctx.lineTo(w + 8, -h + 2);
  ctx.closePath();
  ctx.fill();
  ctx.strokeStyle = css(PALETTE.column, dark ? 0.4 : 0.9);
  ctx.lineWidth = 1.4;
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(w / 2, -h - 12, 8, 0, Math.PI * 2);
  ctx.fillStyle = dark || closed ? '#1a1f33' : '#ffe3a0';
  ctx.fill();
  ctx.strokeStyle = '#2a2f45';
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(w / 2, -h - 12);
  ctx.lineTo(w / 2, -h - 17.5);
  ctx.moveTo(w / 2, -h - 12);
  ctx.lineTo(w / 2 + 4, -h - 12);
  ctx.stroke();
  // Body and entablature.
  ctx.fillStyle = wallGradient(ctx, a, PALETTE.hallWall);
  ctx.fillRect(0, -h, w, h);
  roundRect(ctx, 8, -h + 4, w - 16, 14, 2);
  ctx.fillStyle = dark ? '#0b0e1c' : '#161d3d';
  ctx.fill();
  // Columns between the windows.
  ctx.fillStyle = css(PALETTE.column, dark ? 0.35 : 0.85);
  for (let c = 0; c <= a.cols; c++) {
    const x = G.wall + c * (G.aptW + G.gapX);
    ctx.fillRect(x + 0.5, -h + 20, G.gapX - 1, h - 20 - G.groundH + 4);
    ctx.fillRect(x - 0.8, -h + 19, G.gapX + 1.6, 2.2);
  }
  vacantWindows(ctx, a);
  // Stairs.
  ctx.fillStyle = css(mix(PALETTE.column, 0x000000, dark ? 0.6 : 0.25));
  for (let i = 0; i < 3; i++) ctx.fillRect(-6 + i * 4, -(i + 1) * 3, w + 12 - i * 8, 3);
  ctx.fillStyle = css(mix(PALETTE.hallWall, 0x000000, 0.3));
  ctx.fillRect(4, -G.groundH, w - 8, G.groundH - 9);
  door(ctx, w / 2, dark || closed ? 'dark' : 'lit', 1.3);
  if (closed) boardedDoor(ctx, w / 2);
}

/** Every pod slot has a window; empty apartments stay dark behind drawn blinds. */
function vacantWindows(ctx: CanvasRenderingContext2D, a: BuildingArt): void {
  for (let f = 0; f < a.floors; f++) {
    for (let c = 0; c < a.cols; c++) {
      const x = G.wall + G.gapX + c * (G.aptW + G.gapX);
      const y = -G.groundH - (f + 1) * G.floorH + (G.floorH - G.aptH) / 2;
      roundRect(ctx, x + 0.5, y + 0.5, G.aptW - 1, G.aptH - 1, 2.5);
      ctx.fillStyle = css(mix(PALETTE.windowFrame, 0x000000, 0.35));
      ctx.fill();
      ctx.fillStyle = css(PALETTE.windowDark);
      ctx.fillRect(x + 2, y + 2, G.aptW - 4, G.aptH - 5);
      ctx.fillStyle = 'rgba(90,106,168,0.25)';
      for (let k = 0; k < 3; k++) ctx.fillRect(x + 2, y + 3 + k * 3.2, G.aptW - 4, 1.2);
    }
  }
}

function door(ctx: CanvasRenderingContext2D, cx: number, mode: 'lit' | 'dark', s = 1): void {
  const dw = G.doorW * s;
  const dh = 26 * s;
  const y = -dh - (s > 1 ? 9 : 0);
  roundRect(ctx, cx - dw / 2, y, dw, dh, [dw / 2, dw / 2, 0, 0]);
  ctx.fillStyle = mode === 'lit' ? '#4a3020' : '#1a1410';
  ctx.fill();
  if (mode === 'lit') {
    const g = ctx.createRadialGradient(cx, y + 6, 0, cx, y + 6, dw * 0.7);
    g.addColorStop(0, 'rgba(255,210,122,0.9)');
    g.addColorStop(1, 'rgba(255,210,122,0)');
    ctx.fillStyle = g;
    ctx.fillRect(cx - dw, y - 4, dw * 2, dw);
  }
  ctx.fillStyle = mode === 'lit' ? '#ffd27a' : '#4a4030';
  ctx.beginPath();
  ctx.arc(cx + dw * 0.28, y + dh * 0.6, 0.9 * s, 0, Math.PI * 2);
  ctx.fill();
}

function boardedDoor(ctx: CanvasRenderingContext2D, cx: number): void {
  ctx.save();
  ctx.translate(cx, -26);
  ctx.fillStyle = '#8b6a45';
  for (const r of [0.7, -0.7]) {
    ctx.save();
    ctx.rotate(r);
    ctx.fillRect(-16, -2.2, 32, 4.4);
    ctx.restore();
  }
  ctx.restore();
  badge(ctx, 'bang', cx, -46, 5.5);
}

function cpuMeter(ctx: CanvasRenderingContext2D, x: number, y: number, pct: number, dark: boolean): void {
  for (let i = 0; i < 5; i++) {
    const on = pct >= (i + 1) * 20;
    ctx.fillStyle = dark ? '#1c2035' : on ? (i >= 4 ? '#ff5c74' : i >= 3 ? '#ffb347' : '#5fe3a1') : '#2a3358';
    ctx.fillRect(x + i * 3, y - 3 - i * 1.4, 2.2, 3 + i * 1.4);
  }
}

/** The cut-away under the building: crates are images and stopped containers filling the disk. */
function basement(ctx: CanvasRenderingContext2D, a: BuildingArt): void {
  const x = 4;
  const w = a.w - 8;
  const h = G.basementH;
  ctx.fillStyle = css(PALETTE.basement);
  ctx.fillRect(x, 0, w, h);
  ctx.strokeStyle = a.diskPressure ? '#ff5c74' : '#2e3866';
  ctx.lineWidth = a.diskPressure ? 1.4 : 1;
  ctx.strokeRect(x, 0, w, h);
  const cw = 8;
  const ch = 5.5;
  const cols = Math.floor((w - 4) / (cw + 1));
  const rows = Math.floor((h - 3) / (ch + 1));
  const n = Math.round((a.disk / 100) * cols * rows);
  for (let i = 0; i < n; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    crate(ctx, x + 2 + c * (cw + 1), h - 2 - (r + 1) * (ch + 1) + 1, cw, ch);
  }
  if (a.diskPressure) {
    // Overflowing: crates pile up outside.
    const pile: [number, number][] = [
      [a.w + 1, -6.5],
      [a.w + 10, -6.5],
      [a.w + 5, -13],
      [-10, -6.5],
      [-19, -6.5],
      [-14, -13],
    ];
    for (const [px, py] of pile) crate(ctx, px, py, cw, ch + 0.5);
    badge(ctx, 'bang', a.w + 9, -20, 4.5);
  }
}

function crate(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): void {
  ctx.fillStyle = css(PALETTE.junk);
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = '#5a4326';
  ctx.lineWidth = 0.6;
  ctx.strokeRect(x, y, w, h);
  ctx.beginPath();
  ctx.moveTo(x, y + h / 2);
  ctx.lineTo(x + w, y + h / 2);
  ctx.stroke();
}

function construction(ctx: CanvasRenderingContext2D, a: BuildingArt): void {
  const { w, h } = a;
  // A half-built shell behind scaffolding, and a crane on top.
  ctx.fillStyle = css(mix(PALETTE.wall, 0x000000, 0.35));
  ctx.fillRect(0, -h * 0.45, w, h * 0.45);
  ctx.strokeStyle = css(PALETTE.scaffold);
  ctx.lineWidth = 1.2;
  for (let x = 0; x <= w; x += w / 4) {
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, -h);
    ctx.stroke();
  }
  for (let y = 0; y >= -h; y -= G.floorH) {
    ctx.beginPath();
    ctx.moveTo(-2, y);
    ctx.lineTo(w + 2, y);
    ctx.stroke();
  }
  ctx.lineWidth = 0.6;
  for (let y = 0; y > -h; y -= G.floorH) {
    for (let x = 0; x < w - 1; x += w / 4) {
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + w / 4, y - G.floorH);
      ctx.stroke();
    }
  }
  // Crane.
  ctx.strokeStyle = '#ffd23f';
  ctx.lineWidth = 1.6;
  ctx.beginPath();
  ctx.moveTo(w * 0.7, -h);
  ctx.lineTo(w * 0.7, -h - 34);
  ctx.lineTo(-6, -h - 30);
  ctx.moveTo(w * 0.7, -h - 34);
  ctx.lineTo(w * 0.95, -h - 30);
  ctx.stroke();
  ctx.lineWidth = 0.6;
  ctx.beginPath();
  ctx.moveTo(8, -h - 30.5);
  ctx.lineTo(8, -h - 12);
  ctx.stroke();
  ctx.fillStyle = '#ffd23f';
  ctx.fillRect(5, -h - 12, 6, 4);
  // Barrier stripes at the ground.
  stripes(ctx, 6, -9, w - 12, 6);
}

function tape(ctx: CanvasRenderingContext2D, a: BuildingArt): void {
  // Cordoned: tape across the front and two cones. Running pods stay; no new tenants.
  ctx.save();
  ctx.translate(a.w / 2, -G.groundH / 2 + 2);
  ctx.rotate(-0.12);
  stripes(ctx, -a.w / 2 - 6, -3, a.w + 12, 6);
  ctx.rotate(0.24);
  stripes(ctx, -a.w / 2 - 6, 4, a.w + 12, 6);
  ctx.restore();
  for (const x of [-12, a.w + 4]) cone(ctx, x, 0);
}

function stripes(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.fillStyle = css(PALETTE.tape);
  ctx.fillRect(x, y, w, h);
  ctx.fillStyle = css(PALETTE.tapeStripe);
  for (let i = x - h; i < x + w; i += h * 1.6) {
    ctx.beginPath();
    ctx.moveTo(i, y + h);
    ctx.lineTo(i + h * 0.8, y + h);
    ctx.lineTo(i + h * 1.6, y);
    ctx.lineTo(i + h * 0.8, y);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}

function cone(ctx: CanvasRenderingContext2D, x: number, y: number): void {
  ctx.fillStyle = '#ff8a3d';
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + 8, y);
  ctx.lineTo(x + 4, y - 12);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#fff';
  ctx.fillRect(x + 2.2, y - 7, 3.6, 1.8);
  ctx.fillStyle = '#2a2f45';
  ctx.fillRect(x - 1, y - 1.5, 10, 1.5);
}

function busStop(ctx: CanvasRenderingContext2D, a: BuildingArt): void {
  // A bus stop with a bench: pods with no node yet wait here for the scheduler.
  ctx.fillStyle = '#3b4778';
  ctx.fillRect(6, -58, 2.5, 58);
  roundRect(ctx, 0, -64, 16, 12, 3);
  ctx.fillStyle = '#7cc7ff';
  ctx.fill();
  ctx.fillStyle = '#0a0f1f';
  ctx.font = 'bold 8px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('P', 8, -57.5);
  ctx.fillStyle = '#2a3358';
  ctx.fillRect(18, -8, a.w - 22, 2.5);
  ctx.fillRect(20, -6, 2, 6);
  ctx.fillRect(a.w - 8, -6, 2, 6);
}
