/** A glyph for every look, so the DOM panels never tell a state by colour alone. */
import type { NodeLook, PodLook, ShopLook } from '../scenes/looks.js';

export const POD_GLYPH: Record<PodLook, string> = {
  lit: '✔',
  starting: '⧗',
  crash: '↻',
  oom: '✸',
  pull: '⬚',
  evicted: '⇥',
  leaving: '↦',
  done: '✓',
  error: '!',
  dark: '?',
  pending: '…',
  unknown: '?',
};

export const NODE_GLYPH: Record<NodeLook, string> = { ok: '✔', dark: '⚡', construction: '⚒', closed: '⛔' };
export const SHOP_GLYPH: Record<ShopLook, string> = { open: '✔', closed: '✕', restarting: '↻', created: '⧗' };

/** CSS class for a look's colour. */
export function podTone(l: PodLook): 'good' | 'warn' | 'bad' | 'info' {
  if (l === 'lit' || l === 'done') return 'good';
  if (l === 'starting' || l === 'pending' || l === 'leaving') return 'warn';
  return 'bad';
}
