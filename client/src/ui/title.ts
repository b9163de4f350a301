/**
 * The front door: join a class with a code (the link `/?code=ABCDE` fills it in), host a
 * class on the projector, or play solo against bots; plus the language switch and a short
 * "how to play".
 */
import { CODE_ALPHABET, CODE_LENGTH, CODE_PATTERN, LIMITS, MINUTES, cleanName } from '../../../shared/protocol.js';
import { skyline } from '../art/skyline.js';
import { t, trAttr } from '../i18n.js';
import { el } from './dom.js';
import { langSwitch } from './lang-switch.js';
import type { Screen } from './screen.js';
import './title.css';

export interface TitleActions {
  join(o: { code: string; name: string; spectator: boolean }): Promise<void>;
  host(o: { name: string; play: boolean }): Promise<void>;
  solo(o: { name: string; minutes: number; bots: ('sysadmin' | 'reconciler')[] }): Promise<void>;
}

const NAME_KEY = 'kubetown:name';

export function titleScreen(actions: TitleActions, prefill: { code?: string; error?: string } = {}): Screen {
  const lang = langSwitch();
  const savedName = readName();
  const errorBox = el('p', { class: 'title-error', attrs: { role: 'alert', id: 'title-error' } });
  const showError = (key: string, vars?: Record<string, unknown>) => {
    errorBox.dataset.i18n = key;
    errorBox.textContent = t(key, vars);
  };
  if (prefill.error) showError(prefill.error);

  const busy = async (button: HTMLButtonElement, work: () => Promise<void>) => {
    errorBox.textContent = '';
    button.disabled = true;
    try {
      await work();
    } catch (e) {
      showError(joinErrorKey(e));
    } finally {
      button.disabled = false;
    }
  };

  // ---- join
  const code = el('input', { attrs: { id: 'join-code', name: 'code', autocomplete: 'off', spellcheck: 'false', maxlength: String(CODE_LENGTH), inputmode: 'text', class: 'code-input', 'aria-describedby': 'join-code-help' } });
  trAttr(code, 'placeholder', 'title.codePlaceholder');
  code.value = (prefill.code ?? '').toUpperCase().slice(0, CODE_LENGTH);
  code.addEventListener('input', () => {
    code.value = code.value.toUpperCase().replace(/[^A-Z]/g, '');
  });
  const joinName = nameInput('join-name', savedName);
  const spectator = el('input', { attrs: { type: 'checkbox', id: 'join-watch' } });
  const joinBtn = el('button', { class: 'primary', i18n: 'title.joinButton', attrs: { type: 'submit', id: 'join-button' } });
  const joinForm = el('form', { class: 'card join-card panel', attrs: { 'aria-labelledby': 'join-h' } }, [
    el('h2', { i18n: 'title.join', attrs: { id: 'join-h' } }),
    el('label', {}, [el('span', { i18n: 'title.code' }), code, el('small', { class: 'muted', i18n: 'title.codeHelp', attrs: { id: 'join-code-help' } })]),
    el('label', {}, [el('span', { i18n: 'title.name' }), joinName]),
    el('label', { class: 'check' }, [spectator, el('span', { i18n: 'title.watch' })]),
    joinBtn,
  ]);
  joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const c = code.value.trim().toUpperCase();
    if (!CODE_PATTERN.test(c)) return showError('title.errors.badCode', { length: CODE_LENGTH, letters: CODE_ALPHABET });
    const name = cleanName(joinName.value);
    if (!name && !spectator.checked) return showError('title.errors.noName');
    saveName(name);
    void busy(joinBtn, () => actions.join({ code: c, name, spectator: spectator.checked }));
  });

  // ---- host
  const hostName = nameInput('host-name', savedName);
  const hostPlays = el('input', { attrs: { type: 'checkbox', id: 'host-play' } });
  const hostBtn = el('button', { class: 'primary', i18n: 'title.hostButton', attrs: { type: 'submit', id: 'host-button' } });
  const hostForm = el('form', { class: 'card panel', attrs: { 'aria-labelledby': 'host-h' } }, [
    el('h2', { i18n: 'title.host', attrs: { id: 'host-h' } }),
    el('p', { class: 'muted', i18n: 'title.hostHelp' }),
    el('label', {}, [el('span', { i18n: 'title.name' }), hostName]),
    el('label', { class: 'check' }, [hostPlays, el('span', { i18n: 'title.hostPlays' })]),
    hostBtn,
  ]);
  hostForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = cleanName(hostName.value) || t('title.defaultHost');
    saveName(cleanName(hostName.value));
    void busy(hostBtn, () => actions.host({ name, play: hostPlays.checked }));
  });

  // ---- solo
  const soloName = nameInput('solo-name', savedName);
  const minutes = el('select', { attrs: { id: 'solo-minutes' } }, MINUTES.map((m) => el('option', { i18n: 'common.minutes', vars: { count: m }, attrs: { value: String(m) } })));
  minutes.value = '6';
  const sysadmin = el('input', { attrs: { type: 'checkbox', id: 'solo-sysadmin' } });
  const reconciler = el('input', { attrs: { type: 'checkbox', id: 'solo-reconciler' } });
  const soloBtn = el('button', { class: 'primary', i18n: 'title.soloButton', attrs: { type: 'submit', id: 'solo-button' } });
  const soloForm = el('form', { class: 'card panel', attrs: { 'aria-labelledby': 'solo-h' } }, [
    el('h2', { i18n: 'title.solo', attrs: { id: 'solo-h' } }),
    el('p', { class: 'muted', i18n: 'title.soloHelp' }),
    el('label', {}, [el('span', { i18n: 'title.name' }), soloName]),
    el('label', {}, [el('span', { i18n: 'title.length' }), minutes]),
    el('fieldset', { class: 'bots' }, [
      el('legend', { i18n: 'title.bots' }),
      el('label', { class: 'check' }, [sysadmin, el('span', { i18n: 'bots.sysadmin' })]),
      el('label', { class: 'check' }, [reconciler, el('span', { i18n: 'bots.reconciler' })]),
    ]),
    soloBtn,
  ]);
  soloForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = cleanName(soloName.value) || 'you';
    saveName(cleanName(soloName.value));
    const bots: ('sysadmin' | 'reconciler')[] = [];
    if (sysadmin.checked) bots.push('sysadmin');
    if (reconciler.checked) bots.push('reconciler');
    void busy(soloBtn, () => actions.solo({ name, minutes: Number(minutes.value), bots }));
  });

  const steps = ['how1', 'how2', 'how3', 'how4'].map((k, i) => el('li', {}, [el('span', { class: 'step-no', text: String(i + 1), attrs: { 'aria-hidden': 'true' } }), el('p', { i18n: `title.${k}` })]));
  const root = el('main', { class: 'screen title-screen', attrs: { 'data-screen': 'title' } }, [
    el('header', { class: 'title-head' }, [
      el('div', { class: 'brand' }, [el('h1', { i18n: 'app.name' }), el('p', { class: 'tagline', i18n: 'app.tagline' })]),
      lang.root,
    ]),
    el('div', { class: 'title-art' }, [skyline(1400, 200)]),
    errorBox,
    el('div', { class: 'cards' }, [joinForm, hostForm, soloForm]),
    el('section', { class: 'how panel', attrs: { 'aria-labelledby': 'how-h' } }, [el('h2', { i18n: 'title.howTo', attrs: { id: 'how-h' } }), el('ol', {}, steps)]),
  ]);
  queueMicrotask(() => (code.value ? joinName : code).focus());
  return { root, destroy: lang.destroy };
}

function nameInput(id: string, value: string): HTMLInputElement {
  const i = el('input', { attrs: { id, name: 'name', autocomplete: 'nickname', maxlength: String(LIMITS.nameChars), spellcheck: 'false' } });
  trAttr(i, 'placeholder', 'title.namePlaceholder');
  i.value = value;
  return i;
}

/** The matchmaker's refusal, as a translated message key. */
export function joinErrorKey(e: unknown): string {
  const msg = String((e as Error)?.message ?? e);
  if (/not found/i.test(msg)) return 'title.errors.notFound';
  if (/full/i.test(msg)) return 'title.errors.full';
  if (/locked/i.test(msg)) return 'title.errors.locked';
  if (/fetch|network|ECONNREFUSED|Failed/i.test(msg)) return 'title.errors.offline';
  return 'title.errors.generic';
}

function readName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

function saveName(n: string): void {
  try {
    if (n) localStorage.setItem(NAME_KEY, n);
  } catch {
    // not kept: fine
  }
}
