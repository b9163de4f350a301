/**
 * Which screen is up: the title, a player's lobby, the town (play screen), the projector
 * (host and spectators) and each player's results. Follows the room's phase and the role the
 * server gave us; everything heavy (Phaser, the terminal, the editor) loads only when needed.
 */
import type { ReportMessage, ResultsMessage, WelcomeMessage } from '../../shared/protocol.js';
import { initI18n, t } from './i18n.js';
import { Connection, hasSavedSeat } from './net/connection.js';
import type { ShiftView } from './net/state-types.js';
import { setBanner, toast } from './ui/notices.js';
import type { Screen } from './ui/screen.js';
import { joinErrorKey, titleScreen } from './ui/title.js';

type View = 'title' | 'lobby' | 'play' | 'projector';

export async function startApp(root: HTMLElement): Promise<void> {
  initI18n();
  const params = new URLSearchParams(location.search);
  const bench = params.get('bench');
  if (bench === 'town') return (await import('./bench/town-bench.js')).runTownBench(root, params);
  if (bench === 'projector') return (await import('./bench/projector-bench.js')).runProjectorBench(root, params);
  await new App(root, params).boot();
}

class App {
  private conn = new Connection();
  private screen?: Screen;
  private view?: View;
  private overlay?: Screen;
  private report?: ReportMessage;
  private results?: ResultsMessage;
  private lastPhase = '';

  constructor(
    private root: HTMLElement,
    private params: URLSearchParams,
  ) {}

  async boot(): Promise<void> {
    this.listen();
    const watch = this.params.get('watch');
    if (watch) {
      try {
        await this.enter(this.conn.join(watch, { spectator: true }));
        return;
      } catch (e) {
        return this.showTitle(joinErrorKey(e));
      }
    }
    if (hasSavedSeat()) {
      const w = await this.conn.resume().catch(() => undefined);
      // The first state patch routes us (see listen): until then we do not know our seat.
      if (w && this.conn.room) {
        this.lastPhase = '';
        if (this.conn.state?.players?.size) this.route();
        return;
      }
    }
    this.showTitle();
  }

  private listen(): void {
    const c = this.conn.events;
    c.on('state', (s) => {
      if (s.phase !== this.lastPhase) {
        this.lastPhase = s.phase;
        this.route();
      }
    });
    c.on('report', (r) => {
      this.report = r;
      void this.showResults();
    });
    c.on('results', (r) => (this.results = r));
    c.on('error', (e) => {
      if (e.type !== 'exec') toast(e.message, 'error');
    });
    c.on('status', (s) => {
      if (s === 'connected') setBanner(undefined);
      else if (s === 'reconnecting') setBanner('conn.reconnecting', 'info');
      else setBanner('conn.lost', 'error', { key: 'conn.backToTitle', run: () => this.restart() });
    });
    c.on('closed', ({ code }) => {
      if (this.view === 'title') return;
      this.showTitle(code === 4000 ? 'title.errors.kicked' : undefined);
    });
  }

  private actions() {
    const seed = Number(this.params.get('seed'));
    const seedOpt = Number.isInteger(seed) && seed > 0 ? { seed } : {};
    return {
      join: async (o: { code: string; name: string; spectator: boolean }) => {
        await this.enter(this.conn.join(o.code, o.spectator ? { spectator: true } : { name: o.name }));
      },
      host: async (o: { name: string; play: boolean }) => {
        await this.enter(this.conn.create({ mode: 'competition', scenario: '3am', minutes: 6, name: o.name, play: o.play, ...seedOpt }));
      },
      solo: async (o: { name: string; minutes: number; bots: ('sysadmin' | 'reconciler')[] }) => {
        await this.enter(this.conn.create({ mode: 'solo', scenario: '3am', minutes: o.minutes as 3 | 6 | 10, name: o.name, ...seedOpt }));
        for (const kind of o.bots) this.conn.send('bot', { kind });
      },
    };
  }

  private async enter(joining: Promise<WelcomeMessage>): Promise<void> {
    await joining;
    if (this.conn.code) history.replaceState(null, '', `${location.pathname}?code=${this.conn.code}`);
    this.lastPhase = this.conn.state?.phase ?? '';
    this.route();
  }

  /** Whether this seat has a town (players, a solo host, a host who plays). */
  private plays(s: ShiftView): boolean {
    return !!s.players?.has(this.conn.sessionId);
  }

  private route(): void {
    const s = this.conn.state;
    const w = this.conn.welcome;
    // Before the first patch the state has no fields yet.
    if (!s?.players || !w) return;
    let next: View;
    if (!this.plays(s)) next = 'projector';
    else if (s.phase === 'lobby' && w.role !== 'host') next = 'lobby';
    else next = 'play';
    if (next !== this.view) void this.mount(next);
  }

  private async mount(view: View): Promise<void> {
    this.view = view;
    let screen: Screen;
    if (view === 'lobby') screen = (await import('./ui/lobby.js')).lobbyScreen(this.conn);
    else if (view === 'projector') screen = (await import('./ui/projector.js')).projectorScreen(this.conn, () => this.results);
    else screen = (await import('./ui/play-screen.js')).playScreen(this.conn, { showResults: () => void this.showResults() });
    if (this.view !== view) return screen.destroy();
    this.replace(screen);
    if (this.report) void this.showResults();
  }

  private async showResults(): Promise<void> {
    if (!this.report || this.view !== 'play') return;
    this.overlay?.destroy();
    this.overlay?.root.remove();
    const { resultsScreen } = await import('./ui/results.js');
    const o = resultsScreen(this.report, this.conn, {
      back: () => {
        o.destroy();
        o.root.remove();
        this.overlay = undefined;
      },
      again: () => this.restart(),
    });
    this.overlay = o;
    this.root.append(o.root);
  }

  private showTitle(error?: string): void {
    this.view = 'title';
    this.replace(titleScreen(this.actions(), { code: this.params.get('code') ?? undefined, error }));
  }

  private replace(next: Screen): void {
    this.overlay?.destroy();
    this.overlay?.root.remove();
    this.overlay = undefined;
    this.screen?.destroy();
    this.screen?.root.remove();
    this.screen = next;
    this.root.append(next.root);
    next.mounted?.();
    document.title = t('app.name');
  }

  private restart(): void {
    void this.conn.leave().finally(() => location.assign(location.pathname));
  }
}
