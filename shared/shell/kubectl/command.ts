/**
 * What every kubectl subcommand shares: its cobra-style description (for `--help`), its
 * flags plus kubectl's global ones, and the invocation it runs with (cluster, namespace,
 * parsed flags). Results are built with `ok()` / `done()` so effects stay consistent:
 * `read` for reads, `declarative` for writes that reached the API.
 */
import type { Cluster } from '../../sim/cluster.js';
import { parseFlags, type FlagSpec, type ParsedFlags } from '../flags.js';
import type { Effect, ShellContext, ShellResult } from '../types.js';
import { flagError } from './errors.js';

export interface Invocation {
  ctx: ShellContext;
  cluster: Cluster;
  flags: ParsedFlags;
  args: string[];
  /** The namespace from -n, or `default`. */
  namespace: string;
  /** `kubectl rollout status`: for error hints. */
  path: string;
}

export interface Command {
  name: string;
  aliases?: string[];
  /** One line, for the list in `kubectl --help`. */
  short: string;
  /** The long description and examples printed by `--help`. */
  long: string;
  examples?: string;
  /** `kubectl get [(-o|--output=)json|yaml|...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | ...) [flags] [options]` */
  usage: string;
  flags: FlagSpec[];
  /** Subcommands (`rollout status`, `create deployment`, `top nodes`). */
  sub?: Command[];
  /** Writes go through the API: scored as declarative. */
  write?: boolean;
  run?(inv: Invocation): ShellResult;
}

/** Flags every kubectl command accepts (a few of `kubectl options`). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', default: '', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', default: '', usage: 'The name of the kubeconfig context to use' },
  { name: 'kubeconfig', type: 'string', default: '', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'cluster', type: 'string', default: '', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', default: '', usage: 'The name of the kubeconfig user to use' },
  { name: 'request-timeout', type: 'string', default: '0', usage: 'The length of time to wait before giving up on a single server request.' },
  { name: 'v', short: 'v', type: 'string', default: '0', usage: 'number for the log level verbosity' },
  { name: 'help', short: 'h', type: 'bool', default: false, usage: 'help for this command' },
];

/** Parses argv with the command's flags and the global ones; pflag errors become kubectl's. */
export function parseArgs(path: string, argv: string[], specs: FlagSpec[]): ParsedFlags {
  const all = [...specs, ...GLOBAL_FLAGS.filter((g) => !specs.some((s) => s.name === g.name || (g.short && s.short === g.short)))];
  const r = parseFlags(argv, all);
  if (!r.ok) throw flagError(path, r.error);
  return r.flags;
}

export function result(text: string, exitCode: number, effect: Effect): ShellResult {
  return { text: text && !text.endsWith('\n') ? `${text}\n` : text, exitCode, busyMs: 0, effect };
}

/** A successful read. */
export function ok(text: string): ShellResult {
  return result(text, 0, 'read');
}

/** A write that reached the API server. */
export function done(text: string, exitCode = 0): ShellResult {
  return result(text, exitCode, 'declarative');
}

/** The usual output-format flag. */
export const OUTPUT_FLAG: FlagSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  default: '',
  usage: 'Output format. One of: (json, yaml, name, wide).',
};
