/**
 * kubectl: the cluster's command line. Finds the command (and subcommand) the way cobra
 * does, parses its flags with kubectl's global ones, runs it against the simulation and
 * prints what the real kubectl would, with its exit code. Unknown commands get cobra's
 * "Did you mean this?"; real commands the game does not simulate say so.
 */
import { suggest } from '../flags.js';
import type { Program, ShellResult } from '../types.js';
import { GLOBAL_FLAGS, parseArgs, result, type Command } from './command.js';
import { errorText, KubectlError } from './errors.js';
import { commandHelp, NOT_SIMULATED, rootHelp } from './help.js';
import { COMMANDS } from './registry.js';

/** Global flags that take a value, so `kubectl -n kube-system get pods` finds `get`. */
const VALUE_FLAGS = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

/** The index of the first word that is not a flag or a flag's value. */
function firstWord(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return i + 1 < args.length ? i + 1 : -1;
    if (!a.startsWith('-') || a === '-') return i;
    if (!a.includes('=') && VALUE_FLAGS.has(a)) i++;
  }
  return -1;
}

function findCommand(list: Command[], word: string): Command | undefined {
  return list.find((c) => c.name === word || c.aliases?.includes(word));
}

export const kubectl: Program = (ctx, args) => {
  const at = firstWord(args);
  if (at < 0) {
    // `kubectl`, `kubectl --help`, `kubectl -n x`: cobra parses the root flags, then prints help.
    try {
      parseArgs('kubectl', args, []);
    } catch (e) {
      return fail(e, 'none');
    }
    return result(rootHelp(COMMANDS), 0, 'none');
  }
  const word = args[at];
  const cmd = findCommand(COMMANDS, word);
  if (!cmd) return unknown(word);
  let rest = [...args.slice(0, at), ...args.slice(at + 1)];
  let target = cmd;
  let path = `kubectl ${cmd.name}`;
  if (cmd.sub) {
    const j = firstWord(rest);
    const subWord = j >= 0 ? rest[j] : undefined;
    const sub = subWord !== undefined ? findCommand(cmd.sub, subWord) : undefined;
    if (sub) {
      target = sub;
      path = `${path} ${sub.name}`;
      rest = [...rest.slice(0, j), ...rest.slice(j + 1)];
    } else if (!cmd.run) {
      try {
        const flags = parseArgs(path, rest, cmd.flags);
        if (flags.values.get('help') === true) return result(commandHelp(cmd, path), 0, 'none');
      } catch (e) {
        return fail(e, 'none');
      }
      // cmdutil.DefaultSubCommandRun: an unknown word is a usage error; no word prints help and exits 1.
      if (subWord !== undefined) return fail(new KubectlError(`error: unknown command "${subWord}"\nSee '${path} -h' for help and examples`), 'none');
      return result(commandHelp(cmd, path), 1, 'none');
    }
  }
  let inv;
  try {
    const flags = parseArgs(path, rest, target.flags);
    if (flags.values.get('help') === true) return result(commandHelp(target, path), 0, 'none');
    inv = { ctx, cluster: ctx.cluster, flags, args: flags.args, namespace: String(flags.values.get('namespace') || 'default'), path };
  } catch (e) {
    return fail(e, 'none');
  }
  // Controllers react within milliseconds of a write: let them settle before reading, and
  // after writing, so two commands typed at the same sim instant see each other's effects.
  ctx.cluster.settle();
  try {
    const res = target.run!(inv);
    // A dry run declares nothing.
    const dry = inv.flags.values.get('dry-run');
    if (res.effect === 'declarative' && (dry === 'client' || dry === 'server')) res.effect = 'read';
    return res;
  } catch (e) {
    return fail(e, target.write ? 'declarative' : 'read');
  } finally {
    ctx.cluster.settle();
  }
};

function fail(e: unknown, effect: ShellResult['effect']): ShellResult {
  const { text, exitCode } = errorText(e);
  return result(text, exitCode, effect);
}

/** cobra's unknown command error, with its suggestions. */
function unknown(word: string): ShellResult {
  if (NOT_SIMULATED.includes(word)) {
    const here = COMMANDS.map((c) => c.name).join(', ');
    return result(`error: "kubectl ${word}" is a real kubectl command that Kubetown does not simulate (here: ${here})\n`, 1, 'none');
  }
  const near = suggest(word, COMMANDS.map((c) => c.name));
  let text = `error: unknown command "${word}" for "kubectl"`;
  if (near.length) text += `\n\nDid you mean this?\n${near.map((n) => `\t${n}\n`).join('')}`;
  text += "\nRun 'kubectl --help' for usage.\n";
  return result(text, 1, 'none');
}
