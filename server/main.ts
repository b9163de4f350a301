/**
 * Kubetown's server: `npm start` runs this. One HTTP port (PORT, default 2567) for the game
 * client, the Colyseus endpoint, /healthz, /metrics and the results API. DATA_DIR is where
 * results are kept (default ./data).
 */
import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 2567);
// Benchmarks only: run shifts faster than their length.
const timeScale = process.env.KUBETOWN_TIME_SCALE ? Number(process.env.KUBETOWN_TIME_SCALE) : undefined;
const app = await createApp({ port, dataDir: process.env.DATA_DIR, timeScale });
console.log(`Kubetown is up: http://localhost:${app.port}`);
