/** `docker kill`: SIGKILL, at once (exit 137); the restart policy stays quiet, as for a stop. */
import { result } from '../../types.js';
import type { DockerCommand } from './cli.js';
import { isActive } from './format.js';

export const kill: DockerCommand = {
  name: 'kill',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  aliases: 'docker container kill, docker kill',
  args: { min: 1 },
  flags: [],
  run(_ctx, m, f) {
    let out = '';
    let failed = false;
    for (const ref of f.args) {
      const c = m.docker.resolve(ref);
      const error = !c ? `No such container: ${ref}` : !isActive(c) ? `container ${c.id} is not running` : undefined;
      if (error) {
        out += `Error response from daemon: cannot kill container: ${ref}: ${error}\n`;
        failed = true;
        continue;
      }
      m.docker.kill(c!);
      out += `${ref}\n`;
    }
    return result(out, failed ? 1 : 0, 'manual');
  },
};
