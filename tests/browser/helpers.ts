/**
 * Browser test helpers: the real server on a loopback port serving the built client, Debian's
 * Chromium driven by playwright-core, screenshots under test-results/screenshots/, and one
 * browser suite at a time across test files (they are heavy, and the benchmark must not
 * share the CPU with another browser).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, type App } from '../../server/app.js';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const CLIENT = path.join(ROOT, 'dist', 'client');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** `npm test` builds the client first; a lone `vitest run tests/browser` builds it here. */
export function ensureClientBuilt(): void {
  if (fs.existsSync(path.join(CLIENT, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

export interface Harness {
  app: App;
  browser: Browser;
  base: string;
  /** Uncaught errors of every page opened with newPage (a test asserts there are none). */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Takes the browser-suite lock, then starts the server (optionally with shifts running
 * `timeScale`× faster) and Chromium; `close` stops both and gives the lock back.
 */
export async function start(o: { timeScale?: number } = {}): Promise<Harness> {
  const release = await exclusive();
  try {
    ensureClientBuilt();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubetown-browser-'));
    const app = await createApp({ port: 0, dataDir, clientDir: CLIENT, tickMs: 50, timeScale: o.timeScale });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
    return {
      app,
      browser,
      base: `http://127.0.0.1:${app.port}`,
      pageErrors: [],
      close: async () => {
        await browser.close().catch(() => undefined);
        await app.close().catch(() => undefined);
        fs.rmSync(dataDir, { recursive: true, force: true });
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** A fresh page in its own context (own storage); its uncaught errors go to `h.pageErrors`. */
export async function newPage(h: Harness, size: { width: number; height: number } = { width: 1280, height: 720 }): Promise<Page> {
  const ctx = await h.browser.newContext({ viewport: size, acceptDownloads: true });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => h.pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Waits for a JS expression (a string: these tests are compiled without the DOM library). */
export async function until(page: Page, expression: string, timeout = 20_000): Promise<void> {
  try {
    await page.waitForFunction(expression, undefined, { timeout, polling: 100 });
  } catch (e) {
    // Leave a picture of what the page showed instead.
    const file = await shot(page, `failed-${Date.now()}`).catch(() => '?');
    throw new Error(`timed out after ${timeout} ms waiting for: ${expression}\n(screenshot: ${file})`, { cause: e });
  }
}

/** The text of an element, or '' if it is absent. */
export async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent({ timeout: 5000 }).catch(() => '')) ?? '';
}

/** Web pods drawn with a given look, from the town's description (`#town-words`). */
export function webPods(look: string, notOn?: string): string {
  return `[...document.querySelectorAll('#town-words [data-pod^="web-"][data-look="${look}"]')].filter((e) => ${notOn ? `e.dataset.node !== '${notOn}'` : 'true'}).length`;
}

const LOCK = path.join(os.tmpdir(), 'kubetown-browser-suite.lock');

/**
 * Runs one browser suite at a time across test files: vitest runs files in parallel, and two
 * Chromiums plus two game servers on a small CI machine make both slow and the frame-time
 * figures meaningless.
 */
async function exclusive(): Promise<() => void> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      if (stale()) fs.rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error('another browser suite held the lock for 4 minutes');
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  return () => fs.rmSync(LOCK, { recursive: true, force: true });
}

function stale(): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'));
    if (!pid) return Date.now() - fs.statSync(LOCK).mtimeMs > 5000;
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}
