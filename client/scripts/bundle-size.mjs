// Reports the built client's size, gzipped, per screen: what the title needs, then what each
// screen adds (Vite splits the town, the projector and the results into their own chunks).
// Usage: npx vite build && node client/scripts/bundle-size.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(import.meta.dirname, '../../dist/client');
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const files = fs.readdirSync(path.join(dir, 'assets')).filter((f) => /\.(js|css)$/.test(f));
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dir, 'assets', f)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** A chunk and every chunk it imports statically, as the browser loads them. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.endsWith('.js')) return seen;
  const src = fs.readFileSync(path.join(dir, 'assets', file), 'utf8');
  for (const m of src.matchAll(/(?:^|[;\n])\s*import\s*(?:[^'"]*?from\s*)?["']\.\/([^"']+)["']/g)) closure(m[1], seen);
  return seen;
}

const entry = [...html.matchAll(/assets\/([^"']+\.(?:js|css))/g)].map((m) => m[1]);
const base = new Set(entry.flatMap((f) => [...closure(f)]));
const sum = (set) => [...set].reduce((a, f) => a + gz(f), 0);
const rows = [['first load (title)', sum(base)]];
for (const name of ['lobby', 'projector', 'play-screen', 'results', 'manifests']) {
  const chunk = files.find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
  if (!chunk) continue;
  const own = closure(chunk);
  for (const css of files.filter((f) => f.startsWith(`${name}-`) && f.endsWith('.css'))) own.add(css);
  rows.push([`+ ${name}`, sum(new Set([...own].filter((f) => !base.has(f))))]);
}
rows.push(['everything', files.reduce((a, f) => a + gz(f), 0)]);
for (const [what, n] of rows) console.log(`${what.padEnd(22)} ${kb(n).padStart(11)} gzipped`);
