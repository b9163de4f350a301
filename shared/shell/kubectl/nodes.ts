/**
 * Node maintenance: `cordon` / `uncordon` (spec.unschedulable, shown as
 * `Ready,SchedulingDisabled`) and `taint` (add `key=value:Effect`, remove `key:Effect-` or
 * every effect of `key-`), with kubectl's messages.
 */
import type { Node, Taint, TaintEffect } from '../../sim/api/types.js';
import type { Cluster } from '../../sim/cluster.js';
import { bool, str } from '../flags.js';
import { done, type Command, type Invocation } from './command.js';
import { KubectlError, notFoundText, usageError } from './errors.js';
import { dryRunOf, dryRunSuffix, DRY_RUN_FLAG } from './apply.js';
import { lookup } from './resources.js';
import { parseLabelSelector } from './selector.js';

const NODE_SELECTOR_FLAG = { name: 'selector', short: 'l', type: 'string' as const, default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3\n\tin (value3)). Matching objects must satisfy all of the specified label constraints." };

/** The nodes named by the arguments (`node-1`, `node/node-1`) or by -l. */
export function nodesFor(c: Cluster, names: string[], selector: string, errors: string[]): Node[] {
  c.api.check();
  if (selector) {
    const sel = parseLabelSelector(selector);
    return c.store.list('Node').filter((n) => sel(n.metadata.labels)).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  }
  const out: Node[] = [];
  for (const raw of names) {
    const name = raw.includes('/') ? raw.slice(raw.indexOf('/') + 1) : raw;
    const n = c.store.get('Node', name);
    if (n) out.push(n);
    else errors.push(notFoundText('nodes', name));
  }
  return out;
}

/** Marks a node (un)schedulable; the message kubectl prints for it. */
export function setUnschedulable(c: Cluster, node: Node, unschedulable: boolean, dryRun = false): string {
  const word = unschedulable ? 'cordoned' : 'uncordoned';
  if (!!node.spec.unschedulable === unschedulable) return `node/${node.metadata.name} already ${word}`;
  if (!dryRun) {
    node.spec.unschedulable = unschedulable ? true : undefined;
    c.api.update(node, true);
  }
  return `node/${node.metadata.name} ${word}`;
}

function cordonCommand(cordon: boolean): Command {
  const name = cordon ? 'cordon' : 'uncordon';
  return {
    name,
    short: cordon ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    long: cordon ? 'Mark node as unschedulable.' : 'Mark node as schedulable.',
    examples: cordon ? '  # Mark node "foo" as unschedulable\n  kubectl cordon foo' : '  # Mark node "foo" as schedulable\n  kubectl uncordon foo',
    usage: `kubectl ${name} NODE [options]`,
    flags: [DRY_RUN_FLAG, NODE_SELECTOR_FLAG],
    write: true,
    run(inv: Invocation) {
      const sel = str(inv.flags, 'selector');
      if (!inv.args.length && !sel) throw usageError(`kubectl ${name}`, `USAGE: ${name} NODE [flags]`);
      const dryRun = dryRunOf(str(inv.flags, 'dry-run'));
      const errors: string[] = [];
      let out = '';
      for (const node of nodesFor(inv.cluster, inv.args, sel, errors)) out += `${setUnschedulable(inv.cluster, node, cordon, dryRun !== 'none')}${dryRunSuffix(dryRun)}\n`;
      if (errors.length) out += `${errors.join('\n')}\n`;
      return done(out, errors.length ? 1 : 0);
    },
  };
}

export const cordon = cordonCommand(true);
export const uncordon = cordonCommand(false);

const EFFECTS: TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

interface TaintSpec {
  key: string;
  value?: string;
  effect?: TaintEffect;
  remove: boolean;
}

/** ParseTaints: `key=value:Effect` to add, `key:Effect-` or `key-` to remove. */
export function parseTaintSpec(spec: string): TaintSpec {
  const remove = spec.endsWith('-');
  const s = remove ? spec.slice(0, -1) : spec;
  const parts = s.split(':');
  if (parts.length > 2 || !parts[0]) throw new KubectlError(`error: invalid taint spec: ${spec}`);
  let effect: TaintEffect | undefined;
  if (parts.length === 2) {
    if (!EFFECTS.includes(parts[1] as TaintEffect)) throw new KubectlError(`error: invalid taint effect: ${parts[1]}, unsupported taint effect`);
    effect = parts[1] as TaintEffect;
  } else if (!remove) {
    throw new KubectlError(`error: invalid taint spec: ${spec}`);
  }
  const kv = parts[0].split('=');
  if (kv.length > 2) throw new KubectlError(`error: invalid taint spec: ${spec}`);
  if (!/^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(kv[0])) {
    throw new KubectlError(`error: invalid taint spec: ${spec}, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
  if (remove && kv.length === 2) throw new KubectlError(`error: invalid taint spec: ${spec}`);
  return { key: kv[0], value: kv[1], effect, remove };
}

export const taint: Command = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  long: `Update the taints on one or more nodes.

  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to
253 characters.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens,
dots, and underscores, up to 63 characters.
  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.
  *  Currently taint can only apply to node.`,
  examples: `  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
  # If a taint with that key and effect already exists, its value is replaced as specified
  kubectl taint nodes foo dedicated=special-user:NoSchedule

  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
  kubectl taint nodes foo dedicated:NoSchedule-

  # Remove from node 'foo' all the taints with key 'dedicated'
  kubectl taint nodes foo dedicated-

  # Add a taint with key 'dedicated' on nodes having label myLabel=X
  kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule

  # Add to node 'foo' a taint with key 'bar' and no value
  kubectl taint nodes foo bar:NoSchedule`,
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  flags: [
    { name: 'all', type: 'bool', default: false, usage: 'Select all nodes in the cluster' },
    DRY_RUN_FLAG,
    { name: 'overwrite', type: 'bool', default: false, usage: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    NODE_SELECTOR_FLAG,
  ],
  write: true,
  run(inv) {
    const path = 'kubectl taint';
    const args = inv.args;
    if (!args.length) throw usageError(path, 'at least one taint update is required');
    let rest = args;
    const first = args[0];
    const slash = first.indexOf('/');
    const type = lookup(slash >= 0 ? first.slice(0, slash) : first);
    if (!type) throw new KubectlError(`error: the server doesn't have a resource type "${slash >= 0 ? first.slice(0, slash) : first}"`);
    if (type.kind !== 'Node') throw usageError(path, `invalid resource type ${type.plural}, only node types are supported`);
    const names: string[] = [];
    if (slash >= 0) {
      names.push(first.slice(slash + 1));
      rest = args.slice(1);
    } else {
      rest = args.slice(1);
      while (rest.length && !/[=:]|-$/.test(rest[0])) names.push(rest.shift()!);
    }
    if (!rest.length) throw usageError(path, 'at least one taint update is required');
    const specs = rest.map(parseTaintSpec);
    const sel = str(inv.flags, 'selector');
    if (!names.length && !sel && !bool(inv.flags, 'all')) throw usageError(path, 'at least one resource name must be specified since \'all\' parameter is not set');
    const dryRun = dryRunOf(str(inv.flags, 'dry-run'));
    const errors: string[] = [];
    const nodes = bool(inv.flags, 'all') ? (inv.cluster.api.check(), inv.cluster.store.list('Node')) : nodesFor(inv.cluster, names, sel, errors);
    let out = '';
    for (const node of nodes) {
      const r = applyTaints(inv.cluster, node, specs, bool(inv.flags, 'overwrite'), dryRun !== 'none');
      if (r.error) errors.push(r.error);
      else out += `node/${node.metadata.name} ${r.word}${dryRunSuffix(dryRun)}\n`;
    }
    if (errors.length) out += `${errors.join('\n')}\n`;
    return done(out, errors.length ? 1 : 0);
  },
};

function applyTaints(c: Cluster, node: Node, specs: TaintSpec[], overwrite: boolean, dryRun: boolean): { word?: string; error?: string } {
  let taints: Taint[] = [...(node.spec.taints ?? [])];
  let added = false;
  let removed = false;
  for (const s of specs.filter((x) => x.remove)) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === s.key && (!s.effect || t.effect === s.effect)));
    if (taints.length === before) return { error: `error: taint ${JSON.stringify(s.effect ? `${s.key}:${s.effect}` : s.key)} not found` };
    removed = true;
  }
  for (const s of specs.filter((x) => !x.remove)) {
    const i = taints.findIndex((t) => t.key === s.key && t.effect === s.effect);
    const t: Taint = { key: s.key, ...(s.value ? { value: s.value } : {}), effect: s.effect! };
    // The API server stamps when a NoExecute taint was added (tolerationSeconds count from it).
    if (t.effect === 'NoExecute') t.timeAdded = c.now;
    if (i >= 0) {
      if (!overwrite) return { error: `error: node ${node.metadata.name} already has ${s.key} taint(s) with same effect(s) and --overwrite is false` };
      taints[i] = t;
    } else taints.push(t);
    added = true;
  }
  if (!dryRun) {
    node.spec.taints = taints.length ? taints : undefined;
    c.api.update(node, true);
  }
  return { word: added && removed ? 'modified' : added ? 'tainted' : 'untainted' };
}

