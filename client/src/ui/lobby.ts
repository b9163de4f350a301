/**
 * A player's waiting room: the join code, who has joined, tonight's scenario and a reminder
 * of how to play, until the host starts the shift.
 */
import { skyline } from '../art/skyline.js';
import { localText, onLang } from '../i18n.js';
import type { Connection } from '../net/connection.js';
import { el, setText } from './dom.js';
import { langSwitch } from './lang-switch.js';
import { renderChips } from './player-chips.js';
import type { Screen } from './screen.js';
import './lobby.css';

export function lobbyScreen(conn: Connection): Screen {
  const lang = langSwitch();
  const code = el('div', { class: 'lobby-code mono', attrs: { id: 'lobby-code' } });
  const me = el('p', { class: 'lobby-me', attrs: { id: 'lobby-me' } });
  const list = el('ul', { class: 'chips', attrs: { id: 'lobby-players', 'aria-live': 'polite' } });
  const count = el('span', { class: 'muted' });
  const scenarioTitle = el('h3', {});
  const scenarioText = el('p', { class: 'muted' });
  const length = el('p', { class: 'muted' });
  const root = el('main', { class: 'screen lobby-screen', attrs: { 'data-screen': 'lobby' } }, [
    el('header', { class: 'lobby-head' }, [el('h1', { i18n: 'app.name' }), lang.root]),
    el('section', { class: 'lobby-main panel' }, [
      el('p', { class: 'muted', i18n: 'lobby.code' }),
      code,
      me,
      el('p', { class: 'lobby-wait', attrs: { role: 'status' } }, [el('span', { class: 'dot-pulse', attrs: { 'aria-hidden': 'true' } }), el('span', { i18n: 'lobby.waiting' })]),
      el('div', { class: 'lobby-art' }, [skyline(640, 170)]),
    ]),
    el('section', { class: 'lobby-side' }, [
      el('div', { class: 'panel lobby-box' }, [el('h2', {}, [el('span', { i18n: 'lobby.players' }), ' ', count]), list]),
      el('div', { class: 'panel lobby-box' }, [el('h2', { i18n: 'lobby.tonight' }), scenarioTitle, scenarioText, length]),
      el('div', { class: 'panel lobby-box' }, [
        el('h2', { i18n: 'lobby.tips' }),
        el('ul', { class: 'tips' }, [el('li', { i18n: 'lobby.tip1' }), el('li', { i18n: 'lobby.tip2' }), el('li', { i18n: 'lobby.tip3' })]),
      ]),
    ]),
  ]);

  const render = () => {
    const s = conn.state;
    if (!s) return;
    setText(code, s.code);
    const p = s.players.get(conn.sessionId);
    setText(me, p ? `${p.name}` : '');
    renderChips(list, s, { me: conn.sessionId });
    setText(count, `(${s.players.size})`);
    const sc = conn.welcome?.scenarios.find((x) => x.name === s.scenario);
    setText(scenarioTitle, sc ? localText(sc.title) : s.scenario);
    setText(scenarioText, sc ? localText(sc.description) : '');
    setText(length, `${s.minutes} min`);
  };
  render();
  const offs = [conn.events.on('state', render), onLang(render), lang.destroy];
  return { root, destroy: () => offs.forEach((f) => f()) };
}
