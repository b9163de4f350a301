import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseManifests, serializeYaml, type ParseResult } from '../../shared/manifests/index.js';

const starters = ['web-deployment.yaml', 'web-service.yaml', 'sidecar-pod.yaml'].map((f) =>
  fs.readFileSync(path.resolve(__dirname, '../../assets/manifests', f), 'utf8'),
);

/** Generous enough for a loaded CI machine, far below anything that could hang a room. */
const LIMIT_MS = 500;

/** Parses, checking the promises every caller relies on: no throw, quick, well-formed result. */
function parseChecked(text: string): ParseResult {
  const t0 = performance.now();
  const r = parseManifests('f.yaml', text);
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(LIMIT_MS);
  expect(Array.isArray(r.docs)).toBe(true);
  if (r.error) {
    expect(r.error.length).toBeGreaterThan(0);
    expect(r.docs).toEqual([]);
  }
  for (const d of r.docs) {
    expect(d.object === undefined).toBe(d.error !== undefined);
    if (d.object) expect(typeof serializeYaml(d.object)).toBe('string');
  }
  return r;
}

const TOKENS = [' ', '  ', '\n', '\t', ':', ': ', '- ', '-', '#', '"', "'", '[', ']', '{', '}', ',', '?', '&a', '*a', '!!int', '|', '>',
  '---', '...', '%YAML 1.1', 'apiVersion: v1', 'kind: Pod', 'metadata:', 'name: x', 'spec:', 'containers:', 'image: y', '<<: *a', '\r\n', '\\', '@', '`'];

describe('parseManifests never throws, never hangs', () => {
  beforeAll(() => {
    // Warm the JIT so the time bound measures the parser, not the first compile.
    for (let i = 0; i < 20; i++) for (const s of starters) parseManifests('w.yaml', s);
  });

  it('random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => void parseChecked(s)), { numRuns: 500 });
  });

  it('random sequences of YAML tokens', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (parts) => void parseChecked(parts.join(''))),
      { numRuns: 1000 },
    );
  });

  it('random objects written as YAML', () => {
    fc.assert(
      fc.property(fc.object({ maxDepth: 4 }), fc.constantFrom('v1', 'apps/v1'), fc.constantFrom('Pod', 'Deployment', 'Service'), (o, v, k) => {
        const doc = { apiVersion: v, kind: k, metadata: { name: 'x' }, ...o };
        let text: string;
        try {
          text = stringify(doc);
        } catch {
          return;
        }
        parseChecked(text);
      }),
      { numRuns: 300 },
    );
  });

  it('random objects under spec', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), fc.constantFrom(...starters), (spec, starter) => {
        let text: string;
        try {
          text = starter.replace(/^spec:[\s\S]*$/m, stringify({ spec }));
        } catch {
          return;
        }
        parseChecked(text);
      }),
      { numRuns: 300 },
    );
  });

  it('starter manifests with characters deleted, duplicated or inserted', () => {
    const edit = fc.record({
      op: fc.constantFrom('delete', 'duplicate', 'insert'),
      at: fc.nat(),
      len: fc.integer({ min: 1, max: 8 }),
      text: fc.constantFrom(...TOKENS),
    });
    fc.assert(
      fc.property(fc.constantFrom(...starters), fc.array(edit, { minLength: 1, maxLength: 6 }), (starter, edits) => {
        let s = starter;
        for (const e of edits) {
          const at = e.at % (s.length + 1);
          if (e.op === 'delete') s = s.slice(0, at) + s.slice(at + e.len);
          else if (e.op === 'duplicate') s = s.slice(0, at) + s.slice(at, at + e.len) + s.slice(at);
          else s = s.slice(0, at) + e.text + s.slice(at);
        }
        parseChecked(s);
      }),
      { numRuns: 1500 },
    );
  });
});
