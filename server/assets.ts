/**
 * Loads what the game reads from disk: the scenarios in `assets/scenarios/` (a teacher can add
 * a file) and the starter manifests every player's workspace begins with.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario, type Scenario } from '../shared/match/scenario.js';

/** The repository root, whether running from source (tsx) or from dist/. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'assets')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export interface ScenarioLoad {
  scenarios: Map<string, Scenario>;
  errors: string[];
}

export function loadScenarios(dir = path.join(repoRoot(), 'assets', 'scenarios')): ScenarioLoad {
  const scenarios = new Map<string, Scenario>();
  const errors: string[] = [];
  for (const f of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const r = parseScenario(f, fs.readFileSync(path.join(dir, f), 'utf8'));
    if (r.ok) {
      if (scenarios.has(r.scenario.name)) errors.push(`${f}: name "${r.scenario.name}" is already used by another scenario`);
      else scenarios.set(r.scenario.name, r.scenario);
    } else errors.push(r.error);
  }
  return { scenarios, errors };
}

/** The workspace a player starts with: web.yaml (the Deployment and its Service) and the seed's two-container pod. */
export function loadStarterFiles(dir = path.join(repoRoot(), 'assets', 'manifests')): Record<string, string> {
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  return {
    'web.yaml': `${read('web-deployment.yaml').trimEnd()}\n---\n${read('web-service.yaml')}`,
    'sidecar-pod.yaml': read('sidecar-pod.yaml'),
  };
}
