/** `free`: the node's memory, as procps-ng 4 prints it (KiB by default; -m, -g, -h, -b). */
import { result, type Program } from '../types.js';
import { getopt } from './getopt.js';
import { memInfo } from './memory.js';
import { hostMachine } from './session.js';

const USAGE = `
Usage:
 free [options]

Options:
 -b, --bytes         show output in bytes
 -k, --kibi          show output in kibibytes
 -m, --mebi          show output in mebibytes
 -g, --gibi          show output in gibibytes
 -h, --human         show human-readable output
 -t, --total         show total for RAM + swap
 -w, --wide          wide output

     --help     display this help and exit
 -V, --version  output version information and exit

For more details see free(1).
`;

/** procps' human sizes: `7.7Gi`, `580Mi`, `0B`. */
function human(bytes: number): string {
  const units = ['B', 'Ki', 'Mi', 'Gi', 'Ti'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0) return `${Math.round(v)}B`;
  return `${v < 10 ? v.toFixed(1) : Math.round(v)}${units[i]}`;
}

export const free: Program = (ctx, args) => {
  const m = hostMachine(ctx);
  const parsed = getopt('free', args, [
    { short: 'b', long: 'bytes' },
    { short: 'k', long: 'kibi' },
    { short: 'm', long: 'mebi' },
    { short: 'g', long: 'gibi' },
    { short: 'h', long: 'human' },
    { short: 't', long: 'total' },
    { short: 'w', long: 'wide' },
    { short: 'V', long: 'version' },
    { long: 'help' },
  ]);
  if (!parsed.ok) return result(`${parsed.error}\n${USAGE}`, 1, 'none');
  if (parsed.opts.has('help')) return result(USAGE.slice(1), 0, 'none');
  if (parsed.opts.has('version')) return result('free from procps-ng 4.0.4\n', 0, 'none');
  if (parsed.args.length) return result(`free: extra operand '${parsed.args[0]}'\n${USAGE}`, 1, 'none');
  const o = parsed.opts;
  const shift = o.has('bytes') ? 0 : o.has('mebi') ? 20 : o.has('gibi') ? 30 : 10;
  const fmt = (b: number) => (o.has('human') ? human(b) : String(Math.floor(b / 2 ** shift)));
  const mem = memInfo(m);
  const wide = o.has('wide');
  const row = (label: string, cells: number[]) => label.padEnd(8) + cells.map((c) => fmt(c).padStart(12)).join('');
  const header = ' '.repeat(8) + (wide ? ['total', 'used', 'free', 'shared', 'buffers', 'cache', 'available'] : ['total', 'used', 'free', 'shared', 'buff/cache', 'available']).map((h) => h.padStart(12)).join('');
  const buffers = Math.floor(mem.buffCache * 0.06);
  const memCells = wide ? [mem.total, mem.used, mem.free, mem.shared, buffers, mem.buffCache - buffers, mem.available] : [mem.total, mem.used, mem.free, mem.shared, mem.buffCache, mem.available];
  // The kubelet wants swap off: a node has none.
  const lines = [header, row('Mem:', memCells), row('Swap:', [0, 0, 0])];
  if (o.has('total')) lines.push(row('Total:', [mem.total, mem.used, mem.free]));
  return result(`${lines.join('\n')}\n`, 0, 'read');
};
