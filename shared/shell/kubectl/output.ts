/**
 * kubectl's printers for lists of objects: the human-readable table (with NAMESPACE, kind
 * prefixes, --show-labels, -L), `-o name`, `-o yaml|json` (one object, or a `List`),
 * `-o jsonpath=` and `-o custom-columns=`.
 */
import { serializeYaml } from '../../manifests/index.js';
import type { Cluster } from '../../sim/cluster.js';
import { table } from '../table.js';
import { toJson, toWire, type Wire } from '../wire.js';
import { KubectlError } from './errors.js';
import { customCell, customColumns, jsonpath } from './jsonpath.js';
import type { AnyObject } from './objects.js';
import { formatLabels, headers, rowCells } from './printers.js';
import { qualifiedName, type ResourceType } from './resources.js';

export interface Group {
  type: ResourceType;
  objects: AnyObject[];
}

export interface TableOptions {
  wide: boolean;
  allNamespaces: boolean;
  withKind: boolean;
  showLabels: boolean;
  noHeaders: boolean;
  labelColumns: string[];
}

export type Format = { kind: 'table'; wide: boolean } | { kind: 'name' } | { kind: 'yaml' } | { kind: 'json' } | { kind: 'jsonpath'; template: string } | { kind: 'custom-columns'; spec: string };

const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** Reads `-o`; throws kubectl's message for a format it has no printer for. */
export function parseFormat(o: string): Format {
  if (o === '') return { kind: 'table', wide: false };
  if (o === 'wide') return { kind: 'table', wide: true };
  if (o === 'name' || o === 'yaml' || o === 'json') return { kind: o };
  const eq = o.indexOf('=');
  const name = eq >= 0 ? o.slice(0, eq) : o;
  const arg = eq >= 0 ? o.slice(eq + 1) : '';
  if (name === 'jsonpath') {
    if (!arg) throw new KubectlError('error: template format specified but no template given');
    return { kind: 'jsonpath', template: arg };
  }
  if (name === 'custom-columns') {
    if (!arg) throw new KubectlError('error: custom-columns format specified but no custom columns given');
    return { kind: 'custom-columns', spec: arg };
  }
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}`);
}

/** The table rows of one group (header first), as kubectl prints them. */
export function groupRows(g: Group, o: TableOptions, now: number): string[][] {
  const nsCol = o.allNamespaces && g.type.namespaced;
  const labelHeaders = o.labelColumns.map((l) => l.slice(l.lastIndexOf('/') + 1).toUpperCase());
  const rows: string[][] = [];
  if (!o.noHeaders) rows.push([...(nsCol ? ['NAMESPACE'] : []), ...headers(g.type.kind, o.wide), ...labelHeaders, ...(o.showLabels ? ['LABELS'] : [])]);
  for (const obj of g.objects) rows.push(objectRow(g.type, obj, o, now));
  return rows;
}

export function objectRow(type: ResourceType, obj: AnyObject, o: TableOptions, now: number): string[] {
  const cells = rowCells(obj, o.wide, now);
  // Events are named by their first column (LAST SEEN), not NAME.
  if (o.withKind && type.kind !== 'Event') cells[0] = qualifiedName(type, cells[0]);
  const labels = obj.metadata.labels ?? {};
  return [
    ...(o.allNamespaces && type.namespaced ? [obj.metadata.namespace ?? ''] : []),
    ...cells,
    ...o.labelColumns.map((l) => labels[l] ?? ''),
    ...(o.showLabels ? [formatLabels(labels)] : []),
  ];
}

/** Several groups, each its own table, separated by a blank line (empty groups are skipped). */
export function printTables(groups: Group[], o: TableOptions, now: number): string {
  return groups
    .filter((g) => g.objects.length)
    .map((g) => table(groupRows(g, o, now)))
    .join('\n');
}

/** `kubectl get -o yaml|json`: one object when a single one was asked for by name, else a List. */
export function wireOf(c: Cluster, objects: AnyObject[], single: boolean): Wire {
  const items = objects.map((o) => toWire(o, c.epochMs));
  if (single && items.length === 1) return items[0];
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

export function printObjects(c: Cluster, groups: Group[], format: Format, single: boolean, o: TableOptions): string {
  const all = groups.flatMap((g) => g.objects);
  switch (format.kind) {
    case 'table':
      return printTables(groups, o, c.now);
    case 'name':
      return groups.flatMap((g) => g.objects.map((obj) => `${qualifiedName(g.type, obj.metadata.name)}\n`)).join('');
    case 'yaml':
      return serializeYaml(wireOf(c, all, single));
    case 'json':
      return toJson(wireOf(c, all, single));
    case 'jsonpath':
      return jsonpath(format.template, wireOf(c, all, single));
    case 'custom-columns': {
      const cols = customColumns(format.spec);
      const rows = [cols.map((col) => col.header), ...all.map((obj) => cols.map((col) => customCell(toWire(obj, c.epochMs), col.path)))];
      return table(o.noHeaders ? rows.slice(1) : rows);
    }
  }
}

/** The message for an empty listing: `No resources found in default namespace.` */
export function noResources(namespace: string | undefined): string {
  return namespace === undefined ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;
}
