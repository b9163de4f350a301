/** `docker ps`: the containers on this node, newest first, as the CLI's default table prints them. */
import type { DockerContainer } from '../../../sim/runtime/docker.js';
import { formatDockerSize } from '../../../sim/api/quantity.js';
import { bool, int, strs } from '../../flags.js';
import { DOCKER_TABLE, table } from '../../table.js';
import { dockerDuration } from '../../duration.js';
import { result } from '../../types.js';
import type { DockerCommand } from './cli.js';
import { containerFilter, parseFilters } from './filters.js';
import { commandText, imageText, isActive, portsText, shortId, statusText } from './format.js';

/** Newest first, as the daemon lists them. */
export function newestFirst(containers: Iterable<DockerContainer>): DockerContainer[] {
  return [...containers].sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
}

export const ps: DockerCommand = {
  name: 'ps',
  use: '[OPTIONS]',
  short: 'List containers',
  aliases: 'docker container ls, docker container list, docker container ps, docker ps',
  args: { none: true },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    { name: 'filter', short: 'f', type: 'strings', varname: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'last', short: 'n', type: 'int', default: -1, usage: 'Show n last created containers (includes all states)' },
    { name: 'latest', short: 'l', type: 'bool', usage: 'Show the latest created container (includes all states)' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display container IDs' },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
  run(ctx, m, f, path) {
    const parsed = parseFilters(strs(f, 'filter'), '-f, --filter');
    if (!parsed.ok) return result(`${parsed.error}\nSee '${path} --help'.\n`, 125, 'none');
    const all = newestFirst(m.docker.containers.values());
    const filter = containerFilter(parsed.filters, all);
    if (!filter.ok) return result(`${filter.error}\n`, 1, 'read');
    const last = bool(f, 'latest') ? 1 : int(f, 'last');
    const showAll = bool(f, 'all') || filter.showAll || last > 0;
    let list = all.filter((c) => (showAll || isActive(c)) && filter.test(c));
    if (last > 0) list = list.slice(0, last);
    const trunc = !bool(f, 'no-trunc');
    if (bool(f, 'quiet')) return result(list.map((c) => `${trunc ? shortId(c.id) : c.id}\n`).join(''), 0, 'read');
    const now = ctx.cluster.now;
    const size = bool(f, 'size');
    const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', ...(size ? ['SIZE'] : [])];
    const rows = list.map((c) => [
      trunc ? shortId(c.id) : c.id,
      imageText(c, trunc),
      commandText(c, trunc),
      `${dockerDuration(now - c.created)} ago`,
      statusText(c, now),
      portsText(c),
      c.name,
      ...(size ? [sizeText(c, m.docker.images.get(c.imageId)?.info.sizeBytes ?? 0)] : []),
    ]);
    return result(table([header, ...rows], DOCKER_TABLE), 0, 'read');
  },
};

/** `32.8kB (virtual 248MB)`: the writable layer, and with the image under it. */
function sizeText(c: DockerContainer, imageBytes: number): string {
  return `${formatDockerSize(c.sizeRw)} (virtual ${formatDockerSize(c.sizeRw + imageBytes)})`;
}
