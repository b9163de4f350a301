/**
 * The kubelet: CrashLoopBackOff waits of 10, 20, 40, 80, 160 and 300 s reset after 10 minutes
 * of clean running; OOMKilled is 137; image pulls fail as ErrImagePull then ImagePullBackOff;
 * two containers of one pod clash on a port; readiness waits for the app to answer.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../shared/sim/cluster.js';
import * as faults from '../../shared/sim/faults.js';
import { isPodReady } from '../../shared/sim/api/pods.js';
import type { Pod } from '../../shared/sim/api/types.js';
import { advanceUntil, deployment, podsOf } from './helpers.js';

function onePod(c: Cluster, app: string): Pod {
  const pods = podsOf(c, app).filter((p) => p.metadata.deletionTimestamp === undefined);
  expect(pods).toHaveLength(1);
  return pods[0];
}

function waiting(p: Pod, container = 'app'): string | undefined {
  return p.status.containerStatuses?.find((s) => s.name === container)?.state.waiting?.reason;
}

describe('kubelet', () => {
  it('backs off a crashing container 10, 20, 40, 80, 160, 300, 300 s and shows CrashLoopBackOff', () => {
    const c = new Cluster({ seed: 11 });
    c.api.create(deployment('bad', 1, 'web:1.2'));
    const starts: number[] = [];
    const finishes: number[] = [];
    const node = () => c.machines.get(onePod(c, 'bad').spec.nodeName!)!;
    c.advance(100);
    node().docker.onChange((ct, change) => {
      if (ct.labels['io.kubernetes.container.name'] !== 'app') return;
      if (change === 'started') starts.push(c.now);
      if (change === 'exited') finishes.push(c.now);
    });
    c.advance(20 * 60_000);
    // Restart i happens `wait` after the end of run i (the first restart at once).
    const waits = starts.slice(1).map((s, i) => Math.round((s - finishes[i]) / 1000));
    expect(waits[0]).toBeLessThanOrEqual(2); // PLEG notices within a second, then it restarts
    expect(waits.slice(1, 8)).toEqual([10, 20, 40, 80, 160, 300, 300]);
    const pod = onePod(c, 'bad');
    const st = pod.status.containerStatuses![0];
    expect(st.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(st.state.waiting?.message).toBe(`back-off 5m0s restarting failed container=app pod=${pod.metadata.name}_default(${pod.metadata.uid})`);
    expect(st.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(pod.status.phase).toBe('Running');
    const backoff = c.events.list().find((e) => e.reason === 'BackOff' && e.involvedObject.name === pod.metadata.name)!;
    expect(backoff.type).toBe('Warning');
    expect(backoff.message).toBe(`Back-off restarting failed container app in pod ${pod.metadata.name}_default(${pod.metadata.uid})`);
    expect(backoff.count).toBeGreaterThan(1);
  });

  it('forgets the back-off after 10 minutes of clean running', () => {
    const c = new Cluster({ seed: 12 });
    c.api.create(deployment('web', 1, 'web:1.0'));
    c.advance(30_000);
    const pod = onePod(c, 'web');
    const m = c.machines.get(pod.spec.nodeName!)!;
    const kill = () => faults.crashApp(c, pod.spec.nodeName);
    const restarts = () => pod.status.containerStatuses![0].restartCount;
    // Remove the hand-started app so the fault hits the pod's container.
    m.docker.remove(m.docker.byName('web')!);
    kill();
    advanceUntil(c, () => restarts() === 1 && isPodReady(pod), 30_000, 500);
    kill();
    c.advance(5_000);
    expect(waiting(pod)).toBe('CrashLoopBackOff'); // second crash soon after: 10 s back-off
    advanceUntil(c, () => restarts() === 2 && isPodReady(pod), 60_000, 500);
    c.advance(11 * 60_000); // clean for more than 10 minutes
    const before = c.now;
    kill();
    advanceUntil(c, () => restarts() === 3, 30_000, 500);
    expect(c.now - before).toBeLessThan(5_000); // restarted at once again
  });

  it('reports OOMKilled with exit code 137', () => {
    const c = new Cluster({ seed: 13, oldWorld: false });
    c.api.create(deployment('web', 1, 'web:1.0'));
    c.advance(30_000);
    const pod = onePod(c, 'web');
    const t = faults.oomKill(c)!;
    expect(t.container.exitCode).toBe(137);
    c.advance(1_500);
    expect(pod.status.containerStatuses![0].state.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    c.advance(30_000);
    expect(pod.status.containerStatuses![0].lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(pod.status.containerStatuses![0].restartCount).toBe(1);
  });

  it('fails a pull of a missing tag with ErrImagePull, then ImagePullBackOff, and keeps retrying', () => {
    const c = new Cluster({ seed: 14 });
    c.api.create(deployment('typo', 1, 'web:1.3'));
    c.advance(3_000);
    const pod = onePod(c, 'typo');
    expect(waiting(pod)).toBe('ErrImagePull');
    expect(pod.status.containerStatuses![0].state.waiting!.message).toBe('Error response from daemon: manifest for web:1.3 not found: manifest unknown: manifest unknown');
    c.advance(2_000);
    expect(waiting(pod)).toBe('ImagePullBackOff');
    expect(pod.status.phase).toBe('Pending');
    c.advance(10 * 60_000);
    const events = c.events.list().filter((e) => e.involvedObject.name === pod.metadata.name);
    expect(events.find((e) => e.reason === 'Failed' && e.message.startsWith('Failed to pull image "web:1.3"'))!.count).toBeGreaterThan(3);
    expect(events.find((e) => e.reason === 'BackOff')!.message).toBe('Back-off pulling image "web:1.3"');
  });

  it('fails pulls while the registry is down and recovers when it is back', () => {
    const c = new Cluster({ seed: 15 });
    faults.registryDown(c, true);
    c.api.create(deployment('web', 1, 'web:1.1'));
    c.advance(60_000);
    const pod = onePod(c, 'web');
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(waiting(pod));
    faults.registryDown(c, false);
    advanceUntil(c, () => pod.status.phase === 'Running', 10 * 60_000);
  });

  it('starts a pod Ready only after its readiness probe passes', () => {
    const c = new Cluster({ seed: 16 });
    c.api.create(deployment('web', 1, 'web:1.0', {}, { readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 } }));
    c.advance(2_000);
    const pod = onePod(c, 'web');
    expect(pod.status.phase).toBe('Running');
    expect(isPodReady(pod)).toBe(false);
    const at = advanceUntil(c, () => isPodReady(pod), 30_000, 100);
    const started = pod.status.containerStatuses![0].state.running!.startedAt;
    expect(at - started).toBeGreaterThanOrEqual(6_000); // web takes 6 s to answer
    expect((at - started) % 5_000).toBe(0); // ... seen at a probe
  });

  it('fails the second container of a pod that binds a port the first holds', () => {
    const c = new Cluster({ seed: 17 });
    expect(faults.portClash(c)).toBe('pod/web-debug');
    c.advance(60_000);
    const pod = c.store.get('Pod', 'web-debug', 'default')!;
    const [app, metrics] = pod.status.containerStatuses!;
    expect(app.state.running).toBeDefined();
    expect(metrics.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(metrics.lastState.terminated?.exitCode).toBe(1);
    expect(isPodReady(pod)).toBe(false);
    expect(app.ready).toBe(true);
  });

  it('images are pulled once per node and shown in node status', () => {
    const c = new Cluster({ seed: 18 });
    c.api.create(deployment('nginx', 3, 'nginx:1.27'));
    c.advance(60_000);
    const pulled = c.events.list().filter((e) => e.reason === 'Pulled' && e.message.startsWith('Successfully pulled image "nginx:1.27"'));
    expect(pulled.length).toBeGreaterThan(0);
    expect(pulled[0].message).toMatch(/^Successfully pulled image "nginx:1\.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 192000000 bytes\.$/);
    const node = c.store.get('Node', podsOf(c, 'nginx')[0].spec.nodeName!)!;
    expect(node.status.images.some((i) => i.names.includes('docker.io/library/nginx:1.27'))).toBe(true);
  });
});
