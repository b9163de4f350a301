/**
 * `kubectl rollout status|history|undo|restart|pause|resume`. `status` waits, as the real
 * command watches: the terminal stays busy and prints each new state of the rollout until
 * it succeeds, exceeds its progress deadline, or `--timeout` runs out.
 */
import type { DaemonSet, Deployment } from '../../sim/api/types.js';
import type { Cluster } from '../../sim/cluster.js';
import { rollbackDeployment, restartDeployment, revisions } from '../../sim/rollout.js';
import { condition } from '../../sim/controllers/deployment.js';
import { rfc3339 } from '../duration.js';
import { int, str } from '../flags.js';
import { tabwrite } from '../tabwriter.js';
import type { ShellResult } from '../types.js';
import { done, ok, type Command, type Invocation } from './command.js';
import { KubectlError, notFoundText } from './errors.js';
import { podTemplate, PrefixWriter } from './describe-format.js';
import { LAST_APPLIED } from './apply.js';
import { getObject } from './objects.js';
import { groupResource, parseResourceArgs, qualifiedName, type ResourceType } from './resources.js';

/** How long `rollout status` may keep the terminal when no --timeout is given (sim ms). */
export const STATUS_WAIT_MS = 15 * 60_000;

const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

const UNDO_WARNING = (name: string) =>
  `Warning: resource deployments/${name} was previously managed with 'kubectl apply'. Rolling back will not update the ${LAST_APPLIED} annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.\n`;

/** The single object a rollout subcommand works on. */
function target(inv: Invocation): { type: ResourceType; name: string; obj: Deployment | DaemonSet | undefined } {
  if (!inv.args.length) throw new KubectlError(NO_RESOURCES);
  const reqs = parseResourceArgs(inv.args, { allowAll: false });
  const r = reqs[0];
  if (!r.names.length) throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
  inv.cluster.api.check();
  const name = r.names[0];
  const obj = getObject(inv.cluster, r.type, name, inv.namespace) as Deployment | DaemonSet | undefined;
  if (!obj) throw new KubectlError(notFoundText(groupResource(r.type), name));
  return { type: r.type, name, obj };
}

/** Go's time.ParseDuration for the usual shapes: `30s`, `2m`, `1m30s`, `500ms`, `0`. */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let used = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms']!;
    used += m[0].length;
  }
  return used === s.length && used > 0 ? total : undefined;
}

interface Status {
  text: string;
  done: boolean;
  error?: string;
}

/** DeploymentStatusViewer.Status, word for word. */
export function deploymentStatus(d: Deployment): Status {
  const name = JSON.stringify(d.metadata.name);
  const s = d.status;
  if ((d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    if (condition(d, 'Progressing')?.reason === 'ProgressDeadlineExceeded') return { text: '', done: false, error: `error: deployment ${name} exceeded its progress deadline` };
    const updated = s.updatedReplicas ?? 0;
    if (updated < d.spec.replicas) return { text: `Waiting for deployment ${name} rollout to finish: ${updated} out of ${d.spec.replicas} new replicas have been updated...\n`, done: false };
    if ((s.replicas ?? 0) > updated) return { text: `Waiting for deployment ${name} rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    if ((s.availableReplicas ?? 0) < updated) return { text: `Waiting for deployment ${name} rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    return { text: `deployment ${name} successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
}

/** DaemonSetStatusViewer.Status. */
function daemonSetStatus(ds: DaemonSet): Status {
  const name = JSON.stringify(ds.metadata.name);
  const s = ds.status;
  if ((ds.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    if ((s.updatedNumberScheduled ?? 0) < s.desiredNumberScheduled) return { text: `Waiting for daemon set ${name} rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${s.desiredNumberScheduled} new pods have been updated...\n`, done: false };
    if ((s.numberAvailable ?? 0) < s.desiredNumberScheduled) return { text: `Waiting for daemon set ${name} rollout to finish: ${s.numberAvailable ?? 0} of ${s.desiredNumberScheduled} updated pods are available...\n`, done: false };
    return { text: `daemon set ${name} successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

function statusOf(obj: Deployment | DaemonSet): Status {
  return obj.kind === 'Deployment' ? deploymentStatus(obj) : daemonSetStatus(obj);
}

const statusCmd: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for
the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout
status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled
over by another revision, use --revision=N where N is the revision you need to watch for.`,
  examples: '  # Watch the rollout status of a deployment\n  kubectl rollout status deployment/nginx',
  usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    { name: 'revision', type: 'int', default: 0, usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a\n\tcorresponding time unit (e.g. 1s, 2m, 3h).' },
    { name: 'watch', short: 'w', type: 'bool', default: true, usage: 'Watch the status of the rollout until it\'s done.' },
  ],
  run(inv) {
    const timeout = parseGoDuration(str(inv.flags, 'timeout'));
    if (timeout === undefined) throw new KubectlError(`error: invalid argument "${str(inv.flags, 'timeout')}" for "--timeout" flag: time: invalid duration "${str(inv.flags, 'timeout')}"`);
    const t = target(inv);
    if (t.type.kind !== 'Deployment' && t.type.kind !== 'DaemonSet') throw new KubectlError(`error: no status viewer has been implemented for ${t.type.kind}`);
    const c = inv.cluster;
    const revision = int(inv.flags, 'revision');
    const obj = t.obj!;
    if (revision > 0 && obj.kind === 'Deployment') {
      const rev = Number(obj.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
      if (rev !== revision) throw new KubectlError(`error: desired revision (${revision}) is different from the running revision (${rev})`);
    }
    const first = statusOf(obj);
    if (first.error) throw new KubectlError(first.error);
    if (first.done || inv.flags.values.get('watch') === false) return ok(first.text);
    const res: ShellResult = ok(first.text);
    res.progress = `rollout status ${t.type.singular}/${t.name}`;
    const start = c.now;
    let last = first.text;
    res.follow = {
      timeoutMs: timeout > 0 ? timeout + 1000 : STATUS_WAIT_MS,
      poll(now) {
        if (timeout > 0 && now - start >= timeout) return { text: 'error: timed out waiting for the condition\n', done: true, exitCode: 1 };
        if (!c.api.up) return { text: '', done: false };
        const live = c.store.get(obj.kind, obj.metadata.name, obj.metadata.namespace) as Deployment | DaemonSet | undefined;
        if (!live) return { text: `Error from server (NotFound): ${groupResource(t.type)} "${t.name}" not found\n`, done: true, exitCode: 1 };
        const s = statusOf(live);
        if (s.error) return { text: `${s.error}\n`, done: true, exitCode: 1 };
        const text = s.text !== last ? s.text : '';
        last = s.text;
        return { text, done: s.done, exitCode: 0 };
      },
    };
    return res;
  },
};

function deploymentOnly(t: ReturnType<typeof target>, what: string): Deployment {
  if (t.type.kind === 'DaemonSet') throw new KubectlError(`error: ${what} DaemonSets is not simulated in Kubetown (their pods follow the node)`);
  if (t.type.kind !== 'Deployment') throw new KubectlError(`error: ${groupResource(t.type)} ${JSON.stringify(t.name)} ${what === 'rolling back' ? 'rollback' : what} is not supported`);
  return t.obj as Deployment;
}

/** The pod template of one revision, as `rollout history --revision` prints it (no tabwriter). */
function revisionTemplate(c: Cluster, d: Deployment, revision: number): string {
  const rev = revisions(d, c.rsByOwner).find((r) => r.revision === revision);
  if (!rev) throw new KubectlError(`error: unable to find the specified revision`);
  const w = new PrefixWriter(false);
  podTemplate(w, rev.rs.spec.template, c.epochMs);
  return w.toString();
}

const history: Command = {
  name: 'history',
  short: 'View rollout history',
  long: 'View previous rollout revisions and configurations.',
  examples: `  # View the rollout history of a deployment
  kubectl rollout history deployment/abc

  # View the details of daemonset revision 3
  kubectl rollout history daemonset/abc --revision=3`,
  usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [{ name: 'revision', type: 'int', default: 0, usage: 'See the details, including podTemplate of the revision specified' }],
  run(inv) {
    const t = target(inv);
    if (t.type.kind !== 'Deployment') {
      if (t.type.kind === 'DaemonSet') deploymentOnly(t, 'the history of');
      throw new KubectlError(`error: no history viewer has been implemented for ${JSON.stringify(t.type.kind)}`);
    }
    const d = t.obj as Deployment;
    const qn = qualifiedName(t.type, t.name);
    const revision = int(inv.flags, 'revision');
    if (revision > 0) return ok(`${qn} with revision #${revision}\n${revisionTemplate(inv.cluster, d, revision)}\n`);
    const revs = revisions(d, inv.cluster.rsByOwner);
    if (!revs.length) return ok(`${qn} \nNo rollout history found.\n\n`);
    const table = tabwrite(`REVISION\tCHANGE-CAUSE\n${revs.map((r) => `${r.revision}\t${r.changeCause || '<none>'}\n`).join('')}`);
    return ok(`${qn} \n${table}\n`);
  },
};

const undo: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  long: 'Roll back to a previous rollout.',
  examples: `  # Roll back to the previous deployment
  kubectl rollout undo deployment/abc

  # Roll back to daemonset revision 3
  kubectl rollout undo daemonset/abc --to-revision=3

  # Roll back to the previous deployment with dry-run
  kubectl rollout undo --dry-run=server deployment/abc`,
  usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [{ name: 'to-revision', type: 'int', default: 0, usage: 'The revision to rollback to. Default to 0 (last revision).' }],
  write: true,
  run(inv) {
    const t = target(inv);
    if (t.type.kind !== 'Deployment' && t.type.kind !== 'DaemonSet') throw new KubectlError(`error: no rollbacker has been implemented for ${JSON.stringify(t.type.kind)}`);
    const d = deploymentOnly(t, 'rolling back');
    const to = int(inv.flags, 'to-revision');
    if (to < 0) throw new KubectlError(`error: unable to find specified revision ${to} in history`);
    const warning = d.metadata.annotations?.[LAST_APPLIED] ? UNDO_WARNING(t.name) : '';
    const r = rollbackDeployment(inv.cluster.api, d, inv.cluster.rsByOwner, to);
    if (!r.ok) return done(`${warning}${r.error}\n`, 1);
    return done(`${warning}${r.message}\n`);
  },
};

const restart: Command = {
  name: 'restart',
  short: 'Restart a resource',
  long: `Restart a resource.

        Resource rollout will be restarted.`,
  examples: `  # Restart all deployments in the test-namespace namespace
  kubectl rollout restart deployment -n test-namespace

  # Restart a deployment
  kubectl rollout restart deployment/nginx

  # Restart a daemon set
  kubectl rollout restart daemonset/abc`,
  usage: 'kubectl rollout restart RESOURCE [options]',
  flags: [],
  write: true,
  run(inv) {
    const t = target(inv);
    const d = deploymentOnly(t, 'restarting');
    if (d.spec.paused) throw new KubectlError(`error: deployments.apps ${JSON.stringify(t.name)} can't restart paused deployment (run rollout resume first)`);
    return done(`${restartDeployment(inv.cluster.api, d, rfc3339(inv.cluster.now, inv.cluster.epochMs))}\n`);
  },
};

function pauseOrResume(pause: boolean): Command {
  const verb = pause ? 'pause' : 'resume';
  return {
    name: verb,
    short: pause ? 'Mark the provided resource as paused' : 'Resume a paused resource',
    long: pause
      ? `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource.
Currently only deployments support being paused.`
      : `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again.
Currently only deployments support being resumed.`,
    examples: `  # ${pause ? 'Mark the nginx deployment as paused\n  # Any current state of the deployment will continue its function; new updates\n  # to the deployment will not have an effect as long as the deployment is paused\n  kubectl rollout pause deployment/nginx' : 'Resume an already paused deployment\n  kubectl rollout resume deployment/nginx'}`,
    usage: `kubectl rollout ${verb} RESOURCE [options]`,
    flags: [],
    write: true,
    run(inv: Invocation) {
      const t = target(inv);
      if (t.type.kind !== 'Deployment') throw new KubectlError(`error: ${groupResource(t.type)} ${JSON.stringify(t.name)} ${pause ? 'pausing' : 'resuming'} is not supported`);
      const d = t.obj as Deployment;
      if (!!d.spec.paused === pause) throw new KubectlError(`error: deployments.apps ${JSON.stringify(t.name)} ${pause ? 'is already paused' : 'is not paused'}`);
      d.spec.paused = pause ? true : undefined;
      inv.cluster.api.update(d, true);
      return done(`${qualifiedName(t.type, t.name)} ${pause ? 'paused' : 'resumed'}\n`);
    },
  };
}

export const rollout: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  long: `Manage the rollout of one or many resources.

 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`,
  examples: `  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc

  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo

  # Restart a deployment
  kubectl rollout restart deployment/abc

  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx`,
  usage: 'kubectl rollout SUBCOMMAND [options]',
  flags: [],
  sub: [history, pauseOrResume(true), restart, pauseOrResume(false), statusCmd, undo],
};

