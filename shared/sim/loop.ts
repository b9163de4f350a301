/**
 * The control loop's driver. Controllers never call each other: a watch notification only
 * queues work, and the loop runs whichever controllers have work until all are quiet. While
 * the control plane is down its controllers are parked (their queues keep filling); node
 * components such as the kubelet keep running.
 */
export interface Reconciler {
  /** Part of the control plane (scheduler, controller-manager): stops when it is down. */
  readonly controlPlane: boolean;
  run(): void;
}

const MAX_RUNS_PER_DRAIN = 5_000_000;

export class Loop {
  /** Reconcilers with work, in order; `queued` keeps each in at most once. */
  private ready: Reconciler[] = [];
  private head = 0;
  private queued = new Set<Reconciler>();
  private parked = new Set<Reconciler>();

  constructor(private readonly controlPlaneUp: () => boolean) {}

  kick(r: Reconciler): void {
    if (this.queued.has(r)) return;
    this.queued.add(r);
    this.ready.push(r);
  }

  get idle(): boolean {
    return this.queued.size === 0;
  }

  drain(): void {
    let runs = 0;
    while (this.head < this.ready.length) {
      const r = this.ready[this.head++];
      this.queued.delete(r);
      if (this.head > 1024 && this.head * 2 > this.ready.length) {
        this.ready = this.ready.slice(this.head);
        this.head = 0;
      }
      if (r.controlPlane && !this.controlPlaneUp()) {
        this.parked.add(r);
        continue;
      }
      r.run();
      if (++runs > MAX_RUNS_PER_DRAIN) throw new Error('control loop does not settle');
    }
    this.ready.length = 0;
    this.head = 0;
  }

  /** The control plane is back: parked controllers catch up. */
  resume(): void {
    for (const r of this.parked) this.kick(r);
    this.parked.clear();
  }
}

/** A controller with a de-duplicating work queue, like client-go's workqueue. */
export abstract class QueueController<T> implements Reconciler {
  private queue = new Set<T>();

  constructor(
    protected readonly loop: Loop,
    readonly controlPlane = true,
  ) {}

  enqueue(item: T): void {
    this.queue.add(item);
    this.loop.kick(this);
  }

  run(): void {
    const items = [...this.queue];
    this.queue.clear();
    for (const item of items) this.sync(item);
  }

  protected abstract sync(item: T): void;
}
