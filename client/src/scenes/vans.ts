/**
 * Moving vans: when the control loop replaces a pod that left a dead or drained building, a
 * van drives from the old apartment to the new one along a dotted route, so the move is seen.
 */
import type Phaser from 'phaser';
import { ART_SCALE } from '../art/apartment.js';
import { FX } from '../art/fx.js';
import { PALETTE } from '../art/palette.js';

/** At most this many vans at once (a whole building moving is a convoy, not a traffic jam). */
const MAX_VANS = 6;

export class VanFleet {
  private vans = 0;

  constructor(private scene: Phaser.Scene) {}

  drive(from: { x: number; y: number }, to: { x: number; y: number }): void {
    if (this.vans >= MAX_VANS) return;
    this.vans++;
    const scene = this.scene;
    const van = scene.add.image(from.x, from.y, FX.van).setScale(1 / ART_SCALE).setDepth(8);
    van.setFlipX(to.x < from.x);
    const lift = Math.min(from.y, to.y) - 60;
    const at = (t: number) => ({ x: from.x + (to.x - from.x) * t, y: (1 - t) * (1 - t) * from.y + 2 * (1 - t) * t * lift + t * t * to.y });
    // The route, dotted once (not redrawn each frame), fading as the van arrives.
    const route = scene.add.graphics().setDepth(7);
    route.fillStyle(PALETTE.windowLit, 0.55);
    for (let i = 1; i < 14; i++) {
      const p = at(i / 14);
      route.fillCircle(p.x, p.y + 3, 1.1);
    }
    const path = { t: 0 };
    scene.tweens.add({
      targets: path,
      t: 1,
      duration: 1600,
      ease: 'Sine.easeInOut',
      onUpdate: () => {
        const p = at(path.t);
        van.setPosition(p.x, p.y);
      },
      onComplete: () => {
        this.vans--;
        van.destroy();
        scene.tweens.add({ targets: route, alpha: 0, duration: 700, onComplete: () => route.destroy() });
      },
    });
  }
}
