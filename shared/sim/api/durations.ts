/** Go's time.Duration String(): `10s`, `1m20s`, `5m0s`, `412ms`, `2.5s` — as kubelet messages print it. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const totalS = ms / 1000;
  if (totalS < 60) return `${trim(totalS)}s`;
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  return `${h ? `${h}h` : ''}${m}m${trim(s)}s`;
}

function trim(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
