/**
 * The host's controls, shared by the projector and the play screen of a host who plays (solo):
 * scenario, length and mode before the start, bots, and start / pause / resume / end.
 */
import { BOT_KINDS, MINUTES, MODES } from '../../../shared/protocol.js';
import { localText, onLang, t } from '../i18n.js';
import type { Connection } from '../net/connection.js';
import type { ShiftView } from '../net/state-types.js';
import { el, show } from './dom.js';

export interface HostControlsOptions {
  /** Show the mode choice (the projector does; a solo game stays solo). */
  modes: boolean;
  compact?: boolean;
}

export class HostControls {
  readonly root: HTMLElement;
  private scenario = el('select', { attrs: { id: 'set-scenario' } });
  private minutes = el('select', { attrs: { id: 'set-minutes' } });
  private mode = el('select', { attrs: { id: 'set-mode' } });
  private settings: HTMLElement;
  private bots: HTMLElement;
  private start = el('button', { class: 'primary', i18n: 'host.start', attrs: { type: 'button', id: 'host-start' } });
  private pause = el('button', { i18n: 'host.pause', attrs: { type: 'button', id: 'host-pause' } });
  private resume = el('button', { class: 'primary', i18n: 'host.resume', attrs: { type: 'button', id: 'host-resume' } });
  private end = el('button', { class: 'danger', i18n: 'host.end', attrs: { type: 'button', id: 'host-end' } });
  private offLang: () => void;

  constructor(
    private conn: Connection,
    o: HostControlsOptions,
  ) {
    for (const m of MINUTES) this.minutes.append(el('option', { i18n: 'common.minutes', vars: { count: m }, attrs: { value: String(m) } }));
    // A solo shift is started from the title screen, not from the projector.
    for (const m of MODES) if (m !== 'solo') this.mode.append(el('option', { i18n: `modes.${m}`, attrs: { value: m } }));
    this.fillScenarios();
    this.scenario.addEventListener('change', () => conn.send('settings', { scenario: this.scenario.value }));
    this.minutes.addEventListener('change', () => conn.send('settings', { minutes: Number(this.minutes.value) }));
    this.mode.addEventListener('change', () => conn.send('settings', { mode: this.mode.value }));
    this.start.addEventListener('click', () => conn.send('start'));
    this.pause.addEventListener('click', () => conn.send('pause'));
    this.resume.addEventListener('click', () => conn.send('resume'));
    this.end.addEventListener('click', () => {
      if (this.conn.state?.phase === 'lobby' || confirm(t('host.confirmEnd'))) conn.send('end');
    });
    const field = (key: string, input: HTMLElement) => el('label', {}, [el('span', { i18n: key }), input]);
    this.settings = el('div', { class: 'host-settings' }, [field('host.scenario', this.scenario), field('host.length', this.minutes), o.modes ? field('host.mode', this.mode) : null]);
    this.bots = el(
      'div',
      { class: 'host-bots' },
      BOT_KINDS.map((k) => el('button', { class: 'small', attrs: { type: 'button', 'data-bot': k }, on: { click: () => conn.send('bot', { kind: k }) } }, [el('span', { text: '+ ' }), el('span', { i18n: `bots.${k}` })])),
    );
    this.root = el('div', { class: `host-controls${o.compact ? ' compact' : ''}` }, [this.settings, this.bots, el('div', { class: 'host-phase' }, [this.start, this.pause, this.resume, this.end])]);
    this.offLang = onLang(() => this.fillScenarios());
  }

  private fillScenarios(): void {
    const list = this.conn.welcome?.scenarios ?? [];
    const value = this.scenario.value || this.conn.state?.scenario || '';
    this.scenario.replaceChildren(...list.map((s) => el('option', { text: `${localText(s.title)} · ${t(`difficulty.${s.difficulty}`)}`, attrs: { value: s.name } })));
    if (value) this.scenario.value = value;
  }

  update(s: ShiftView): void {
    const lobby = s.phase === 'lobby';
    show(this.settings, lobby);
    show(this.bots, lobby && s.mode !== 'coop');
    show(this.start, lobby);
    show(this.pause, s.phase === 'running');
    show(this.resume, s.phase === 'paused');
    show(this.end, s.phase !== 'finished');
    this.start.disabled = s.players.size === 0;
    if (document.activeElement !== this.scenario && this.scenario.value !== s.scenario) this.scenario.value = s.scenario;
    if (document.activeElement !== this.minutes && this.minutes.value !== String(s.minutes)) this.minutes.value = String(s.minutes);
    if (document.activeElement !== this.mode && this.mode.value !== s.mode) this.mode.value = s.mode;
  }

  destroy(): void {
    this.offLang();
  }
}
