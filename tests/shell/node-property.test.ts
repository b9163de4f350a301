/**
 * Whatever a player types on a node, the programs answer: random argument lists for docker,
 * df, free, uptime, systemctl, journalctl and crictl never throw, print a bounded amount of
 * text, and finish (their busy time and follow end).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminal, type Terminal } from './node-helpers.js';

const WORDS = [
  // docker subcommands and management groups
  'ps', 'images', 'pull', 'run', 'start', 'stop', 'restart', 'rm', 'rmi', 'kill', 'logs', 'inspect', 'exec', 'update', 'version', 'system', 'container', 'image', 'prune', 'df', 'ls', 'help',
  // systemctl / journalctl / crictl words
  'status', 'is-active', 'list-units', 'kubelet', 'docker', 'containerd', 'ssh', 'pods',
  // flags
  '-a', '-q', '-f', '-d', '-p', '-e', '-m', '-n', '-t', '-h', '-u', '-s', '-l', '-it', '--all', '--no-trunc', '--filter', '--force', '--name', '--restart', '--memory', '--rm', '--tail', '--help', '--format', '--type', '--volumes', '-T', '-k', '-g', '-b', '-w', '-p', '-x', '-e', '--lines', '--no-pager', '--foo', '--',
  // values
  'web', 'web2', 'nope', 'web:1.0', 'web:1.1', 'web:1.2', 'web:9.9', 'busybox', 'nginx', 'Web:1.0', '80:8080', '81:8080', '8080', 'abc:80', 'always', 'unless-stopped', 'on-failure:3', 'sometimes', '256m', '1k', 'lots', '0', '5', '-1', 'all', 'name=web', 'status=exited', 'status=nope', 'dangling=true', 'until=1h', 'colour=red', '{{.State.Status}}', '{{json .Config}}', 'A=1', '/', '/var/lib/docker', 'echo', 'hello', 'sh', 'npm', 'install',
];

const word = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const argv = fc.array(word, { maxLength: 6 });
const PROGRAMS = ['docker', 'df', 'free', 'uptime', 'systemctl', 'journalctl', 'crictl'];

/** Quotes a word for the shell line, so what the program gets is exactly the word. */
const quote = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;

function check(t: Terminal, prog: string, args: string[]): void {
  if (!t.ctx.session.host) t.run('ssh node-1');
  const line = [prog, ...args.map(quote)].join(' ');
  const before = t.cluster.now;
  const r = t.run(line);
  expect(r.text).not.toMatch(/internal error/);
  expect(r.text.length).toBeLessThan(100_000);
  expect(Number.isInteger(r.exitCode) && r.exitCode >= 0 && r.exitCode <= 255).toBe(true);
  expect(['none', 'read', 'manual', 'declarative']).toContain(r.first.effect);
  // The terminal is never busy for more than a pull's timeout plus its follow.
  expect(t.cluster.now - before).toBeLessThanOrEqual(31_000 + 120_000);
}

describe('random command lines on a node', () => {
  for (const prog of PROGRAMS) {
    it(`${prog}: never throws, bounded output, always finishes`, () => {
      const t = terminal();
      fc.assert(
        fc.property(argv, (args) => check(t, prog, args)),
        { numRuns: prog === 'docker' ? 300 : 100, seed: 20260314 },
      );
    });
  }

  it('docker with a subcommand first: every subcommand survives random flags and values', () => {
    const t = terminal();
    const sub = fc.constantFrom('ps', 'images', 'pull', 'run', 'start', 'stop', 'restart', 'rm', 'rmi', 'kill', 'logs', 'inspect', 'exec', 'update', 'system', 'container', 'image');
    fc.assert(
      fc.property(sub, argv, (s, args) => check(t, 'docker', [s, ...args])),
      { numRuns: 400, seed: 42 },
    );
  });
});
