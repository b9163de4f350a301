/**
 * A player's screen during the shift: the HUD across the top, the town (Phaser) with its
 * inspector and the event feed on the left, the manifest editor and the terminal on the right.
 * Keyboard: Alt+1 town, Alt+2 terminal, Alt+3 editor; arrows and Enter inside the town.
 */
import { t, onLang, trAttr } from '../i18n.js';
import type { Connection } from '../net/connection.js';
import { ownTown, type TownView } from '../net/state-types.js';
import { createTownGame, type TownGame } from '../scenes/game.js';
import type { TownTarget } from '../scenes/TownScene.js';
import type { CompletionWorld } from '../terminal/completion.js';
import { hostOf } from '../town/actions.js';
import { Workspace } from '../editor/workspace.js';
import { el, setText, show } from './dom.js';
import { ManifestEditor } from './editor.js';
import { EventsFeed } from './events-feed.js';
import { HostControls } from './host-controls.js';
import { Hud } from './hud.js';
import { Inspector } from './inspector.js';
import { Pager } from './pager.js';
import type { Screen } from './screen.js';
import { GameTerminal } from './terminal.js';
import { TownWords } from './town-a11y.js';
import './play.css';

export interface PlayDeps {
  showResults(): void;
}

export function playScreen(conn: Connection, deps: PlayDeps): Screen {
  const welcome = conn.welcome!;
  const isHost = welcome.role === 'host';
  const offs: (() => void)[] = [];

  // ---- the town pane
  const canvasHost = el('div', { class: 'town-canvas', attrs: { tabindex: '0', id: 'town-canvas', role: 'application' } });
  trAttr(canvasHost, 'aria-label', 'town.keys');
  const townPane = el('section', { class: 'town-pane', attrs: { 'aria-labelledby': 'town-h' } });
  const banner = el('div', { class: 'phase-banner', attrs: { id: 'phase-banner', role: 'status' } });
  const bannerText = el('span', {});
  const resultsBtn = el('button', { class: 'primary small', i18n: 'phase.seeResults', attrs: { type: 'button', id: 'see-results' }, on: { click: () => deps.showResults() } });
  banner.append(bannerText, resultsBtn);
  const pager = new Pager(townPane);
  const words = new TownWords(() => game?.town.describe() ?? { buildings: [] });
  townPane.append(el('h2', { class: 'sr-only', i18n: 'town.title', attrs: { id: 'town-h' } }), canvasHost, banner, pager.alerts, words.root);

  // ---- the side: editor over terminal
  const workspace = new Workspace(welcome.files, `kubetown:files:${welcome.code}`);
  offs.push(conn.events.on('files', (f) => workspace.replaceAll(f)));
  const town = (): TownView | undefined => (conn.state ? ownTown(conn.state, conn.sessionId) : undefined);
  const termHost = el('div', { class: 'term-host' });
  const termPanel = el('section', { class: 'terminal panel', attrs: { id: 'terminal', 'aria-labelledby': 'term-h' } }, [
    el('h2', { class: 'panel-title', attrs: { id: 'term-h' } }, [el('span', { i18n: 'terminal.title' }), el('span', { class: 'muted term-keys', i18n: 'terminal.keys' })]),
    termHost,
  ]);
  const editor = new ManifestEditor({
    workspace,
    apply: (file) => terminal.run(`kubectl apply -f ${file}`),
  });
  const side = el('aside', { class: 'side' }, [editor.root, termPanel]);

  // ---- the HUD
  const host = isHost ? new HostControls(conn, { modes: false, compact: true }) : undefined;
  const hud = new Hud([pager.button]);
  const events = new EventsFeed();
  const root = el('main', { class: 'screen play-screen', attrs: { 'data-screen': 'play' } }, [
    hud.root,
    host
      ? el('div', { class: 'host-strip', attrs: { id: 'host-strip' } }, [
          el('span', { class: 'host-strip-code mono', text: welcome.code }),
          host.root,
          // A host who plays in a class opens the projector view in another window.
          conn.state?.mode !== 'solo' ? el('a', { class: 'btn small ghost host-strip-projector', i18n: 'host.projector', attrs: { href: `./?watch=${welcome.code}`, target: '_blank', rel: 'noopener' } }) : null,
        ])
      : null,
    el('div', { class: 'play-main' }, [el('div', { class: 'play-left' }, [townPane, events.root]), side]),
  ]);

  // ---- the terminal (after layout, so it can measure itself)
  const terminal: GameTerminal = new GameTerminal(termHost, {
    prompt: welcome.prompt,
    send: (line) => {
      if (!conn.room) return undefined;
      const files = workspace.pending();
      const id = conn.exec(line, files);
      workspace.markSent(files);
      return id;
    },
    world: () => completionWorld(town(), workspace, terminal.promptText),
    finished: (line, out) => {
      const m = /^kubectl\s+apply\b.*\s(?:-f|--filename)[ =](\S+)/.exec(line.trim());
      if (m) void editor.showApplyResult(m[1], out);
    },
  });
  termPanel.append(terminal.log);
  offs.push(conn.events.on('output', (m) => terminal.output(m)));
  offs.push(conn.events.on('error', (e) => e.type === 'exec' && terminal.refused(e)));

  // ---- the town (Phaser starts once the screen is in the document and has a size)
  let game: TownGame | undefined;
  const inspector = new Inspector({
    town,
    prompt: () => terminal.promptText,
    run: (lines) => {
      inspector.close();
      void terminal.runAll(lines);
      terminal.focus();
    },
    closed: () => canvasHost.focus(),
  });
  townPane.append(inspector.tip, inspector.card);
  const openAt = (tg: TownTarget | undefined, focus: boolean) => {
    const r = tg && game?.town.screenRect(tg);
    if (!tg || !r) return inspector.close();
    inspector.open(tg, r, focus);
  };
  const startTown = () => {
    const g = createTownGame(canvasHost);
    game = g;
    void g.ready.then(() => {
      g.town.setLabels({ hall: t('town.hallCaption'), pending: t('town.pending') });
      g.town.attach(town, {
        hover: (tg, at) => inspector.hover(tg, at),
        select: (tg) => openAt(tg, false),
        changed: () => words.changed(),
      });
      g.sky.setClock(() => conn.state?.clock ?? 0);
    });
  };

  // Keyboard in the town: arrows walk through buildings and apartments, Enter opens actions.
  let focusIndex = -1;
  canvasHost.addEventListener('keydown', (e) => {
    const scene = game?.town;
    const list = scene?.targets() ?? [];
    if (!scene || !list.length) return;
    const step = (d: number) => {
      focusIndex = (focusIndex + d + list.length) % list.length;
      scene.setSelected(list[focusIndex]);
      const tg = list[focusIndex];
      const r = scene.screenRect(tg);
      if (r) inspector.hover(tg, { x: r.x + r.w, y: r.y + r.h });
    };
    const nextBuilding = (d: number) => {
      let i = focusIndex;
      for (let k = 0; k < list.length; k++) {
        i = (i + d + list.length) % list.length;
        if (list[i].kind === 'node') break;
      }
      focusIndex = i;
      step(0);
    };
    if (e.key === 'ArrowDown') step(1);
    else if (e.key === 'ArrowUp') step(-1);
    else if (e.key === 'ArrowRight') nextBuilding(1);
    else if (e.key === 'ArrowLeft') nextBuilding(-1);
    else if ((e.key === 'Enter' || e.key === ' ') && focusIndex >= 0) openAt(list[focusIndex], true);
    else if (e.key === 'Escape') {
      inspector.close();
      scene.setSelected(undefined);
    } else return;
    e.preventDefault();
  });

  // ---- global keys
  const onKey = (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === '1') canvasHost.focus();
    else if (e.key === '2') terminal.focus();
    else if (e.key === '3') editor.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  // Capture phase: the terminal would otherwise take Alt+digit for itself.
  window.addEventListener('keydown', onKey, true);
  offs.push(() => window.removeEventListener('keydown', onKey, true));

  // ---- state → screen, once per frame at most
  let frame = 0;
  const render = () => {
    frame = 0;
    const s = conn.state;
    if (!s) return;
    const me = s.players.get(conn.sessionId);
    const tw = town();
    hud.update(s, me, tw);
    events.update(tw?.events, s.clock);
    pager.update(s);
    host?.update(s);
    inspector.refresh();
    game?.town.refresh();
    const key = s.phase === 'lobby' ? (isHost ? 'phase.lobbyHost' : 'phase.lobby') : s.phase === 'paused' ? 'phase.paused' : s.phase === 'finished' ? 'phase.finished' : '';
    show(banner, !!key);
    if (key) setText(bannerText, t(key));
    bannerText.dataset.key = key;
    show(resultsBtn, s.phase === 'finished');
    root.dataset.phase = s.phase;
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };
  offs.push(conn.events.on('state', schedule));
  offs.push(
    onLang(() => {
      game?.town.setLabels({ hall: t('town.hallCaption'), pending: t('town.pending') });
      editor.relabel();
      words.changed();
      schedule();
    }),
  );

  // Fit the terminal whenever its panel changes size.
  const ro = new ResizeObserver(() => terminal.refit());
  ro.observe(termHost);

  return {
    root,
    mounted: () => {
      terminal.refit();
      startTown();
      render();
      if (!isHost || conn.state?.phase !== 'lobby') terminal.focus();
    },
    destroy: () => {
      offs.forEach((f) => f());
      ro.disconnect();
      if (frame) cancelAnimationFrame(frame);
      pager.destroy();
      hud.destroy();
      host?.destroy();
      words.destroy();
      editor.destroy();
      terminal.dispose();
      game?.destroy();
    },
  };
}

/** What tab completion may offer, from the town as the player can see it. */
function completionWorld(town: TownView | undefined, ws: Workspace, prompt: string): CompletionWorld {
  const host = hostOf(prompt);
  const pods: string[] = [];
  const apps = new Set<string>();
  const nodes: string[] = [];
  const containers: string[] = [];
  town?.pods.forEach((p) => {
    pods.push(p.name);
    if (p.namespace === 'default' && p.app) apps.add(p.app);
  });
  town?.nodes.forEach((n) => {
    nodes.push(n.name);
    if (n.name === host) n.hand.forEach((h) => containers.push(h.name));
  });
  return { onNode: !!host, pods, nodes, apps: [...apps], files: ws.names(), containers };
}
