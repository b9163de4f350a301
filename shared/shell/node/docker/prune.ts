/**
 * `docker system prune`, `docker container prune`, `docker image prune`: what is unused goes,
 * and its disk comes back. Without -f the CLI asks `[y/N]`; this terminal cannot answer, so
 * it prints the real warning and says how to confirm.
 */
import type { Machine } from '../../../sim/runtime/machine.js';
import { bool, strs, type ParsedFlags } from '../../flags.js';
import { result, type ShellContext, type ShellResult } from '../../types.js';
import type { DockerCommand, DockerFlag } from './cli.js';
import { parseFilters, pruneFilter } from './filters.js';
import { familiar, humanSize, isActive } from './format.js';
import { layersOf, manifestDigest } from './ids.js';

const FORCE: DockerFlag = { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' };
const UNTIL_FILTER: DockerFlag = { name: 'filter', type: 'strings', varname: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' };

/** What a terminal that cannot answer the prompt shows. */
function unconfirmed(warning: string): ShellResult {
  return result(`${warning} [y/N] \n(this terminal cannot answer y/N: add -f to prune without asking)\n`, 0, 'none');
}

type Test = (created: number, labels: Record<string, string>) => boolean;

/** Removes stopped containers; the CLI's `Deleted Containers:` block and the bytes freed. */
function pruneContainers(m: Machine, test: Test): { text: string; space: number } {
  const gone = [...m.docker.containers.values()].filter((c) => !isActive(c) && test(c.created, c.labels));
  let space = 0;
  for (const c of gone) {
    space += c.sizeRw;
    m.docker.remove(c);
  }
  return { text: gone.length ? `Deleted Containers:\n${gone.map((c) => `${c.id}\n`).join('')}` : '', space };
}

/** Removes dangling images (all unused ones with -a); the `Deleted Images:` block and the bytes freed. */
function pruneImages(m: Machine, all: boolean, test: Test): { text: string; space: number } {
  const docker = m.docker;
  const used = new Set([...docker.containers.values()].map((c) => c.imageId));
  const gone = [...docker.images.values()].filter((li) => !used.has(li.info.id) && (all || li.tags.size === 0) && test(li.info.created, {}));
  const records: string[] = [];
  let space = 0;
  for (const li of gone) {
    const repos = new Set<string>();
    for (const tag of [...li.tags].sort()) {
      records.push(`untagged: ${familiar(tag)}`);
      repos.add(familiar(tag).replace(/:[^:/]+$/, ''));
    }
    for (const repo of repos) records.push(`untagged: ${repo}@${manifestDigest(li.info.id)}`);
    records.push(`deleted: ${li.info.id}`, ...layersOf(li.info.id).map((l) => `deleted: ${l.chain}`));
    space += li.info.sizeBytes;
    docker.removeImage(li.info.id);
  }
  return { text: records.length ? `Deleted Images:\n${records.map((r) => `${r}\n`).join('')}` : '', space };
}

/** Parses `--filter` for a prune command, or the error to print. */
function filterOf(ctx: ShellContext, f: ParsedFlags, path: string): { test: Test } | { error: ShellResult } {
  const parsed = parseFilters(strs(f, 'filter'), '--filter');
  if (!parsed.ok) return { error: result(`${parsed.error}\nSee '${path} --help'.\n`, 125, 'none') };
  const filter = pruneFilter(parsed.filters, ctx.cluster.now);
  if (!filter.ok) return { error: result(`${filter.error}\n`, 1, 'none') };
  return { test: filter.test };
}

/** Each non-empty block ends with an empty line (the CLI's Fprintln of a text ending in a newline). */
function report(blocks: string[], space: number): string {
  return `${blocks.filter(Boolean).map((b) => `${b}\n`).join('')}Total reclaimed space: ${humanSize(space)}\n`;
}

export const containerPrune: DockerCommand = {
  name: 'prune',
  use: '[OPTIONS]',
  short: 'Remove all stopped containers',
  args: { none: true },
  flags: [FORCE, UNTIL_FILTER],
  run(ctx, m, f, path) {
    const filter = filterOf(ctx, f, path);
    if ('error' in filter) return filter.error;
    if (!bool(f, 'force')) return unconfirmed('WARNING! This will remove all stopped containers.\nAre you sure you want to continue?');
    const c = pruneContainers(m, filter.test);
    return result(report([c.text], c.space), 0, 'manual');
  },
};

export const imagePrune: DockerCommand = {
  name: 'prune',
  use: '[OPTIONS]',
  short: 'Remove unused images',
  args: { none: true },
  flags: [{ name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images, not just dangling ones' }, FORCE, UNTIL_FILTER],
  run(ctx, m, f, path) {
    const filter = filterOf(ctx, f, path);
    if ('error' in filter) return filter.error;
    const all = bool(f, 'all');
    if (!bool(f, 'force')) {
      return unconfirmed(all ? 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?' : 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?');
    }
    const i = pruneImages(m, all, filter.test);
    return result(report([i.text], i.space), 0, 'manual');
  },
};

export const systemPrune: DockerCommand = {
  name: 'prune',
  use: '[OPTIONS]',
  short: 'Remove unused data',
  args: { none: true },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images not just dangling ones' },
    { name: 'filter', type: 'strings', varname: 'filter', usage: 'Provide filter values (e.g. "label=<key>=<value>")' },
    FORCE,
    { name: 'volumes', type: 'bool', usage: 'Prune anonymous volumes' },
  ],
  run(ctx, m, f, path) {
    const filter = filterOf(ctx, f, path);
    if ('error' in filter) return filter.error;
    const all = bool(f, 'all');
    if (!bool(f, 'force')) {
      const warnings = [
        'all stopped containers',
        'all networks not used by at least one container',
        ...(bool(f, 'volumes') ? ['all anonymous volumes not used by at least one container'] : []),
        all ? 'all images without at least one container associated to them' : 'all dangling images',
        all ? 'all build cache' : 'unused build cache',
      ];
      const filters = strs(f, 'filter').sort();
      const filtered = filters.length ? `\n  Items to be pruned will be filtered with:\n${filters.map((x) => `  - ${x}\n`).join('')}` : '';
      return unconfirmed(`WARNING! This will remove:\n${warnings.map((w) => `  - ${w}\n`).join('')}${filtered}\nAre you sure you want to continue?`);
    }
    const c = pruneContainers(m, filter.test);
    const i = pruneImages(m, all, filter.test);
    return result(report([c.text, i.text], c.space + i.space), 0, 'manual');
  },
};
