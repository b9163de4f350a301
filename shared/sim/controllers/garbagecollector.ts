/**
 * The garbage collector: when an owner (Deployment, ReplicaSet, DaemonSet, Node) is deleted,
 * its dependents named in ownerReferences are deleted too (background propagation).
 */
import type { KubeObject, Pod, ReplicaSet } from '../api/types.js';
import { QueueController } from '../loop.js';
import type { Index } from '../store.js';
import type { ControllerContext } from './context.js';

export class GarbageCollector extends QueueController<string> {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly podsByOwner: Index<Pod>,
    private readonly rsByOwner: Index<ReplicaSet>,
  ) {
    super(ctx.loop);
    const onDelete = (type: string, obj: KubeObject) => {
      if (type === 'DELETED') this.enqueue(obj.metadata.uid);
    };
    ctx.store.watch('Deployment', onDelete);
    ctx.store.watch('ReplicaSet', onDelete);
    ctx.store.watch('DaemonSet', onDelete);
  }

  protected sync(ownerUid: string): void {
    for (const rs of [...this.rsByOwner.get(ownerUid)]) this.ctx.api.delete(rs);
    for (const pod of [...this.podsByOwner.get(ownerUid)]) this.ctx.api.delete(pod);
  }
}
