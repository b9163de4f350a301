/**
 * The bots prove the lesson: on the standard night (3 a.m.), over 20 seeds, the reconciler
 * (declared state, the control loop) beats the sysadmin (by hand) in at least 18, and the
 * sysadmin beats doing nothing in at least 18. Bots play through command lines only.
 */
import { describe, expect, it } from 'vitest';
import { playNight } from '../../shared/match/headless.js';
import { loadScenarios, loadStarterFiles } from '../../server/assets.js';

describe('bots on the 3 a.m. night', () => {
  it('reconciler > sysadmin > idle in at least 18 of 20 seeds', () => {
    const scenario = loadScenarios().scenarios.get('3am')!;
    const files = loadStarterFiles();
    let reconcilerWins = 0;
    let sysadminWins = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const n = playNight(scenario, seed, files);
      if (n.reconciler > n.sysadmin) reconcilerWins++;
      if (n.sysadmin > n.idle) sysadminWins++;
      expect(n.reconciler).toBeGreaterThan(0.9);
    }
    expect(reconcilerWins).toBeGreaterThanOrEqual(18);
    expect(sysadminWins).toBeGreaterThanOrEqual(18);
  }, 120_000);

  it('the same seed replays the same night, to the request', () => {
    const scenario = loadScenarios().scenarios.get('3am')!;
    const files = loadStarterFiles();
    expect(playNight(scenario, 7, files)).toEqual(playNight(scenario, 7, files));
  }, 60_000);
});
