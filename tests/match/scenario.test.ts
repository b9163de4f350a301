/**
 * Scenarios: the shipped nights parse; a teacher's broken file gets a message naming the file,
 * the line and the field; random incidents are the same for every town of a seed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demandAt, formatClock, parseClock, parseScenario } from '../../shared/match/scenario.js';
import { planIncidents } from '../../shared/match/incidents.js';
import { loadScenarios } from '../../server/assets.js';

const dir = path.join(import.meta.dirname, '../../assets/scenarios');

describe('scenario files', () => {
  it('ships first-night, 3am and release-night, all valid', () => {
    const { scenarios, errors } = loadScenarios(dir);
    expect(errors).toEqual([]);
    expect([...scenarios.keys()].sort()).toEqual(['3am', 'first-night', 'release-night']);
    const night = scenarios.get('3am')!;
    expect(night.incidents.find((i) => i.type === 'powerLoss')).toMatchObject({ at: 3 * 3600_000, node: 'node-2', durationMs: 90 * 60_000 });
    expect(scenarios.get('first-night')!.difficulty).toBe('gentle');
    expect(scenarios.get('release-night')!.incidents.some((i) => i.type === 'badRelease')).toBe(true);
  });

  it('reads times and interpolates the demand curve', () => {
    expect(parseClock('03:00')).toBe(10_800_000);
    expect(parseClock('3:7')).toBeUndefined();
    expect(formatClock(10_860_000)).toBe('03:01');
    const s = parseScenario('x.yaml', fs.readFileSync(path.join(dir, '3am.yaml'), 'utf8'));
    if (!s.ok) throw new Error(s.error);
    expect(demandAt(s.scenario, 0)).toBe(60);
    expect(demandAt(s.scenario, 30 * 60_000)).toBe(65);
    expect(demandAt(s.scenario, 7 * 3600_000)).toBe(55);
  });

  it('explains what is wrong with a teacher-made file, with the line', () => {
    const cases: [string, string][] = [
      ['name: Bad Name\ntitle: x\ndescription: y\ndemand: [{at: "00:00", rps: 1}]\n', 'my.yaml:1: name: must be lowercase letters, digits and dashes'],
      ['name: ok\ntitle: x\ndescription: y\ndemand:\n  - at: "25:99"\n    rps: 1\n', 'my.yaml:5: demand.0.at: must be a time like "03:00"'],
      ['name: ok\ntitle: x\ndescription: y\ndemand: [{at: "00:00", rps: 1}]\nincidents:\n  - at: "01:00"\n    type: meteor\n', 'my.yaml:7: incidents.0.type: Invalid option: expected one of'],
      ['name: ok\ntitle: x\ndescription: y\ndemand: [{at: "00:00", rps: 1}]\nincidents:\n  - at: "01:00"\n    type: powerLoss\n    node: node-9\n', 'node "node-9" is not in this town'],
      ['name: ok\ntitle: x\ndescription: y\ndemand: [{at: "00:00", rps: 1}]\nwrokers: 3\n', 'my.yaml:5: (top): Unrecognized key: "wrokers"'],
      ['name: [unclosed\n', 'my.yaml'],
      ['- just\n- a list\n', 'my.yaml: a scenario is a YAML mapping'],
    ];
    for (const [src, want] of cases) {
      const r = parseScenario('my.yaml', src);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain(want);
    }
  });

  it('draws the same random incidents for every town of a seed, and others for another seed', () => {
    const s = loadScenarios(dir).scenarios.get('3am')!;
    const a = planIncidents(s, 5);
    expect(planIncidents(s, 5)).toEqual(a);
    expect(a.filter((i) => i.type === 'crash')).toHaveLength(3);
    expect(planIncidents(s, 6).map((i) => i.at)).not.toEqual(a.map((i) => i.at));
    for (let k = 1; k < a.length; k++) expect(a[k].at).toBeGreaterThanOrEqual(a[k - 1].at);
  });
});
