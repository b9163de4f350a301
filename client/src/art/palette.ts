/**
 * The town's colours, shared by the canvas (Phaser numbers) and the SVG/DOM art (hex
 * strings). Night blues, warm windows, and state colours that always travel with an icon.
 */
export const PALETTE = {
  skyTop: 0x070b1c,
  skyHorizon: 0x1d2456,
  skyDeep: 0x03050f,
  dawnHorizon: 0xd9826b,
  dawnTop: 0x28356e,
  star: 0xffffff,
  moon: 0xfff3c9,
  street: 0x151a2e,
  streetLine: 0xe8d38a,
  sidewalk: 0x232a45,
  wall: 0x27335f,
  wallDark: 0x1a2140,
  wallEdge: 0x35447a,
  roof: 0x1b2347,
  door: 0x3e2b22,
  hallWall: 0x34406e,
  hallRoof: 0x222b54,
  column: 0x8d98c4,
  windowLit: 0xffc95e,
  windowWarm: 0xffdf8f,
  windowDark: 0x0d1226,
  windowFrame: 0x46558f,
  resident: 0x3a2616,
  good: 0x5fe3a1,
  bad: 0xff5c74,
  warn: 0xffb347,
  info: 0x7cc7ff,
  smoke: 0x8a8fa3,
  tape: 0xffd23f,
  tapeStripe: 0x1b1b1b,
  basement: 0x11152a,
  junk: 0x9b7a4e,
  scaffold: 0xc08a3e,
  lamp: 0xffd27a,
  focus: 0xffd166,
} as const;

/** `0xffc95e` → `#ffc95e`. */
export function hex(n: number): string {
  return `#${n.toString(16).padStart(6, '0')}`;
}

/** Linear mix of two colours, t in [0, 1]. */
export function mix(a: number, b: number, t: number): number {
  const k = Math.max(0, Math.min(1, t));
  const ch = (s: number) => Math.round(((a >> s) & 255) * (1 - k) + ((b >> s) & 255) * k);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}
