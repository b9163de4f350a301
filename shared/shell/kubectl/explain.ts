/**
 * `kubectl explain TYPE[.FIELD...]`: the documentation of a resource or one of its fields,
 * in the plaintext layout kubectl prints from the OpenAPI v3 schema (GROUP/KIND/VERSION,
 * FIELD, DESCRIPTION, FIELDS with `<type>` and `-required-`), `--recursive` for the tree.
 */
import { bool } from '../flags.js';
import { ok, type Command } from './command.js';
import { KubectlError } from './errors.js';
import { TYPES, type FieldDoc, type TypeDoc } from './explain-schema.js';
import { apiServerDown } from './info.js';
import { resolve } from './resources.js';

/** Wraps a description at 80 columns with a 4-space indent, as the explain template does. */
function wrap(text: string, indent: string, width = 80): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (!para.trim()) {
      out.push(indent);
      continue;
    }
    const lead = /^ */.exec(para)![0];
    let line = lead;
    for (const word of para.slice(lead.length).split(' ')) {
      if (line.trim() && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line.trim() ? `${line} ${word}` : `${line}${word}`;
    }
    out.push(indent + line);
  }
  return out.join('\n');
}

function typeName(t: string): string {
  return t;
}

function elementType(t: string): string {
  return t.startsWith('[]') ? t.slice(2) : t;
}

function fieldLine(name: string, f: FieldDoc): string {
  let s = `  ${name}\t<${typeName(f.type)}>${f.required ? ' -required-' : ''}\n`;
  if (f.enum) s += `  enum: ${f.enum.join(', ')}\n`;
  return s;
}

function fieldsBlock(t: TypeDoc): string {
  let out = 'FIELDS:\n';
  for (const name of Object.keys(t.fields).sort()) {
    const f = t.fields[name];
    out += fieldLine(name, f);
    out += `${wrap(f.description, '    ')}\n\n`;
  }
  return out;
}

function recursiveBlock(t: TypeDoc, depth: number, seen: Set<string>): string {
  let out = '';
  for (const name of Object.keys(t.fields).sort()) {
    const f = t.fields[name];
    out += `${'  '.repeat(depth)}${name}\t<${f.type}>${f.required ? ' -required-' : ''}\n`;
    const sub = TYPES[elementType(f.type)];
    if (sub && !seen.has(elementType(f.type))) out += recursiveBlock(sub, depth + 1, new Set([...seen, elementType(f.type)]));
  }
  return out;
}

export const explain: Command = {
  name: 'explain',
  short: 'Get documentation for a resource',
  long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple
JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `  # Get the documentation of the resource and its fields
  kubectl explain pods

  # Get all the fields in the resource
  kubectl explain pods --recursive

  # Get the explanation for deployment in supported api versions
  kubectl explain deployments --api-version=apps/v1

  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers

  # Get the documentation of resources in different format
  kubectl explain deployment --output=plaintext-openapiv2`,
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    { name: 'api-version', type: 'string', default: '', usage: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
    { name: 'recursive', type: 'bool', default: false, usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their\n\tdescription.' },
  ],
  run(inv) {
    if (!inv.args.length) {
      throw new KubectlError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl explain -h\' for help and examples');
    }
    if (inv.args.length > 1) throw new KubectlError(`error: We accept only this format: explain RESOURCE\nSee 'kubectl explain -h' for help and examples`);
    const [res, ...path] = inv.args[0].split('.');
    const r = resolve(res);
    const down = apiServerDown(inv.cluster);
    if (down) throw new KubectlError(down);
    let t = TYPES[r.kind];
    let field: { name: string; doc: FieldDoc } | undefined;
    for (const p of path) {
      const f = t?.fields[p];
      if (!f) throw new KubectlError(`error: field "${p}" does not exist`);
      field = { name: p, doc: f };
      t = TYPES[elementType(f.type)];
    }
    let out = r.group ? `GROUP:      ${r.group}\n` : '';
    out += `KIND:       ${r.kind}\nVERSION:    ${r.version}\n\n`;
    if (field) out += `FIELD: ${field.name} <${field.doc.type}>${field.doc.enum ? `\nENUM:\n${field.doc.enum.map((e) => `    ${e}`).join('\n')}` : ''}\n\n\n`;
    const description = field ? (t ? `${field.doc.description}\n${t.description}` : field.doc.description) : t!.description;
    out += `DESCRIPTION:\n${wrap(description, '    ')}\n    \n`;
    if (t) out += bool(inv.flags, 'recursive') ? `FIELDS:\n${recursiveBlock(t, 1, new Set())}\n` : `${fieldsBlock(t)}\n`;
    return ok(out);
  },
};
