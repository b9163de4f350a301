/**
 * `kubectl get`: one or many resources, by type and name, label and field selectors, in one
 * namespace or all of them, as a table, names, YAML/JSON, JSONPath or custom columns.
 * `-w` keeps watching: each change to a listed object prints its row again.
 */
import type { Event, Pod } from '../../sim/api/types.js';
import { bool, str, strs } from '../flags.js';
import { table } from '../table.js';
import type { Follow } from '../types.js';
import { OUTPUT_FLAG, ok, type Command, type Invocation } from './command.js';
import { KubectlError, notFoundText } from './errors.js';
import { pathValues } from './jsonpath.js';
import { getObject, listObjects, type AnyObject } from './objects.js';
import { groupRows, noResources, objectRow, parseFormat, printObjects, type Group, type TableOptions } from './output.js';
import { groupResource, parseResourceArgs, type ResourceType } from './resources.js';
import { parseFieldSelector, parseLabelSelector } from './selector.js';
import { toWire } from '../wire.js';

/** How long `kubectl get -w` keeps the terminal (sim ms): there is no Ctrl-C in the game. */
export const WATCH_MS = 5 * 60_000;

const FIELDS: Record<string, (o: AnyObject) => string | undefined> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace,
  'spec.nodeName': (o) => (o.kind === 'Pod' ? ((o as Pod).spec.nodeName ?? '') : undefined),
  'status.phase': (o) => (o.kind === 'Pod' ? (o as Pod).status.phase : undefined),
  'spec.unschedulable': (o) => (o.kind === 'Node' ? String(!!o.spec.unschedulable) : undefined),
  'involvedObject.kind': (o) => (o as Event).involvedObject?.kind,
  'involvedObject.name': (o) => (o as Event).involvedObject?.name,
  'involvedObject.uid': (o) => (o as Event).involvedObject?.uid,
  type: (o) => (o as Event).type,
  reason: (o) => (o as Event).reason,
};

const GET_LONG = `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label
selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current
namespace unless you pass --all-namespaces.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter
the attributes of the fetched resources.

Use "kubectl api-resources" for a complete list of supported resources.`;

const GET_EXAMPLES = `  # List all pods in ps output format
  kubectl get pods

  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide

  # List a single replication controller with specified NAME in ps output format
  kubectl get replicationcontroller web

  # List deployments in JSON output format, in the "v1" version of the "apps" API group
  kubectl get deployments.v1.apps -o json

  # List a single pod in JSON output format
  kubectl get -o json pod web-pod-13je7

  # Return only the phase value of the specified pod
  kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}

  # List resource information in custom columns
  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

  # List all replication controllers and services together in ps output format
  kubectl get rc,services

  # List one or more resources by their type and names
  kubectl get rc/web service/frontend pods/web-pod-13je7`;

export const get: Command = {
  name: 'get',
  short: 'Display one or many resources',
  long: GET_LONG,
  examples: GET_EXAMPLES,
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even\n\tif specified with --namespace.' },
    { name: 'field-selector', type: 'string', default: '', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector\n\tkey1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'label-columns', short: 'L', type: 'strings', default: [], usage: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are\n\tcase-sensitive. You can also use multiple flag options like -L label1 -L label2...' },
    { name: 'no-headers', type: 'bool', default: false, usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    OUTPUT_FLAG,
    { name: 'selector', short: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3\n\tin (value3)). Matching objects must satisfy all of the specified label constraints." },
    { name: 'show-kind', type: 'bool', default: false, usage: 'If present, list the resource type for the requested object(s).' },
    { name: 'show-labels', type: 'bool', default: false, usage: 'When printing, show all labels as the last column (default hide labels column)' },
    { name: 'sort-by', type: 'string', default: '', usage: "If non-empty, sort list types using this field specification.  The field specification is expressed as a\n\tJSONPath expression (e.g. '{.metadata.name}')." },
    { name: 'watch', short: 'w', type: 'bool', default: false, usage: 'After listing/getting the requested object, watch for changes.' },
  ],
  run: runGet,
};

function runGet(inv: Invocation) {
  const { cluster: c, flags } = inv;
  const format = parseFormat(str(flags, 'output'));
  if (!inv.args.length) {
    throw new KubectlError(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples",
    );
  }
  const reqs = parseResourceArgs(inv.args);
  const allNs = bool(flags, 'all-namespaces');
  const named = reqs.some((r) => r.names.length);
  if (allNs && named) throw new KubectlError('error: a resource cannot be retrieved by name across all namespaces');
  const watch = bool(flags, 'watch');
  if (watch && reqs.length > 1) throw new KubectlError(`error: watch is only supported on individual resources and resource collections, but ${reqs.length} resources were found`);
  const labelSel = str(flags, 'selector') ? parseLabelSelector(str(flags, 'selector')) : undefined;
  const fieldSel = str(flags, 'field-selector') ? parseFieldSelector(str(flags, 'field-selector'), Object.keys(FIELDS)) : undefined;
  c.api.check();
  const ns = allNs ? undefined : inv.namespace;
  const groups: Group[] = [];
  const errors: string[] = [];
  for (const r of reqs) {
    let objs: AnyObject[];
    if (r.names.length) {
      objs = [];
      for (const name of r.names) {
        const o = getObject(c, r.type, name, inv.namespace);
        if (o) objs.push(o);
        else errors.push(notFoundText(groupResource(r.type), name));
      }
    } else {
      objs = listObjects(c, r.type, ns);
    }
    if (labelSel) objs = objs.filter((o) => labelSel(o.metadata.labels));
    if (fieldSel) objs = objs.filter((o) => fieldSel((f) => FIELDS[f]?.(o)));
    groups.push({ type: r.type, objects: sortBy(c, objs, str(flags, 'sort-by')) });
  }
  const opts: TableOptions = {
    wide: format.kind === 'table' && format.wide,
    allNamespaces: allNs,
    withKind: reqs.length > 1 || bool(flags, 'show-kind'),
    showLabels: bool(flags, 'show-labels'),
    noHeaders: bool(flags, 'no-headers'),
    labelColumns: strs(flags, 'label-columns').flatMap((l) => l.split(',')).filter(Boolean),
  };
  const single = reqs.length === 1 && reqs[0].names.length === 1;
  let text = '';
  const total = groups.reduce((n, g) => n + g.objects.length, 0);
  if (total === 0 && !named && (format.kind === 'table' || format.kind === 'name')) {
    // Cluster-scoped types (and -A) have no namespace to name.
    const anyNamespaced = reqs.some((r) => r.type.namespaced);
    text = noResources(allNs || !anyNamespaced ? undefined : inv.namespace);
  } else if (total > 0 || format.kind !== 'table') {
    text = printObjects(c, groups, format, single, opts);
  }
  if (reqs.some((r) => r.type.kind === 'Endpoints')) text = `Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n${text}`;
  if (errors.length) text += `${errors.join('\n')}\n`;
  const res = ok(text);
  if (errors.length) res.exitCode = 1;
  if (watch && format.kind === 'table') res.follow = watchFollow(inv, reqs[0].type, groups[0], opts, ns, labelSel);
  return res;
}

/** --sort-by: by the value at a JSONPath, numbers numerically, the rest as strings. */
function sortBy(c: Invocation['cluster'], objs: AnyObject[], path: string): AnyObject[] {
  if (!path) return objs;
  const key = (o: AnyObject) => pathValues(toWire(o, c.epochMs), path)[0];
  return [...objs].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const sx = x === undefined || x === null ? '' : String(x);
    const sy = y === undefined || y === null ? '' : String(y);
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  });
}

/**
 * `-w`: every second, objects whose resourceVersion moved (or that appeared or went away)
 * print their row again. Column widths only grow, as with tabwriter.RememberWidths.
 */
function watchFollow(inv: Invocation, type: ResourceType, first: Group, opts: TableOptions, ns: string | undefined, labelSel?: (l: Record<string, string> | undefined) => boolean): Follow {
  const c = inv.cluster;
  const names = new Set(first.objects.map((o) => o.metadata.name));
  const single = names.size > 0 && inv.args.length > 1;
  const seen = new Map<string, { rv: string; obj: AnyObject }>();
  for (const o of first.objects) seen.set(o.metadata.uid, { rv: o.metadata.resourceVersion, obj: o });
  const printed: string[][] = groupRows(first, { ...opts, noHeaders: false }, c.now);
  return {
    timeoutMs: WATCH_MS,
    poll(now) {
      if (!c.api.up) return { text: '', done: false };
      let objs = listObjects(c, type, ns);
      if (single) objs = objs.filter((o) => names.has(o.metadata.name));
      if (labelSel) objs = objs.filter((o) => labelSel(o.metadata.labels));
      const rows: string[][] = [];
      const live = new Set<string>();
      for (const o of objs) {
        live.add(o.metadata.uid);
        const prev = seen.get(o.metadata.uid);
        if (prev && prev.rv === o.metadata.resourceVersion) continue;
        seen.set(o.metadata.uid, { rv: o.metadata.resourceVersion, obj: o });
        rows.push(objectRow(type, o, opts, now));
      }
      for (const [uid, s] of [...seen]) {
        if (live.has(uid)) continue;
        seen.delete(uid);
        rows.push(objectRow(type, s.obj, opts, now));
      }
      if (!rows.length) return { text: '', done: false };
      printed.push(...rows);
      const lines = table(printed).split('\n');
      return { text: `${lines.slice(printed.length - rows.length, printed.length).join('\n')}\n`, done: false };
    },
  };
}
