/**
 * Builds the browser client (client/ → dist/client, served by the game server on its one
 * port). In development `npm run dev:client` proxies the matchmaker, the room websockets and
 * the results API to a server on localhost:2567.
 */
import { defineConfig } from 'vite';

const server = 'http://localhost:2567';

export default defineConfig({
  root: 'client',
  base: '/',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Phaser alone is over a megabyte minified; it loads only for the town screen.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    fs: { allow: ['..'] },
    proxy: {
      '/matchmake': { target: server, changeOrigin: true },
      '/api': { target: server, changeOrigin: true },
      // Colyseus rooms live at /<processId>/<roomId> over a websocket.
      '^/[\\w-]+/[A-Z]{5}(\\?.*)?$': { target: server, ws: true, changeOrigin: true },
    },
  },
});
