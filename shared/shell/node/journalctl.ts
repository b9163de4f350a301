/** `journalctl -u kubelet`: the recent journal of the kubelet and Docker on this node. */
import { result, type Program } from '../types.js';
import { getopt } from './getopt.js';
import { journal } from './journal.js';
import { hostMachine } from './session.js';

const UNITS: Record<string, 'kubelet' | 'docker'> = { kubelet: 'kubelet', 'kubelet.service': 'kubelet', docker: 'docker', 'docker.service': 'docker' };

export const journalctl: Program = (ctx, args) => {
  const m = hostMachine(ctx);
  const parsed = getopt('journalctl', args, [
    { short: 'u', long: 'unit', value: true },
    { short: 'n', long: 'lines', value: true },
    { short: 'f', long: 'follow' },
    { short: 'e', long: 'pager-end' },
    { short: 'x', long: 'catalog' },
    { short: 'b', long: 'boot' },
    { short: 'r', long: 'reverse' },
    { long: 'no-pager' },
  ]);
  if (!parsed.ok) return result(`${parsed.error}\n`, 1, 'none');
  const o = parsed.opts;
  const unit = o.get('unit');
  let units: ('kubelet' | 'docker')[] = ['kubelet', 'docker'];
  if (unit !== undefined) {
    const u = UNITS[unit];
    // journalctl shows nothing for a unit with no entries.
    if (!u) return result('-- No entries --\n', 0, 'read');
    units = [u];
  }
  let lines = journal(ctx.cluster, m, units);
  // -e jumps to the end (the last 1000 lines); -f shows the last 10 and what is there.
  const n = o.has('lines') ? Number(o.get('lines')) : o.has('follow') ? 10 : o.has('pager-end') ? 1000 : Infinity;
  if (o.has('lines') && !/^\d+$/.test(o.get('lines')!)) return result(`Failed to parse lines '${o.get('lines')}'.\n`, 1, 'none');
  if (Number.isFinite(n)) lines = lines.slice(Math.max(0, lines.length - n));
  if (o.has('reverse')) lines.reverse();
  return result(lines.length ? `${lines.join('\n')}\n` : '-- No entries --\n', 0, 'read');
};
