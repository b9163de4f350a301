/**
 * The node under the player's ssh session, and work on it that finishes later in sim time
 * (a pull, a stop): the terminal stays busy, then prints the outcome — or what ssh prints
 * when the node went down meanwhile.
 */
import type { Machine } from '../../sim/runtime/machine.js';
import type { Follow, ShellContext } from '../types.js';

/** The machine the session is logged into (the dispatcher has already checked it is up). */
export function hostMachine(ctx: ShellContext): Machine {
  const m = ctx.session.host ? ctx.cluster.machines.get(ctx.session.host) : undefined;
  if (!m) throw new Error('not on a node');
  return m;
}

/** What ssh prints when the server goes away under a session. */
export function connectionLost(host: string): string {
  return `client_loop: send disconnect: Broken pipe\nConnection to ${host} closed by remote host.\n`;
}

/** Ends the ssh session (the node rebooted or lost power). */
export function endSession(ctx: ShellContext): void {
  ctx.session.host = undefined;
  ctx.session.hostBootId = undefined;
}

/** The outcome of work the simulation finishes later, set by a sim callback. */
export class Pending {
  private out = '';
  private code = 0;
  private finished = false;

  finish(text: string, exitCode = 0): void {
    if (this.finished) return;
    this.out += text;
    this.code = exitCode;
    this.finished = true;
  }

  get done(): boolean {
    return this.finished;
  }

  get text(): string {
    return this.out;
  }

  get exitCode(): number {
    return this.code;
  }
}

/**
 * Polls `pending` until it is done. If the session's node goes down first, the session is
 * dropped, as ssh drops it.
 */
export function follow(ctx: ShellContext, pending: Pending, timeoutMs: number, stream?: (now: number) => string): Follow {
  const host = ctx.session.host!;
  const bootId = ctx.session.hostBootId;
  return {
    timeoutMs,
    poll(now: number) {
      const m = ctx.cluster.machines.get(host);
      if (!m || !m.isOn || m.bootId !== bootId) {
        if (ctx.session.host === host) endSession(ctx);
        return { text: connectionLost(host), done: true, exitCode: 255 };
      }
      const more = stream ? stream(now) : '';
      if (pending.done) return { text: more + pending.text, done: true, exitCode: pending.exitCode };
      return { text: more, done: false };
    },
  };
}
