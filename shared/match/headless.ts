/**
 * A whole shift without a server, at full speed: an idle player, the sysadmin bot and the
 * reconciler bot in one competition. Used by `npm run bots` and the tests that check the bots
 * prove the lesson.
 */
import { Match } from './match.js';
import type { Scenario } from './scenario.js';

export interface BotNight {
  seed: number;
  scenario: string;
  idle: number;
  sysadmin: number;
  reconciler: number;
}

export function playNight(scenario: Scenario, seed: number, starterFiles: Record<string, string>, minutes = 6): BotNight {
  const m = new Match({ seed, scenario, minutes, mode: 'competition', starterFiles });
  m.addPlayer('idle', 'idle');
  m.addPlayer('sysadmin', 'sysadmin', 'sysadmin');
  m.addPlayer('reconciler', 'reconciler', 'reconciler');
  m.start();
  while (m.phase === 'running') m.advanceSim(60_000);
  const a = (id: string) => Math.round(m.towns.get(id)!.availability * 10_000) / 10_000;
  return { seed, scenario: scenario.name, idle: a('idle'), sysadmin: a('sysadmin'), reconciler: a('reconciler') };
}
