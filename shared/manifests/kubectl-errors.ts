/**
 * kubectl's words for a manifest it cannot apply, by the stage that refuses it: the reader
 * (cli-runtime StreamVisitor), client-side validation, the REST mapper, `kubectl apply`
 * itself, and the API server's Status as kubectl's CheckErr prints it.
 */
import type { ManifestStatus } from './types.js';

/** `error: error parsing web.yaml: error converting YAML to JSON: yaml: line 12: ...` */
export function parsingError(file: string, message: string): string {
  return `error: error parsing ${file}: ${message}`;
}

export function yamlToJsonError(message: string): string {
  return `error converting YAML to JSON: ${message}`;
}

/** Client-side validation; one problem alone, several as `[a, b]` (utilerrors aggregate). */
export function validatingError(file: string, problems: string[]): string {
  const agg = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
  return `error: error validating ${JSON.stringify(file)}: error validating data: ${agg}; if you choose to ignore these errors, turn validation off with --validate=false`;
}

/** meta.NoKindMatchError wrapped by cli-runtime's mapper. */
export function mappingError(file: string, name: string, namespace: string, kind: string, version: string): string {
  return (
    `error: resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(namespace)} ` +
    `from ${JSON.stringify(file)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(version)}\n` +
    'ensure CRDs are installed first'
  );
}

/** A real Kubernetes kind the game's cluster does not run. */
export function unsupportedKindError(file: string, kind: string, version: string): string {
  return (
    `error: unable to recognize ${JSON.stringify(file)}: kind ${JSON.stringify(kind)} in version ${JSON.stringify(version)} ` +
    'is not simulated in Kubetown (it runs Pod and Service in v1, Deployment in apps/v1)'
  );
}

export interface Resource {
  group: string;
  version: string;
  kind: string;
  /** Plural resource name: `deployments`. */
  resource: string;
}

/** apply's GET of the live object failed before anything reached the server. */
export function retrievalError(file: string, r: Resource, name: string, namespace: string, cause: string): string {
  return (
    'error: error when retrieving current configuration of:\n' +
    `Resource: "${r.group}/${r.version}, Resource=${r.resource}", GroupVersionKind: "${r.group}/${r.version}, Kind=${r.kind}"\n` +
    `Name: ${JSON.stringify(name)}, Namespace: ${JSON.stringify(namespace)}\n` +
    `from server for: ${JSON.stringify(file)}: ${cause}`
  );
}

export function generateNameError(generateName: string): string {
  return `error: from ${generateName}: cannot use generate name with apply`;
}

/** The server could not decode the object (handlers.transformDecodeError). */
export function badRequest(file: string, kind: string, version: string, cause: string): { error: string; status: ManifestStatus } {
  const message = `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${cause}`;
  return {
    error: `Error from server (BadRequest): error when creating ${JSON.stringify(file)}: ${message}`,
    status: { reason: 'BadRequest', message },
  };
}

/**
 * Field validation failed. kubectl's CheckErr prints `The Deployment "web" is invalid: ` with
 * one cause on the same line, several as a `* ` list; the Status message itself (what kubectl
 * shows when several documents fail) is `Deployment.apps "web" is invalid: [a, b]`.
 */
export function invalid(kind: string, group: string, name: string, causes: string[]): { error: string; status: ManifestStatus } {
  const head = `The ${kind} ${JSON.stringify(name)} is invalid: `;
  const error = causes.length === 1 ? head + causes[0] : `${head}\n${causes.map((c) => `* ${c}`).join('\n')}`;
  const qualified = group ? `${kind}.${group}` : kind;
  const agg = causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`;
  return { error, status: { reason: 'Invalid', message: `${qualified} ${JSON.stringify(name)} is invalid: ${agg}`, causes } };
}
