/**
 * `npm run bots -- --scenario 3am --seeds 20 --json`: whole shifts, headless and at full speed,
 * with three players in one competition — one who does nothing, the sysadmin bot and the
 * reconciler bot. One JSON line per seed with each one's availability (0..1).
 */
import { playNight } from '../../shared/match/headless.js';
import { loadScenarios, loadStarterFiles } from '../assets.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : def;
};
const scenarioName = opt('scenario', '3am');
const seeds = Number(opt('seeds', '20'));
const first = Number(opt('first-seed', '1'));
const minutes = Number(opt('minutes', '6'));
const json = args.includes('--json');

const { scenarios, errors } = loadScenarios();
for (const e of errors) console.error(`scenario error: ${e}`);
const scenario = scenarios.get(scenarioName);
if (!scenario) {
  console.error(`unknown scenario "${scenarioName}"; there are: ${[...scenarios.keys()].join(', ')}`);
  process.exit(2);
}
const starterFiles = loadStarterFiles();
const wins = { reconcilerOverSysadmin: 0, sysadminOverIdle: 0 };
for (let seed = first; seed < first + seeds; seed++) {
  const row = playNight(scenario, seed, starterFiles, minutes);
  if (row.reconciler > row.sysadmin) wins.reconcilerOverSysadmin++;
  if (row.sysadmin > row.idle) wins.sysadminOverIdle++;
  console.log(json ? JSON.stringify(row) : `seed ${seed}: idle ${pct(row.idle)}  sysadmin ${pct(row.sysadmin)}  reconciler ${pct(row.reconciler)}`);
}
if (!json) console.log(`reconciler beat sysadmin in ${wins.reconcilerOverSysadmin}/${seeds}; sysadmin beat idle in ${wins.sysadminOverIdle}/${seeds}`);

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}
