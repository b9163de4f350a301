/**
 * What `kubectl rollout history|undo|restart` do to a Deployment, client-side, as kubectl's
 * polymorphic helpers do: read the ReplicaSets' revision annotations, copy an old template
 * back, or stamp the template with restartedAt.
 */
import type { Deployment, PodTemplateSpec, ReplicaSet } from './api/types.js';
import type { ApiServer } from './apiserver.js';
import { deepClone } from './clone.js';
import { HASH_LABEL, REVISION, revisionOf } from './controllers/deployment.js';
import type { Index } from './store.js';

export interface Revision {
  revision: number;
  rs: ReplicaSet;
  changeCause?: string;
}

/** The Deployment's revisions, oldest first. */
export function revisions(d: Deployment, rsByOwner: Index<ReplicaSet>): Revision[] {
  return [...rsByOwner.get(d.metadata.uid)]
    .filter((rs) => rs.metadata.annotations?.[REVISION])
    .map((rs) => ({ revision: revisionOf(rs), rs, changeCause: rs.metadata.annotations?.['kubernetes.io/change-cause'] }))
    .sort((a, b) => a.revision - b.revision);
}

/** The template without the pod-template-hash label, as undo writes it back. */
function templateOf(rs: ReplicaSet): PodTemplateSpec {
  const t = deepClone(rs.spec.template);
  if (t.metadata?.labels) delete t.metadata.labels[HASH_LABEL];
  return t;
}

export type UndoResult = { ok: true; message: string } | { ok: false; error: string };

/**
 * `kubectl rollout undo deployment/NAME [--to-revision=N]`: the template of the previous (or
 * given) revision becomes the Deployment's template again.
 */
export function rollbackDeployment(api: ApiServer, d: Deployment, rsByOwner: Index<ReplicaSet>, toRevision = 0): UndoResult {
  const revs = revisions(d, rsByOwner);
  const current = Number(d.metadata.annotations?.[REVISION] ?? 0);
  let target: Revision | undefined;
  if (toRevision > 0) {
    target = revs.find((r) => r.revision === toRevision);
    if (!target) return { ok: false, error: `error: unable to find specified revision ${toRevision} in history` };
  } else {
    target = revs.filter((r) => r.revision !== current).at(-1);
    if (!target) return { ok: false, error: 'error: no rollout history found for deployment "' + d.metadata.name + '"' };
  }
  // kubectl's wording since it stopped naming the deployment in the hint.
  if (d.spec.paused) return { ok: false, error: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again" };
  const template = templateOf(target.rs);
  if (JSON.stringify(template) === JSON.stringify(d.spec.template)) {
    return { ok: true, message: `deployment.apps/${d.metadata.name} skipped rollback (current template already matches revision ${target.revision})` };
  }
  d.spec.template = template;
  api.update(d, true);
  return { ok: true, message: `deployment.apps/${d.metadata.name} rolled back` };
}

/** `kubectl rollout restart`: a new template annotation makes a new ReplicaSet roll out. */
export function restartDeployment(api: ApiServer, d: Deployment, at: string): string {
  const t = deepClone(d.spec.template);
  t.metadata ??= {};
  t.metadata.annotations = { ...(t.metadata.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': at };
  d.spec.template = t;
  api.update(d, true);
  return `deployment.apps/${d.metadata.name} restarted`;
}
