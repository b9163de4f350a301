/**
 * What every docker subcommand shares, as the docker CLI (cobra + pflag, v27) does it: flag
 * parsing with `See 'docker ps --help'.`, the argument-count errors of cli/required.go, the
 * help text of cli/cobra.go's usage template, and the daemon-down error.
 */
import type { Machine } from '../../../sim/runtime/machine.js';
import { parseFlags, type FlagSpec, type ParsedFlags } from '../../flags.js';
import { result, type ShellContext, type ShellResult } from '../../types.js';

export interface DockerFlag extends FlagSpec {
  /** What pflag prints after the flag name in help (`filter`, `list`, `bytes`); the type's name by default. */
  varname?: string;
  hidden?: boolean;
}

export type ArgRule = { none: true } | { min?: number; max?: number; exact?: number };

export interface DockerCommand {
  /** `ps`: the name under `docker`. */
  name: string;
  /** cobra's Use, without the name: `[OPTIONS]`. */
  use: string;
  short: string;
  /** The `aliases` annotation (`docker container ls, docker ps`). */
  aliases?: string;
  flags: DockerFlag[];
  args: ArgRule;
  /** `docker run IMAGE -p 80` passes `-p 80` to the container: flags stop at the first argument. */
  stopAtFirstArg?: boolean;
  /** `-h` means something else here (`docker run -h HOSTNAME`). */
  shortHelpTaken?: boolean;
  /** Runs without the daemon (help, version's client part). */
  offline?: boolean;
  run(ctx: ShellContext, m: Machine, f: ParsedFlags, path: string): ShellResult;
}

/** How the docker CLI reports a daemon it cannot reach. */
export const DAEMON_DOWN = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n';

const HELP_FLAG: DockerFlag = { name: 'help', type: 'bool', usage: 'Print usage', hidden: true };
const HELP_SHORT: DockerFlag = { ...HELP_FLAG, short: 'h' };

/** Runs `cmd` invoked as `path` (`docker ps`, `docker container ls`) with its arguments. */
export function runCommand(ctx: ShellContext, m: Machine, cmd: DockerCommand, path: string, argv: string[]): ShellResult {
  const specs = [...cmd.flags, cmd.shortHelpTaken ? HELP_FLAG : HELP_SHORT];
  const parsed = parseFlags(argv, specs, { interspersed: !cmd.stopAtFirstArg });
  if (!parsed.ok) return result(`${parsed.error}\nSee '${path} --help'.\n`, 125, 'none');
  const f = parsed.flags;
  if (f.values.get('help') === true) {
    const deprecated = argv.some((a) => /^-[^-]*h/.test(a)) && !argv.includes('--help') ? 'Flag shorthand -h has been deprecated, use --help\n' : '';
    return result(deprecated + usage(cmd, path), 0, 'none');
  }
  const argError = checkArgs(cmd, path, f.args.length);
  if (argError) return result(argError, 1, 'none');
  if (!cmd.offline && !m.docker.running) return result(DAEMON_DOWN, 1, 'none');
  return cmd.run(ctx, m, f, path);
}

function checkArgs(cmd: DockerCommand, path: string, n: number): string | undefined {
  const rule = cmd.args;
  const tail = `.\nSee '${path} --help'.\n\nUsage:  ${useLine(cmd, path)}\n\n${cmd.short}\n`;
  const plural = (k: number) => (k === 1 ? 'argument' : 'arguments');
  if ('none' in rule) return n ? `"${path}" accepts no arguments${tail}` : undefined;
  if (rule.exact !== undefined && n !== rule.exact) return `"${path}" requires exactly ${rule.exact} ${plural(rule.exact)}${tail}`;
  if (rule.min !== undefined && n < rule.min) return `"${path}" requires at least ${rule.min} ${plural(rule.min)}${tail}`;
  if (rule.max !== undefined && n > rule.max) return `"${path}" requires at most ${rule.max} ${plural(rule.max)}${tail}`;
  return undefined;
}

function useLine(cmd: DockerCommand, path: string): string {
  return `${path} ${cmd.use}`.trim();
}

/** `docker ps --help`: cobra's help template (a blank line, then the usage). */
export function usage(cmd: DockerCommand, path: string): string {
  let s = `\nUsage:  ${useLine(cmd, path)}\n\n${cmd.short}\n`;
  if (cmd.aliases) s += `\nAliases:\n  ${cmd.aliases}\n`;
  const flags = flagUsages(cmd.flags);
  if (flags) s += `\nOptions:\n${flags}\n`;
  return s;
}

/** pflag's FlagUsagesWrapped(79): sorted by name, usage aligned, long text wrapped. */
export function flagUsages(flags: DockerFlag[]): string {
  const shown = flags.filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const heads = shown.map((f) => {
    let line = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const varname = f.varname ?? (f.type === 'bool' ? '' : f.type === 'strings' ? 'stringArray' : f.type);
    if (varname) line += ` ${varname}`;
    return line;
  });
  const maxlen = Math.max(0, ...heads.map((h) => h.length + 1));
  return shown
    .map((f, i) => {
      let text = f.usage;
      if (f.default !== undefined && f.default !== '' && f.default !== false && f.default !== 0 && !(Array.isArray(f.default) && !f.default.length)) {
        text += f.type === 'string' ? ` (default "${f.default}")` : ` (default ${String(f.default)})`;
      }
      return `${heads[i]} ${' '.repeat(maxlen - heads[i].length)} ${wrap(maxlen + 2, 79, text)}`;
    })
    .join('\n');
}

/** pflag's wrap: the text after column `indent`, broken at spaces to fit `width`. */
function wrap(indent: number, width: number, s: string): string {
  let i = indent;
  let room = width - i;
  let out = '';
  if (room < 24) {
    i = 16;
    room = width - i;
    out += `\n${' '.repeat(i)}`;
  }
  if (room < 24) return out + s;
  const slop = 5;
  room -= slop;
  const take = (t: string): [string, string] => {
    if (room + slop > t.length) return [t, ''];
    const w = t.slice(0, room).lastIndexOf(' ');
    if (w <= 0) return [t, ''];
    return [t.slice(0, w), t.slice(w + 1)];
  };
  const lines: string[] = [];
  for (const para of s.split('\n')) {
    let [line, rest] = take(para);
    lines.push(line);
    while (rest) {
      [line, rest] = take(rest);
      lines.push(line);
    }
  }
  return out + lines.join(`\n${' '.repeat(i)}`);
}

/** `Error response from daemon: No such container: x`. */
export function noSuchContainer(ref: string): string {
  return `Error response from daemon: No such container: ${ref}`;
}
