/**
 * Everything the one HTTP port serves besides the Colyseus endpoint: the built client
 * (`dist/client`), `/healthz`, and the results API for hosts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResultsStore } from './results.js';
import { toCsv } from './results.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface HttpDeps {
  clientDir: string;
  results: ResultsStore;
  /** `/healthz` body: whether this process can take rooms. */
  health: () => Promise<{ ok: boolean; [k: string]: unknown }>;
  /** `/metrics` body in the Prometheus text format, if enabled. */
  metrics?: () => string;
}

export function httpHandler(deps: HttpDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void handle(deps, req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`internal error: ${(e as Error).message}\n`);
    });
  };
}

async function handle(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' });
    res.end();
    return;
  }
  if (url.pathname === '/healthz') {
    const h = await deps.health();
    res.writeHead(h.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(h));
    return;
  }
  if (url.pathname === '/metrics' && deps.metrics) {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
    res.end(deps.metrics());
    return;
  }
  const m = /^\/api\/results\/([A-Z]{5})\.(csv|json)$/.exec(url.pathname);
  if (m) return results(deps, req, res, url, m[1], m[2] as 'csv' | 'json');
  if (url.pathname.startsWith('/api/')) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
    return;
  }
  serveStatic(deps.clientDir, url.pathname, res);
}

function results(deps: HttpDeps, req: IncomingMessage, res: ServerResponse, url: URL, code: string, ext: 'csv' | 'json'): void {
  const auth = req.headers.authorization;
  const token = auth?.startsWith('Bearer ') ? auth.slice(7) : (url.searchParams.get('token') ?? undefined);
  if (!deps.results.load(code)) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `no results for ${code} (the shift has not finished, or the code is wrong)` }));
    return;
  }
  const r = deps.results.authorized(code, token);
  if (!r) {
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'only the host of this shift can download its results' }));
    return;
  }
  const body = ext === 'csv' ? toCsv(r) : JSON.stringify({ ...r, hostTokenHash: undefined }, null, 2);
  res.writeHead(200, {
    'content-type': ext === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="kubetown-${code}.${ext}"`,
    'cache-control': 'no-store',
  });
  res.end(body);
}

function serveStatic(dir: string, pathname: string, res: ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400);
    res.end();
    return;
  }
  const file = path.resolve(dir, `.${rel}`);
  if (!file.startsWith(path.resolve(dir))) {
    res.writeHead(403);
    res.end();
    return;
  }
  const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(dir, 'index.html');
  if (!fs.existsSync(target)) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><meta charset="utf-8"><title>Kubetown</title><h1>Kubetown</h1><p>The client is not built: run <code>npm run build</code>.</p>');
    return;
  }
  const ext = path.extname(target);
  const hashed = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2|svg|png)$/.test(target);
  res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache' });
  fs.createReadStream(target).pipe(res);
}
