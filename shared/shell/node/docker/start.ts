/** `docker start`: starts stopped containers; a taken host port fails the start, as the daemon says. */
import { result } from '../../types.js';
import type { DockerCommand } from './cli.js';
import { noSuchContainer } from './cli.js';

export const start: DockerCommand = {
  name: 'start',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  aliases: 'docker container start, docker start',
  args: { min: 1 },
  flags: [],
  run(_ctx, m, f) {
    let out = '';
    const failed: string[] = [];
    for (const ref of f.args) {
      const c = m.docker.resolve(ref);
      const error = c ? m.docker.start(c) : noSuchContainer(ref).replace(/^Error response from daemon: /, '');
      if (error) {
        out += `Error response from daemon: ${error}\n`;
        failed.push(ref);
      } else out += `${ref}\n`;
    }
    if (failed.length) out += `Error: failed to start containers: ${failed.join(', ')}\n`;
    return result(out, failed.length ? 1 : 0, 'manual');
  },
};
