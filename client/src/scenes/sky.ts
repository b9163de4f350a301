/**
 * The colour of the sky at a time of the night: blue at midnight, darkest at 3 a.m., dawn
 * on the horizon by 6. Pure, so the sky scene only redraws when the colour really changes.
 */
import { PALETTE, mix } from '../art/palette.js';

const HOUR = 3600_000;

/** Sky colours (top, horizon) and how much the stars show, at sim time `clock`. */
export function skyAt(clock: number): { top: number; horizon: number; stars: number; dawn: number } {
  const h = Math.max(0, Math.min(6, clock / HOUR));
  if (h <= 3) {
    const k = h / 3;
    return { top: mix(0x0c1538, PALETTE.skyDeep, k), horizon: mix(0x2a3270, 0x0e1336, k), stars: 0.75 + 0.25 * k, dawn: 0 };
  }
  const k = (h - 3) / 3;
  const dawn = Math.max(0, (h - 4.6) / 1.4);
  return {
    top: mix(PALETTE.skyDeep, PALETTE.dawnTop, k * k),
    horizon: mix(mix(0x0e1336, 0x3a3a7a, k), PALETTE.dawnHorizon, dawn),
    stars: 1 - 0.8 * dawn,
    dawn,
  };
}

/** Where the moon is (0..1 across, 0..1 down) as the night goes on. */
export function moonAt(clock: number): { x: number; y: number } {
  const k = Math.max(0, Math.min(1, clock / (6 * HOUR)));
  return { x: 0.12 + 0.76 * k, y: 0.34 - Math.sin(Math.PI * (0.15 + 0.7 * k)) * 0.24 + k * 0.18 };
}
