// The night sky behind the town: a gradient that follows the sim clock (darkest at 3 a.m.,
// dawn by 6), twinkling stars and the moon crossing; drawn under the town scene.
import Phaser from 'phaser';
import { FX, makeFxTextures } from '../art/fx.js';
import { css } from '../art/texture-cache.js';
import { moonAt, skyAt } from './sky.js';

const STARS = 48;
const GRADIENT = 'sky:gradient';
const MOON = 'sky:moon';

export class SkyScene extends Phaser.Scene {
  private clock: () => number = () => 0;
  private gradient!: Phaser.GameObjects.Image;
  private moon!: Phaser.GameObjects.Image;
  private stars: { img: Phaser.GameObjects.Image; x: number; y: number; base: number; speed: number }[] = [];
  private lastKey = '';
  private starLevel = 1;

  constructor() {
    super({ key: 'sky', active: true });
  }

  setClock(clock: () => number): void {
    this.clock = clock;
  }

  create(): void {
    makeFxTextures(this);
    // A tall thin canvas holds the gradient; redrawn (tiny) when the sky's colour changes.
    this.textures.createCanvas(GRADIENT, 2, 256);
    this.gradient = this.add.image(0, 0, GRADIENT).setOrigin(0, 0);
    this.drawMoon();
    this.moon = this.add.image(0, 0, MOON).setScale(0.5);
    let s = 12345;
    const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (let i = 0; i < STARS; i++) {
      const img = this.add.image(0, 0, FX.star).setScale(0.25 + rnd() * 0.35);
      this.stars.push({ img, x: rnd(), y: rnd() * 0.7, base: 0.4 + rnd() * 0.6, speed: 0.0006 + rnd() * 0.0018 });
    }
    this.scale.on('resize', () => (this.lastKey = ''));
  }

  private drawMoon(): void {
    const tex = this.textures.createCanvas(MOON, 200, 200);
    if (!tex) return;
    const ctx = tex.getContext();
    const glow = ctx.createRadialGradient(100, 100, 20, 100, 100, 100);
    glow.addColorStop(0, 'rgba(255,243,201,0.35)');
    glow.addColorStop(1, 'rgba(255,243,201,0)');
    ctx.fillStyle = glow;
    ctx.fillRect(0, 0, 200, 200);
    ctx.fillStyle = '#fff3c9';
    ctx.beginPath();
    ctx.arc(100, 100, 30, 0, Math.PI * 2);
    ctx.fill();
    // The crescent: cut the shadow out so the sky shows through.
    ctx.globalCompositeOperation = 'destination-out';
    ctx.beginPath();
    ctx.arc(114, 92, 27, 0, Math.PI * 2);
    ctx.fill();
    tex.refresh();
  }

  override update(time: number): void {
    const clock = this.clock();
    const w = this.scale.width;
    const h = this.scale.height;
    const key = `${Math.floor(clock / 120_000)}:${w}:${h}`;
    if (key !== this.lastKey) {
      this.lastKey = key;
      const sky = skyAt(clock);
      this.starLevel = sky.stars;
      const tex = this.textures.get(GRADIENT) as Phaser.Textures.CanvasTexture;
      const ctx = tex.getContext();
      const g = ctx.createLinearGradient(0, 0, 0, 256);
      g.addColorStop(0, css(sky.top));
      g.addColorStop(1, css(sky.horizon));
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, 2, 256);
      tex.refresh();
      this.gradient.setDisplaySize(w, h);
      const m = moonAt(clock);
      this.moon.setPosition(m.x * w, m.y * h).setAlpha(1 - 0.6 * sky.dawn);
      for (const st of this.stars) st.img.setPosition(st.x * w, st.y * h);
    }
    for (const st of this.stars) st.img.setAlpha(this.starLevel * st.base * (0.65 + 0.35 * Math.sin(time * st.speed + st.x * 40)));
  }
}
