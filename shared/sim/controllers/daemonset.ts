/**
 * The DaemonSet controller: one pod of each DaemonSet on every node (kube-proxy). Its pods
 * are pinned to their node and tolerate node trouble, so they are never evicted by taints.
 */
import type { DaemonSet, Node, Pod } from '../api/types.js';
import { controllerOf, isActive, isPodReady } from '../api/pods.js';
import { deepClone } from '../clone.js';
import { QueueController } from '../loop.js';
import type { Index } from '../store.js';
import type { NewObject } from '../apiserver.js';
import type { ControllerContext } from './context.js';

const COMPONENT = 'daemonset-controller';
const HOSTNAME = 'kubernetes.io/hostname';

export class DaemonSetController extends QueueController<string> {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly podsByOwner: Index<Pod>,
  ) {
    super(ctx.loop);
    ctx.store.watch('DaemonSet', (type, ds) => {
      if (type !== 'DELETED') this.enqueue(ds.metadata.uid);
    });
    ctx.store.watch('Node', (type) => {
      if (type === 'MODIFIED') return;
      for (const ds of ctx.store.values('DaemonSet')) this.enqueue(ds.metadata.uid);
    });
    // Pod changes are batched to once a second: a status count need not be instant.
    ctx.store.watch('Pod', (_type, pod) => {
      const ref = controllerOf(pod);
      if (ref?.kind !== 'DaemonSet' || this.batched.has(ref.uid)) return;
      this.batched.add(ref.uid);
      ctx.sim.at(Math.ceil((ctx.sim.now + 1) / 1000) * 1000, () => {
        this.batched.delete(ref.uid);
        this.enqueue(ref.uid);
      });
    });
  }

  private batched = new Set<string>();

  protected sync(uid: string): void {
    const ds = [...this.ctx.store.values('DaemonSet')].find((d) => d.metadata.uid === uid);
    if (!ds || ds.metadata.deletionTimestamp !== undefined) return;
    const byNode = new Map<string, Pod[]>();
    for (const p of this.podsByOwner.get(uid)) {
      const n = p.spec.nodeSelector?.[HOSTNAME] ?? p.spec.nodeName ?? '';
      if (!byNode.has(n)) byNode.set(n, []);
      byNode.get(n)!.push(p);
    }
    let scheduled = 0;
    let ready = 0;
    let desired = 0;
    for (const node of this.ctx.store.values('Node')) {
      desired++;
      const name = node.metadata.name;
      const pods = byNode.get(name) ?? [];
      byNode.delete(name);
      // A failed daemon pod is replaced.
      for (const p of pods) if (p.status.phase === 'Failed' && p.metadata.deletionTimestamp === undefined) this.ctx.api.delete(p);
      const live = pods.filter(isActive);
      if (!live.length) this.createPod(ds, node);
      else {
        scheduled++;
        if (live.some(isPodReady)) ready++;
        for (const extra of live.slice(1)) this.ctx.api.delete(extra);
      }
    }
    // Pods for nodes that are gone.
    for (const pods of byNode.values()) for (const p of pods) if (p.metadata.deletionTimestamp === undefined) this.ctx.api.delete(p);
    const st = ds.status;
    if (st.desiredNumberScheduled !== desired || st.currentNumberScheduled !== scheduled || st.numberReady !== ready || st.observedGeneration !== ds.metadata.generation) {
      ds.status = {
        currentNumberScheduled: scheduled,
        desiredNumberScheduled: desired,
        numberMisscheduled: 0,
        numberReady: ready,
        numberAvailable: ready,
        updatedNumberScheduled: scheduled,
        observedGeneration: ds.metadata.generation,
      };
      this.ctx.api.update(ds);
    }
  }

  private createPod(ds: DaemonSet, node: Node): void {
    const tpl = ds.spec.template;
    const spec = deepClone(tpl.spec);
    spec.nodeSelector = { ...(spec.nodeSelector ?? {}), [HOSTNAME]: node.metadata.name };
    const tols = (spec.tolerations ??= []);
    for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable', 'node.kubernetes.io/disk-pressure', 'node.kubernetes.io/memory-pressure', 'node.kubernetes.io/pid-pressure', 'node.kubernetes.io/unschedulable']) {
      if (!tols.some((t) => t.key === key)) tols.push({ key, operator: 'Exists', effect: key.endsWith('ready') || key.endsWith('unreachable') ? 'NoExecute' : 'NoSchedule' });
    }
    const pod: NewObject<Pod> = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: '',
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        labels: { ...(tpl.metadata?.labels ?? {}) },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name, uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      spec,
      status: { phase: 'Pending' },
    };
    const created = this.ctx.api.create(pod);
    this.ctx.sim.events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, COMPONENT);
  }
}
