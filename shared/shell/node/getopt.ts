/**
 * GNU getopt_long for the Linux tools (df, free, uptime, journalctl): short options in
 * clusters (`-hT`), long ones (`--human-readable`), values (`-n 20`, `-n20`, `--lines=20`),
 * and getopt's words for what it does not know.
 */
export interface Option {
  short?: string;
  long?: string;
  /** Takes a value. */
  value?: boolean;
  /** The key the value is stored under; the long name by default. */
  key?: string;
}

export type GetoptResult = { ok: true; opts: Map<string, string>; args: string[] } | { ok: false; error: string };

export function getopt(prog: string, argv: string[], options: Option[]): GetoptResult {
  const opts = new Map<string, string>();
  const args: string[] = [];
  const keyOf = (o: Option) => o.key ?? o.long ?? o.short!;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const hits = options.filter((o) => o.long && o.long.startsWith(name));
      const o = options.find((x) => x.long === name) ?? (hits.length === 1 ? hits[0] : undefined);
      if (!o) return { ok: false, error: hits.length > 1 ? `${prog}: option '${a}' is ambiguous` : `${prog}: unrecognized option '${a}'` };
      if (o.value) {
        if (eq >= 0) opts.set(keyOf(o), a.slice(eq + 1));
        else if (i + 1 < argv.length) opts.set(keyOf(o), argv[++i]);
        else return { ok: false, error: `${prog}: option '--${o.long}' requires an argument` };
      } else {
        if (eq >= 0) return { ok: false, error: `${prog}: option '--${o.long}' doesn't allow an argument` };
        opts.set(keyOf(o), '');
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const o = options.find((x) => x.short === a[j]);
        if (!o) return { ok: false, error: `${prog}: invalid option -- '${a[j]}'` };
        if (!o.value) {
          opts.set(keyOf(o), '');
          continue;
        }
        if (j + 1 < a.length) opts.set(keyOf(o), a.slice(j + 1));
        else if (i + 1 < argv.length) opts.set(keyOf(o), argv[++i]);
        else return { ok: false, error: `${prog}: option requires an argument -- '${a[j]}'` };
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { ok: true, opts, args };
}
