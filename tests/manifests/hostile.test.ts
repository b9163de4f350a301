import { describe, expect, it } from 'vitest';
import { MAX_MANIFEST_BYTES, parseManifests } from '../../shared/manifests/index.js';

function timed(text: string) {
  const t0 = performance.now();
  const r = parseManifests('evil.yaml', text);
  return { r, ms: performance.now() - t0 };
}

describe('hostile manifests are refused quickly', () => {
  it('a billion laughs', () => {
    let lol = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) {
      const [me, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lol += `${me}: &${me} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    }
    const { r, ms } = timed(lol);
    expect(r.error).toBe('error: error parsing evil.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing');
    expect(ms).toBeLessThan(500);
  });

  it('deep nesting', () => {
    expect(timed('['.repeat(100_000)).r.error).toBe('error: error parsing evil.yaml: error converting YAML to JSON: yaml: exceeded max depth of 64');
    const block = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(timed(block).r.error).toBe('error: error parsing evil.yaml: error converting YAML to JSON: yaml: line 65: exceeded max depth of 64');
    expect(timed(`${'- '.repeat(10_000)}x`).r.error).toContain('exceeded max depth of 64');
  });

  it('an alias that contains itself, one that points nowhere', () => {
    expect(timed('a: &a [*a]').r.error).toBe("error: error parsing evil.yaml: error converting YAML to JSON: yaml: anchor 'a' value contains itself");
    expect(timed('a: *nope').r.error).toBe("error: error parsing evil.yaml: error converting YAML to JSON: yaml: unknown anchor 'nope' referenced");
  });

  it('a file over the size cap', () => {
    const { r } = timed(`a: ${'x'.repeat(MAX_MANIFEST_BYTES)}`);
    expect(r.error).toMatch(/^error: error reading "evil.yaml": the file is \d+ bytes, more than the 262144 a manifest may have$/);
  });

  it('too many documents, too many values', () => {
    expect(timed('a: 1\n---\n'.repeat(150)).r.error).toContain('more than the 100');
    const { r, ms } = timed(`[${'1,'.repeat(60_000)}1]`);
    expect(r.error).toContain('document has more than 5000 values');
    expect(ms).toBeLessThan(1000);
  });

  it('control characters, as go-yaml refuses them', () => {
    expect(timed('a: b\u0007').r.error).toBe('error: error parsing evil.yaml: error converting YAML to JSON: yaml: control characters are not allowed');
  });

  it('keys that would touch prototypes stay plain data', () => {
    const pod = (anno: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n${anno}spec:\n  containers: [{name: a, image: b}]\n`;
    const ok = timed(pod('    constructor: z\n    hasOwnProperty: w\n')).r;
    const meta = ok.docs[0].object!.metadata as { annotations?: Record<string, string> };
    expect(meta.annotations).toEqual({ constructor: 'z', hasOwnProperty: 'w' });
    const bad = timed(pod('    __proto__: x\n')).r;
    expect(bad.docs[0].error).toContain('metadata.annotations: Invalid value: "__proto__": name part must consist of');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('anything that is not a string', () => {
    expect(() => parseManifests('x.yaml', undefined as unknown as string)).not.toThrow();
    expect(() => parseManifests('x.yaml', 42 as unknown as string)).not.toThrow();
  });
});
