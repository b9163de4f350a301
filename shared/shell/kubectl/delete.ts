/**
 * `kubectl delete`: by type and name, by label, `--all`, or the objects of a manifest file.
 * Pods on a node end gracefully (Terminating for their grace period) and the command waits
 * until they are gone, as kubectl's default `--wait` does; `--force --grace-period=0`
 * removes them at once with kubectl's warning. Owners take their dependents with them
 * (the garbage collector).
 */
import type { KubeObject, Pod } from '../../sim/api/types.js';
import type { Cluster } from '../../sim/cluster.js';
import { bool, int, str, strs } from '../flags.js';
import type { Follow, ShellResult } from '../types.js';
import { done, type Command, type Invocation } from './command.js';
import { KubectlError, notFoundText, usageError } from './errors.js';
import { aggregate, errorForms, readManifestFile } from './manifest-files.js';
import { getObject, listObjects, type AnyObject } from './objects.js';
import { byKind, groupResource, lookup, parseResourceArgs, type ResourceType } from './resources.js';
import { parseLabelSelector } from './selector.js';

const FORCE_WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

export const del: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or
resources and label selector.

 Some resources, such as pods, support graceful deletion. These resources define a default period before they are
forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to
set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be
acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take
significantly longer than the grace period. To force delete a resource, you must specify the --force flag.

 IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can
leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use
shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those
pods may result in multiple processes running on different machines using the same identification which may lead to
data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application
can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place
new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.

 Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right
when you submit a delete, their update will be lost along with the rest of the resource.`,
  examples: `  # Delete a pod using the type and name specified in pod.json
  kubectl delete -f ./pod.json

  # Delete pods and services with same names "baz" and "foo"
  kubectl delete pod,service baz foo

  # Delete pods and services with label name=myLabel
  kubectl delete pods,services -l name=myLabel

  # Delete a pod with minimal delay
  kubectl delete pod foo --now

  # Force delete a pod on a dead node
  kubectl delete pod foo --force

  # Delete all pods
  kubectl delete pods --all`,
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    { name: 'all', type: 'bool', default: false, usage: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even\n\tif specified with --namespace.' },
    { name: 'filename', short: 'f', type: 'strings', default: [], usage: 'containing the resource to delete.' },
    { name: 'force', type: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of\n\tsome resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for\n\timmediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'ignore-not-found', type: 'bool', default: false, usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'now', type: 'bool', default: false, usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    { name: 'selector', short: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3\n\tin (value3)). Matching objects must satisfy all of the specified label constraints." },
    { name: 'wait', type: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  write: true,
  run: runDelete,
};

interface Target {
  type: ResourceType;
  obj?: AnyObject;
  name: string;
  /** The namespace a manifest names. */
  ns?: string;
  source?: string;
}

function runDelete(inv: Invocation): ShellResult {
  const c = inv.cluster;
  const f = inv.flags;
  const files = strs(f, 'filename');
  const all = bool(f, 'all');
  const selector = str(f, 'selector');
  const force = bool(f, 'force');
  let grace = int(f, 'grace-period');
  if (bool(f, 'now')) {
    if (grace >= 0) throw new KubectlError('error: --now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1; // kubectl: --grace-period=0 without --force means 1
  if (force && grace < 0) grace = 0;
  if (!files.length && !inv.args.length) {
    throw new KubectlError(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  if (files.length && inv.args.length) throw usageError('kubectl delete', `Unexpected args: [${inv.args.join(' ')}]`);
  const targets: Target[] = [];
  const errors: { single: string; multi: string }[] = [];
  if (files.length) {
    for (const file of files) {
      const rf = readManifestFile(inv.ctx, file);
      if (rf.error) {
        errors.push(errorForms(rf.error));
        continue;
      }
      for (const { doc, raw } of rf.docs) {
        // Deleting needs only the kind and name: a document the server would refuse still names one.
        const type = doc.object ? byKind(doc.object.kind) : doc.kind ? lookup(doc.kind) : undefined;
        const name = doc.object?.metadata.name ?? doc.name;
        if (!type || !name || doc.stopsFile) {
          if (doc.error) errors.push(errorForms(doc.error));
          if (doc.stopsFile) break;
          continue;
        }
        const rawNs = (raw?.metadata as { namespace?: unknown } | undefined)?.namespace;
        targets.push({ type, name, source: file, ns: doc.object?.metadata.namespace ?? (typeof rawNs === 'string' ? rawNs : undefined) });
      }
    }
  } else {
    const reqs = parseResourceArgs(inv.args);
    for (const r of reqs) {
      if (r.names.length) {
        if (all || selector) throw new KubectlError('error: name cannot be provided when a selector is specified');
        for (const name of r.names) targets.push({ type: r.type, name });
      } else {
        if (!all && !selector) throw new KubectlError('error: resource(s) were provided, but no name was specified');
        c.api.check();
        const sel = selector ? parseLabelSelector(selector) : () => true;
        const ns = bool(f, 'all-namespaces') ? undefined : inv.namespace;
        for (const o of listObjects(c, r.type, ns)) if (sel(o.metadata.labels)) targets.push({ type: r.type, name: o.metadata.name, obj: o });
      }
    }
  }
  c.api.check();
  let out = force && grace === 0 ? FORCE_WARNING : '';
  const waiting: KubeObject[] = [];
  const ignoreNotFound = bool(f, 'ignore-not-found') || all;
  let deleted = 0;
  for (const t of targets) {
    const ns = t.ns || inv.namespace;
    const obj = t.obj ?? getObject(c, t.type, t.name, ns);
    if (!obj) {
      if (!ignoreNotFound) {
        const msg = `${groupResource(t.type)} ${JSON.stringify(t.name)} not found`;
        errors.push(t.source ? { single: `Error from server (NotFound): error when deleting ${JSON.stringify(t.source)}: ${msg}`, multi: `error when deleting ${JSON.stringify(t.source)}: ${msg}` } : { single: notFoundText(groupResource(t.type), t.name), multi: msg });
      }
      continue;
    }
    const refused = refuse(t.type);
    if (refused) {
      errors.push(errorForms(refused));
      continue;
    }
    const live = obj as KubeObject;
    // The API server recreates its own `kubernetes` Service at once.
    if (!(live.kind === 'Service' && live.metadata.name === 'kubernetes' && live.metadata.namespace === 'default')) {
      c.api.delete(live, live.kind === 'Pod' ? (grace >= 0 ? grace : undefined) : undefined);
      if (c.store.isLive(live)) waiting.push(live);
    }
    deleted++;
    const verb = force && grace === 0 ? 'force deleted' : 'deleted';
    out += str(f, 'output') === 'name' ? `${t.type.group ? `${t.type.singular}.${t.type.group}` : t.type.singular}/${t.name}\n` : `${t.type.group ? `${t.type.singular}.${t.type.group}` : t.type.singular} ${JSON.stringify(t.name)} ${verb}\n`;
  }
  if (!deleted && !errors.length && (all || selector)) out += noneFound(inv, bool(f, 'all-namespaces'));
  out += aggregate(errors);
  const res = done(out, errors.length ? 1 : 0);
  if (waiting.length && f.values.get('wait') !== false) {
    res.follow = waitGone(c, waiting);
    res.progress = `waiting for ${waiting.length === 1 ? `${waiting[0].kind.toLowerCase()}/${waiting[0].metadata.name}` : `${waiting.length} objects`} to terminate`;
  }
  return res;
}

function noneFound(inv: Invocation, allNs: boolean): string {
  return allNs ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`;
}

/** Kinds this cluster does not let a player delete (they are derived, or would break the town). */
function refuse(type: ResourceType): string | undefined {
  switch (type.kind) {
    case 'Node':
      return 'error: deleting Nodes is not simulated in Kubetown: cordon and drain the node instead';
    case 'Namespace':
    case 'Endpoints':
    case 'Event':
      return `error: deleting ${type.plural} is not simulated in Kubetown`;
    default:
      return undefined;
  }
}

/** kubectl's --wait: the terminal stays busy until the deleted objects are gone. */
function waitGone(c: Cluster, objs: KubeObject[]): Follow {
  const longest = Math.max(30, ...objs.map((o) => (o.kind === 'Pod' ? ((o as Pod).metadata.deletionGracePeriodSeconds ?? 30) : 0)));
  return {
    timeoutMs: (longest + 60) * 1000,
    poll() {
      return { text: '', done: objs.every((o) => !c.store.isLive(o)) };
    },
  };
}
