import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../shared/manifests/index.js';

// Broken manifests (mutations of the starters) and what the real go-yaml v2 said about them.
const golden = JSON.parse(fs.readFileSync(path.resolve(__dirname, 'fixtures/goyaml-errors.json'), 'utf8')) as {
  cases: { input: string; error: string | null }[];
};

describe('YAML errors match go-yaml v2 word for word', () => {
  it.each(golden.cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    const r = parseManifests('f.yaml', c.input);
    if (c.error === null) {
      expect(r.error).toBeUndefined();
      return;
    }
    const expected = c.error.startsWith('invalid Yaml document separator')
      ? `error: error parsing f.yaml: ${c.error}`
      : `error: error parsing f.yaml: error converting YAML to JSON: ${c.error}`;
    expect(r.error).toBe(expected);
    expect(r.docs).toEqual([]);
    expect(r.errorLine).toBeGreaterThanOrEqual(1);
    expect(r.errorColumn).toBeGreaterThanOrEqual(1);
  });
});
