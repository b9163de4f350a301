/**
 * The host's screen for the classroom projector (spectators see it without the controls):
 * the join code in huge letters with the link and a QR code, who has joined, the settings,
 * then a live leaderboard and the incident ticker, and at the end a podium, the results table
 * and the CSV download.
 */
import type { ResultsMessage } from '../../../shared/protocol.js';
import { lang, localText, onLang, t } from '../i18n.js';
import type { Connection } from '../net/connection.js';
import type { ShiftView } from '../net/state-types.js';
import { el, setText } from './dom.js';
import { formatClock } from './format.js';
import { HostControls } from './host-controls.js';
import { langSwitch } from './lang-switch.js';
import { Leaderboard } from './leaderboard.js';
import { renderChips } from './player-chips.js';
import { podium, resultsTable } from './podium.js';
import { joinUrl, qrCanvas } from './qr.js';
import type { Screen } from './screen.js';
import { Ticker } from './ticker.js';
import './projector.css';

export function projectorScreen(conn: Connection, results: () => ResultsMessage | undefined): Screen {
  const w = conn.welcome!;
  const isHost = w.role === 'host';
  const code = w.code;
  const url = joinUrl(code);
  const offs: (() => void)[] = [];
  const lang0 = langSwitch();
  offs.push(lang0.destroy);

  // ---- header
  const clock = el('span', { class: 'proj-clock mono', attrs: { id: 'proj-clock' } });
  const phase = el('span', { class: 'proj-phase', attrs: { id: 'proj-phase' } });
  const scenario = el('span', { class: 'proj-scenario' });
  const head = el('header', { class: 'proj-head' }, [
    el('div', { class: 'proj-brand' }, [el('span', { class: 'proj-logo', i18n: 'app.name' }), scenario]),
    el('div', { class: 'proj-time' }, [clock, phase]),
    el('div', { class: 'proj-tools' }, [isHost ? null : el('span', { class: 'proj-badge', i18n: 'projector.spectating' }), lang0.root]),
  ]);

  // ---- lobby: the way in
  const count = el('p', { class: 'proj-count', attrs: { id: 'proj-count' } });
  const joinBig = el('section', { class: 'proj-join panel', attrs: { 'aria-labelledby': 'join-h' } }, [
    el('h2', { i18n: 'projector.joinAt', attrs: { id: 'join-h' } }),
    el('p', { class: 'proj-url mono', text: url.replace(/^https?:\/\//, '') }),
    el('div', { class: 'proj-code-row' }, [el('div', { class: 'proj-code mono', text: code, attrs: { id: 'proj-code', 'aria-label': t('projector.codeLabel', { code: code.split('').join(' ') }) } }), qrCanvas(url, 260)]),
    count,
  ]);
  const chips = el('ul', { class: 'chips proj-chips', attrs: { id: 'proj-players', 'aria-live': 'polite' } });
  const players = el('section', { class: 'proj-players panel', attrs: { 'aria-labelledby': 'players-h' } }, [el('h2', { class: 'panel-title', i18n: 'lobby.players', attrs: { id: 'players-h' } }), chips]);
  const scenarioText = el('p', { class: 'muted' });
  const host = isHost ? new HostControls(conn, { modes: true }) : undefined;
  if (host) offs.push(() => host.destroy());
  const settings = el('section', { class: 'proj-settings panel' }, [
    el('h2', { class: 'panel-title', i18n: isHost ? 'projector.settings' : 'lobby.tonight' }),
    host?.root ?? null,
    scenarioText,
    el('p', { class: 'proj-rule', text: localText(w.scoreRule) }),
  ]);

  // ---- running: the race
  const board = new Leaderboard();
  const ticker = new Ticker();
  const mini = el('div', { class: 'proj-mini panel' }, [el('span', { class: 'muted', i18n: 'projector.lateJoin' }), el('span', { class: 'proj-mini-code mono', text: code }), qrCanvas(url, 120)]);
  const controls = el('div', { class: 'proj-controls' });
  if (host) controls.append(host.root);

  // ---- finished: the podium
  const finale = el('section', { class: 'proj-finale', attrs: { id: 'proj-finale' } });
  const download = el('a', { class: 'btn primary', i18n: 'projector.downloadCsv', attrs: { id: 'download-csv', download: `kubetown-${code}.csv` } });
  download.hidden = true;

  const body = el('div', { class: 'proj-body' });
  const root = el('main', { class: 'screen projector', attrs: { 'data-screen': 'projector' } }, [head, body]);

  let shownPhase = '';
  let finaleAt = 0;
  const layout = (s: ShiftView) => {
    if (s.phase === shownPhase) return;
    shownPhase = s.phase;
    root.dataset.phase = s.phase;
    if (s.phase === 'lobby') body.replaceChildren(joinBig, el('div', { class: 'proj-lobby-side' }, [players, settings]));
    else if (s.phase === 'finished') body.replaceChildren(finale, el('aside', { class: 'proj-side' }, [ticker.root]));
    else body.replaceChildren(board.root, el('aside', { class: 'proj-side' }, [mini, ticker.root, controls]));
    if (host && s.phase !== 'lobby' && s.phase !== 'finished') controls.append(host.root);
    if (host && s.phase === 'lobby') settings.insertBefore(host.root, scenarioText);
  };

  const render = () => {
    frame = 0;
    const s = conn.state;
    if (!s) return;
    layout(s);
    setText(clock, formatClock(s.clock));
    setText(phase, t(`phase.word.${s.phase}`));
    const sc = w.scenarios.find((x) => x.name === s.scenario);
    setText(scenario, sc ? `${localText(sc.title)} · ${s.minutes} min · ${t(`modes.${s.mode}`)}` : s.scenario);
    host?.update(s);
    if (s.phase === 'lobby') {
      renderChips(chips, s, { me: conn.sessionId, onKick: isHost ? (id) => conn.send('kick', { sessionId: id }) : undefined });
      setText(count, t('projector.joined', { count: s.players.size }));
      setText(scenarioText, sc ? localText(sc.description) : '');
    } else if (s.phase === 'finished') {
      // The last summaries arrive just after the end: refresh the podium for a few seconds.
      const now = performance.now();
      if (!finaleAt || now - finaleAt > 1000) {
        finaleAt = now;
        const r = results();
        if (r && w.hostToken) {
          download.href = `${r.csv}?token=${encodeURIComponent(w.hostToken)}`;
          download.hidden = false;
        }
        finale.replaceChildren(el('h2', { class: 'finale-title', i18n: 'projector.podium' }), podium(s), el('div', { class: 'finale-table panel' }, [resultsTable(s)]), el('div', { class: 'finale-actions' }, [download]));
      }
    } else board.update(s);
    ticker.update(s, lang());
  };
  let frame = 0;
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };
  offs.push(conn.events.on('state', schedule));
  offs.push(conn.events.on('results', () => ((finaleAt = 0), schedule())));
  offs.push(onLang(() => ((finaleAt = 0), schedule())));
  render();
  return {
    root,
    destroy: () => {
      board.destroy();
      offs.forEach((f) => f());
      if (frame) cancelAnimationFrame(frame);
    },
  };
}

