/**
 * The console's contract: a command line goes in, what the terminal shows comes out, with
 * how long the player's terminal stays busy (sim time) for commands that stand for slow work.
 */
import type { Cluster } from '../sim/cluster.js';

/** Where the player's shell is: their workstation, or a node after `ssh`. */
export interface Session {
  /** The login name on the workstation (`you`). */
  user: string;
  /** `undefined` on the workstation; a node name after `ssh NODE`. */
  host?: string;
  /** The node's boot id when the ssh session opened: a reboot drops the session. */
  hostBootId?: string;
  /** The player's manifest files (what the editor writes), by file name. */
  files: Map<string, string>;
  /** Lines typed so far (newest last), for `history`. */
  history: string[];
}

export interface ShellContext {
  cluster: Cluster;
  session: Session;
  /** Extra workstation programs the match provides (e.g. `cloud`, which costs money). */
  programs?: Record<string, Command>;
}

/** What a command does to the world, for scoring (by hand vs declared). */
export type Effect = 'none' | 'read' | 'manual' | 'declarative';

/** A command still working after its busy time: polled each sim second until done. */
export interface Follow {
  /** Called at sim time `now`; returns more output, and whether the command has finished. */
  poll(now: number): { text: string; done: boolean; exitCode?: number };
  /** Gives up (the terminal is freed) after this long, sim ms. */
  timeoutMs: number;
}

export interface ShellResult {
  /** What the terminal prints now (stdout and stderr, as the real tool interleaves them). */
  text: string;
  exitCode: number;
  /** Sim ms the terminal stays busy before `follow` is first polled (a pull, a drain). */
  busyMs: number;
  /** What to show during the busy time (`Pulling web:1.1`). */
  progress?: string;
  follow?: Follow;
  effect: Effect;
  /** The terminal should be cleared (`clear`). */
  clear?: boolean;
}

/** A program the shell can run (`kubectl`, `docker`, `df`, ...). */
export type Program = (ctx: ShellContext, args: string[], line: string) => ShellResult;

/** A program as the shell lists it: what runs, and its line in `help`. */
export interface Command {
  run: Program;
  help: string;
}

export function result(text: string, exitCode = 0, effect: Effect = 'read'): ShellResult {
  return { text, exitCode, busyMs: 0, effect };
}

/** Ensures output ends with exactly one newline (or is empty). */
export function lines(text: string): string {
  if (!text) return '';
  return text.endsWith('\n') ? text : `${text}\n`;
}
