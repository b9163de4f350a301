/**
 * `docker pull`, and the pull `docker run` does for a missing image: the daemon's progress
 * lines (as a terminal shows them once done), the download taking its sim time, and the
 * registry's errors in the daemon's words.
 */
import { fullImageRef, normalizeImageRef, splitRef } from '../../../sim/registry.js';
import type { Machine } from '../../../sim/runtime/machine.js';
import { bool } from '../../flags.js';
import { result, type ShellContext } from '../../types.js';
import { follow, Pending } from '../session.js';
import type { DockerCommand } from './cli.js';
import { familiar } from './format.js';
import { layersOf, manifestDigest } from './ids.js';

const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(`^(?:[a-zA-Z0-9.-]+(?::\\d+)?/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`);

/** distribution/reference's verdict on an image reference: undefined when valid. */
export function referenceError(ref: string): string | undefined {
  if (REFERENCE.test(ref)) return undefined;
  const name = ref.replace(/[:@].*$/, '');
  if (/[A-Z]/.test(name) && REFERENCE.test(ref.toLowerCase())) {
    const remote = name.includes('/') ? name : `library/${name}`;
    return `invalid reference format: repository name (${remote}) must be lowercase`;
  }
  return 'invalid reference format';
}

/** `library/web` for Docker Hub images, the path after the registry host otherwise. */
function repositoryPath(ref: string): string {
  const full = fullImageRef(ref);
  const [repo] = splitRef(full);
  return repo.slice(repo.indexOf('/') + 1);
}

export interface PullStart {
  /** What prints at once. */
  text: string;
  busyMs: number;
  /** Set when the pull has ended: the rest of the output. */
  pending: Pending;
}

export interface PullOptions {
  quiet?: boolean;
  /** Runs when the image is there (sim time): more output. */
  then?: () => { text: string; exitCode: number };
  /** How the failure prints (`docker run` words it its own way). */
  failed?: (error: string) => { text: string; exitCode: number };
}

/**
 * Starts pulling `ref` on the node. The image is stored (or the error known) after the
 * download time; `then` runs at that moment (in sim time) when the pull succeeded.
 */
export function startPull(ctx: ShellContext, m: Machine, ref: string, opts: PullOptions = {}): PullStart {
  const { quiet, then } = opts;
  const failed = opts.failed ?? ((e: string) => ({ text: `${e}\n`, exitCode: 1 }));
  const norm = normalizeImageRef(ref);
  const [, tag] = splitRef(norm);
  const shown = familiar(norm);
  const header = `${tag}: Pulling from ${repositoryPath(ref)}\n`;
  const peek = ctx.cluster.registry.pull(ref);
  const pending = new Pending();
  const local = m.docker.findImage(norm);
  if (peek.ok && local && local.info.id === peek.image.id) {
    const rest = then?.() ?? { text: '', exitCode: 0 };
    const progress = quiet ? '' : `Digest: ${manifestDigest(local.info.id)}\nStatus: Image is up to date for ${shown}\n`;
    pending.finish(progress + rest.text, rest.exitCode);
    return { text: quiet ? '' : header, busyMs: 600, pending };
  }
  const busyMs = m.docker.pull(ref, (r) => {
    if (!r.ok) {
      const f = failed(errorText(ctx, r.error, norm));
      pending.finish(f.text, f.exitCode);
      return;
    }
    const layers = layersOf(r.image.id)
      .map((l) => `${l.blob}: Pull complete\n`)
      .join('');
    const rest = then?.() ?? { text: '', exitCode: 0 };
    const progress = quiet ? '' : `${layers}Digest: ${manifestDigest(r.image.id)}\nStatus: Downloaded newer image for ${shown}\n`;
    pending.finish(progress + rest.text, rest.exitCode);
  });
  return { text: peek.ok && !quiet ? header : '', busyMs, pending };
}

/** Docker Hub answers a repository that does not exist with an access error, not a missing tag. */
function errorText(ctx: ShellContext, error: string, norm: string): string {
  const [repo] = splitRef(norm);
  if (!/manifest unknown/.test(error) || ctx.cluster.registry.refs().some((r) => splitRef(r)[0] === repo)) return error;
  return `Error response from daemon: pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
}

export const pull: DockerCommand = {
  name: 'pull',
  use: '[OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  aliases: 'docker image pull, docker pull',
  args: { exact: 1 },
  flags: [
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  run(ctx, m, f) {
    const ref = f.args[0];
    const bad = referenceError(ref);
    if (bad) return result(`${bad}\n`, 1, 'none');
    const quiet = bool(f, 'quiet');
    const norm = normalizeImageRef(ref);
    const defaultTag = !/:[^/]+$/.test(ref.replace(/@.*$/, '')) && !ref.includes('@') ? 'Using default tag: latest\n' : '';
    const p = startPull(ctx, m, ref, { quiet, then: () => ({ text: `${fullImageRef(norm)}\n`, exitCode: 0 }) });
    return {
      text: quiet ? '' : defaultTag + p.text,
      exitCode: 0,
      busyMs: p.busyMs,
      progress: `Pulling ${familiar(norm)}`,
      follow: follow(ctx, p.pending, 60_000),
      effect: 'manual',
    };
  },
};
