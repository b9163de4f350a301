/**
 * Deployments, ReplicaSets and the scheduler against the real defaults: ReplicaSets named by
 * pod-template-hash, rolling updates within maxSurge/maxUnavailable, Recreate, undo, the
 * progress deadline, the scale-down ranking and the FailedScheduling message.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../shared/sim/cluster.js';
import { isPodReady } from '../../shared/sim/api/pods.js';
import type { Deployment, Pod } from '../../shared/sim/api/types.js';
import { comparePodsForDeletion } from '../../shared/sim/controllers/replicaset.js';
import { rollbackDeployment, revisions } from '../../shared/sim/rollout.js';
import * as faults from '../../shared/sim/faults.js';
import { advanceUntil, deployment, podsOf, readyPods } from './helpers.js';

function setImage(c: Cluster, d: Deployment, image: string): void {
  d.spec.template = { ...d.spec.template, spec: { ...d.spec.template.spec, containers: [{ ...d.spec.template.spec.containers[0], image }] } };
  c.api.update(d, true);
}

function live(c: Cluster, app: string): Pod[] {
  return podsOf(c, app).filter((p) => p.metadata.deletionTimestamp === undefined);
}

describe('deployment controller', () => {
  it('creates a ReplicaSet named by pod-template-hash and scales it up with a ScalingReplicaSet event', () => {
    const c = new Cluster({ seed: 21 });
    const d = c.api.create(deployment('web', 3, 'web:1.0'));
    c.advance(30_000);
    const rss = c.store.list('ReplicaSet', 'default');
    expect(rss).toHaveLength(1);
    const hash = rss[0].metadata.labels!['pod-template-hash'];
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rss[0].metadata.name).toBe(`web-${hash}`);
    for (const p of podsOf(c, 'web')) expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    const ev = c.events.list().find((e) => e.reason === 'ScalingReplicaSet')!;
    expect(ev.message).toBe(`Scaled up replica set web-${hash} from 0 to 3`);
    expect(ev.source.component).toBe('deployment-controller');
    expect(d.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    const prog = d.status.conditions!.find((x) => x.type === 'Progressing')!;
    expect(prog.reason).toBe('NewReplicaSetAvailable');
    expect(prog.message).toBe(`ReplicaSet "web-${hash}" has successfully progressed.`);
    expect(d.status.conditions!.find((x) => x.type === 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
  });

  it('rolls 4 replicas with the defaults never below 3 Ready nor above 5 pods', () => {
    const c = new Cluster({ seed: 22, oldWorld: false });
    const d = c.api.create(deployment('web', 4, 'web:1.0', {}, { readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 2 } }));
    advanceUntil(c, () => readyPods(c, 'web').length === 4, 60_000);
    setImage(c, d, 'web:1.1');
    let minReady = Infinity;
    let maxPods = 0;
    let done = false;
    for (let i = 0; i < 600 && !done; i++) {
      c.advance(500);
      minReady = Math.min(minReady, readyPods(c, 'web').length);
      maxPods = Math.max(maxPods, live(c, 'web').length);
      done = live(c, 'web').length === 4 && live(c, 'web').every((p) => p.spec.containers[0].image === 'web:1.1' && isPodReady(p));
    }
    expect(done).toBe(true);
    expect(minReady).toBeGreaterThanOrEqual(3);
    expect(maxPods).toBeLessThanOrEqual(5);
    expect(maxPods).toBe(5); // maxSurge 25% of 4 rounds up to 1
    expect(d.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('Recreate kills every old pod before starting new ones', () => {
    const c = new Cluster({ seed: 23, oldWorld: false });
    const d = c.api.create(deployment('web', 3, 'web:1.0', { strategy: { type: 'Recreate' } }));
    advanceUntil(c, () => readyPods(c, 'web').length === 3, 60_000);
    setImage(c, d, 'web:1.1');
    let overlap = false;
    for (let i = 0; i < 240; i++) {
      c.advance(500);
      const images = new Set(podsOf(c, 'web').map((p) => p.spec.containers[0].image));
      if (images.size > 1) overlap = true;
    }
    expect(overlap).toBe(false);
    expect(readyPods(c, 'web').map((p) => p.spec.containers[0].image)).toEqual(['web:1.1', 'web:1.1', 'web:1.1']);
  });

  it('a bad release stalls: old replicas keep serving, the deadline is exceeded, undo restores', () => {
    const c = new Cluster({ seed: 24, oldWorld: false });
    const probe = { readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 2 } };
    const d = c.api.create(deployment('web', 4, 'web:1.0', { progressDeadlineSeconds: 120 }, probe));
    advanceUntil(c, () => readyPods(c, 'web').length === 4, 60_000);
    setImage(c, d, 'web:1.2');
    c.advance(60_000);
    // maxUnavailable 1: three old replicas keep serving.
    expect(readyPods(c, 'web').filter((p) => p.spec.containers[0].image === 'web:1.0')).toHaveLength(3);
    expect(live(c, 'web').filter((p) => p.spec.containers[0].image === 'web:1.2').length).toBe(2);
    c.advance(120_000);
    const prog = d.status.conditions!.find((x) => x.type === 'Progressing')!;
    expect(prog.status).toBe('False');
    expect(prog.reason).toBe('ProgressDeadlineExceeded');
    expect(prog.message).toMatch(/^ReplicaSet "web-[a-z0-9]+" has timed out progressing\.$/);
    expect(revisions(d, c.rsByOwner).map((r) => r.revision)).toEqual([1, 2]);
    const r = rollbackDeployment(c.api, d, c.rsByOwner);
    expect(r).toEqual({ ok: true, message: 'deployment.apps/web rolled back' });
    advanceUntil(c, () => live(c, 'web').length === 4 && readyPods(c, 'web').length === 4, 120_000);
    expect(live(c, 'web').every((p) => p.spec.containers[0].image === 'web:1.0')).toBe(true);
    expect(d.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(revisions(d, c.rsByOwner).map((r) => r.revision)).toEqual([2, 3]);
  });

  it('without a readiness probe a crashing release looks Ready for a moment, and the rollout runs through', () => {
    const c = new Cluster({ seed: 24, oldWorld: false });
    const d = c.api.create(deployment('web', 4, 'web:1.0'));
    advanceUntil(c, () => readyPods(c, 'web').length === 4, 60_000);
    setImage(c, d, 'web:1.2');
    c.advance(120_000);
    expect(live(c, 'web').every((p) => p.spec.containers[0].image === 'web:1.2')).toBe(true);
    expect(readyPods(c, 'web').length).toBeLessThan(4);
  });

  it('keeps revisionHistoryLimit old ReplicaSets', () => {
    const c = new Cluster({ seed: 25, oldWorld: false });
    const d = c.api.create(deployment('web', 1, 'web:1.0', { revisionHistoryLimit: 2 }));
    c.advance(20_000);
    for (const img of ['web:1.1', 'nginx:1.27', 'web:0.9', 'web:1.0']) {
      setImage(c, d, img);
      advanceUntil(c, () => d.status.conditions?.find((x) => x.type === 'Progressing')?.reason === 'NewReplicaSetAvailable' && d.status.updatedReplicas === 1 && d.status.replicas === 1, 120_000);
      c.advance(5_000);
    }
    expect(c.store.list('ReplicaSet', 'default')).toHaveLength(3);
  });

  it('scales proportionally in the middle of a rollout and scales down on request', () => {
    const c = new Cluster({ seed: 26, oldWorld: false });
    const d = c.api.create(deployment('web', 4, 'web:1.0'));
    advanceUntil(c, () => readyPods(c, 'web').length === 4, 60_000);
    d.spec.replicas = 2;
    c.api.update(d, true);
    advanceUntil(c, () => live(c, 'web').length === 2, 60_000);
    const ev = c.events.list().filter((e) => e.reason === 'ScalingReplicaSet').at(-1)!;
    expect(ev.message).toMatch(/^Scaled down replica set web-[a-z0-9]+ from 4 to 2$/);
  });
});

describe('replicaset controller', () => {
  it('deletes first the pods the real ranking picks: unscheduled, pending, not ready, doubled-up', () => {
    const c = new Cluster({ seed: 27 });
    const mk = (name: string, over: (p: Pod) => void): Pod => {
      const p = { metadata: { name, uid: name, creationTimestamp: 0, namespace: 'default', resourceVersion: '1' }, spec: { containers: [], nodeName: 'node-1' }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: 0 }] } } as unknown as Pod;
      over(p);
      return p;
    };
    const now = 3_600_000;
    const pods = [
      mk('ready-old', () => {}),
      mk('unscheduled', (p) => {
        delete p.spec.nodeName;
        p.status.phase = 'Pending';
        p.status.conditions = [];
      }),
      mk('pending', (p) => {
        p.status.phase = 'Pending';
        p.status.conditions = [];
      }),
      mk('not-ready', (p) => (p.status.conditions![0].status = 'False')),
      mk('lonely', (p) => (p.spec.nodeName = 'node-2')),
      mk('costly', (p) => (p.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': '100' })),
      mk('restarts', (p) => (p.status.containerStatuses = [{ restartCount: 5 } as never])),
      mk('newer', (p) => (p.metadata.creationTimestamp = now - 1000)),
    ];
    const perNode = new Map([
      ['node-1', 7],
      ['node-2', 1],
    ]);
    const order = [...pods].sort((a, b) => comparePodsForDeletion(a, b, perNode, now)).map((p) => p.metadata.name);
    expect(order.slice(0, 3)).toEqual(['unscheduled', 'pending', 'not-ready']);
    expect(order.indexOf('costly')).toBe(order.length - 1);
    expect(order.indexOf('lonely')).toBe(order.length - 2);
    expect(order.indexOf('newer')).toBeLessThan(order.indexOf('ready-old'));
    expect(order.indexOf('restarts')).toBeLessThan(order.indexOf('ready-old'));
    void c;
  });

  it('replaces a deleted pod at once', () => {
    const c = new Cluster({ seed: 28 });
    c.api.create(deployment('web', 2, 'web:1.0'));
    c.advance(30_000);
    const victim = live(c, 'web')[0];
    c.api.delete(victim);
    c.advance(100);
    expect(live(c, 'web')).toHaveLength(2);
    expect(c.events.list().some((e) => e.reason === 'SuccessfulCreate' && e.source.component === 'replicaset-controller')).toBe(true);
  });
});

describe('scheduler', () => {
  it('says why nothing fits, in the real FailedScheduling format', () => {
    const c = new Cluster({ seed: 29 });
    c.api.create(deployment('huge', 1, 'web:1.0', {}, { resources: { requests: { cpu: '4100m', memory: '1Gi' } } }));
    c.advance(5_000);
    const pod = podsOf(c, 'huge')[0];
    expect(pod.spec.nodeName).toBeUndefined();
    const ev = c.events.list().find((e) => e.reason === 'FailedScheduling')!;
    expect(ev.type).toBe('Warning');
    expect(ev.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    expect(pod.status.conditions!.find((x) => x.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable' });
  });

  it('schedules a waiting pod when room appears (a node is uncordoned)', () => {
    const c = new Cluster({ seed: 30 });
    for (const n of ['node-1', 'node-2', 'node-3']) {
      const node = c.store.get('Node', n)!;
      node.spec.unschedulable = true;
      c.api.update(node);
    }
    c.api.create(deployment('web', 1, 'web:1.0'));
    c.advance(5_000);
    const pod = podsOf(c, 'web')[0];
    expect(c.events.list().find((e) => e.reason === 'FailedScheduling')!.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) were unschedulable. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    const node = c.store.get('Node', 'node-2')!;
    node.spec.unschedulable = false;
    c.api.update(node);
    advanceUntil(c, () => pod.spec.nodeName === 'node-2', 30_000);
    expect(c.events.list().some((e) => e.reason === 'Scheduled' && e.message === `Successfully assigned default/${pod.metadata.name} to node-2`)).toBe(true);
  });

  it('spreads replicas over the workers', () => {
    const c = new Cluster({ seed: 31 });
    c.api.create(deployment('web', 6, 'web:1.0'));
    c.advance(10_000);
    const per = new Map<string, number>();
    for (const p of podsOf(c, 'web')) per.set(p.spec.nodeName!, (per.get(p.spec.nodeName!) ?? 0) + 1);
    expect([...per.values()].sort()).toEqual([2, 2, 2]);
  });
});

describe('the control plane itself', () => {
  it('with etcd down nothing heals; when it returns the loop catches up', () => {
    const c = new Cluster({ seed: 32, oldWorld: false });
    c.api.create(deployment('web', 3, 'web:1.0'));
    advanceUntil(c, () => readyPods(c, 'web').length === 3, 60_000);
    faults.controlPlaneDown(c);
    c.advance(3_000);
    expect(c.controlPlaneOutage()).toBe('Error from server: etcdserver: request timed out');
    expect(() => c.api.check()).toThrow('etcdserver: request timed out');
    // A node dies while nobody watches: its pods are not replaced.
    const deadNode = readyPods(c, 'web')[0].spec.nodeName!;
    faults.powerLoss(c, deadNode);
    c.advance(10 * 60_000);
    expect(c.store.get('Node', deadNode)!.status.conditions.find((x) => x.type === 'Ready')!.status).toBe('True');
    expect(live(c, 'web').filter((p) => p.spec.nodeName === deadNode).length).toBeGreaterThan(0);
    // Running pods elsewhere kept running all along.
    expect(live(c, 'web').filter((p) => p.spec.nodeName !== deadNode).every((p) => c.kubelets.get(p.spec.nodeName!)!.containerOf(p.metadata.uid, 'app')?.state === 'running')).toBe(true);
    // etcd shows CrashLoopBackOff to whoever ssh-es into the control plane.
    const etcd = c.kubelets.get('control-plane')!.containerOf(c.staticPodUid('etcd')!, 'etcd')!;
    expect(etcd.state).toBe('exited');
    faults.controlPlaneRestore(c);
    advanceUntil(c, () => c.controlPlaneOutage() === undefined, 60_000);
    // Back: a fresh grace period, then eviction after 300 s, then replacement.
    advanceUntil(c, () => readyPods(c, 'web').filter((p) => p.spec.nodeName !== deadNode).length === 3, 10 * 60_000);
  });

  it('with the control-plane node off, kubectl cannot connect', () => {
    const c = new Cluster({ seed: 33 });
    faults.powerLoss(c, 'control-plane');
    expect(c.controlPlaneOutage()).toBe('Unable to connect to the server: dial tcp 10.0.0.10:6443: i/o timeout');
    faults.powerRestore(c, 'control-plane');
    advanceUntil(c, () => c.controlPlaneOutage() === undefined, 120_000);
  });
});
