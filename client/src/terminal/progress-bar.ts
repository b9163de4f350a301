/** The busy line under a slow command: `[██████░░░░░░░░] 43%  Pulling web:1.1`. */
export function progressLine(fraction: number, label: string, width = 24): string {
  const f = Math.max(0, Math.min(1, fraction));
  const full = Math.round(f * width);
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(Math.floor(f * 100)).padStart(3)}%  ${label}`;
}

const SPIN = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** For commands that keep working without a known end (a rollout being watched). */
export function spinnerLine(step: number, label: string): string {
  return `${SPIN[step % SPIN.length]} ${label}`;
}
