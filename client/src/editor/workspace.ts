/**
 * The player's manifest files as the editor keeps them: what the server last received, what
 * the player saved since (sent along with their next command), and the starter versions.
 * Kept in sessionStorage so a reload does not lose an edit.
 */
export class Workspace {
  private files = new Map<string, { text: string; sent: string; starter: string }>();
  private listeners = new Set<() => void>();

  constructor(
    initial: Record<string, string>,
    private storeKey: string,
  ) {
    this.replaceAll(initial);
    const saved = read(storeKey);
    if (saved) for (const [name, text] of Object.entries(saved)) if (this.files.has(name)) this.files.get(name)!.text = text;
  }

  names(): string[] {
    return [...this.files.keys()];
  }

  get(name: string): string {
    return this.files.get(name)?.text ?? '';
  }

  /** Saves a file: it goes to the server with the next command. */
  save(name: string, text: string): void {
    const f = this.files.get(name);
    if (f) f.text = text;
    else this.files.set(name, { text, sent: '', starter: '' });
    this.persist();
  }

  reset(name: string): string {
    const f = this.files.get(name);
    if (!f) return '';
    f.text = f.starter;
    this.persist();
    return f.text;
  }

  /** Saved files the server has not seen yet. */
  pending(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, f] of this.files) if (f.text !== f.sent) out[name] = f.text;
    return out;
  }

  markSent(files: Record<string, string>): void {
    for (const [name, text] of Object.entries(files)) {
      const f = this.files.get(name);
      if (f) f.sent = text;
    }
  }

  /** A new workspace from the server (after the host changed the scenario). */
  replaceAll(files: Record<string, string>): void {
    this.files.clear();
    for (const [name, text] of Object.entries(files)) this.files.set(name, { text, sent: text, starter: text });
    this.persist();
    for (const fn of this.listeners) fn();
  }

  onReplace(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private persist(): void {
    try {
      const out: Record<string, string> = {};
      for (const [n, f] of this.files) if (f.text !== f.starter) out[n] = f.text;
      sessionStorage.setItem(this.storeKey, JSON.stringify(out));
    } catch {
      // Storage full or off: the edit lives in memory only.
    }
  }
}

function read(key: string): Record<string, string> | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}
