/**
 * Kubetown's server: `npm start` runs this. One HTTP port (PORT, default 2567) for the game
 * client, the Colyseus endpoint, /healthz and the results API.
 */
import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 2567);
const app = await createApp({ port, dataDir: process.env.DATA_DIR });
console.log(`Kubetown is up: http://localhost:${app.port}`);
