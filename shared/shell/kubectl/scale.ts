/**
 * `kubectl scale --replicas=N deployment/web`: an edit of the desired replica count that the
 * ReplicaSet controller then carries out.
 */
import type { Deployment, ReplicaSet } from '../../sim/api/types.js';
import { bool, int, str } from '../flags.js';
import { done, type Command, type Invocation } from './command.js';
import { KubectlError, notFoundText, usageError } from './errors.js';
import { getObject, listObjects } from './objects.js';
import { groupResource, parseResourceArgs, qualifiedName, type ResourceType } from './resources.js';
import { parseLabelSelector } from './selector.js';
import { dryRunOf, dryRunSuffix, DRY_RUN_FLAG } from './apply.js';

export const SELECTOR_FLAG = {
  name: 'selector',
  short: 'l',
  type: 'string' as const,
  default: '',
  usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3\n\tin (value3)). Matching objects must satisfy all of the specified label constraints.",
};

/** The objects named by `TYPE NAME`, `TYPE/NAME`, `-l` or `--all`, with kubectl's errors for the others. */
export function targets(inv: Invocation, path: string): { type: ResourceType; name: string; obj?: Deployment | ReplicaSet }[] {
  if (!inv.args.length) throw usageError(path, 'required resource not specified');
  const reqs = parseResourceArgs(inv.args);
  const all = bool(inv.flags, 'all');
  const sel = str(inv.flags, 'selector');
  inv.cluster.api.check();
  const out: { type: ResourceType; name: string; obj?: Deployment | ReplicaSet }[] = [];
  for (const r of reqs) {
    if (r.names.length) {
      for (const name of r.names) out.push({ type: r.type, name, obj: getObject(inv.cluster, r.type, name, inv.namespace) as Deployment | ReplicaSet | undefined });
    } else if (all || sel) {
      const match = sel ? parseLabelSelector(sel) : () => true;
      for (const o of listObjects(inv.cluster, r.type, inv.namespace)) if (match(o.metadata.labels)) out.push({ type: r.type, name: o.metadata.name, obj: o as Deployment | ReplicaSet });
    } else throw new KubectlError('error: resource(s) were provided, but no name was specified');
  }
  return out;
}

export const scale: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is
guaranteed that the precondition holds true when the scale is sent to the server.`,
  examples: `  # Scale a replica set named 'foo' to 3
  kubectl scale --replicas=3 rs/foo

  # Scale a resource identified by type and name specified in "foo.yaml" to 3
  kubectl scale --replicas=3 -f foo.yaml

  # If the deployment named mysql's current size is 2, scale mysql to 3
  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql

  # Scale multiple replication controllers
  kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3

  # Scale stateful set named 'web' to 3
  kubectl scale --replicas=3 statefulset/web`,
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'current-replicas', type: 'int', default: -1, usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to\n\tscale. -1 (default) for no condition.' },
    DRY_RUN_FLAG,
    { name: 'replicas', type: 'int', default: 0, usage: 'The new desired number of replicas. Required.' },
    SELECTOR_FLAG,
  ],
  write: true,
  run(inv) {
    if (!inv.flags.set.has('replicas')) throw new KubectlError('error: required flag(s) "replicas" not set');
    const n = int(inv.flags, 'replicas');
    if (n < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const dryRun = dryRunOf(str(inv.flags, 'dry-run'));
    const current = int(inv.flags, 'current-replicas');
    let out = '';
    const errors: string[] = [];
    for (const t of targets(inv, 'kubectl scale')) {
      if (t.type.kind !== 'Deployment' && t.type.kind !== 'ReplicaSet') {
        errors.push(`error: cannot scale ${t.type.plural}/${t.name}: no scaler has been implemented for "${t.type.kind}"`);
        continue;
      }
      if (!t.obj) {
        errors.push(notFoundText(groupResource(t.type), t.name));
        continue;
      }
      if (current >= 0 && t.obj.spec.replicas !== current) {
        errors.push(`error: Expected replicas to be ${current}, was ${t.obj.spec.replicas}`);
        continue;
      }
      if (dryRun === 'none' && t.obj.spec.replicas !== n) {
        t.obj.spec.replicas = n;
        inv.cluster.api.update(t.obj, true);
      }
      out += `${qualifiedName(t.type, t.name)} scaled${dryRunSuffix(dryRun)}\n`;
    }
    if (errors.length) out += `${errors.join('\n')}\n`;
    return done(out, errors.length ? 1 : 0);
  },
};
