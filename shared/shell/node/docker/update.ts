/** `docker update --restart`: the fix for a hand-started container that should survive a reboot. */
import { str } from '../../flags.js';
import { result } from '../../types.js';
import { noSuchContainer, type DockerCommand } from './cli.js';
import { MIN_MEMORY, parseMemory, parseRestart, validateRestart } from './run-options.js';

export const update: DockerCommand = {
  name: 'update',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Update configuration of one or more containers',
  aliases: 'docker container update, docker update',
  args: { min: 1 },
  flags: [
    { name: 'memory', short: 'm', type: 'string', varname: 'bytes', usage: 'Memory limit' },
    { name: 'restart', type: 'string', usage: 'Restart policy to apply when a container exits' },
  ],
  run(_ctx, m, f) {
    if (!f.set.has('restart') && !f.set.has('memory')) return result('you must provide one or more flags when using this command\n', 1, 'none');
    let memory: number | undefined;
    if (f.set.has('memory')) {
      const mem = parseMemory(str(f, 'memory'));
      if (!mem.ok) return result(`invalid argument "${str(f, 'memory')}" for "-m, --memory" flag: ${mem.error}\nSee 'docker update --help'.\n`, 125, 'none');
      memory = mem.value;
    }
    const raw = parseRestart(str(f, 'restart'));
    if (!raw.ok) return result(`${raw.error}\n`, 1, 'none');
    const policy = f.set.has('restart') ? validateRestart(raw.value) : undefined;
    let out = '';
    let failed = false;
    for (const ref of f.args) {
      const c = m.docker.resolve(ref);
      const error = !c
        ? noSuchContainer(ref)
        : policy && !policy.ok
          ? `Error response from daemon: Cannot update container ${c.id}: ${policy.error}`
          : memory !== undefined && memory < MIN_MEMORY
            ? `Error response from daemon: Cannot update container ${c.id}: Minimum memory limit allowed is 6MB`
            : undefined;
      if (error) {
        out += `${error}\n`;
        failed = true;
        continue;
      }
      m.docker.update(c!, { restart: policy?.ok ? policy.value : undefined, memoryLimit: memory });
      out += `${ref}\n`;
    }
    return result(out, failed ? 1 : 0, 'manual');
  },
};
