/**
 * A class, end to end in real browsers: the teacher opens the projector and creates a room,
 * two students join by code, the shift starts, one student applies the starter Deployment
 * from the editor and its pods light up, node-2 loses power at 03:00 and the town shows it
 * (and the loop moves the pods), the leaderboard moves, and the night ends with a podium and
 * a CSV the teacher can download. Screenshots of every screen land in test-results/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, shot, start, text, until, webPods, type Harness } from './helpers.js';

// A 3-minute shift run 6× faster: the whole night takes 30 s, 03:00 comes 15 s after the start.
const TIME_SCALE = 6;

describe('a classroom shift', () => {
  let h: Harness;
  let host: Page;
  let ana: Page;
  let ben: Page;
  let code = '';

  beforeAll(async () => {
    h = await start({ timeScale: TIME_SCALE });
  }, 300_000);

  afterEach(() => {
    // No page threw: a broken screen is a failure even when the assertions passed.
    expect(h.pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('the host opens the projector and creates a room', async () => {
    host = await newPage(h, { width: 1920, height: 1080 });
    await host.goto(`${h.base}/?seed=42`);
    await host.waitForSelector('[data-screen=title]');
    await shot(host, '01-title');
    await host.fill('#host-name', 'Ms Rivera');
    await host.click('#host-button');
    await host.waitForSelector('#proj-code');
    code = (await text(host, '#proj-code')).trim();
    expect(code).toMatch(/^[A-Z]{5}$/);
    expect(await text(host, '.proj-url')).toContain(`?code=${code}`);
    expect(await host.locator('canvas.qr').count()).toBeGreaterThan(0);
    await host.selectOption('#set-minutes', '3');
    await until(host, `document.querySelector('.proj-scenario')?.textContent.includes('3 min')`);
  });

  it('two students join by code', async () => {
    ana = await newPage(h);
    ben = await newPage(h);
    for (const [page, name] of [
      [ana, 'Ana'],
      [ben, 'Ben'],
    ] as const) {
      await page.goto(`${h.base}/?code=${code}`);
      expect(await page.inputValue('#join-code')).toBe(code);
      await page.fill('#join-name', name);
      await page.click('#join-button');
      await page.waitForSelector('[data-screen=lobby]');
    }
    await until(ana, `document.querySelectorAll('#lobby-players li').length === 2`);
    expect(await text(ana, '#lobby-code')).toBe(code);
    await shot(ana, '02-lobby');
    await until(host, `document.querySelectorAll('#proj-players li').length === 2`);
    expect(await text(host, '#proj-count')).toContain('2 players');
    await shot(host, '03-projector-lobby');
  });

  it('the host starts the shift and the students see their towns', async () => {
    await host.click('#host-start');
    for (const page of [ana, ben]) {
      await page.waitForSelector('[data-screen=play]');
      await until(page, `document.querySelectorAll('#town-words [data-building]').length >= 4`);
    }
    // The old world: the app runs as containers started by hand, in the ground-floor shops.
    expect(await ana.locator('#town-words [data-hand="web"]').count()).toBe(3);
    await until(host, `document.querySelectorAll('#leaderboard [data-player]').length === 2`);
  });

  it('a student applies the starter Deployment and its pods light up', async () => {
    await ana.click('#editor-apply');
    await until(ana, `document.querySelector('#terminal-log')?.textContent.includes('deployment.apps/web created')`);
    await until(ana, `${webPods('lit')} >= 3`);
    expect(await text(ana, '#editor-status')).toContain('Applied');
    await shot(ana, '04-town-lit');
  });

  it('node-2 loses power at 03:00: the town shows it, and the loop moves the pods', async () => {
    await until(ana, `document.querySelector('#town-words [data-building="node-2"]')?.dataset.look === 'dark'`, 40_000);
    await shot(ana, '05-town-node-down');
    // Every town gets the same outage at the same time.
    await until(ben, `document.querySelector('#town-words [data-building="node-2"]')?.dataset.look === 'dark'`, 5_000);
    // Pods stranded on the dark block are replaced on the others (~50 s + 300 s of sim time).
    await until(ana, `${webPods('lit', 'node-2')} >= 3`, 30_000);
    await shot(ana, '06-town-healed');
  });

  it('the leaderboard on the projector follows the night', async () => {
    await until(host, `[...document.querySelectorAll('#leaderboard .b-avail')].some((e) => e.textContent.trim() !== '100 %')`, 30_000);
    await until(host, `[...document.querySelectorAll('#leaderboard [data-rank]')].map((e) => e.dataset.rank).sort().join() === '1,2'`);
    // Ticker: the 03:00 power loss is on the projector too.
    expect(await text(host, '#ticker')).toContain('node-2 lost power');
    await shot(host, '07-projector-leaderboard');
  });

  it('the host ends the night: podium, results table and a CSV to download', async () => {
    host.once('dialog', (d) => void d.accept());
    await host.click('#host-end');
    await host.waitForSelector('#podium [data-place="1"]');
    await host.waitForSelector('#download-csv:not([hidden])');
    const names = await host.locator('#podium .podium-name').allTextContents();
    expect(names.sort()).toEqual(['Ana', 'Ben']);
    expect(await host.locator('#results-table tbody tr').count()).toBe(2);
    await shot(host, '08-projector-podium');
    const href = await host.getAttribute('#download-csv', 'href');
    expect(href).toContain(`/api/results/${code}.csv?token=`);
    const res = await host.request.get(`${h.base}${href}`);
    expect(res.status()).toBe(200);
    const csv = await res.text();
    expect(csv.split('\n')[0]).toMatch(/rank/i);
    expect(csv).toContain('Ana');
    expect(csv).toContain('Ben');
    // The student gets their own night in numbers.
    await ana.waitForSelector('[data-screen=results]');
    await until(ana, `document.querySelectorAll('#res-incidents tbody tr').length >= 1`);
    expect(await ana.locator('#night-chart polyline').count()).toBe(1);
    await shot(ana, '09-results');
  });
});
