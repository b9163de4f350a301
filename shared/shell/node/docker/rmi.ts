/**
 * `docker rmi`, as the daemon's ImageDelete decides: a tag is untagged (not if a container
 * uses its only tag, unless forced); an image is deleted once nothing refers to it, never
 * while a running container uses it.
 */
import type { LocalImage } from '../../../sim/runtime/docker.js';
import type { Machine } from '../../../sim/runtime/machine.js';
import { normalizeImageRef, splitRef } from '../../../sim/registry.js';
import { bool } from '../../flags.js';
import { result } from '../../types.js';
import type { DockerCommand } from './cli.js';
import { familiar, isActive, shortId } from './format.js';
import { layersOf, manifestDigest } from './ids.js';

export const rmi: DockerCommand = {
  name: 'rmi',
  use: '[OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  aliases: 'docker image rm, docker image remove, docker rmi',
  args: { min: 1 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force removal of the image' },
    { name: 'no-prune', type: 'bool', usage: 'Do not delete untagged parents' },
  ],
  run(_ctx, m, f) {
    const force = bool(f, 'force');
    let out = '';
    let errors = '';
    let fatal = false;
    for (const ref of f.args) {
      const r = removeImage(m, ref, force);
      if ('error' in r) {
        errors += `Error response from daemon: ${r.error}\n`;
        fatal ||= !r.notFound;
      } else out += r.records.map((x) => `${x}\n`).join('');
    }
    return result(out + errors, errors && (!force || fatal) ? 1 : 0, 'manual');
  },
};

export type RemoveResult = { records: string[] } | { error: string; notFound?: boolean };

const isIdPrefix = (ref: string) => /^(sha256:)?[0-9a-f]{4,64}$/.test(ref);

/** One image by tag or ID: `Untagged: …` / `Deleted: …` records, or the daemon's error. */
export function removeImage(m: Machine, ref: string, force: boolean): RemoveResult {
  const docker = m.docker;
  const byId = isIdPrefix(ref);
  const norm = byId ? ref.replace(/^sha256:/, '') : normalizeImageRef(ref);
  const li = docker.findImage(norm);
  if (!li) return { error: `No such image: ${byId ? ref : familiar(norm)}`, notFound: true };
  const users = docker.imageUsers(li.info.id);
  const running = users.find(isActive);
  const stopped = users.find((c) => !isActive(c));
  const short = shortId(li.info.id);
  const records: string[] = [];
  if (!byId) {
    if (!force && li.tags.size === 1 && users.length) {
      return { error: `conflict: unable to remove repository reference "${ref}" (must force) - container ${shortId(users[0].id)} is using its referenced image ${short}` };
    }
    records.push(...untag(m, li, norm));
    // Untagging left other tags, or a container still uses the image: it stays (maybe as <none>).
    if (li.tags.size || running || (stopped && !force)) return { records };
  } else {
    if (running) return { error: `conflict: unable to delete ${short} (cannot be forced) - image is being used by running container ${shortId(running.id)}` };
    if (!force && li.tags.size > 1) return { error: `conflict: unable to delete ${short} (must be forced) - image is referenced in multiple repositories` };
    if (!force && stopped) return { error: `conflict: unable to delete ${short} (must be forced) - image is being used by stopped container ${shortId(stopped.id)}` };
    for (const tag of [...li.tags].sort()) records.push(...untag(m, li, tag));
  }
  docker.removeImage(li.info.id);
  records.push(...deleted(li));
  return { records };
}

/** `Untagged: web:1.0`, and the repository's digest reference when it was its last tag. */
function untag(m: Machine, li: LocalImage, tag: string): string[] {
  m.docker.untag(li, tag);
  const [repo] = splitRef(tag);
  const out = [`Untagged: ${familiar(tag)}`];
  if (![...li.tags].some((t) => splitRef(t)[0] === repo)) out.push(`Untagged: ${familiar(repo)}@${manifestDigest(li.info.id)}`);
  return out;
}

/** `Deleted: sha256:…` for the image and each of its layers. */
export function deleted(li: LocalImage): string[] {
  return [`Deleted: ${li.info.id}`, ...layersOf(li.info.id).map((l) => `Deleted: ${l.chain}`)];
}
