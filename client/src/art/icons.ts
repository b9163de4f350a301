/**
 * The state badges: each state has its own shape (an hourglass, a looping arrow, a burst, a
 * parcel, a check, a question mark...) so that no state is told by colour alone.
 */
import { css } from './texture-cache.js';

export type IconName = 'hourglass' | 'loop' | 'burst' | 'parcel' | 'exit' | 'check' | 'question' | 'bang' | 'bolt';

export const ICON_COLOR: Record<IconName, number> = {
  hourglass: 0xffb347,
  loop: 0xff5c74,
  burst: 0xff5c74,
  parcel: 0xb58cff,
  exit: 0xff9e45,
  check: 0x5fe3a1,
  question: 0x9ba8d6,
  bang: 0xff5c74,
  bolt: 0xffd23f,
};

/** A round badge with the icon drawn in dark ink on it. */
export function badge(ctx: CanvasRenderingContext2D, icon: IconName, cx: number, cy: number, r: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.arc(cx, cy, r + 0.9, 0, Math.PI * 2);
  ctx.fillStyle = '#0a0f1f';
  ctx.fill();
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fillStyle = css(ICON_COLOR[icon]);
  ctx.fill();
  ctx.strokeStyle = '#1a0d05';
  ctx.fillStyle = '#1a0d05';
  ctx.lineWidth = r * 0.22;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  glyph(ctx, icon, cx, cy, r * 0.62);
  ctx.restore();
}

/** The icon itself inside a box of half-size `s`, using the current stroke and fill. */
export function glyph(ctx: CanvasRenderingContext2D, icon: IconName, cx: number, cy: number, s: number): void {
  ctx.beginPath();
  switch (icon) {
    case 'hourglass':
      ctx.moveTo(cx - s * 0.7, cy - s);
      ctx.lineTo(cx + s * 0.7, cy - s);
      ctx.lineTo(cx - s * 0.7, cy + s);
      ctx.lineTo(cx + s * 0.7, cy + s);
      ctx.closePath();
      ctx.fill();
      break;
    case 'loop':
      ctx.arc(cx, cy, s * 0.8, -Math.PI * 0.35, Math.PI * 1.35);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(cx + s * 0.95, cy - s * 1.0);
      ctx.lineTo(cx + s * 0.55, cy - s * 0.25);
      ctx.lineTo(cx + s * 1.2, cy - s * 0.2);
      ctx.closePath();
      ctx.fill();
      break;
    case 'burst': {
      const n = 7;
      for (let i = 0; i < n * 2; i++) {
        const a = (i / (n * 2)) * Math.PI * 2 - Math.PI / 2;
        const rr = i % 2 === 0 ? s * 1.1 : s * 0.5;
        const x = cx + Math.cos(a) * rr;
        const y = cy + Math.sin(a) * rr;
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.closePath();
      ctx.fill();
      break;
    }
    case 'parcel':
      ctx.rect(cx - s * 0.85, cy - s * 0.7, s * 1.7, s * 1.4);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(cx - s * 0.5, cy - s * 0.35);
      ctx.lineTo(cx + s * 0.5, cy + s * 0.35);
      ctx.moveTo(cx + s * 0.5, cy - s * 0.35);
      ctx.lineTo(cx - s * 0.5, cy + s * 0.35);
      ctx.stroke();
      break;
    case 'exit':
      ctx.moveTo(cx - s * 0.9, cy);
      ctx.lineTo(cx + s * 0.6, cy);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(cx + s * 1.05, cy);
      ctx.lineTo(cx + s * 0.2, cy - s * 0.7);
      ctx.lineTo(cx + s * 0.2, cy + s * 0.7);
      ctx.closePath();
      ctx.fill();
      break;
    case 'check':
      ctx.moveTo(cx - s * 0.8, cy + s * 0.05);
      ctx.lineTo(cx - s * 0.2, cy + s * 0.65);
      ctx.lineTo(cx + s * 0.9, cy - s * 0.65);
      ctx.stroke();
      break;
    case 'question':
      ctx.arc(cx, cy - s * 0.35, s * 0.5, Math.PI * 1.05, Math.PI * 0.45);
      ctx.lineTo(cx, cy + s * 0.35);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(cx, cy + s * 0.85, s * 0.16, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'bang':
      ctx.moveTo(cx, cy - s * 0.9);
      ctx.lineTo(cx, cy + s * 0.3);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(cx, cy + s * 0.85, s * 0.16, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'bolt':
      ctx.moveTo(cx + s * 0.2, cy - s * 1.1);
      ctx.lineTo(cx - s * 0.6, cy + s * 0.15);
      ctx.lineTo(cx - s * 0.05, cy + s * 0.15);
      ctx.lineTo(cx - s * 0.25, cy + s * 1.1);
      ctx.lineTo(cx + s * 0.6, cy - s * 0.2);
      ctx.lineTo(cx + s * 0.05, cy - s * 0.2);
      ctx.closePath();
      ctx.fill();
      break;
  }
}
