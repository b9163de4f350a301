/** Small art for life in the street: lamp posts and their glow, smoke, stars, the moving van. */
import type Phaser from 'phaser';
import { ART_SCALE, drawSuitcase } from './apartment.js';
import { G } from '../scenes/geometry.js';
import { canvasTexture, roundRect } from './texture-cache.js';

export const FX = { puff: 'fx:puff', star: 'fx:star', glow: 'fx:glow', lamp: 'fx:lamp', van: 'fx:van', bag: 'fx:bag' } as const;

export function makeFxTextures(scene: Phaser.Scene): void {
  softDot(scene, FX.puff, 16, 4, ['rgba(150,156,176,0.85)', 'rgba(120,126,148,0.45)', 'rgba(110,116,140,0)'], 0.6);
  softDot(scene, FX.star, 6, 4, ['rgba(255,255,255,1)', 'rgba(220,230,255,0.8)', 'rgba(200,210,255,0)'], 0.35);
  softDot(scene, FX.glow, 64, 2, ['rgba(255,214,130,0.55)', 'rgba(255,190,100,0.18)', 'rgba(255,180,90,0)'], 0.4);
  canvasTexture(scene, FX.lamp, 12, 46, ART_SCALE, (ctx) => {
    ctx.fillStyle = '#39446f';
    ctx.fillRect(5, 8, 2, 38);
    ctx.fillRect(3, 44, 6, 2);
    ctx.fillRect(5, 6, 5, 1.4);
    ctx.fillStyle = '#ffe1a0';
    roundRect(ctx, 6.5, 6, 4.5, 4, 1);
    ctx.fill();
  });
  canvasTexture(scene, FX.van, 30, 16, ART_SCALE, (ctx) => {
    ctx.fillStyle = '#e9edff';
    roundRect(ctx, 0, 1, 20, 11, 1.5);
    ctx.fill();
    ctx.fillStyle = '#ffc95e';
    roundRect(ctx, 20, 4, 9, 8, [3, 1.5, 1.5, 1]);
    ctx.fill();
    ctx.fillStyle = '#7cc7ff';
    ctx.fillRect(23, 5.5, 4.5, 3);
    ctx.fillStyle = '#326ce5';
    ctx.beginPath();
    ctx.arc(10, 6.5, 3.4, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 0.7;
    for (let i = 0; i < 7; i++) {
      const a = (i / 7) * Math.PI * 2;
      ctx.beginPath();
      ctx.moveTo(10, 6.5);
      ctx.lineTo(10 + Math.cos(a) * 2.8, 6.5 + Math.sin(a) * 2.8);
      ctx.stroke();
    }
    ctx.fillStyle = '#1a1f33';
    for (const x of [5, 23]) {
      ctx.beginPath();
      ctx.arc(x, 13, 2.6, 0, Math.PI * 2);
      ctx.fill();
    }
  });
  canvasTexture(scene, FX.bag, G.bagW, G.bagH, ART_SCALE, drawSuitcase);
}

/** A round blur: a radial gradient from the centre colour, through the middle one at `mid`, to the edge. */
function softDot(scene: Phaser.Scene, key: string, size: number, scale: number, [centre, middle, edge]: [string, string, string], mid: number): void {
  canvasTexture(scene, key, size, size, scale, (ctx) => {
    const r = size / 2;
    const g = ctx.createRadialGradient(r, r, 0, r, r, r);
    g.addColorStop(0, centre);
    g.addColorStop(mid, middle);
    g.addColorStop(1, edge);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, size, size);
  });
}
