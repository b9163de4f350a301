/**
 * Reading `-f FILE` for apply, create and delete: the player's workspace file, parsed by the
 * manifests module (kubectl's own errors per document), plus each document as the player
 * wrote it (before defaults), which `kubectl apply` stores as last-applied-configuration.
 */
import { parseManifests, type ManifestDoc } from '../../manifests/index.js';
import { splitDocuments } from '../../manifests/split.js';
import { decodeYaml } from '../../manifests/yaml-value.js';
import type { ShellContext } from '../types.js';
import { KubectlError } from './errors.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface FileDoc {
  doc: ManifestDoc;
  /** The document as written, plain JSON (no defaults); undefined when it could not be read. */
  raw?: { [k: string]: Json };
}

export interface ReadFile {
  file: string;
  docs: FileDoc[];
  /** A file-level error (missing file, YAML syntax): nothing in it is used. */
  error?: string;
}

/** Null-prototype decoder output to plain objects. */
function plain(v: unknown): Json {
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v)) out[k] = plain((v as Record<string, unknown>)[k]);
    return out;
  }
  return v as Json;
}

export function readManifestFile(ctx: ShellContext, file: string): ReadFile {
  const text = ctx.session.files.get(file);
  if (text === undefined) return { file, docs: [], error: `error: the path "${file}" does not exist` };
  const parsed = parseManifests(file, text);
  if (parsed.error) return { file, docs: [], error: parsed.error };
  const split = splitDocuments(text);
  const chunks = 'chunks' in split ? split.chunks : [];
  const docs = parsed.docs.map((doc) => {
    let raw: FileDoc['raw'];
    try {
      const v = chunks[doc.index] ? decodeYaml(chunks[doc.index].text).value : undefined;
      const p = plain(v);
      if (p && typeof p === 'object' && !Array.isArray(p)) raw = p;
    } catch {
      raw = undefined;
    }
    return { doc, raw };
  });
  return { file, docs };
}

/** The files named by -f; kubectl's error when there are none. */
export function requireFiles(files: string[]): string[] {
  if (!files.length) throw new KubectlError('error: must specify one of -f and -k');
  return files;
}

/**
 * Errors of several documents, as kubectl's CheckErr prints an aggregate: one alone in its
 * full form, several as their bare messages, one per line.
 */
export function aggregate(errors: { single: string; multi: string }[]): string {
  if (!errors.length) return '';
  if (errors.length === 1) return `${errors[0].single}\n`;
  return errors.map((e) => `${e.multi}\n`).join('');
}

/** A manifest document's error, in both forms. */
export function docError(file: string, doc: ManifestDoc, verb = 'creating'): { single: string; multi: string } {
  const single = doc.error ?? 'error: unknown error';
  const multi = doc.status ? `error when ${verb} ${JSON.stringify(file)}: ${doc.status.message}` : single.replace(/^error: /, '');
  return { single, multi };
}

/** A KubectlError's text in both forms (the bare form drops kubectl's prefixes). */
export function errorForms(text: string): { single: string; multi: string } {
  return { single: text, multi: text.replace(/^error: /, '').replace(/^Error from server \([A-Za-z]+\): /, '').replace(/^Error from server: /, '') };
}

/**
 * The valid documents of the given files, in order; file and document errors go to `errors`
 * in both of kubectl's forms (a document that stops its file ends it, as kubectl does).
 */
export function* validDocs(ctx: ShellContext, files: string[], errors: { single: string; multi: string }[]): Generator<{ file: string; object: NonNullable<ManifestDoc['object']>; raw: FileDoc['raw'] }> {
  for (const file of files) {
    const f = readManifestFile(ctx, file);
    if (f.error) {
      errors.push(errorForms(f.error));
      continue;
    }
    for (const { doc, raw } of f.docs) {
      if (doc.error || !doc.object) {
        errors.push(docError(file, doc));
        if (doc.stopsFile) break;
        continue;
      }
      yield { file, object: doc.object, raw };
    }
  }
}
