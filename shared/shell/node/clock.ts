/**
 * The node's clock (UTC) as the Linux tools print it: systemd's timestamps and relative times,
 * journald's short prefix, klog's header. Sim time 0 is 00:00 of the night.
 */
import { fnv1a32 } from '../../sim/hash.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

function at(simMs: number, epochMs: number): Date {
  return new Date(epochMs + simMs);
}

/** `03:12:45`. */
export function clockTime(simMs: number, epochMs: number): string {
  const d = at(simMs, epochMs);
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** systemd's TIMESTAMP_PRETTY on a UTC server: `Sat 2026-03-14 03:12:45 UTC`. */
export function systemdTime(simMs: number, epochMs: number): string {
  const d = at(simMs, epochMs);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${clockTime(simMs, epochMs)} UTC`;
}

/** journalctl's short format: `Mar 14 03:12:45`. */
export function journalTime(simMs: number, epochMs: number): string {
  const d = at(simMs, epochMs);
  return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${clockTime(simMs, epochMs)}`;
}

/** klog's header: `I0314 03:12:45.123456    1043 file.go:123] ` (microseconds made up from the line). */
export function klogHeader(level: 'I' | 'W' | 'E', simMs: number, epochMs: number, pid: number, source: string, seed: string): string {
  const d = at(simMs, epochMs);
  const micros = String(d.getUTCMilliseconds()).padStart(3, '0') + String(fnv1a32(seed) % 1000).padStart(3, '0');
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${clockTime(simMs, epochMs)}.${micros} ${String(pid).padStart(7)} ${source}] `;
}

/** A time as Go's encoding/json writes it (RFC 3339, trailing zeros of the fraction dropped); Go's zero time when unset. */
export function goTime(simMs: number | undefined, epochMs: number): string {
  if (simMs === undefined) return '0001-01-01T00:00:00Z';
  return at(simMs, epochMs).toISOString().replace(/\.000Z$/, 'Z').replace(/(\.\d*?)0+Z$/, '$1Z');
}

/** Go's time.RFC3339Nano (as dockerd logs it): `2026-03-14T03:12:45.123456789Z`. */
export function rfc3339Nano(simMs: number, epochMs: number, seed: string): string {
  const iso = at(simMs, epochMs).toISOString();
  return `${iso.slice(0, 23)}${String(fnv1a32(seed) % 1_000_000).padStart(6, '0')}Z`.replace(/0+Z$/, 'Z');
}

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 2_629_800_000;
const YEAR = 31_557_600_000;

/** systemd's format_timestamp_relative: `3h 12min ago`, `5s ago`, `1 month 11 days ago`. */
export function systemdAgo(ms: number): string {
  const d = Math.max(0, ms);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (d >= YEAR) return `${plural(Math.floor(d / YEAR), 'year', 'years')} ${plural(Math.floor((d % YEAR) / MONTH), 'month', 'months')} ago`;
  if (d >= MONTH) return `${plural(Math.floor(d / MONTH), 'month', 'months')} ${plural(Math.floor((d % MONTH) / DAY), 'day', 'days')} ago`;
  if (d >= WEEK) return `${plural(Math.floor(d / WEEK), 'week', 'weeks')} ${plural(Math.floor((d % WEEK) / DAY), 'day', 'days')} ago`;
  if (d >= 2 * DAY) return `${Math.floor(d / DAY)} days ago`;
  if (d >= 25 * HOUR) return `1 day ${Math.floor((d - DAY) / HOUR)}h ago`;
  if (d >= 6 * HOUR) return `${Math.floor(d / HOUR)}h ago`;
  if (d >= HOUR) return `${Math.floor(d / HOUR)}h ${Math.floor((d % HOUR) / MIN)}min ago`;
  if (d >= 5 * MIN) return `${Math.floor(d / MIN)}min ago`;
  if (d >= MIN) return `${Math.floor(d / MIN)}min ${Math.floor((d % MIN) / SEC)}s ago`;
  if (d >= SEC) return `${Math.floor(d / SEC)}s ago`;
  if (d > 0) return `${d}ms ago`;
  return 'now';
}
