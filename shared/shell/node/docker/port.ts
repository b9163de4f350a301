/** `docker port`: which host ports a running container publishes. */
import { result } from '../../types.js';
import { noSuchContainer, type DockerCommand } from './cli.js';
import { bindings } from './format.js';

export const port: DockerCommand = {
  name: 'port',
  use: 'CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  aliases: 'docker container port, docker port',
  args: { min: 1, max: 2 },
  flags: [],
  run(_ctx, m, f) {
    const [ref, asked] = f.args;
    const c = m.docker.resolve(ref);
    if (!c) return result(`${noSuchContainer(ref)}\n`, 1, 'read');
    const live = c.state === 'running' ? bindings(c) : [];
    const host = (ip: string, p: number) => `${ip.includes(':') ? `[${ip}]` : ip}:${p}`;
    let out: string[];
    if (asked) {
      const [num, proto = 'tcp'] = asked.split('/');
      if (!/^\d+$/.test(num) || Number(num) > 65535) return result(`Error: invalid port (${num}): strconv.ParseUint: parsing "${num}": invalid syntax\n`, 1, 'read');
      out = live.filter((b) => b.port.containerPort === Number(num) && b.port.protocol === proto).map((b) => host(b.ip, b.port.hostPort));
      if (!out.length) return result(`Error: No public port '${asked}' published for ${ref}\n`, 1, 'read');
    } else out = live.map((b) => `${b.port.containerPort}/${b.port.protocol} -> ${host(b.ip, b.port.hostPort)}`);
    return result(out.sort().map((l) => `${l}\n`).join(''), 0, 'read');
  },
};
