/**
 * `/metrics` in the Prometheus text format: rooms, clients, shifts running, the room tick
 * duration histogram, messages (and the rejected ones), bytes sent, and the process's memory.
 */
import type { RoomMetrics } from './shift-room.js';

/** Tick duration buckets, seconds. */
const BUCKETS = [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 1];

export class Metrics implements RoomMetrics {
  private tickCounts = new Array<number>(BUCKETS.length + 1).fill(0);
  private tickSum = 0;
  private tickCount = 0;
  private messages = new Map<string, { accepted: number; rejected: number }>();
  private running = 0;
  bytesSent = 0;

  constructor(private readonly gauges: () => { rooms: number; clients: number }) {}

  tick(ms: number): void {
    const s = ms / 1000;
    let i = 0;
    while (i < BUCKETS.length && s > BUCKETS[i]) i++;
    this.tickCounts[i]++;
    this.tickSum += s;
    this.tickCount++;
  }

  message(type: string, rejected: boolean): void {
    const key = type.length > 20 ? 'other' : type;
    let m = this.messages.get(key);
    if (!m) this.messages.set(key, (m = { accepted: 0, rejected: 0 }));
    if (rejected) m.rejected++;
    else m.accepted++;
  }

  shiftRunning(delta: number): void {
    this.running = Math.max(0, this.running + delta);
  }

  text(): string {
    const g = this.gauges();
    const out: string[] = [];
    const gauge = (name: string, help: string, v: number) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${v}`);
    gauge('kubetown_rooms', 'Shift rooms open in this process.', g.rooms);
    gauge('kubetown_clients', 'Clients connected to this process.', g.clients);
    gauge('kubetown_shifts_running', 'Shifts whose clock is running.', this.running);
    out.push('# HELP kubetown_room_tick_seconds Time a room spends in one simulation tick.', '# TYPE kubetown_room_tick_seconds histogram');
    let cum = 0;
    BUCKETS.forEach((b, i) => {
      cum += this.tickCounts[i];
      out.push(`kubetown_room_tick_seconds_bucket{le="${b}"} ${cum}`);
    });
    cum += this.tickCounts[BUCKETS.length];
    out.push(`kubetown_room_tick_seconds_bucket{le="+Inf"} ${cum}`, `kubetown_room_tick_seconds_sum ${this.tickSum}`, `kubetown_room_tick_seconds_count ${this.tickCount}`);
    out.push('# HELP kubetown_messages_total Client messages received, by type.', '# TYPE kubetown_messages_total counter');
    for (const [type, m] of this.messages) out.push(`kubetown_messages_total{type="${type}"} ${m.accepted + m.rejected}`);
    out.push('# HELP kubetown_messages_rejected_total Client messages refused (invalid, unknown, forbidden, too large, rate limited).', '# TYPE kubetown_messages_rejected_total counter');
    for (const [type, m] of this.messages) out.push(`kubetown_messages_rejected_total{type="${type}"} ${m.rejected}`);
    out.push('# HELP kubetown_bytes_sent_total Bytes sent to clients over websockets.', '# TYPE kubetown_bytes_sent_total counter', `kubetown_bytes_sent_total ${this.bytesSent}`);
    const mem = process.memoryUsage();
    gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', mem.rss);
    gauge('nodejs_heap_used_bytes', 'V8 heap in use, bytes.', mem.heapUsed);
    return `${out.join('\n')}\n`;
  }
}

/** Reads a histogram's quantile back from the exposition text, as histogram_quantile does. */
export function histogramQuantile(text: string, name: string, q: number): number | undefined {
  const re = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+(?:\\.\\d+)?)$`, 'gm');
  const buckets: { le: number; count: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) buckets.push({ le: m[1] === '+Inf' ? Infinity : Number(m[1]), count: Number(m[2]) });
  if (!buckets.length) return undefined;
  const total = buckets[buckets.length - 1].count;
  if (!total) return 0;
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const b of buckets) {
    if (b.count >= rank) {
      if (b.le === Infinity) return prevLe;
      return prevLe + ((b.le - prevLe) * (rank - prevCount)) / Math.max(1, b.count - prevCount);
    }
    prevLe = b.le;
    prevCount = b.count;
  }
  return prevLe;
}
