/**
 * `/?bench=projector&players=60`: the projector's leaderboard and ticker with 60 synthetic
 * players whose scores, ranks and sparklines change four times a second (the server sends
 * them once a second), measuring the script time of each update and the frame rate.
 */
import '../styles/base.css';
import '../ui/projector.css';
import '../ui/play.css';
import type { PlayerView, ShiftView, TickerView, TownView } from '../net/state-types.js';
import { el } from '../ui/dom.js';
import { Leaderboard } from '../ui/leaderboard.js';
import { Ticker } from '../ui/ticker.js';
import { clampInt, wait } from './town-bench.js';

export async function runProjectorBench(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const n = clampInt(params.get('players'), 60, 1, 200);
  const seconds = clampInt(params.get('seconds'), 5, 1, 60);
  const players = new Map<string, PlayerView>();
  let s = 7;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < n; i++) {
    players.set(`p${i}`, { name: `Student ${i + 1}`, kind: i % 10 === 0 ? 'reconciler' : 'human', connected: true, score: 1000, availability: 10000, rank: i + 1, town: `p${i}`, manual: 0, declarative: 0, incidents: 0, cost: 0, series: [] as number[] });
  }
  const ticker: TickerView[] = [];
  const state: ShiftView = { phase: 'running', clock: 0, code: 'BENCH', scenario: '3am', minutes: 6, mode: 'competition', host: '', spectators: 0, players, ticker, towns: new Map<string, TownView>() };
  const board = new Leaderboard();
  const tick = new Ticker();
  const out = el('pre', { attrs: { id: 'bench-result' }, class: 'mono' });
  out.style.cssText = 'position:fixed;left:12px;bottom:8px;margin:0;z-index:9;background:#0a0f1fcc;padding:6px 10px;border-radius:8px';
  root.append(el('main', { class: 'screen projector', attrs: { 'data-screen': 'projector' } }, [el('div', { class: 'proj-body' }, [board.root, el('aside', { class: 'proj-side' }, [tick.root])])]), out);

  const update = (step: number) => {
    state.clock = step * 60_000;
    for (const p of players.values()) {
      const a = Math.max(8000, Math.min(10000, p.availability + Math.round((rnd() - 0.52) * 80)));
      p.availability = a;
      p.score = Math.round(a / 10);
      (p.series as number[])[Math.min(35, Math.floor(step / 10))] = a;
      if (rnd() < 0.05) p.manual++;
      if (rnd() < 0.02) p.declarative++;
    }
    const order = [...players.values()].sort((x, y) => y.score - x.score);
    order.forEach((p, i) => (p.rank = i + 1));
    if (step % 20 === 0) ticker.push({ at: state.clock, type: 'crash', title: 'web crashed', titleEs: 'web se ha caído', message: '', messageEs: '' });
  };

  const updates: number[] = [];
  const frames: number[] = [];
  let step = 0;
  let running = true;
  let last = performance.now();
  const loop = (now: number) => {
    frames.push(now - last);
    last = now;
    if (running) requestAnimationFrame(loop);
  };
  const timer = setInterval(() => {
    const t0 = performance.now();
    update(++step);
    board.update(state);
    tick.update(state, 'en');
    updates.push(performance.now() - t0);
  }, 250);
  await wait(800);
  updates.length = 0;
  requestAnimationFrame(loop);
  frames.length = 0;
  await wait(seconds * 1000);
  running = false;
  clearInterval(timer);
  const sorted = [...updates].sort((a, b) => a - b);
  const fs = frames.slice(1);
  const mean = fs.reduce((a, b) => a + b, 0) / Math.max(1, fs.length);
  const stats = {
    players: n,
    updates: updates.length,
    updateMedianMs: r2(sorted[Math.floor(sorted.length / 2)] ?? 0),
    updateMaxMs: r2(sorted.at(-1) ?? 0),
    fps: r2(1000 / mean),
    longFrames: fs.filter((f) => f > 50).length,
  };
  (window as unknown as { __kubetownBench?: unknown }).__kubetownBench = stats;
  out.textContent = `projector bench: ${n} players, 4 updates/s\nupdate script: median ${stats.updateMedianMs} ms, max ${stats.updateMaxMs} ms · ${stats.fps} fps · ${stats.longFrames} frames over 50 ms`;
}

function r2(n: number): number {
  return Math.round(n * 100) / 100;
}
