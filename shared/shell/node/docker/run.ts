/**
 * `docker run`: checks the options (the CLI's errors, then the daemon's), pulls a missing
 * image (`Unable to find image 'web:1.1' locally`), creates the container (name conflicts),
 * starts it (a taken host port leaves it Created) and prints its ID. Without -d the terminal
 * stays attached to the container's output until it exits.
 */
import type { DockerContainer, PortMapping } from '../../../sim/runtime/docker.js';
import type { Machine } from '../../../sim/runtime/machine.js';
import { normalizeImageRef } from '../../../sim/registry.js';
import { bool, str, strs } from '../../flags.js';
import { result, type ShellContext, type ShellResult } from '../../types.js';
import { follow, Pending } from '../session.js';
import type { DockerCommand } from './cli.js';
import { commandColumn, familiar } from './format.js';
import { joinCommand } from './image-config.js';
import { referenceError, startPull } from './pull.js';
import { MIN_MEMORY, parseMemory, parsePortSpec, parseRestart, validateRestart, VALID_NAME, type RestartPolicy } from './run-options.js';

/** How long an attached terminal follows a container that keeps running. */
const ATTACH_MS = 30_000;

/** `docker: <error>.` with the hint to read the help, as the CLI's reportError prints it. */
function reportError(error: string, withHelp: boolean): string {
  return `docker: ${error.replace(/\.$/, '')}.${withHelp ? "\nSee 'docker run --help'." : ''}\n`;
}

interface RunSpec {
  ref: string;
  name?: string;
  ports: PortMapping[];
  env: string[];
  restart: RestartPolicy;
  memory?: number;
  autoRemove: boolean;
  detach: boolean;
  /** A command instead of the image's. */
  args: string[];
}

export const run: DockerCommand = {
  name: 'run',
  use: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  aliases: 'docker container run, docker run',
  args: { min: 1 },
  stopAtFirstArg: true,
  shortHelpTaken: true,
  flags: [
    { name: 'detach', short: 'd', type: 'bool', usage: 'Run container in background and print container ID' },
    { name: 'env', short: 'e', type: 'strings', varname: 'list', usage: 'Set environment variables' },
    { name: 'help', type: 'bool', usage: 'Print usage' },
    { name: 'hostname', short: 'h', type: 'string', usage: 'Container host name' },
    { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
    { name: 'memory', short: 'm', type: 'string', varname: 'bytes', usage: 'Memory limit' },
    { name: 'name', type: 'string', usage: 'Assign a name to the container' },
    { name: 'publish', short: 'p', type: 'strings', varname: 'list', usage: "Publish a container's port(s) to the host" },
    { name: 'restart', type: 'string', default: 'no', usage: 'Restart policy to apply when a container exits' },
    { name: 'rm', type: 'bool', usage: 'Automatically remove the container and its associated anonymous volumes when it exits' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
  ],
  run(ctx, m, f) {
    // The CLI's own checks, before it talks to the daemon.
    const ports: PortMapping[] = [];
    for (const raw of strs(f, 'publish')) {
      const p = parsePortSpec(raw);
      if (!p.ok) return result(reportError(p.error, true), 125, 'none');
      ports.push(p.value);
    }
    let memory: number | undefined;
    if (f.set.has('memory')) {
      const mem = parseMemory(str(f, 'memory'));
      if (!mem.ok) return result(`invalid argument "${str(f, 'memory')}" for "-m, --memory" flag: ${mem.error}\nSee 'docker run --help'.\n`, 125, 'none');
      memory = mem.value;
    }
    const restartRaw = parseRestart(str(f, 'restart'));
    if (!restartRaw.ok) return result(reportError(restartRaw.error, true), 125, 'none');
    const autoRemove = bool(f, 'rm');
    if (autoRemove && !['', 'no'].includes(restartRaw.value.name)) return result(reportError('Conflicting options: --restart and --rm', true), 125, 'none');
    const detach = bool(f, 'detach');
    if (!detach && bool(f, 'tty')) return result('the input device is not a TTY\n', 1, 'none');
    const ref = f.args[0];
    const badRef = referenceError(ref);
    if (badRef) return result(reportError(badRef, true), 125, 'none');
    // The daemon checks the settings before it looks for the image.
    const restart = validateRestart(restartRaw.value);
    if (!restart.ok) return result(reportError(`Error response from daemon: ${restart.error}`, true), 125, 'manual');
    if (memory !== undefined && memory < MIN_MEMORY) return result(reportError('Error response from daemon: Minimum memory limit allowed is 6MB', true), 125, 'manual');
    const spec: RunSpec = {
      ref,
      name: f.set.has('name') ? str(f, 'name') : undefined,
      ports,
      env: strs(f, 'env').filter((e) => e.includes('=')),
      restart: restart.value,
      memory,
      autoRemove,
      detach,
      args: f.args.slice(1),
    };
    if (m.docker.findImage(normalizeImageRef(ref))) return attach(ctx, m, spec, createAndStart(m, spec));
    // Missing locally: pull it first (docker's default --pull=missing).
    const shown = familiar(normalizeImageRef(ref));
    const pending = new Pending();
    let outcome: Outcome | undefined;
    const p = startPull(ctx, m, ref, {
      then: () => {
        outcome = createAndStart(m, spec);
        return { text: outcome.text, exitCode: outcome.exitCode };
      },
      failed: (error) => ({ text: reportError(error, true), exitCode: 125 }),
    });
    let stream: ((now: number) => string) | undefined;
    return {
      text: `Unable to find image '${shown}' locally\n${p.text}`,
      exitCode: 0,
      busyMs: p.busyMs,
      progress: `Pulling ${shown}`,
      follow: follow(ctx, pending, detach ? 60_000 : ATTACH_MS + 60_000, (now) => {
        if (!p.pending.done) return '';
        if (detach || !outcome?.container) {
          pending.finish(p.pending.text, p.pending.exitCode);
          return '';
        }
        stream ??= attached(m, outcome.container, pending, p.pending.text);
        return stream(now);
      }),
      effect: 'manual',
    };
  },
};

interface Outcome {
  text: string;
  exitCode: number;
  container?: DockerContainer;
}

/** The daemon's create and start; the container ID on success. */
function createAndStart(m: Machine, spec: RunSpec): Outcome {
  const docker = m.docker;
  const image = docker.findImage(normalizeImageRef(spec.ref));
  if (!image) return { text: reportError(`Error response from daemon: No such image: ${familiar(normalizeImageRef(spec.ref))}`, true), exitCode: 125 };
  if (spec.name !== undefined) {
    if (!VALID_NAME.test(spec.name)) return { text: reportError(`Error response from daemon: Invalid container name (${spec.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, true), exitCode: 125 };
    const taken = docker.byName(spec.name.replace(/^\//, ''));
    if (taken) {
      const error = `Error response from daemon: Conflict. The container name "/${taken.name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`;
      return { text: reportError(error, true), exitCode: 125 };
    }
  }
  const ports = spec.ports.map((p) => (p.hostPort ? p : { ...p, hostPort: ephemeralPort(m, spec.ports) }));
  const c = docker.create({
    name: spec.name?.replace(/^\//, ''),
    image: image.info,
    imageRef: spec.ref,
    command: spec.args.length ? commandColumn(joinCommand(spec.args[0], spec.args.slice(1))) : undefined,
    ports,
    env: spec.env,
    restart: spec.restart,
    memoryLimit: spec.memory,
    autoRemove: spec.autoRemove,
  });
  // The one program people run by hand whose output matters.
  if (spec.args[0] === 'echo') docker.appendLog(c, spec.args.slice(1).join(' '));
  const error = docker.start(c);
  const id = spec.detach ? `${c.id}\n` : '';
  if (error) return { text: id + reportError(`Error response from daemon: ${error}`, false), exitCode: 125 };
  return { text: id, exitCode: 0, container: c };
}

/** The lowest free port of the ephemeral range, for `-p 8080`. */
function ephemeralPort(m: Machine, asked: PortMapping[]): number {
  for (let p = 32768; p < 61000; p++) if (!m.docker.hostPortOwner(p) && !asked.some((a) => a.hostPort === p)) return p;
  return 32768;
}

/** Detached: the ID now. Attached: the container's output as it comes, until it exits. */
function attach(ctx: ShellContext, m: Machine, spec: RunSpec, o: Outcome): ShellResult {
  if (spec.detach || !o.container) return result(o.text, o.exitCode, 'manual');
  const pending = new Pending();
  return { text: '', exitCode: 0, busyMs: 0, follow: follow(ctx, pending, ATTACH_MS, attached(m, o.container, pending, '')), effect: 'manual' };
}

/** An attached terminal: prints the container's new log lines; finishes `pending` when it exits (or after ATTACH_MS). */
function attached(m: Machine, c: DockerContainer, pending: Pending, before: string): (now: number) => string {
  let lines = 0;
  let since: number | undefined;
  return (now) => {
    const first = since === undefined;
    since ??= now;
    const fresh = c.log.slice(lines);
    lines = c.log.length;
    const text = (first ? before : '') + fresh.map((l) => `${l}\n`).join('');
    if (!m.docker.containers.has(c.id) || c.state === 'exited' || c.state === 'dead') pending.finish('', c.exitCode);
    else if (now - since >= ATTACH_MS - 1000) pending.finish(`(still running: this terminal detaches after ${ATTACH_MS / 1000} s; docker run -d starts it in the background)\n`, 0);
    return text;
  };
}
