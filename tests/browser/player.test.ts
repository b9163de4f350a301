/**
 * One player's screen in a real browser: a bad manifest shows kubectl's error at its line,
 * the terminal completes names and keeps history, a click in the town types the real
 * command, a nickname full of HTML stays text, and the Spanish switch translates the
 * interface (tool output stays in English).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadStarterFiles } from '../../server/assets.js';
import { newPage, shot, start, text, until, type Harness } from './helpers.js';

const EVIL = '<img src=x onerror=alert(1)>';
/** Nicknames may be 32 characters (LIMITS.nameChars): the whole payload must show, as text. */
const EVIL_SHOWN = EVIL;
/** A payload short enough to survive whole. */
const EVIL_SHORT = '<svg onload=alert(1)>';

/** A manifest whose line 7 is indented where YAML does not allow it. */
const BAD_YAML = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n    selector: x\n';

/** Every finished command and its output (the terminal's log for screen readers), spaces squeezed. */
const terminalText = async (page: Page) => (await text(page, '#terminal-log')).replace(/\s+/g, ' ');
const TERM = `document.querySelector('#terminal-log').textContent.replace(/\\s+/g, ' ')`;

/** Replaces the open file's text in CodeMirror (as a paste: no auto-indent). */
async function setEditor(page: Page, content: string): Promise<void> {
  await page.click('#editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(content);
}

describe('a player', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await start({ timeScale: 1 });
  }, 300_000);

  afterEach(() => {
    // No page threw: a broken screen is a failure even when the assertions passed.
    expect(h.pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('plays solo: the night starts from the host strip', async () => {
    page = await newPage(h);
    await page.goto(`${h.base}/?seed=7`);
    await page.fill('#solo-name', 'Ada');
    await page.selectOption('#solo-minutes', '10');
    await page.click('#solo-button');
    await page.waitForSelector('[data-screen=play][data-phase=lobby]');
    await page.click('#host-start');
    await page.waitForSelector('[data-screen=play][data-phase=running]');
  });

  it('sees a bad manifest refused at the right line', async () => {
    await setEditor(page, BAD_YAML);
    await page.click('#editor-apply');
    await page.waitForSelector('#editor-problem:not([hidden])');
    expect(await page.getAttribute('#editor-problem', 'data-line')).toBe('7');
    expect(await text(page, '#editor-problem')).toContain('Line 7');
    expect(await text(page, '#editor-problem')).toContain('mapping values are not allowed in this context');
    // The gutter marks line 7, and the terminal shows kubectl's own words.
    await until(page, `document.querySelectorAll('#editor .cm-lint-marker-error').length === 1`);
    expect(await terminalText(page)).toContain('yaml: line 7: mapping values are not allowed');
    await shot(page, '10-editor-error');
  });

  it('sees an unknown field placed on its line, then a good manifest clears the error', async () => {
    // The starter web.yaml with one field name misspelt.
    const lines = loadStarterFiles()['web.yaml'].split('\n');
    const at = lines.findIndex((l) => l.trim() === 'replicas: 3');
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at].replace('replicas', 'replicass');
    await setEditor(page, lines.join('\n'));
    await page.click('#editor-apply');
    await until(page, `document.querySelector('#editor-problem')?.dataset.line === '${at + 1}'`);
    expect(await text(page, '#editor-problem')).toContain('unknown field "spec.replicass"');
    await page.click('#editor-reset');
    await page.click('#editor-apply');
    await until(page, `document.querySelector('#editor-problem').hidden && document.querySelector('#editor-status').textContent.includes('Applied')`);
  });

  it('uses the terminal: tab completion, history, help', async () => {
    await page.keyboard.press('Alt+2');
    await page.keyboard.type('kubectl get no');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await until(page, `${TERM}.includes('control-plane Ready')`);
    expect(await terminalText(page)).toContain('kubectl get nodes');
    // History: the line comes back on screen.
    await page.keyboard.press('ArrowUp');
    await until(page, `document.querySelector('#terminal .xterm-rows').textContent.trim().endsWith('kubectl get nodes')`);
    await page.keyboard.press('Control+U');
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await until(page, `${TERM}.includes('You are on your workstation')`);
  });

  it('takes its seat back after a reload', async () => {
    const code = (await text(page, '.host-strip-code')).trim();
    await page.reload();
    await page.waitForSelector('[data-screen=play][data-phase=running]');
    expect((await text(page, '.host-strip-code')).trim()).toBe(code);
    await until(page, `document.querySelectorAll('#town-words [data-building]').length >= 4`);
    // Still the host of a running night, with the workspace as it was applied.
    expect(await page.locator('#host-pause').isVisible()).toBe(true);
  });

  it('clicks a building and runs the real command it offers', async () => {
    // Keyboard only: Alt+1 focuses the town, arrows pick a building, Enter opens its actions.
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#town-card:not([hidden]) button[data-action=describe]');
    const node = (await text(page, '#town-card h3')).trim();
    expect(node).toMatch(/^node-\d$/);
    expect(await text(page, '#town-card [data-action=describe] .act-cmd')).toBe(`kubectl describe node ${node}`);
    await shot(page, '11-town-actions');
    await page.keyboard.press('Enter');
    await until(page, `${TERM}.includes('Name: ${node}')`);
  });

  it('shows nicknames made of HTML as text, and nothing runs', async () => {
    let dialogs = 0;
    const host = await newPage(h, { width: 1920, height: 1080 });
    host.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await host.goto(`${h.base}/`);
    await host.click('#host-button');
    await host.waitForSelector('#proj-code');
    const code = (await text(host, '#proj-code')).trim();
    const players: Page[] = [];
    for (const name of [EVIL, EVIL_SHORT]) {
      const evil = await newPage(h);
      evil.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await evil.goto(`${h.base}/?code=${code}`);
      await evil.fill('#join-name', name);
      await evil.click('#join-button');
      await evil.waitForSelector('[data-screen=lobby]');
      players.push(evil);
    }
    await until(host, `document.querySelectorAll('#proj-players li').length === 2`);
    const shown = (await host.locator('#proj-players .chip-name').allTextContents()).sort();
    expect(shown).toEqual([EVIL_SHOWN, EVIL_SHORT].sort());
    expect((await text(players[0], '#lobby-me')).trim()).toBe(EVIL_SHOWN);
    expect(await players[1].locator('#lobby-players .chip-name', { hasText: EVIL_SHORT }).count()).toBe(1);
    // No element was made from a name: no <img> or <svg onload> anywhere, no dialog.
    for (const p of [host, ...players]) {
      expect(await p.locator('img').count()).toBe(0);
      expect(await p.locator('svg[onload]').count()).toBe(0);
    }
    await host.click('#host-start');
    await host.waitForSelector('#leaderboard [data-player]');
    await until(host, `[...document.querySelectorAll('#leaderboard .b-name')].map((e) => e.textContent).sort().join('|') === ${JSON.stringify([EVIL_SHOWN, EVIL_SHORT].sort().join('|'))}`);
    await shot(host, '12-projector-nicknames');
    expect(dialogs).toBe(0);
    for (const p of [host, ...players]) await p.context().close();
  });

  it('switches the interface to Spanish', async () => {
    const es = await newPage(h);
    await es.goto(`${h.base}/`);
    await es.click('.lang-switch [data-lang=es]');
    expect(await text(es, '#join-h')).toBe('Unirse a una clase');
    expect(await text(es, '#join-button')).toBe('Entrar');
    expect(await text(es, '#how-h')).toBe('Cómo se juega');
    expect(await es.getAttribute('html', 'lang')).toBe('es');
    await shot(es, '13-title-es');
    // The choice sticks: the play screen comes up in Spanish, tool output stays English.
    await es.fill('#solo-name', 'Eva');
    await es.click('#solo-button');
    await es.waitForSelector('[data-screen=play]');
    expect(await text(es, '#host-start')).toBe('Empezar la noche');
    expect(await text(es, '#editor-apply')).toBe('Aplicar');
    expect(await text(es, '.hud-stat .hud-label')).toBe('Disponibilidad');
    await es.click('#host-start');
    await es.click('#terminal .xterm');
    await es.keyboard.type('kubectl get pods -A');
    await es.keyboard.press('Enter');
    await until(es, `${TERM}.includes('NAMESPACE NAME READY STATUS')`);
    await shot(es, '14-play-es');
    await es.click('.lang-switch [data-lang=en]');
    expect(await text(es, '#editor-apply')).toBe('Apply');
    await es.context().close();
  });
});
