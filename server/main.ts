/**
 * Kubetown's server: `npm start` runs this. One HTTP port (PORT, default 2567) for the game
 * client, the Colyseus endpoint, /healthz, /metrics and the results API.
 *
 * Environment: DATA_DIR (results; default ./data), REDIS_URL (several processes share
 * matchmaking and presence through Redis), PUBLIC_ADDRESS (this process's address as clients
 * reach it, e.g. `game.example.org/p1`, when several run behind a proxy).
 */
import { matchMaker } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 2567);
const redisUrl = process.env.REDIS_URL;
// Benchmarks only: run shifts faster than their length.
const timeScale = process.env.KUBETOWN_TIME_SCALE ? Number(process.env.KUBETOWN_TIME_SCALE) : undefined;
/** A SIGTERM'd process is gone within this long, whatever happens. */
const SHUTDOWN_BOUND_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);

const presence = redisUrl ? new RedisPresence(redisUrl) : undefined;
let stopping = false;

const app = await createApp({
  port,
  dataDir: process.env.DATA_DIR,
  timeScale,
  colyseus: redisUrl ? { presence, driver: new RedisDriver(redisUrl), publicAddress: process.env.PUBLIC_ADDRESS } : {},
  health: async () => {
    const ready = !stopping && matchMaker.state === matchMaker.MatchMakerState.READY;
    let redis: string | undefined;
    if (presence) {
      try {
        await Promise.race([(presence as unknown as { pub: { ping(): Promise<string> } }).pub.ping(), new Promise((_, no) => setTimeout(() => no(new Error('timeout')), 1000))]);
        redis = 'ok';
      } catch (e) {
        redis = `unreachable: ${(e as Error).message}`;
      }
    }
    return { ok: ready && (redis === undefined || redis === 'ok'), acceptingRooms: ready, ...(redis ? { redis } : {}), rooms: matchMaker.stats.local.roomCount, clients: matchMaker.stats.local.ccu };
  },
});
console.log(`Kubetown is up: http://localhost:${app.port}${redisUrl ? ` (scale-out via ${redisUrl.replace(/\/\/[^@]*@/, '//')})` : ''}`);

/** SIGTERM: take no new rooms, tell players, save running shifts, and exit in bounded time. */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down (at most ${SHUTDOWN_BOUND_MS / 1000} s)`);
  setTimeout(() => {
    console.error('shutdown took too long; exiting');
    process.exit(1);
  }, SHUTDOWN_BOUND_MS).unref();
  await app.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
