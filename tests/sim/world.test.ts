/**
 * The machines, the old world and the traffic: disk filled by stopped containers (image GC at
 * 85 %, DiskPressure eviction at 10 % free), hand-started containers after a reboot, requests
 * served and lost, and an exact replay of an eventful night from its seed.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../shared/sim/cluster.js';
import * as faults from '../../shared/sim/faults.js';
import { IMAGE_GC_HIGH, NODEFS_MIN_AVAILABLE } from '../../shared/sim/controllers/kubelet.js';
import { advanceUntil, deployment, podsOf, readyPods } from './helpers.js';

const GiB = 1024 ** 3;

describe('disk', () => {
  it('stopped containers fill the disk: image GC past 85 %, then DiskPressure evicts pods and taints the node', () => {
    const c = new Cluster({ seed: 41 });
    c.api.create(deployment('web', 6, 'web:1.0'));
    advanceUntil(c, () => readyPods(c, 'web').length === 6, 60_000);
    const m = c.machines.get('node-1')!;
    const images = () => [...m.docker.images.values()].flatMap((i) => [...i.tags]);
    expect(images()).toContain('web:0.8');
    const stop = faults.fillDisk(c, 'node-1', { bytesPerRun: 2 * GiB, everyMs: 60_000, runs: 20 });
    advanceUntil(c, () => m.diskUsed() / m.spec.diskBytes > IMAGE_GC_HIGH, 30 * 60_000, 10_000);
    c.advance(20_000);
    // The leftovers of old hand deploys were unused images: collected.
    expect(images()).not.toContain('web:0.8');
    advanceUntil(c, () => m.diskFree() < m.spec.diskBytes * NODEFS_MIN_AVAILABLE, 30 * 60_000, 10_000);
    stop();
    advanceUntil(c, () => c.store.get('Node', 'node-1')!.status.conditions.find((x) => x.type === 'DiskPressure')!.status === 'True', 60_000);
    advanceUntil(c, () => c.store.get('Node', 'node-1')!.spec.taints?.some((t) => t.key === 'node.kubernetes.io/disk-pressure') ?? false, 10_000);
    advanceUntil(c, () => podsOf(c, 'web').some((p) => p.status.reason === 'Evicted'), 120_000);
    const evicted = podsOf(c, 'web').find((p) => p.status.reason === 'Evicted')!;
    expect(evicted.status.phase).toBe('Failed');
    expect(evicted.status.message).toMatch(/^The node was low on resource: ephemeral-storage\. Threshold quantity: \d+, available: \d+Ki\. $/);
    // One pod every 10 s until the pressure is gone (it is not: the junk is not the kubelet's);
    // replacements land elsewhere, as the node is tainted NoSchedule.
    advanceUntil(c, () => readyPods(c, 'web').length === 6 && readyPods(c, 'web').every((p) => p.spec.nodeName !== 'node-1'), 5 * 60_000);
    expect(podsOf(c, 'web').filter((p) => p.status.reason === 'Evicted').every((p) => p.spec.nodeName === 'node-1')).toBe(true);
    // By hand: docker system prune frees the junk; the pressure clears after its 5-minute transition period.
    for (const ct of [...m.docker.containers.values()]) if (ct.state === 'exited' && !ct.labels['io.kubernetes.pod.uid']) m.docker.remove(ct);
    advanceUntil(c, () => c.store.get('Node', 'node-1')!.status.conditions.find((x) => x.type === 'DiskPressure')!.status === 'False', 10 * 60_000, 10_000);
    expect(c.store.get('Node', 'node-1')!.spec.taints ?? []).toEqual([]);
  });
});

describe('the old world', () => {
  it('serves the town from hand-started containers until they die', () => {
    const c = new Cluster({ seed: 42, capacityRps: 40 });
    const r = c.advance(60_000, 90);
    expect(r.lost).toBeCloseTo(0, 5);
    expect(c.traffic.backends()).toMatchObject({ routable: 3, live: 3, viaLoadBalancer: 3 });
    faults.crashApp(c, 'node-1');
    // The load balancer keeps sending there for 20 s, then two backends carry 80 rps of 90.
    const during = c.advance(20_000, 90);
    expect(during.lost).toBeCloseTo(30 * 20, 0);
    const after = c.advance(60_000, 90);
    expect(after.lost).toBeCloseTo(10 * 60, 0);
  });

  it('a reboot leaves hand-started containers without --restart dead; with --restart always they return', () => {
    const c = new Cluster({ seed: 43, oldWorld: { image: 'web:1.0', restart: 'no', leftovers: [] } });
    const c2 = new Cluster({ seed: 43, oldWorld: { image: 'web:1.0', restart: 'always', leftovers: [] } });
    for (const x of [c, c2]) {
      faults.reboot(x, 'node-3');
      x.advance(120_000);
    }
    expect(c.machines.get('node-3')!.docker.byName('web')!.state).toBe('exited');
    expect(c.machines.get('node-3')!.docker.byName('web')!.exitCode).toBe(0);
    expect(c2.machines.get('node-3')!.docker.byName('web')!.state).toBe('running');
  });

  it('after a power loss, a hand-started container shows Exited (255)', () => {
    const c = new Cluster({ seed: 44 });
    faults.powerLoss(c, 'node-2');
    c.advance(10_000);
    faults.powerRestore(c, 'node-2');
    c.advance(60_000);
    const web = c.machines.get('node-2')!.docker.byName('web')!;
    expect(web.state).toBe('exited');
    expect(web.exitCode).toBe(255);
  });
});

describe('traffic through the Service', () => {
  it('serves from Ready endpoints and loses the share of endpoints on a dead node until they leave', () => {
    const c = new Cluster({ seed: 45, oldWorld: false, capacityRps: 40 });
    c.api.create(deployment('web', 3, 'web:1.0', {}, { readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 2 } }));
    c.api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
      status: { loadBalancer: {} },
    });
    advanceUntil(c, () => readyPods(c, 'web').length === 3, 60_000);
    c.advance(1_000);
    expect(c.traffic.backends()).toMatchObject({ routable: 3, live: 3, viaService: 3 });
    expect(c.advance(60_000, 60).lost).toBeCloseTo(0, 5);
    const node = readyPods(c, 'web')[0].spec.nodeName!;
    faults.powerLoss(c, node);
    const r = c.advance(10_000, 60);
    expect(r.lost / r.demanded).toBeCloseTo(1 / 3, 2);
    // After the node is Unknown, its pod leaves the endpoints; the others carry 60 rps.
    c.advance(60_000, 60);
    expect(c.traffic.backends()).toMatchObject({ routable: 2, live: 2 });
    expect(c.advance(10_000, 60).lost).toBeCloseTo(0, 5);
  });

  it('a Service whose targetPort the app does not listen on serves nothing', () => {
    const c = new Cluster({ seed: 46, oldWorld: false });
    c.api.create(deployment('web', 2, 'web:1.0'));
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] }, status: { loadBalancer: {} } });
    c.advance(60_000);
    expect(c.traffic.backends()).toMatchObject({ routable: 2, live: 0 });
  });
});

describe('determinism', () => {
  function night(seed: number): Cluster {
    const c = new Cluster({ seed });
    c.api.create(deployment('web', 4, 'web:1.0'));
    c.at(10 * 60_000, () => faults.powerLoss(c, 'node-2'));
    c.at(20 * 60_000, () => void faults.crashApp(c));
    c.at(25 * 60_000, () => faults.powerRestore(c, 'node-2'));
    c.at(30 * 60_000, () => faults.fillDisk(c, 'node-3', { bytesPerRun: 3 * GiB, everyMs: 120_000, runs: 10 }));
    c.at(60 * 60_000, () => faults.controlPlaneDown(c));
    c.at(70 * 60_000, () => faults.controlPlaneRestore(c));
    c.at(80 * 60_000, () => void faults.oomKill(c));
    c.at(90 * 60_000, () => faults.reboot(c, 'node-1'));
    c.at(100 * 60_000, () => void faults.portClash(c));
    for (let t = 0; t < 3 * 3600; t += 7) c.advance(7_000, 80);
    return c;
  }

  it('replays the same night from the same seed, to the same state hash', () => {
    const a = night(99);
    const b = night(99);
    expect(a.hash()).toBe(b.hash());
    expect(a.traffic.totals).toEqual(b.traffic.totals);
    expect(night(100).hash()).not.toBe(a.hash());
  });
});
