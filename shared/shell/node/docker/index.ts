/**
 * The docker CLI on a node: finds the subcommand (`docker ps`, `docker container ls`,
 * `docker system prune`), answers `--help` and unknown commands the way docker does, and
 * runs the command against this machine's daemon.
 */
import { DOCKER_VERSION } from '../../../sim/bootstrap.js';
import { result, type Program } from '../../types.js';
import { hostMachine } from '../session.js';
import { runCommand, type DockerCommand } from './cli.js';
import { exec } from './exec.js';
import { images } from './images.js';
import { containerInspect, imageInspect, inspect } from './inspect.js';
import { kill } from './kill.js';
import { logs } from './logs.js';
import { port } from './port.js';
import { containerPrune, imagePrune, systemPrune } from './prune.js';
import { ps } from './ps.js';
import { pull } from './pull.js';
import { rm } from './rm.js';
import { rmi } from './rmi.js';
import { run } from './run.js';
import { start } from './start.js';
import { restart, stop } from './stop.js';
import { systemDf } from './system-df.js';
import { update } from './update.js';
import { version } from './version.js';

interface Group {
  short: string;
  commands: Record<string, DockerCommand>;
  /** Other names of a subcommand (`docker container ps` is `ls`). */
  aliases?: Record<string, string>;
}

const COMMON = ['run', 'exec', 'ps', 'pull', 'images', 'version'];
const TOP: Record<string, DockerCommand> = { run, exec, ps, pull, images, version, inspect, kill, logs, port, restart, rm, rmi, start, stop, update };

const GROUPS: Record<string, Group> = {
  container: {
    short: 'Manage containers',
    commands: { exec, inspect: containerInspect, kill, logs, ls: { ...ps, name: 'ls' }, port, prune: containerPrune, restart, rm, run, start, stop, update },
    aliases: { ps: 'ls', list: 'ls', remove: 'rm' },
  },
  image: {
    short: 'Manage images',
    commands: { inspect: imageInspect, ls: { ...images, name: 'ls', use: '[OPTIONS] [REPOSITORY[:TAG]]' }, prune: imagePrune, pull, rm: { ...rmi, name: 'rm' } },
    aliases: { list: 'ls', remove: 'rm' },
  },
  system: { short: 'Manage Docker', commands: { df: systemDf, prune: systemPrune } },
};

/** `  run         Create and run…`: cobra pads names to 11, then a space. */
function listing(entries: [string, string][]): string {
  return entries.map(([name, short]) => `  ${name.padEnd(11)} ${short}\n`).join('');
}

const ROOT_USAGE =
  '\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n' +
  listing(COMMON.map((n) => [n, TOP[n].short])) +
  '\nManagement Commands:\n' +
  listing(Object.entries(GROUPS).map(([n, g]) => [n, g.short])) +
  '\nCommands:\n' +
  listing(
    Object.keys(TOP)
      .filter((n) => !COMMON.includes(n))
      .sort()
      .map((n) => [n, TOP[n].short]),
  ) +
  "\nGlobal Options:\n  -v, --version            Print version information and quit\n\nRun 'docker COMMAND --help' for more information on a command.\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n";

function groupUsage(name: string, g: Group): string {
  const subs = Object.keys(g.commands).sort();
  return `\nUsage:  docker ${name} COMMAND\n\n${g.short}\n\nCommands:\n${listing(subs.map((n) => [n, g.commands[n].short]))}\nRun 'docker ${name} COMMAND --help' for more information on a command.\n`;
}

export const docker: Program = (ctx, args, line) => {
  const m = hostMachine(ctx);
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h') return result(ROOT_USAGE, 0, 'none');
  if (first === '--version' || first === '-v') return result(`Docker version ${DOCKER_VERSION}, build ce12230\n`, 0, 'none');
  if (first.startsWith('-')) return result(`unknown ${first.startsWith('--') ? `flag: ${first.replace(/=.*$/, '')}` : `shorthand flag: '${first[1]}' in ${first}`}\nSee 'docker --help'.\n`, 125, 'none');
  if (first === 'help') return rest.length ? docker(ctx, [...rest, '--help'], line) : result(ROOT_USAGE, 0, 'none');
  const group = GROUPS[first];
  if (group) {
    const [sub, ...subArgs] = rest;
    if (sub === undefined || sub === '--help' || sub === '-h') return result(groupUsage(first, group), 0, 'none');
    const name = group.aliases?.[sub] ?? sub;
    const cmd = Object.prototype.hasOwnProperty.call(group.commands, name) ? group.commands[name] : undefined;
    // cobra's NoArgs on a command with subcommands: the usage, as an error.
    if (!cmd) return result(`\n${groupUsage(first, group).trimStart().trimEnd()}\n`, 1, 'none');
    return runCommand(ctx, m, cmd, `docker ${first} ${name}`, subArgs);
  }
  const cmd = Object.prototype.hasOwnProperty.call(TOP, first) ? TOP[first] : undefined;
  if (!cmd) return result(`docker: '${first}' is not a docker command.\nSee 'docker --help'\n`, 1, 'none');
  return runCommand(ctx, m, cmd, `docker ${first}`, rest);
};
