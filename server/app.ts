/**
 * Builds the server: one HTTP port carrying the client, the Colyseus endpoint, `/healthz` and
 * the results API. Used by `main.ts`, the tests and the load benchmark.
 */
import http from 'node:http';
import path from 'node:path';
import { Server, matchMaker } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { LIMITS, ROOM_NAME } from '../shared/protocol.js';
import { loadScenarios, loadStarterFiles, repoRoot } from './assets.js';
import { httpHandler } from './http.js';
import { ResultsStore } from './results.js';
import { ShiftRoom, setRoomDeps, type RoomMetrics } from './shift-room.js';

export interface AppOptions {
  port?: number;
  /** Where results are written (default `./data`). */
  dataDir?: string;
  clientDir?: string;
  tickMs?: number;
  metrics?: RoomMetrics;
  metricsText?: () => string;
  health?: () => Promise<{ ok: boolean; [k: string]: unknown }>;
  /** Extra Colyseus options (presence, driver, publicAddress) for scale-out. */
  colyseus?: Partial<ConstructorParameters<typeof Server>[0]>;
}

export interface App {
  gameServer: Server;
  httpServer: http.Server;
  port: number;
  results: ResultsStore;
  close(): Promise<void>;
}

export async function createApp(o: AppOptions = {}): Promise<App> {
  const root = repoRoot();
  const { scenarios, errors } = loadScenarios();
  for (const e of errors) console.warn(`scenario skipped: ${e}`);
  const results = new ResultsStore(o.dataDir ?? path.join(root, 'data'));
  setRoomDeps({ scenarios, starterFiles: loadStarterFiles(), results, metrics: o.metrics, tickMs: o.tickMs });
  const httpServer = http.createServer();
  const health = o.health ?? (async () => ({ ok: true, rooms: matchMaker.stats.local.roomCount, clients: matchMaker.stats.local.ccu }));
  httpServer.on('request', httpHandler({ clientDir: o.clientDir ?? path.join(root, 'dist', 'client'), results, health, metrics: o.metricsText }));
  const gameServer = new Server({
    greet: false,
    gracefullyShutdown: false,
    transport: new WebSocketTransport({ server: httpServer, maxPayload: LIMITS.maxPayload * 4 }),
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
    close: () => gameServer.gracefullyShutdown(false),
  };
}
