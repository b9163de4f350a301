/**
 * Kubetown's server entry point: one HTTP port for the game client, the Colyseus endpoint,
 * health checks and results. (The multiplayer room arrives with the match.)
 */
import http from 'node:http';

const port = Number(process.env.PORT ?? 2567);

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><title>Kubetown</title><h1>Kubetown</h1><p>The town is being built.</p>');
});

server.listen(port, () => console.log(`Kubetown listening on http://localhost:${port}`));
