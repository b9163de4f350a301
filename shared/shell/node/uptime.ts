/** `uptime`: time, how long since the machine booted, users, load (procps-ng's format). */
import { result, type Program } from '../types.js';
import { clockTime } from './clock.js';
import { getopt } from './getopt.js';
import { hostMachine } from './session.js';

const MIN = 60_000;

export const uptime: Program = (ctx, args) => {
  const m = hostMachine(ctx);
  const parsed = getopt('uptime', args, [{ short: 'p', long: 'pretty' }, { short: 's', long: 'since' }, { long: 'help' }]);
  if (!parsed.ok) return result(`${parsed.error}\n\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n -h, --help     display this help and exit\n -s, --since    system up since\n -V, --version  output version information and exit\n\nFor more details see uptime(1).\n`, 1, 'none');
  const now = ctx.cluster.now;
  const up = Math.max(0, now - m.bootedAt);
  if (parsed.opts.has('since')) {
    const d = new Date(ctx.cluster.epochMs + m.bootedAt).toISOString();
    return result(`${d.slice(0, 10)} ${d.slice(11, 19)}\n`, 0, 'read');
  }
  const days = Math.floor(up / (1440 * MIN));
  const hours = Math.floor(up / (60 * MIN)) % 24;
  const minutes = Math.floor(up / MIN) % 60;
  if (parsed.opts.has('pretty')) {
    const weeks = Math.floor(days / 7);
    const parts = [[weeks, 'week'], [days % 7, 'day'], [hours, 'hour'], [minutes, 'minute']] as const;
    const shown = parts.filter(([n]) => n > 0).map(([n, u]) => `${n} ${u}${n === 1 ? '' : 's'}`);
    return result(`up ${shown.length ? shown.join(', ') : '0 minutes'}\n`, 0, 'read');
  }
  let line = ` ${clockTime(now, ctx.cluster.epochMs)} up `;
  if (days) line += `${days} ${days > 1 ? 'days' : 'day'}, `;
  line += hours ? `${String(hours).padStart(2)}:${String(minutes).padStart(2, '0')}, ` : `${minutes} min, `;
  // Load follows what runs here; the small wobble is the minute of the night.
  const running = [...m.docker.containers.values()].filter((c) => c.state === 'running').length;
  const base = 0.04 + running * 0.012;
  const wobble = ((Math.floor(now / MIN) * 7919) % 13) / 100;
  const load = [base + wobble, base + wobble / 2, base].map((x) => x.toFixed(2));
  line += ` 1 user,  load average: ${load.join(', ')}`;
  return result(`${line}\n`, 0, 'read');
};
