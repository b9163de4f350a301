/**
 * Builds the server: one HTTP port carrying the client, the Colyseus endpoint, `/healthz` and
 * the results API. Used by `main.ts`, the tests and the load benchmark.
 */
import http from 'node:http';
import path from 'node:path';
import { Server, matchMaker } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { Encoder } from '@colyseus/schema';
import type { WebSocket, WebSocketServer } from 'ws';
import { LIMITS, ROOM_NAME } from '../shared/protocol.js';
import { loadScenarios, loadStarterFiles, repoRoot } from './assets.js';
import { httpHandler } from './http.js';
import { ResultsStore } from './results.js';
import { Metrics } from './metrics.js';
import { ShiftRoom, setRoomDeps } from './shift-room.js';

export interface AppOptions {
  port?: number;
  /** Where results are written (default `./data`). */
  dataDir?: string;
  clientDir?: string;
  tickMs?: number;
  /** Shifts run this many times faster (tests and benchmarks). */
  timeScale?: number;
  health?: () => Promise<{ ok: boolean; [k: string]: unknown }>;
  /** Extra Colyseus options (presence, driver, publicAddress) for scale-out. */
  colyseus?: Partial<ConstructorParameters<typeof Server>[0]>;
}

export interface App {
  gameServer: Server;
  httpServer: http.Server;
  port: number;
  results: ResultsStore;
  metrics: Metrics;
  close(): Promise<void>;
}

export async function createApp(o: AppOptions = {}): Promise<App> {
  // A room with many towns encodes more than the default 8 KiB in one go (a join).
  Encoder.BUFFER_SIZE = 512 * 1024;
  const root = repoRoot();
  const { scenarios, errors } = loadScenarios();
  for (const e of errors) console.warn(`scenario skipped: ${e}`);
  const results = new ResultsStore(o.dataDir ?? path.join(root, 'data'));
  const metrics = new Metrics(() => ({ rooms: matchMaker.stats.local.roomCount, clients: matchMaker.stats.local.ccu }));
  setRoomDeps({ scenarios, starterFiles: loadStarterFiles(), results, metrics, tickMs: o.tickMs, timeScale: o.timeScale });
  const httpServer = http.createServer();
  const health = o.health ?? (async () => ({ ok: true, rooms: matchMaker.stats.local.roomCount, clients: matchMaker.stats.local.ccu }));
  httpServer.on('request', httpHandler({ clientDir: o.clientDir ?? path.join(root, 'dist', 'client'), results, health, metrics: () => metrics.text() }));
  const transport = new WebSocketTransport({ server: httpServer, maxPayload: LIMITS.maxPayload * 4 });
  countBytesSent(transport, metrics);
  const gameServer = new Server({
    greet: false,
    gracefullyShutdown: false,
    transport,
    ...(o.colyseus ?? {}),
  });
  gameServer.define(ROOM_NAME, ShiftRoom);
  await gameServer.listen(o.port ?? 0);
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : (o.port ?? 0);
  (gameServer as unknown as { port: number }).port = port;
  return {
    gameServer,
    httpServer,
    port,
    results,
    metrics,
    close: () => gameServer.gracefullyShutdown(false),
  };
}

/** Counts every byte the websocket server sends, for /metrics. */
function countBytesSent(transport: WebSocketTransport, metrics: Metrics): void {
  const wss = (transport as unknown as { wss: WebSocketServer }).wss;
  wss.on('connection', (ws: WebSocket) => {
    const send = ws.send.bind(ws) as (data: unknown, ...rest: unknown[]) => void;
    (ws as unknown as { send: (data: unknown, ...rest: unknown[]) => void }).send = (data: unknown, ...rest: unknown[]) => {
      metrics.bytesSent += typeof data === 'string' ? Buffer.byteLength(data) : ((data as { byteLength?: number }).byteLength ?? 0);
      send(data, ...rest);
    };
  });
}
