/**
 * Server test helpers: a real server on a loopback port, colyseus.js clients, and waits on
 * conditions (never fixed sleeps).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { ColyseusTestServer } from '@colyseus/testing';
import { createApp, type App, type AppOptions } from '../../server/app.js';
import type { OutputMessage } from '../../shared/protocol.js';

export interface TestServer {
  app: App;
  colyseus: ColyseusTestServer;
  client(): Client;
  dataDir: string;
  close(): Promise<void>;
}

export async function startServer(o: AppOptions = {}): Promise<TestServer> {
  const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kubetown-test-'));
  const app = await createApp({ port: 0, tickMs: 50, ...o, dataDir });
  const colyseus = new ColyseusTestServer(app.gameServer);
  return {
    app,
    colyseus,
    dataDir,
    client: () => new Client(`ws://127.0.0.1:${app.port}`),
    close: async () => {
      await colyseus.cleanup().catch(() => undefined);
      await app.close();
    },
  };
}

/** Resolves when `cond()` holds, polling every 20 ms; fails after `ms`. */
export async function waitFor(cond: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Collects every message a room receives, by type. */
export function inbox(room: Room): Map<string, unknown[]> {
  const box = new Map<string, unknown[]>();
  room.onMessage('*', (type, message) => {
    const k = String(type);
    if (!box.has(k)) box.set(k, []);
    box.get(k)!.push(message);
  });
  return box;
}

/** Sends a command line and resolves with the complete output (all parts). */
export async function run(room: Room, box: Map<string, unknown[]>, line: string, files?: Record<string, string>, ms = 15_000): Promise<OutputMessage & { all: string }> {
  const id = nextId++;
  room.send('exec', files ? { id, line, files } : { id, line });
  let done: OutputMessage | undefined;
  await waitFor(() => !!(done = (box.get('output') as OutputMessage[] | undefined)?.find((o) => o.id === id && o.done)), ms, `output of "${line}"`);
  const all = (box.get('output') as OutputMessage[]).filter((o) => o.id === id).map((o) => o.text).join('');
  return { ...done!, all };
}

let nextId = 1;
