/**
 * Whatever a player types after `kubectl`, the command answers without throwing, with text
 * of a bounded size and exit code 0 or 1, and a command that keeps the terminal busy ends.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../shared/sim/cluster.js';
import { newSession } from '../../shared/shell/index.js';
import { kubectl } from '../../shared/shell/kubectl/index.js';
import type { ShellContext } from '../../shared/shell/types.js';
import { POD_YAML, SVC_YAML, WEB_YAML } from './kubectl-helpers.js';

const MAX_TEXT = 200_000;

const WORDS = [
  'get', 'describe', 'apply', 'create', 'delete', 'scale', 'rollout', 'set', 'cordon', 'uncordon', 'drain', 'taint', 'logs', 'top', 'explain', 'version', 'cluster-info', 'api-resources',
  'status', 'history', 'undo', 'restart', 'pause', 'resume', 'image', 'deployment', 'deploy', 'nodes', 'node', 'pods', 'pod', 'po', 'svc', 'rs', 'ds', 'ev', 'ns', 'ep', 'all',
  'web', 'node-1', 'node-2', 'control-plane', 'deploy/web', 'pod/x', 'app=web:1.2', 'app=web:1.1', 'gpu=true:NoSchedule', 'gpu-', 'web.yaml', 'svc.yaml', 'pod.yaml', 'broken.yaml',
  '-o', 'wide', 'yaml', 'json', 'name', 'jsonpath={.items[*].metadata.name}', 'custom-columns=N:.metadata.name', '-l', 'app=web', '-n', 'kube-system', '-A', '--all', '-f', '--force',
  '--grace-period=0', '--ignore-daemonsets', '--replicas=2', '--replicas=-3', '--image=web:1.0', '--to-revision=1', '--previous', '--tail=2', '-c', 'app', '--show-labels', '-w', '--watch=false',
  '--timeout=5s', '--dry-run=client', '--help', '-h', '--', '=', ',', '/', '', 'pods,svc', 'deploy.spec.replicas', 'pods.spec.containers', '--sort-by=.metadata.name', '--field-selector=status.phase=Running',
];

const arg = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

function freshContext(seed: number): ShellContext {
  const c = new Cluster({ seed });
  const broken = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: [x\n';
  return { cluster: c, session: newSession('you', { 'web.yaml': WEB_YAML, 'svc.yaml': SVC_YAML, 'pod.yaml': POD_YAML, 'broken.yaml': broken }) };
}

describe('kubectl never throws', () => {
  it('random argument lists give text within a bound and an exit code', () => {
    const ctx = freshContext(99);
    ctx.cluster.advance(1000);
    fc.assert(
      fc.property(fc.array(fc.array(arg, { minLength: 0, maxLength: 7 }), { minLength: 1, maxLength: 4 }), (lines) => {
        for (const args of lines) {
          const r = kubectl(ctx, args, `kubectl ${args.join(' ')}`);
          expect(typeof r.text).toBe('string');
          expect(r.text.length).toBeLessThan(MAX_TEXT);
          expect([0, 1]).toContain(r.exitCode);
          expect(r.busyMs).toBeGreaterThanOrEqual(0);
          if (r.follow) {
            // A waiting command is polled like the terminal polls it: each poll answers, it ends within its timeout.
            expect(r.follow.timeoutMs).toBeGreaterThan(0);
            expect(r.follow.timeoutMs).toBeLessThanOrEqual(60 * 60_000);
            for (let i = 0; i < 3; i++) {
              ctx.cluster.advance(1000);
              const p = r.follow.poll(ctx.cluster.now);
              expect(p.text.length).toBeLessThan(MAX_TEXT);
              if (p.done) break;
            }
          }
        }
      }),
      { numRuns: 300, seed: 4242 },
    );
  });

  it('random words after real verbs, across fresh clusters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.constantFrom('get', 'describe', 'delete', 'apply', 'rollout', 'drain', 'taint', 'logs', 'explain', 'top', 'create', 'scale', 'set'), fc.array(arg, { maxLength: 6 }), (seed, verb, rest) => {
        const ctx = freshContext(seed);
        const r = kubectl(ctx, [verb, ...rest], '');
        expect(r.text.length).toBeLessThan(MAX_TEXT);
        expect(r.text === '' || r.text.endsWith('\n')).toBe(true);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
