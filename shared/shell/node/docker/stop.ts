/**
 * `docker stop` and `docker restart`: SIGTERM, then the program's own time to exit (SIGKILL
 * after `-t` seconds). The terminal waits for it; restart then starts the container again.
 */
import type { DockerContainer } from '../../../sim/runtime/docker.js';
import type { Machine } from '../../../sim/runtime/machine.js';
import { int, type ParsedFlags } from '../../flags.js';
import { result, type ShellContext, type ShellResult } from '../../types.js';
import { follow, Pending } from '../session.js';
import { noSuchContainer, type DockerCommand, type DockerFlag } from './cli.js';

const TIME: DockerFlag = { name: 'time', short: 't', type: 'int', usage: 'Seconds to wait before killing the container' };

export const stop: DockerCommand = {
  name: 'stop',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  aliases: 'docker container stop, docker stop',
  args: { min: 1 },
  flags: [TIME],
  run: (ctx, m, f) => stopEach(ctx, m, f, false),
};

export const restart: DockerCommand = {
  name: 'restart',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  aliases: 'docker container restart, docker restart',
  args: { min: 1 },
  flags: [TIME],
  run: (ctx, m, f) => stopEach(ctx, m, f, true),
};

/** Stops every named container at once; each line (name or error) prints in argument order once all are done. */
function stopEach(ctx: ShellContext, m: Machine, f: ParsedFlags, thenStart: boolean): ShellResult {
  const timeout = f.set.has('time') ? int(f, 'time') : 10;
  const lines: string[] = new Array(f.args.length).fill('');
  let failed = false;
  let left = f.args.length;
  let busyMs = 0;
  const pending = new Pending();
  const finished = (i: number, line: string, ok: boolean) => {
    lines[i] = line;
    failed ||= !ok;
    if (--left === 0) pending.finish(lines.join(''), failed ? 1 : 0);
  };
  f.args.forEach((ref, i) => {
    const c = m.docker.resolve(ref);
    if (!c) return finished(i, `${noSuchContainer(ref)}\n`, false);
    const done = () => {
      if (!thenStart) return finished(i, `${ref}\n`, true);
      const error = startAgain(m, c);
      finished(i, error ? `Error response from daemon: Cannot restart container ${ref}: ${error}\n` : `${ref}\n`, !error);
    };
    busyMs = Math.max(busyMs, m.docker.stop(c, timeout, done));
  });
  if (pending.done) return result(pending.text, pending.exitCode, 'manual');
  return { text: '', exitCode: 0, busyMs, progress: `${thenStart ? 'Restarting' : 'Stopping'} ${f.args.join(' ')}`, follow: follow(ctx, pending, busyMs + 5000), effect: 'manual' };
}

/** The start half of a restart (a removed container cannot come back). */
function startAgain(m: Machine, c: DockerContainer): string | undefined {
  if (!m.docker.containers.has(c.id)) return `No such container: ${c.id}`;
  return m.docker.start(c);
}
