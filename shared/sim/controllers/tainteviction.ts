/**
 * The taint eviction controller (the "taint manager"): pods on a node with a NoExecute taint
 * they do not tolerate are deleted at once; pods that tolerate it for tolerationSeconds (the
 * default 300 s for not-ready/unreachable) are deleted when that time has passed. If the
 * taint goes away first, the eviction is cancelled.
 */
import type { Node, Pod, Time } from '../api/types.js';
import { podRef, tolerates } from '../api/pods.js';
import { QueueController } from '../loop.js';
import type { Index } from '../store.js';
import type { Timer } from '../timers.js';
import type { ControllerContext } from './context.js';

const COMPONENT = 'taint-eviction-controller';

export class TaintEvictionController extends QueueController<string> {
  private scheduled = new Map<string, { at: Time; timer: Timer }>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly podsByNode: Index<Pod>,
  ) {
    super(ctx.loop);
    ctx.store.watch('Node', (type, node) => {
      if (type !== 'DELETED') this.enqueue(node.metadata.name);
    });
    ctx.store.watch('Pod', (type, pod) => {
      if (type === 'DELETED') {
        this.cancel(pod.metadata.uid);
        return;
      }
      const node = pod.spec.nodeName ? ctx.store.get('Node', pod.spec.nodeName) : undefined;
      if (node?.spec.taints?.some((t) => t.effect === 'NoExecute') && !this.scheduled.has(pod.metadata.uid)) this.enqueue(node.metadata.name);
    });
  }

  protected sync(nodeName: string): void {
    const node = this.ctx.store.get('Node', nodeName);
    const pods = this.podsByNode.get(nodeName);
    const taints = (node?.spec.taints ?? []).filter((t) => t.effect === 'NoExecute');
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp !== undefined) continue;
      this.process(pod, node, taints);
    }
  }

  private process(pod: Pod, node: Node | undefined, taints: NonNullable<Node['spec']['taints']>): void {
    const uid = pod.metadata.uid;
    if (!node || !taints.length) {
      this.cancel(uid);
      return;
    }
    let deadline = Infinity;
    for (const taint of taints) {
      const tol = pod.spec.tolerations?.find((t) => tolerates(t, taint));
      if (!tol) {
        deadline = this.ctx.sim.now;
        break;
      }
      if (tol.tolerationSeconds !== undefined) {
        const at = (taint.timeAdded ?? this.ctx.sim.now) + Math.max(0, tol.tolerationSeconds) * 1000;
        deadline = Math.min(deadline, at);
      }
    }
    if (deadline === Infinity) {
      this.cancel(uid);
      return;
    }
    const cur = this.scheduled.get(uid);
    if (cur && cur.at <= deadline) return;
    this.cancel(uid);
    if (deadline <= this.ctx.sim.now) return this.evict(pod);
    const timer = this.ctx.sim.at(deadline, () => {
      this.scheduled.delete(uid);
      if (pod.spec.nodeName) this.enqueue(pod.spec.nodeName);
    });
    this.scheduled.set(uid, { at: deadline, timer });
  }

  private cancel(uid: string): void {
    const s = this.scheduled.get(uid);
    if (!s) return;
    s.timer.cancelled = true;
    this.scheduled.delete(uid);
  }

  private evict(pod: Pod): void {
    const now = this.ctx.sim.now;
    this.ctx.sim.events.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${podRef(pod)}`, COMPONENT);
    const conds = (pod.status.conditions ??= []);
    if (!conds.some((c) => c.type === 'DisruptionTarget')) {
      conds.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: now, reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    }
    this.ctx.api.delete(pod);
  }
}
