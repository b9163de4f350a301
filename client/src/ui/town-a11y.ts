/**
 * The town in words, for screen readers (and the browser tests): every building with its
 * state and every apartment with its STATUS and how it is drawn. Updated a few times a second.
 */
import { t } from '../i18n.js';
import type { TownDescription } from '../scenes/TownScene.js';
import { el } from './dom.js';

const EVERY_MS = 250;

export class TownWords {
  readonly root = el('div', { class: 'sr-only', attrs: { id: 'town-words', 'aria-live': 'off' } });
  private timer?: number;
  private sig = '';

  constructor(private read: () => TownDescription) {}

  /** Something was redrawn: describe it again soon. */
  changed(): void {
    if (this.timer) return;
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, EVERY_MS);
  }

  render(): void {
    const d = this.read();
    const sig = JSON.stringify(d);
    if (sig === this.sig) return;
    this.sig = sig;
    const list = el('ul', {});
    for (const b of d.buildings) {
      const pods = el('ul', {});
      for (const p of b.pods) pods.append(el('li', { text: `${p.name}: ${p.status}`, attrs: { 'data-pod': p.name, 'data-look': p.look, 'data-node': b.name } }));
      for (const s of b.shops) pods.append(el('li', { text: `${s.name} (docker): ${s.look}`, attrs: { 'data-hand': s.name, 'data-look': s.look } }));
      const flags = [t(`look.node.${b.look}`), b.cordoned ? 'SchedulingDisabled' : '', b.diskPressure ? 'DiskPressure' : ''].filter(Boolean).join(', ');
      list.append(el('li', { attrs: { 'data-building': b.name, 'data-look': b.look, 'data-cordoned': String(b.cordoned), 'data-disk-pressure': String(b.diskPressure) } }, [el('span', { text: `${b.name} — ${flags}` }), pods]));
    }
    this.root.replaceChildren(el('h2', { i18n: 'town.words' }), list);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
