/**
 * `/?bench=town&nodes=20&pods=200`: the town renderer on a synthetic, churning town, with the
 * script time per frame measured. Results land in `window.__kubetownBench` (read by the
 * browser test) and on screen.
 */
import { createTownGame } from '../scenes/game.js';
import { FrameMeter } from './frame-meter.js';
import { SyntheticTown } from './synthetic-town.js';

export async function runTownBench(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const nodes = clampInt(params.get('nodes'), 20, 1, 100);
  const pods = clampInt(params.get('pods'), 200, 0, 2000);
  const seconds = clampInt(params.get('seconds'), 5, 1, 60);
  // `churn=0` measures a quiet town (for comparison).
  const churn = params.get('churn') !== '0';
  root.style.cssText = 'position:fixed;inset:0';
  const host = document.createElement('div');
  host.style.cssText = 'position:absolute;inset:0';
  const out = document.createElement('pre');
  out.id = 'bench-result';
  out.style.cssText = 'position:absolute;left:12px;top:8px;margin:0;color:#e9edff;font:13px ui-monospace,monospace;background:#0a0f1fcc;padding:6px 10px;border-radius:8px';
  root.append(host, out);
  const synthetic = new SyntheticTown(nodes, pods);
  const renderer = params.get('renderer') === 'canvas' ? 'canvas' : params.get('renderer') === 'webgl' ? 'webgl' : 'auto';
  const g = createTownGame(host, renderer);
  await g.ready;
  let frame = 0;
  g.town.attach(() => synthetic.town, { hover: () => undefined, select: () => undefined });
  g.sky.setClock(() => 3 * 3600_000);
  const meter = new FrameMeter(g.game, () => {
    if (!churn) return;
    synthetic.churn(++frame);
    g.town.refresh();
  });
  out.textContent = `warming up… ${nodes} nodes, ${pods} pods`;
  await wait(1000);
  meter.reset();
  await wait(seconds * 1000);
  const stats = { nodes, pods, renderer: g.game.renderer.type === 2 ? 'webgl' : 'canvas', ...meter.stats() };
  (window as unknown as { __kubetownBench?: unknown }).__kubetownBench = stats;
  out.textContent = `town bench (${stats.renderer}): ${nodes} nodes, ${pods} pods, churning\nscript per frame: median ${stats.medianMs} ms, mean ${stats.meanMs} ms, p95 ${stats.p95Ms} ms, max ${stats.maxMs} ms\n${stats.frames} frames, ${stats.fps} fps`;
}

export function clampInt(v: string | null, dflt: number, min: number, max: number): number {
  const n = Number(v);
  return Number.isFinite(n) && v !== null ? Math.max(min, Math.min(max, Math.round(n))) : dflt;
}

export function wait(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
