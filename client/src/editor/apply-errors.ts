/**
 * Finds the line of a manifest that `kubectl apply` refused. The server prints kubectl's
 * words (`yaml: line 12: ...`, `unknown field "spec.replicass"`); the manifest reader in
 * shared/manifests — the same one the server ran on the same text — knows the exact line and
 * column, so it is loaded (lazily, only when an apply fails) to place the mark.
 */
export interface ApplyError {
  line: number;
  column?: number;
  message: string;
}

/** The first line of kubectl's complaint. */
export function errorMessage(output: string): string {
  const lines = output.split('\n').map((l) => l.trim());
  return lines.find((l) => /^(error|Error from server|The \S+ "[^"]*" is invalid)/.test(l)) ?? lines.find((l) => l) ?? '';
}

export async function locateApplyError(file: string, text: string, output: string): Promise<ApplyError | undefined> {
  const message = errorMessage(output);
  if (!message) return undefined;
  try {
    const { parseManifests } = await import('../../../shared/manifests/index.js');
    const r = parseManifests(file, text);
    if (r.error && r.errorLine) return { line: r.errorLine, column: r.errorColumn, message };
    const failing = r.docs.filter((d) => d.error && d.errorLine);
    const named = failing.find((d) => d.error && output.includes(d.error.split('\n')[0].slice(0, 60)));
    const doc = named ?? failing[0];
    if (doc?.errorLine) return { line: doc.errorLine, column: doc.errorColumn, message };
  } catch {
    // Fall back to the line kubectl names, if any.
  }
  const m = /\bline (\d+)/.exec(output);
  if (m) return { line: Number(m[1]), message };
  return undefined;
}
