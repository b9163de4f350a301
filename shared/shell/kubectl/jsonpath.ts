/**
 * The part of kubectl's JSONPath (k8s.io/client-go/util/jsonpath) people type at a prompt:
 * `{.metadata.name}`, `{.items[*].status.podIP}`, `{.items[0].spec}`, `{..image}`,
 * `{.status.conditions[?(@.type=="Ready")].status}`, `{range .items[*]}...{end}` and quoted
 * literals such as `{"\n"}`. Also evaluates `-o custom-columns` specs and `--sort-by` paths.
 */
import type { Wire } from '../wire.js';
import { KubectlError } from './errors.js';

type Step = { t: 'field'; name: string } | { t: 'index'; i: number } | { t: 'all' } | { t: 'recurse'; name: string } | { t: 'filter'; path: Step[]; op: string; value: string };

function parsePath(src: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  const s = src.trim();
  if (s === '' || s === '.' || s === '@') return steps;
  if (s[0] === '@' || s[0] === '$') i = 1;
  while (i < s.length) {
    if (s.startsWith('..', i)) {
      i += 2;
      const m = /^[A-Za-z0-9_-]+/.exec(s.slice(i));
      if (!m) throw new Error(`unrecognized character in action: ${s.slice(i)}`);
      steps.push({ t: 'recurse', name: m[0] });
      i += m[0].length;
    } else if (s[i] === '.') {
      i++;
      const m = /^[A-Za-z0-9_\-/]+/.exec(s.slice(i));
      if (!m) {
        if (i >= s.length) break;
        throw new Error(`unrecognized character in action: ${s.slice(i)}`);
      }
      steps.push({ t: 'field', name: m[0] });
      i += m[0].length;
    } else if (s[i] === '[') {
      const end = matchBracket(s, i);
      const inner = s.slice(i + 1, end).trim();
      i = end + 1;
      if (inner === '*') steps.push({ t: 'all' });
      else if (/^-?\d+$/.test(inner)) steps.push({ t: 'index', i: Number(inner) });
      else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ t: 'field', name: inner.slice(1, -1) });
      else if (inner.startsWith('?(') && inner.endsWith(')')) {
        const m = /^@((?:\.[A-Za-z0-9_-]+)+)\s*(==|!=)\s*(?:"([^"]*)"|'([^']*)'|(\S+))$/.exec(inner.slice(2, -1).trim());
        if (!m) throw new Error(`unrecognized filter: ${inner}`);
        steps.push({ t: 'filter', path: parsePath(m[1]), op: m[2], value: m[3] ?? m[4] ?? m[5] });
      } else throw new Error(`invalid array index ${inner}`);
    } else if (/\s/.test(s[i])) i++;
    else {
      const m = /^[A-Za-z0-9_-]+/.exec(s.slice(i));
      if (!m) throw new Error(`unrecognized character in action: ${s.slice(i)}`);
      steps.push({ t: 'field', name: m[0] });
      i += m[0].length;
    }
  }
  return steps;
}

function matchBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '[') depth++;
    if (s[i] === ']' && --depth === 0) return i;
  }
  throw new Error(`unclosed array expect ]`);
}

function isObj(v: Wire): v is { [k: string]: Wire } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function evalSteps(roots: Wire[], steps: Step[]): Wire[] {
  let cur = roots;
  for (const st of steps) {
    const next: Wire[] = [];
    for (const v of cur) {
      switch (st.t) {
        case 'field':
          if (isObj(v) && st.name in v) next.push(v[st.name]);
          break;
        case 'index':
          if (Array.isArray(v)) {
            const i = st.i < 0 ? v.length + st.i : st.i;
            if (i >= 0 && i < v.length) next.push(v[i]);
          }
          break;
        case 'all':
          if (Array.isArray(v)) next.push(...v);
          else if (isObj(v)) next.push(...Object.values(v));
          break;
        case 'recurse': {
          const walk = (x: Wire) => {
            if (Array.isArray(x)) x.forEach(walk);
            else if (isObj(x)) {
              if (st.name in x) next.push(x[st.name]);
              Object.values(x).forEach(walk);
            }
          };
          walk(v);
          break;
        }
        case 'filter':
          if (Array.isArray(v)) {
            for (const item of v) {
              const got = evalSteps([item], st.path);
              const match = got.some((g) => String(g) === st.value);
              if (match === (st.op === '==')) next.push(item);
            }
          }
          break;
      }
    }
    cur = next;
  }
  return cur;
}

/** Values of a path such as `.metadata.name` (for custom columns and --sort-by). */
export function pathValues(root: Wire, path: string): Wire[] {
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1);
  return evalSteps([root], parsePath(p));
}

function show(v: Wire): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

type Node = { t: 'text'; s: string } | { t: 'path'; steps: Step[] } | { t: 'range'; steps: Step[]; body: Node[] };

function parseTemplate(tpl: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf('{', i);
    if (open < 0) {
      stack.at(-1)!.push({ t: 'text', s: tpl.slice(i) });
      break;
    }
    if (open > i) stack.at(-1)!.push({ t: 'text', s: tpl.slice(i, open) });
    const close = tpl.indexOf('}', open);
    if (close < 0) throw new Error('unclosed action');
    const action = tpl.slice(open + 1, close).trim();
    i = close + 1;
    if (action.startsWith('range ')) {
      const node: Node = { t: 'range', steps: parsePath(action.slice(6)), body: [] };
      stack.at(-1)!.push(node);
      stack.push(node.body);
    } else if (action === 'end') {
      if (stack.length === 1) throw new Error('not in range, nothing to end');
      stack.pop();
    } else if (/^".*"$/s.test(action) || /^'.*'$/s.test(action)) {
      stack.at(-1)!.push({ t: 'text', s: unquote(action) });
    } else {
      stack.at(-1)!.push({ t: 'path', steps: parsePath(action) });
    }
  }
  return root;
}

function unquote(q: string): string {
  const body = q.slice(1, -1);
  return body.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" })[c] ?? c);
}

function run(nodes: Node[], data: Wire, out: string[]): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.s);
    else if (n.t === 'path') {
      // --allow-missing-template-keys defaults to true: a missing field prints nothing.
      const vals = evalSteps([data], n.steps);
      out.push(vals.map(show).join(' '));
    } else {
      for (const item of evalSteps([data], n.steps).flatMap((v) => (Array.isArray(v) ? v : [v]))) run(n.body, item, out);
    }
  }
}

/** `-o jsonpath=TEMPLATE` on an object or a List. */
export function jsonpath(template: string, data: Wire): string {
  let nodes: Node[];
  try {
    nodes = parseTemplate(template);
  } catch (e) {
    throw new KubectlError(`error: error parsing jsonpath ${template}, ${(e as Error).message}`);
  }
  const out: string[] = [];
  run(nodes, data, out);
  return out.join('');
}

/** `-o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName` */
export function customColumns(spec: string): { header: string; path: string }[] {
  const cols = spec.split(',').filter(Boolean).map((part) => {
    const c = part.indexOf(':');
    if (c < 0) throw new KubectlError(`error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, c), path: part.slice(c + 1) };
  });
  if (!cols.length) throw new KubectlError('error: custom-columns format specified but no custom columns given');
  for (const c of cols) {
    try {
      parsePath(c.path.replace(/^\{|\}$/g, ''));
    } catch (e) {
      throw new KubectlError(`error: error parsing jsonpath ${c.path}, ${(e as Error).message}`);
    }
  }
  return cols;
}

/** One custom-columns cell: values joined by commas, `<none>` when absent. */
export function customCell(obj: Wire, path: string): string {
  const vals = pathValues(obj, path).filter((v) => v !== null);
  return vals.length ? vals.map(show).join(',') : '<none>';
}
