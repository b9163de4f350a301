/**
 * `kubectl --help` and `kubectl COMMAND --help`, laid out as cobra and kubectl's templates
 * print them (description, Examples, Options, Usage). The root lists the commands this
 * cluster's kubectl runs, in kubectl's own groups and words.
 */
import { flagHelp } from '../flags.js';
import type { Command } from './command.js';

const GROUPS: [string, string[]][] = [
  ['Basic Commands (Beginner)', ['create', 'set']],
  ['Basic Commands (Intermediate)', ['explain', 'get', 'delete']],
  ['Deploy Commands', ['rollout', 'scale']],
  ['Cluster Management Commands', ['cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
  ['Troubleshooting and Debugging Commands', ['describe', 'logs']],
  ['Advanced Commands', ['apply']],
  ['Other Commands', ['api-resources', 'version']],
];

/** Real kubectl commands this game does not simulate (answered honestly, not as typos). */
export const NOT_SIMULATED = [
  'expose', 'run', 'edit', 'autoscale', 'certificate', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events',
  'diff', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate', 'completion', 'api-versions', 'config', 'plugin', 'options', 'alpha',
];

export function rootHelp(commands: Command[]): string {
  const byName = new Map(commands.map((c) => [c.name, c]));
  let out = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n';
  for (const [title, names] of GROUPS) {
    out += `${title}:\n`;
    for (const n of names) {
      const c = byName.get(n);
      if (c) out += `  ${n.padEnd(14)}  ${c.short}\n`;
    }
    out += '\n';
  }
  out += 'Usage:\n  kubectl [flags] [options]\n\n';
  out += 'Use "kubectl <command> --help" for more information about a given command.\n';
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

/** The help of one command (or subcommand): `path` is `kubectl rollout status`. */
export function commandHelp(cmd: Command, path: string): string {
  let out = `${cmd.long}\n\n`;
  if (cmd.examples) out += `Examples:\n${cmd.examples}\n\n`;
  if (cmd.sub?.length) {
    out += 'Available Commands:\n';
    const width = Math.max(...cmd.sub.map((s) => s.name.length)) + 2;
    for (const s of [...cmd.sub].sort((a, b) => (a.name < b.name ? -1 : 1))) out += `  ${s.name.padEnd(Math.max(width, 11))}  ${s.short}\n`;
    out += '\n';
  }
  const flags = [...cmd.flags].sort((a, b) => (a.name < b.name ? -1 : 1));
  if (flags.length) out += `Options:\n${flagHelp(flags)}\n`;
  out += `Usage:\n  ${cmd.usage}\n\n`;
  if (cmd.sub?.length) out += `Use "${path} <command> --help" for more information about a given command.\n`;
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}
