/** `docker logs`: what the container's program printed, across its restarts. */
import { str } from '../../flags.js';
import { result } from '../../types.js';
import { noSuchContainer, type DockerCommand } from './cli.js';

export const logs: DockerCommand = {
  name: 'logs',
  use: '[OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  aliases: 'docker container logs, docker logs',
  args: { exact: 1 },
  flags: [
    // -f prints what is there: the terminal does not stay attached.
    { name: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
    { name: 'tail', short: 'n', type: 'string', default: 'all', usage: 'Number of lines to show from the end of the logs' },
  ],
  run(_ctx, m, f) {
    const ref = f.args[0];
    const c = m.docker.resolve(ref);
    if (!c) return result(`${noSuchContainer(ref)}\n`, 1, 'read');
    // The daemon reads an unparsable --tail as "all".
    const tail = /^\d+$/.test(str(f, 'tail')) ? Number(str(f, 'tail')) : -1;
    const lines = tail >= 0 ? c.log.slice(Math.max(0, c.log.length - tail)) : c.log;
    return result(lines.map((l) => `${l}\n`).join(''), 0, 'read');
  },
};
