/**
 * The player's terminal (xterm.js): a readline-like prompt with history and tab completion,
 * the server's output as real tools print it, and a progress bar while a slow command keeps
 * the terminal busy. Clicked actions are typed here visibly, so the player always sees the
 * real command.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { LIMITS, type ErrorMessage, type OutputMessage } from '../../../shared/protocol.js';
import { t } from '../i18n.js';
import { commonPrefix, complete, type CompletionWorld } from '../terminal/completion.js';
import { LineEditor } from '../terminal/line-editor.js';
import { progressLine, spinnerLine } from '../terminal/progress-bar.js';
import { el } from './dom.js';

const LOG_ENTRIES = 30;

export interface TerminalOptions {
  prompt: string;
  /** Sends a command line; returns its id (undefined when there is no connection). */
  send(line: string): number | undefined;
  world(): CompletionWorld;
  /** Heard after every finished command (the editor reads apply errors from it). */
  finished?(line: string, out: { text: string; exitCode: number }): void;
}

interface Pending {
  id: number;
  line: string;
  text: string;
  started: number;
  busyMs: number;
  label: string;
  barShown: boolean;
  resolve: (r: { text: string; exitCode: number }) => void;
}

const TYPE_MS = 14;
/** If the server never finishes a command, give the prompt back after this long. */
const STUCK_MS = 45_000;

export class GameTerminal {
  readonly term: Terminal;
  private fit = new FitAddon();
  private ed = new LineEditor();
  private prompt: string;
  private pending?: Pending;
  private queue: { line: string; resolve: (r: { text: string; exitCode: number }) => void }[] = [];
  private cursorRow = 0;
  private ticker?: number;
  private tabCount = 0;
  private typing = false;
  private escaped = false;
  /** Finished commands as plain text, for screen readers (xterm's screen is not). */
  readonly log = el('div', { class: 'sr-only', attrs: { id: 'terminal-log', 'aria-live': 'polite', role: 'log' } });

  constructor(
    private host: HTMLElement,
    private o: TerminalOptions,
  ) {
    this.prompt = o.prompt || 'you@town:~$ ';
    this.term = new Terminal({
      fontFamily: "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace",
      fontSize: window.innerWidth >= 1600 ? 14 : 13,
      lineHeight: 1.15,
      cursorBlink: true,
      convertEol: true,
      scrollback: 3000,
      allowProposedApi: false,
      theme: THEME,
    });
    this.term.loadAddon(this.fit);
    this.term.open(host);
    this.term.attachCustomKeyEventHandler((e) => this.keyFilter(e));
    this.term.onData((d) => this.input(d));
    this.term.textarea?.setAttribute('aria-label', t('terminal.label'));
    this.refit();
    this.term.writeln(`\x1b[2m${t('terminal.welcome')}\x1b[0m`);
    this.renderLine(true);
  }

  focus(): void {
    this.term.focus();
  }

  refit(): void {
    try {
      if (this.host.clientWidth > 0 && this.host.clientHeight > 0) this.fit.fit();
    } catch {
      // Not laid out yet.
    }
  }

  get busy(): boolean {
    return !!this.pending || this.typing;
  }

  /** Types a command visibly and runs it; commands queue while the terminal is busy. */
  run(line: string): Promise<{ text: string; exitCode: number }> {
    return new Promise((resolve) => {
      this.queue.push({ line, resolve });
      this.pump();
    });
  }

  /** Runs commands one after another (an action like `ssh node-1` then `docker restart web`). */
  async runAll(lines: string[]): Promise<void> {
    for (const l of lines) {
      const r = await this.run(l);
      if (r.exitCode !== 0) return;
    }
  }

  setPrompt(p: string): void {
    if (p && p !== this.prompt && !this.pending) {
      this.prompt = p;
      this.renderLine();
    } else if (p) this.prompt = p;
  }

  get promptText(): string {
    return this.prompt;
  }

  /** An `output` message from the server. */
  output(m: OutputMessage): void {
    const p = this.pending;
    if (!p || m.id !== p.id) {
      // A late part of an older command: print it above the prompt.
      if (m.text) this.printAbove(m.text);
      return;
    }
    if (m.clear) this.term.clear();
    this.clearBar();
    if (m.text) {
      this.term.write(m.text);
      p.text += m.text;
    }
    if (m.prompt) this.prompt = m.prompt;
    if (m.done) return this.finish(m.exitCode);
    if (m.text && !m.text.endsWith('\n')) this.term.write('\r\n');
    if (m.busyMs > 0) {
      p.started = performance.now();
      p.busyMs = m.busyMs;
    }
    if (m.progress) p.label = m.progress;
    this.startTicker();
  }

  /** The server refused our exec (rate limit, spectator...). */
  refused(e: ErrorMessage): void {
    if (!this.pending) return;
    this.clearBar();
    this.term.write(`\x1b[31mkubetown: ${e.message}\x1b[0m\r\n`);
    this.finish(1);
  }

  dispose(): void {
    this.stopTicker();
    this.term.dispose();
  }

  // ------------------------------------------------------------------ input

  private keyFilter(e: KeyboardEvent): boolean {
    if (e.type !== 'keydown') return true;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === 'c' || e.key === 'C') && (this.term.hasSelection() || e.shiftKey)) {
      void navigator.clipboard?.writeText(this.term.getSelection()).catch(() => undefined);
      return false;
    }
    // Let the browser paste into xterm's textarea (xterm then hands us the text).
    if (mod && (e.key === 'v' || e.key === 'V')) return false;
    // Escape then Tab leaves the terminal (Tab alone completes).
    if (e.key === 'Escape') {
      this.escaped = true;
      return true;
    }
    if (e.key === 'Tab' && this.escaped) {
      this.escaped = false;
      return false;
    }
    this.escaped = false;
    return true;
  }

  private input(data: string): void {
    if (this.typing) return;
    if (this.pending) {
      if (data === '\x03') this.term.write('^C');
      return;
    }
    if (data !== '\t') this.tabCount = 0;
    const ed = this.ed;
    switch (data) {
      case '\r':
        return this.submit();
      case '\x7f':
      case '\b':
        ed.backspace();
        break;
      case '\x1b[3~':
        ed.del();
        break;
      case '\x1b[D':
        ed.left();
        break;
      case '\x1b[C':
        ed.right();
        break;
      case '\x1b[A':
        ed.up();
        break;
      case '\x1b[B':
        ed.down();
        break;
      case '\x1b[H':
      case '\x1bOH':
      case '\x01':
        ed.home();
        break;
      case '\x1b[F':
      case '\x1bOF':
      case '\x05':
        ed.end();
        break;
      case '\x15':
        ed.killToStart();
        break;
      case '\x0b':
        ed.killToEnd();
        break;
      case '\x17':
        ed.deleteWordBack();
        break;
      case '\x03':
        this.term.write('^C\r\n');
        ed.take();
        this.cursorRow = 0;
        break;
      case '\x0c':
        this.term.clear();
        break;
      case '\t':
        this.tab();
        break;
      default: {
        if (data.startsWith('\x1b')) return;
        // Typed or pasted text; a pasted multi-line block runs line by line.
        const lines = data.replace(/\r\n?/g, '\n').split('\n');
        const first = clean(lines[0]);
        ed.insert(first.slice(0, Math.max(0, LIMITS.lineChars - ed.buf.length)));
        if (lines.length > 1) {
          this.submit();
          for (const l of lines.slice(1).map(clean).filter((l) => l.trim())) void this.run(l);
          return;
        }
      }
    }
    this.renderLine();
  }

  private tab(): void {
    const ed = this.ed;
    const c = complete(ed.buf, ed.cur, this.o.world());
    if (!c.candidates.length) return this.term.write('\x07');
    const word = ed.buf.slice(c.start, ed.cur);
    const common = commonPrefix(c.candidates);
    if (c.candidates.length === 1) {
      const add = c.candidates[0].slice(word.length) + (c.candidates[0].endsWith('=') || c.candidates[0].endsWith('/') ? '' : ' ');
      ed.insert(add);
      this.renderLine();
      return;
    }
    if (common.length > word.length) {
      ed.insert(common.slice(word.length));
      this.renderLine();
      return;
    }
    this.tabCount++;
    if (this.tabCount < 2) return this.term.write('\x07');
    // Second Tab: list the choices, like bash.
    this.endLine();
    this.term.write(columns(c.candidates, this.term.cols));
    this.renderLine(true);
  }

  private submit(): void {
    const line = this.ed.take();
    this.endLine();
    if (!line.trim()) return this.renderLine(true);
    this.send(line, () => undefined);
  }

  private send(line: string, resolve: Pending['resolve']): void {
    const id = this.o.send(line);
    if (id === undefined) {
      this.term.write(`\x1b[31m${t('terminal.offline')}\x1b[0m\r\n`);
      this.renderLine(true);
      return resolve({ text: '', exitCode: 1 });
    }
    this.pending = { id, line, text: '', started: performance.now(), busyMs: 0, label: line, barShown: false, resolve };
    // Nothing back yet: after a moment, show that the command is working.
    window.setTimeout(() => {
      if (this.pending?.id === id && !this.pending.text && !this.ticker) this.startTicker();
    }, 400);
    window.setTimeout(() => {
      if (this.pending?.id === id) {
        this.clearBar();
        this.finish(124);
      }
    }, STUCK_MS);
  }

  private finish(exitCode: number): void {
    const p = this.pending;
    if (!p) return;
    this.stopTicker();
    this.pending = undefined;
    const out = { text: p.text, exitCode };
    this.log.append(el('pre', { text: `${this.prompt}${p.line}\n${p.text}`, attrs: { 'data-exit': String(exitCode) } }));
    while (this.log.childElementCount > LOG_ENTRIES) this.log.firstElementChild?.remove();
    this.o.finished?.(p.line, out);
    p.resolve(out);
    if (p.text && !p.text.endsWith('\n')) this.term.write('\r\n');
    this.renderLine(true);
    this.pump();
  }

  /** Starts the next queued command, typing it out first. */
  private pump(): void {
    if (this.pending || this.typing) return;
    const next = this.queue.shift();
    if (!next) return;
    this.typing = true;
    this.ed.set('');
    this.renderLine();
    const chars = [...next.line];
    let i = 0;
    const step = () => {
      const n = chars.length - i > 30 ? 3 : 1;
      this.ed.insert(chars.slice(i, i + n).join(''));
      i += n;
      this.renderLine();
      if (i < chars.length) return void window.setTimeout(step, TYPE_MS);
      this.typing = false;
      this.ed.take();
      this.endLine();
      this.send(next.line, next.resolve);
    };
    window.setTimeout(step, TYPE_MS);
  }

  // ------------------------------------------------------------------ drawing

  /** Redraws prompt + line in place (they may wrap over several rows). */
  private renderLine(fresh = false): void {
    const cols = Math.max(10, this.term.cols);
    const plain = this.prompt;
    let s = '';
    if (!fresh) {
      if (this.cursorRow > 0) s += `\x1b[${this.cursorRow}A`;
      s += '\r\x1b[J';
    } else s += '\r';
    s += colorPrompt(plain) + this.ed.buf;
    const total = plain.length + this.ed.buf.length;
    if (total > 0 && total % cols === 0) s += ' \b';
    const endRow = Math.floor(total / cols);
    const target = plain.length + this.ed.cur;
    const row = Math.floor(target / cols);
    const col = target % cols;
    if (endRow > row) s += `\x1b[${endRow - row}A`;
    s += `\x1b[${col + 1}G`;
    this.cursorRow = row;
    this.term.write(s);
  }

  /** Moves below the current line (before output or a new prompt). */
  private endLine(): void {
    const cols = Math.max(10, this.term.cols);
    const total = this.prompt.length + this.ed.buf.length;
    const endRow = Math.floor(Math.max(0, total - 1) / cols);
    const down = endRow - this.cursorRow;
    this.term.write(`${down > 0 ? `\x1b[${down}B` : ''}\r\n`);
    this.cursorRow = 0;
  }

  private printAbove(text: string): void {
    this.clearBar();
    this.term.write('\r\x1b[2K');
    this.term.write(text.endsWith('\n') ? text : `${text}\n`);
    if (!this.pending) this.renderLine(true);
  }

  private startTicker(): void {
    if (this.ticker) return;
    let step = 0;
    const draw = () => {
      const p = this.pending;
      if (!p) return this.stopTicker();
      const line = p.busyMs > 0 ? progressLine(Math.min(0.99, (performance.now() - p.started) / p.busyMs), p.label) : spinnerLine(step++, p.label === p.line ? t('terminal.working') : p.label);
      this.term.write(`\r\x1b[2K\x1b[33m${line.slice(0, this.term.cols - 1)}\x1b[0m`);
      p.barShown = true;
    };
    draw();
    this.ticker = window.setInterval(draw, 100);
  }

  private stopTicker(): void {
    if (this.ticker) window.clearInterval(this.ticker);
    this.ticker = undefined;
    this.clearBar();
  }

  private clearBar(): void {
    if (this.pending?.barShown) {
      this.term.write('\r\x1b[2K');
      this.pending.barShown = false;
    }
  }
}

/** `you@town:~$ ` in bash's colours (green user@host, blue path). */
function colorPrompt(p: string): string {
  const m = /^(\S+@[^:]+):(\S*?)([$#]) $/.exec(p);
  if (!m) return p;
  return `\x1b[1;32m${m[1]}\x1b[0m:\x1b[1;34m${m[2]}\x1b[0m${m[3]} `;
}

/** Strips control characters from typed or pasted text. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x1f\x7f]/g, '');
}

function columns(items: string[], width: number): string {
  const w = Math.max(...items.map((i) => i.length)) + 2;
  const per = Math.max(1, Math.floor(width / w));
  let out = '';
  items.forEach((it, i) => {
    out += it.padEnd(w);
    if ((i + 1) % per === 0 || i === items.length - 1) out += '\r\n';
  });
  return out;
}

const THEME = {
  background: '#0a0f1f',
  foreground: '#e3e8ff',
  cursor: '#ffc95e',
  cursorAccent: '#0a0f1f',
  selectionBackground: 'rgba(255, 201, 94, 0.32)',
  black: '#1a2040',
  red: '#ff6b81',
  green: '#5fe3a1',
  yellow: '#ffc95e',
  blue: '#7cc7ff',
  magenta: '#c59bff',
  cyan: '#6fe3e3',
  white: '#e3e8ff',
  brightBlack: '#6f7cab',
  brightRed: '#ff8fa0',
  brightGreen: '#8ff0bf',
  brightYellow: '#ffe08f',
  brightBlue: '#a6d9ff',
  brightMagenta: '#dcbcff',
  brightCyan: '#9ff0f0',
  brightWhite: '#ffffff',
};
