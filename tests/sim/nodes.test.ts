/**
 * Node lifecycle: a silent kubelet makes its node Unknown after the 50 s grace period, the
 * unreachable taints follow, and its pods are replaced elsewhere 300 s later (the default
 * tolerationSeconds). The control-plane node never takes workloads.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../shared/sim/cluster.js';
import * as faults from '../../shared/sim/faults.js';
import { readyStatus } from '../../shared/sim/controllers/nodelifecycle.js';
import { advanceUntil, deployment, podsOf, readyPods } from './helpers.js';

function withWeb(seed = 1, replicas = 3): Cluster {
  const c = new Cluster({ seed });
  c.api.create(deployment('web', replicas, 'web:1.0'));
  advanceUntil(c, () => readyPods(c, 'web').length === replicas, 60_000);
  return c;
}

describe('node lifecycle', () => {
  it('marks a silent node Unknown after the 50 s grace period, with NodeStatusUnknown', () => {
    const c = withWeb();
    c.advance(23_000);
    const kubelet = c.kubelets.get('node-1')!;
    faults.powerLoss(c, 'node-1');
    const lastHeartbeat = kubelet.leaseRenewTime();
    const node = () => c.store.get('Node', 'node-1')!;
    // Still Ready just before the grace period is over.
    c.advanceTo(lastHeartbeat + 49_000);
    expect(readyStatus(node())).toBe('True');
    const at = advanceUntil(c, () => readyStatus(node()) === 'Unknown', 20_000, 100);
    expect(at - lastHeartbeat).toBeGreaterThan(50_000);
    expect(at - lastHeartbeat).toBeLessThanOrEqual(55_000); // the monitor runs every 5 s
    const ready = node().status.conditions.find((x) => x.type === 'Ready')!;
    expect(ready.reason).toBe('NodeStatusUnknown');
    expect(ready.message).toBe('Kubelet stopped posting node status.');
    for (const t of ['DiskPressure', 'MemoryPressure', 'PIDPressure']) expect(node().status.conditions.find((x) => x.type === t)!.status).toBe('Unknown');
    const taints = node().spec.taints!.map((t) => `${t.key}:${t.effect}`).sort();
    expect(taints).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    // Its pods stop being Ready (they leave the Service's endpoints).
    for (const p of podsOf(c, 'web').filter((p) => p.spec.nodeName === 'node-1')) {
      expect(p.status.conditions!.find((x) => x.type === 'Ready')!.status).toBe('False');
    }
  });

  it('replaces the pods of a dead node after 50 s + 300 s, and they stay Terminating until it returns', () => {
    const c = withWeb(2, 6);
    const victims = podsOf(c, 'web').filter((p) => p.spec.nodeName === 'node-2');
    expect(victims.length).toBeGreaterThan(0);
    faults.powerLoss(c, 'node-2');
    const lastHeartbeat = c.kubelets.get('node-2')!.leaseRenewTime();
    // Tolerated for 300 s after the NoExecute taint: nothing moves before 350 s.
    c.advanceTo(lastHeartbeat + 349_000);
    for (const v of victims) expect(v.metadata.deletionTimestamp).toBeUndefined();
    expect(podsOf(c, 'web').length).toBe(6);
    const evictedAt = advanceUntil(c, () => victims.every((v) => v.metadata.deletionTimestamp !== undefined), 10_000, 100);
    expect(evictedAt - lastHeartbeat).toBeGreaterThanOrEqual(350_000);
    expect(evictedAt - lastHeartbeat).toBeLessThanOrEqual(355_000);
    const reasons = c.events.list().filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.message);
    expect(reasons).toContain(`Marking for deletion Pod default/${victims[0].metadata.name}`);
    // Replacements run elsewhere; the old pods show Terminating on the dead node.
    advanceUntil(c, () => readyPods(c, 'web').filter((p) => p.spec.nodeName !== 'node-2').length === 6, 60_000);
    expect(c.store.list('Pod', 'default').filter((p) => p.spec.nodeName === 'node-2' && p.metadata.deletionTimestamp !== undefined)).toHaveLength(victims.length);
    // The node comes back: the kubelet finishes the deletion and the taints go.
    faults.powerRestore(c, 'node-2');
    advanceUntil(c, () => readyStatus(c.store.get('Node', 'node-2')!) === 'True', 120_000);
    c.advance(5_000);
    expect(c.store.list('Pod', 'default').filter((p) => p.spec.nodeName === 'node-2' && p.metadata.labels?.app === 'web' && p.metadata.deletionTimestamp !== undefined)).toHaveLength(0);
    expect(c.store.get('Node', 'node-2')!.spec.taints ?? []).toEqual([]);
  });

  it('never puts a workload on the tainted control-plane node', () => {
    const c = new Cluster({ seed: 3 });
    c.api.create(deployment('web', 30, 'web:1.0'));
    c.advance(60_000);
    const nodes = new Set(podsOf(c, 'web').map((p) => p.spec.nodeName));
    expect(nodes.has('control-plane')).toBe(false);
    expect(nodes.size).toBe(3);
    const cp = c.store.get('Node', 'control-plane')!;
    expect(cp.metadata.labels!['node-role.kubernetes.io/control-plane']).toBe('');
    expect(cp.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
  });

  it('runs the kubeadm static pods and system add-ons, with 110 pods per node', () => {
    const c = new Cluster({ seed: 4 });
    const sys = c.store.list('Pod', 'kube-system').map((p) => p.metadata.name);
    for (const n of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) expect(sys).toContain(`${n}-control-plane`);
    expect(sys.filter((n) => n.startsWith('kube-proxy-'))).toHaveLength(4);
    expect(sys.filter((n) => n.startsWith('coredns-'))).toHaveLength(2);
    for (const n of c.nodes()) expect(n.status.capacity.pods).toBe('110');
    expect(c.store.list('Pod').every((p) => p.status.phase === 'Running')).toBe(true);
  });

  it('stops taint evictions when most of a small cluster is down (partial disruption)', () => {
    const c = new Cluster({ seed: 5, workers: 4 });
    c.api.create(deployment('web', 4, 'web:1.0'));
    c.advance(30_000);
    for (const n of ['node-1', 'node-2', 'node-3']) faults.powerLoss(c, n);
    c.advance(120_000);
    // 3 of 5 nodes unhealthy: ≥ 55 % and more than 2, in a cluster of ≤ 50 nodes → rate 0.
    const noExecute = c.nodes().filter((n) => n.spec.taints?.some((t) => t.effect === 'NoExecute'));
    expect(noExecute.length).toBeLessThanOrEqual(2);
  });
});
