/**
 * The command line being typed: the text, the cursor and the history (readline's keys:
 * arrows, Home/End, Ctrl+A/E/U/K/W). Pure, so the terminal only has to draw it.
 */
const MAX_HISTORY = 200;

export class LineEditor {
  buf = '';
  cur = 0;
  readonly history: string[] = [];
  private at = -1;
  private draft = '';

  insert(s: string): void {
    this.buf = this.buf.slice(0, this.cur) + s + this.buf.slice(this.cur);
    this.cur += s.length;
  }

  backspace(): void {
    if (!this.cur) return;
    this.buf = this.buf.slice(0, this.cur - 1) + this.buf.slice(this.cur);
    this.cur--;
  }

  del(): void {
    this.buf = this.buf.slice(0, this.cur) + this.buf.slice(this.cur + 1);
  }

  left(): void {
    this.cur = Math.max(0, this.cur - 1);
  }

  right(): void {
    this.cur = Math.min(this.buf.length, this.cur + 1);
  }

  home(): void {
    this.cur = 0;
  }

  end(): void {
    this.cur = this.buf.length;
  }

  killToEnd(): void {
    this.buf = this.buf.slice(0, this.cur);
  }

  killToStart(): void {
    this.buf = this.buf.slice(this.cur);
    this.cur = 0;
  }

  deleteWordBack(): void {
    const before = this.buf.slice(0, this.cur).replace(/\S+\s*$/, '');
    this.buf = before + this.buf.slice(this.cur);
    this.cur = before.length;
  }

  up(): void {
    if (!this.history.length) return;
    if (this.at === -1) {
      this.draft = this.buf;
      this.at = this.history.length - 1;
    } else this.at = Math.max(0, this.at - 1);
    this.set(this.history[this.at]);
  }

  down(): void {
    if (this.at === -1) return;
    this.at++;
    if (this.at >= this.history.length) {
      this.at = -1;
      this.set(this.draft);
    } else this.set(this.history[this.at]);
  }

  set(s: string): void {
    this.buf = s;
    this.cur = s.length;
  }

  /** Takes the line for running: remembers it and starts a fresh one. */
  take(): string {
    const line = this.buf;
    if (line.trim() && this.history.at(-1) !== line) {
      this.history.push(line);
      if (this.history.length > MAX_HISTORY) this.history.shift();
    }
    this.buf = '';
    this.cur = 0;
    this.at = -1;
    this.draft = '';
    return line;
  }
}
