/**
 * `df`: the node's file systems as GNU coreutils prints them. The root file system is the
 * machine's disk, where the OS, images and stopped containers' layers live.
 */
import { formatHuman } from '../../sim/api/quantity.js';
import type { Machine } from '../../sim/runtime/machine.js';
import { result, type Program } from '../types.js';
import { getopt } from './getopt.js';
import { hostMachine } from './session.js';

const KiB = 1024;
const MiB = 1024 * KiB;

interface Mount {
  source: string;
  type: string;
  size: number;
  used: number;
  target: string;
}

/** The mounts of an Ubuntu cloud server (tmpfs sized from its memory). */
function mounts(m: Machine): Mount[] {
  const mem = m.spec.memoryBytes;
  const tenth = Math.floor(mem / 10 / MiB) * MiB;
  return [
    { source: 'tmpfs', type: 'tmpfs', size: tenth, used: 1.3 * MiB, target: '/run' },
    { source: '/dev/sda1', type: 'ext4', size: m.spec.diskBytes, used: Math.min(m.spec.diskBytes, m.diskUsed()), target: '/' },
    { source: 'tmpfs', type: 'tmpfs', size: Math.floor(mem / 2 / MiB) * MiB, used: 0, target: '/dev/shm' },
    { source: 'tmpfs', type: 'tmpfs', size: 5 * MiB, used: 0, target: '/run/lock' },
    { source: '/dev/sda16', type: 'ext4', size: 881 * MiB, used: 61 * MiB, target: '/boot' },
    { source: '/dev/sda15', type: 'vfat', size: 105 * MiB, used: 6.1 * MiB, target: '/boot/efi' },
    { source: 'tmpfs', type: 'tmpfs', size: tenth, used: 12 * KiB, target: '/run/user/0' },
  ];
}

/** coreutils' columns: minimum widths, the file system left-aligned, numbers right-aligned. */
function columns(rows: string[][], minWidths: number[], left: boolean[]): string {
  const widths = minWidths.map((w, c) => Math.max(w, ...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : left[c] ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' '))
    .join('\n')
    .concat('\n');
}

const USAGE = "Try 'df --help' for more information.\n";

export const df: Program = (ctx, args) => {
  const m = hostMachine(ctx);
  const parsed = getopt('df', args, [
    { short: 'h', long: 'human-readable' },
    { short: 'T', long: 'print-type' },
    { short: 'k' },
    { short: 'a', long: 'all' },
    { short: 'l', long: 'local' },
    { long: 'help' },
  ]);
  if (!parsed.ok) return result(`${parsed.error}\n${USAGE}`, 1, 'none');
  if (parsed.opts.has('help')) return result('Usage: df [OPTION]... [FILE]...\nShow information about the file system on which each FILE resides,\nor all file systems by default.\n\n  -a, --all             include pseudo, duplicate, inaccessible file systems\n  -h, --human-readable  print sizes in powers of 1024 (e.g., 1023M)\n  -k                    like --block-size=1K\n  -l, --local           limit listing to local file systems\n  -T, --print-type      print file system type\n      --help        display this help and exit\n', 0, 'none');
  const human = parsed.opts.has('human-readable');
  const typed = parsed.opts.has('print-type');
  let list = mounts(m);
  // A path argument shows the file system holding it: the longest mount point above it.
  if (parsed.args.length) {
    const chosen: Mount[] = [];
    for (const path of parsed.args) {
      if (!path.startsWith('/')) return result(`df: ${path}: No such file or directory\n`, 1, 'read');
      const best = list.filter((x) => path === x.target || path.startsWith(x.target === '/' ? '/' : `${x.target}/`)).sort((a, b) => b.target.length - a.target.length)[0];
      chosen.push(best);
    }
    list = chosen;
  }
  const size = (b: number) => (human ? (b === 0 ? '0' : formatHuman(b)) : String(Math.ceil(b / KiB)));
  const rows = [['Filesystem', ...(typed ? ['Type'] : []), human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on']];
  for (const x of list) {
    const avail = Math.max(0, x.size - x.used);
    const pct = x.size ? `${Math.ceil((x.used * 100) / (x.used + avail))}%` : '-';
    rows.push([x.source, ...(typed ? [x.type] : []), size(x.size), size(x.used), size(avail), pct, x.target]);
  }
  const minWidths = [14, ...(typed ? [4] : []), 5, 5, 5, 4, 0];
  const left = [true, ...(typed ? [true] : []), false, false, false, false, true];
  return result(columns(rows, minWidths, left), 0, 'read');
};
