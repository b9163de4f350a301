/**
 * How kubectl words its failures: client-side `error: ...` lines, usage errors with their
 * `See 'kubectl get -h'` hint, and the API server's `Error from server (Reason): ...`
 * (kubectl's cmdutil.CheckErr). Commands throw; the dispatcher prints.
 */
import { ApiError } from '../../sim/apiserver.js';

/** A failure with the exact text kubectl prints (ending without a newline) and its exit code. */
export class KubectlError extends Error {
  constructor(
    readonly text: string,
    readonly exitCode = 1,
  ) {
    super(text);
  }
}

/** cmdutil.UsageErrorf: `error: MSG` then `See 'kubectl VERB -h' for help and examples`. */
export function usageError(path: string, msg: string): KubectlError {
  return new KubectlError(`error: ${msg}\nSee '${path} -h' for help and examples`);
}

/** A pflag parse error, as kubectl's flag error func prints it. */
export function flagError(path: string, msg: string): KubectlError {
  return new KubectlError(`error: ${msg}\nSee '${path} --help' for usage.`);
}

/** The line kubectl prints for an API error. */
export function apiErrorText(e: ApiError): string {
  if (e.verbatim) return e.message;
  return `Error from server (${e.reason}): ${e.message}`;
}

/** `Error from server (NotFound): deployments.apps "x" not found` */
export function notFoundText(groupResource: string, name: string): string {
  return `Error from server (NotFound): ${groupResource} "${name}" not found`;
}

/** Turns anything thrown into kubectl's text; unknown errors are bugs and say so. */
export function errorText(e: unknown): { text: string; exitCode: number } {
  if (e instanceof KubectlError) return { text: e.text, exitCode: e.exitCode };
  if (e instanceof ApiError) return { text: apiErrorText(e), exitCode: 1 };
  throw e;
}
