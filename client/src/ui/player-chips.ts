/** The list of who has joined, as chips (a bot gets a robot glyph; names are text, never HTML). */
import { t } from '../i18n.js';
import type { PlayerView, ShiftView } from '../net/state-types.js';
import { el } from './dom.js';

export function kindGlyph(kind: string): string {
  return kind === 'human' ? '' : kind === 'reconciler' ? '⟳ ' : '⚙ ';
}

export interface ChipOptions {
  me?: string;
  /** Adds a remove button per player (the host's kick). */
  onKick?: (id: string, p: PlayerView) => void;
}

export function renderChips(list: HTMLElement, s: ShiftView, o: ChipOptions = {}): void {
  const items: HTMLElement[] = [];
  s.players.forEach((p, id) => {
    const chip = el('li', { class: `chip${id === o.me ? ' me' : ''}${p.connected ? '' : ' offline'}`, attrs: { 'data-player': id } });
    const glyph = kindGlyph(p.kind);
    if (glyph) chip.append(el('span', { class: 'chip-kind', text: glyph, attrs: { 'aria-label': t(`bots.${p.kind}`) } }));
    chip.append(el('span', { class: 'chip-name', text: p.name }));
    if (!p.connected) chip.append(el('span', { class: 'chip-off', text: ` · ${t('lobby.offline')}` }));
    if (o.onKick && id !== o.me) {
      const b = el('button', { class: 'chip-x small ghost', text: '✕', attrs: { type: 'button', 'aria-label': t('projector.kick', { name: p.name }) } });
      b.addEventListener('click', () => o.onKick!(id, p));
      chip.append(b);
    }
    items.push(chip);
  });
  list.replaceChildren(...items);
}
