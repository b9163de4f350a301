/**
 * Measures the script time of each frame with `performance` marks: from Phaser's pre-step to
 * its post-render (our reconcile and animation plus Phaser's update and draw submission).
 */
import type Phaser from 'phaser';

export interface FrameStats {
  frames: number;
  meanMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  fps: number;
}

export class FrameMeter {
  private samples: number[] = [];
  private started = 0;
  private firstAt = 0;
  private lastAt = 0;

  constructor(game: Phaser.Game, private before?: () => void) {
    game.events.on('prestep', () => {
      performance.mark('kt-frame-start');
      this.started = performance.now();
      this.before?.();
    });
    game.events.on('postrender', () => {
      const now = performance.now();
      performance.mark('kt-frame-end');
      performance.measure('kt-frame', 'kt-frame-start', 'kt-frame-end');
      if (this.started) this.samples.push(now - this.started);
      if (!this.firstAt) this.firstAt = now;
      this.lastAt = now;
    });
  }

  reset(): void {
    this.samples = [];
    this.firstAt = 0;
    performance.clearMeasures('kt-frame');
  }

  stats(): FrameStats {
    const s = [...this.samples].sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
    const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
    const span = (this.lastAt - this.firstAt) / 1000;
    return { frames: s.length, meanMs: round(mean), medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(s.at(-1) ?? 0), fps: round(span > 0 ? (s.length - 1) / span : 0) };
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
