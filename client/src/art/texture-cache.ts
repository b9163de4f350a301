/**
 * Art is drawn once with the Canvas 2D API into a texture and then shown as plain images,
 * so a frame costs one quad per apartment instead of replaying vector paths.
 */
import type Phaser from 'phaser';

/** Draws `key` at `scale`× (crisp when the camera zooms in) unless it exists already. */
export function canvasTexture(scene: Phaser.Scene, key: string, w: number, h: number, scale: number, draw: (ctx: CanvasRenderingContext2D) => void): string {
  if (scene.textures.exists(key)) return key;
  const tex = scene.textures.createCanvas(key, Math.max(1, Math.ceil(w * scale)), Math.max(1, Math.ceil(h * scale)));
  if (!tex) return key;
  const ctx = tex.getContext();
  ctx.save();
  ctx.scale(scale, scale);
  draw(ctx);
  ctx.restore();
  tex.refresh();
  return key;
}

export function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number | number[]): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

export function css(n: number, alpha = 1): string {
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  return alpha >= 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${alpha})`;
}
