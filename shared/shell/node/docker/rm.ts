/** `docker rm`: removes containers and their writable layers; a running one only with -f. */
import { bool } from '../../flags.js';
import { result } from '../../types.js';
import { noSuchContainer, type DockerCommand } from './cli.js';
import { isActive } from './format.js';

export const rm: DockerCommand = {
  name: 'rm',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  aliases: 'docker container rm, docker container remove, docker rm',
  args: { min: 1 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of a running container (uses SIGKILL)' },
    { name: 'link', short: 'l', type: 'bool', usage: 'Remove the specified link' },
    { name: 'volumes', short: 'v', type: 'bool', usage: 'Remove anonymous volumes associated with the container' },
  ],
  run(_ctx, m, f) {
    const force = bool(f, 'force');
    let out = '';
    let failed = false;
    for (const ref of f.args) {
      const c = m.docker.resolve(ref.replace(/^\/+|\/+$/g, ''));
      if (!c) {
        // With -f a missing container is reported but is no failure.
        out += `${noSuchContainer(ref)}\n`;
        failed ||= !force;
        continue;
      }
      if (isActive(c) && !force) {
        out += `Error response from daemon: cannot remove container "/${c.name}": container is ${c.state}: stop the container before removing or force remove\n`;
        failed = true;
        continue;
      }
      m.docker.remove(c);
      out += `${ref}\n`;
    }
    return result(out, failed ? 1 : 0, 'manual');
  },
};
