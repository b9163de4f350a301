/**
 * Flags as cobra/pflag parse them for kubectl and docker: `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, `-n=value`, combined short booleans (`-it`), `--` to end flags, and
 * pflag's error messages for unknown flags and missing values.
 */
export type FlagType = 'bool' | 'string' | 'int' | 'strings';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | number | boolean | string[];
  usage: string;
}

export interface ParsedFlags {
  values: Map<string, string | number | boolean | string[]>;
  /** Flags the user actually wrote. */
  set: Set<string>;
  args: string[];
}

export type FlagResult = { ok: true; flags: ParsedFlags } | { ok: false; error: string };

export function parseFlags(argv: string[], specs: FlagSpec[], opts: { interspersed?: boolean } = {}): FlagResult {
  const interspersed = opts.interspersed ?? true;
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new Map<string, string | number | boolean | string[]>();
  for (const s of specs) if (s.default !== undefined) values.set(s.name, Array.isArray(s.default) ? [...s.default] : s.default);
  const set = new Set<string>();
  const args: string[] = [];
  const assign = (spec: FlagSpec, raw: string, shown: string): string | undefined => {
    set.add(spec.name);
    switch (spec.type) {
      case 'bool': {
        if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(raw)) return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`;
        values.set(spec.name, ['true', '1', 't', 'TRUE', 'True'].includes(raw));
        return undefined;
      }
      case 'int': {
        if (!/^-?\d+$/.test(raw)) return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`;
        values.set(spec.name, Number(raw));
        return undefined;
      }
      case 'strings': {
        const prev = set.has(spec.name) && Array.isArray(values.get(spec.name)) && values.get(`__seen_${spec.name}`) ? (values.get(spec.name) as string[]) : [];
        values.set(`__seen_${spec.name}`, true);
        values.set(spec.name, [...prev, raw]);
        return undefined;
      }
      default:
        values.set(spec.name, raw);
        return undefined;
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      if (eq >= 0) {
        const err = assign(spec, a.slice(eq + 1), `--${name}`);
        if (err) return { ok: false, error: err };
      } else if (spec.type === 'bool') {
        assign(spec, 'true', `--${name}`);
      } else {
        if (i + 1 >= argv.length) return { ok: false, error: `flag needs an argument: --${name}` };
        const err = assign(spec, argv[++i], `--${name}`);
        if (err) return { ok: false, error: err };
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      // One or more shorthands: -it, -n value, -nvalue, -n=value.
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const spec = byShort.get(c);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${c}' in ${a}` };
        const rest = a.slice(j + 1);
        if (spec.type === 'bool') {
          if (rest.startsWith('=')) {
            const err = assign(spec, rest.slice(1), `-${c}, --${spec.name}`);
            if (err) return { ok: false, error: err };
            break;
          }
          assign(spec, 'true', `-${c}`);
          continue;
        }
        let raw: string;
        if (rest.length) raw = rest.startsWith('=') ? rest.slice(1) : rest;
        else if (i + 1 < argv.length) raw = argv[++i];
        else return { ok: false, error: `flag needs an argument: '${c}' in -${c}` };
        const err = assign(spec, raw, `-${c}, --${spec.name}`);
        if (err) return { ok: false, error: err };
        break;
      }
      continue;
    }
    args.push(a);
    if (!interspersed) {
      args.push(...argv.slice(i + 1));
      break;
    }
  }
  for (const k of [...values.keys()]) if (k.startsWith('__seen_')) values.delete(k);
  return { ok: true, flags: { values, set, args } };
}

export function str(f: ParsedFlags, name: string): string {
  const v = f.values.get(name);
  return v === undefined ? '' : String(v);
}

export function bool(f: ParsedFlags, name: string): boolean {
  return f.values.get(name) === true;
}

export function int(f: ParsedFlags, name: string): number {
  const v = f.values.get(name);
  return typeof v === 'number' ? v : Number(v ?? 0);
}

export function strs(f: ParsedFlags, name: string): string[] {
  const v = f.values.get(name);
  return Array.isArray(v) ? v : v === undefined || v === '' ? [] : [String(v)];
}

/** kubectl's "Options:" section: `    -n, --namespace='':` then the usage on a tabbed line. */
export function flagHelp(specs: FlagSpec[]): string {
  return specs
    .map((s) => {
      const short = s.short ? `-${s.short}, ` : '';
      const d = s.default;
      const def = s.type === 'bool' ? String(d ?? false) : s.type === 'int' ? String(d ?? 0) : s.type === 'strings' ? `[${((d as string[]) ?? []).join(',')}]` : `'${d ?? ''}'`;
      return `    ${short}--${s.name}=${def}:\n\t${s.usage}\n`;
    })
    .join('\n');
}

/** Edit distance, for "Did you mean" suggestions. */
export function levenshtein(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array(n).fill(0)]);
  for (let j = 1; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++)
    for (let j = 1; j <= n; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[m][n];
}

/** Cobra's suggestions: within distance 2, or a prefix. */
export function suggest(word: string, candidates: string[], maxDistance = 2): string[] {
  return candidates.filter((c) => levenshtein(word.toLowerCase(), c.toLowerCase()) <= maxDistance || (word.length > 1 && c.startsWith(word)));
}
