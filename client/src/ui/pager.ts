/**
 * The on-call pager: when an incident starts it beeps (WebAudio, can be muted) and the town
 * flashes, and the incident's title stays on screen for a few seconds.
 */
import { pickLang, t, trAttr } from '../i18n.js';
import type { ShiftView, TickerView } from '../net/state-types.js';
import { el } from './dom.js';
import { formatClock } from './format.js';
import { icon } from './icons.js';

const MUTE_KEY = 'kubetown:muted';
const SHOW_MS = 7000;

export class Pager {
  readonly button: HTMLButtonElement;
  readonly alerts = el('div', { class: 'pager-alerts', attrs: { 'aria-live': 'assertive', id: 'pager-alerts' } });
  private seen = -1;
  private muted = readMuted();
  private audio?: AudioContext;

  constructor(private flashTarget: HTMLElement) {
    this.button = el('button', { class: 'small ghost pager-mute', attrs: { type: 'button', id: 'pager-mute' }, on: { click: () => this.toggle() } });
    this.sync();
  }

  private toggle(): void {
    this.muted = !this.muted;
    try {
      localStorage.setItem(MUTE_KEY, this.muted ? '1' : '0');
    } catch {
      // kept for this page only
    }
    this.sync();
  }

  private sync(): void {
    this.button.replaceChildren(icon(this.muted ? 'bellOff' : 'bell', 18));
    this.button.setAttribute('aria-pressed', String(this.muted));
    trAttr(this.button, 'aria-label', this.muted ? 'pager.unmute' : 'pager.mute');
    trAttr(this.button, 'title', this.muted ? 'pager.unmute' : 'pager.mute');
  }

  /** Checks the ticker for incidents that arrived since the last look. */
  update(s: ShiftView): void {
    const n = s.ticker.length;
    if (this.seen < 0) {
      // What happened before we joined is old news.
      this.seen = n;
      return;
    }
    for (let i = this.seen; i < n; i++) {
      const e = s.ticker.at(i);
      if (e) this.page(e);
    }
    this.seen = n;
  }

  private page(e: TickerView): void {
    const card = el('div', { class: 'pager-alert', attrs: { role: 'alert' } }, [
      el('span', { class: 'pager-icon' }, [icon('pager', 20) as unknown as HTMLElement]),
      el('span', { class: 'pager-time mono', text: formatClock(e.at) }),
      el('strong', { text: pickLang(e.title, e.titleEs) }),
      el('span', { class: 'sr-only', text: t('pager.incident') }),
    ]);
    this.alerts.prepend(card);
    while (this.alerts.children.length > 3) this.alerts.lastElementChild?.remove();
    setTimeout(() => card.remove(), SHOW_MS);
    this.flashTarget.classList.remove('flash');
    void this.flashTarget.offsetWidth;
    this.flashTarget.classList.add('flash');
    if (!this.muted) this.beep();
  }

  private beep(): void {
    try {
      this.audio ??= new AudioContext();
      const ctx = this.audio;
      void ctx.resume();
      const t0 = ctx.currentTime;
      // Two short tones, three times: a pager, not an alarm.
      for (let i = 0; i < 3; i++) {
        for (const [f, dt] of [
          [988, 0],
          [784, 0.11],
        ] as const) {
          const o = ctx.createOscillator();
          const g = ctx.createGain();
          o.type = 'square';
          o.frequency.value = f;
          const at = t0 + i * 0.32 + dt;
          g.gain.setValueAtTime(0.0001, at);
          g.gain.exponentialRampToValueAtTime(0.06, at + 0.01);
          g.gain.exponentialRampToValueAtTime(0.0001, at + 0.1);
          o.connect(g).connect(ctx.destination);
          o.start(at);
          o.stop(at + 0.11);
        }
      }
    } catch {
      // No audio device: the flash and the card still show.
    }
  }

  destroy(): void {
    void this.audio?.close().catch(() => undefined);
  }
}

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}
