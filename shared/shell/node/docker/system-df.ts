/** `docker system df`: what images and containers take on disk, and what a prune would give back. */
import { DOCKER_TABLE, table } from '../../table.js';
import { result } from '../../types.js';
import type { DockerCommand } from './cli.js';
import { humanSize, isActive } from './format.js';

/** `567.8MB (46%)`, as the CLI's disk-usage formatter prints a reclaimable share. */
function reclaimable(bytes: number, total: number): string {
  return total > 0 ? `${humanSize(bytes)} (${Math.floor((bytes * 100) / total)}%)` : humanSize(bytes);
}

export const systemDf: DockerCommand = {
  name: 'df',
  use: '[OPTIONS]',
  short: 'Show docker disk usage',
  args: { none: true },
  flags: [],
  run(_ctx, m) {
    const docker = m.docker;
    const containers = [...docker.containers.values()];
    const used = new Set(containers.map((c) => c.imageId));
    const images = [...docker.images.values()];
    const imageBytes = images.reduce((n, li) => n + li.info.sizeBytes, 0);
    const inUse = images.filter((li) => used.has(li.info.id));
    const inUseBytes = inUse.reduce((n, li) => n + li.info.sizeBytes, 0);
    const rwBytes = containers.reduce((n, c) => n + c.sizeRw, 0);
    const stoppedBytes = containers.filter((c) => !isActive(c)).reduce((n, c) => n + c.sizeRw, 0);
    const rows = [
      ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
      ['Images', String(images.length), String(inUse.length), humanSize(imageBytes), reclaimable(imageBytes - inUseBytes, imageBytes)],
      ['Containers', String(containers.length), String(containers.filter(isActive).length), humanSize(rwBytes), reclaimable(stoppedBytes, rwBytes)],
      ['Local Volumes', '0', '0', '0B', '0B'],
      ['Build Cache', '0', '0', '0B', '0B'],
    ];
    return result(table(rows, DOCKER_TABLE), 0, 'read');
  },
};
