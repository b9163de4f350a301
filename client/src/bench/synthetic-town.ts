/**
 * A made-up town for the benchmark: N nodes and M pods in every state, built from plain Maps
 * and arrays of the same shape as the room state, with a churn step that changes a few pods
 * and replaces others every frame, as a busy night would.
 */
import type { ContainerView, EventView, HandContainerView, NodeView, PodView, TownView } from '../net/state-types.js';

const STATUSES = ['Running', 'Running', 'Running', 'Running', 'ContainerCreating', 'CrashLoopBackOff', 'ImagePullBackOff', 'Evicted', 'Terminating', 'Completed', 'OOMKilled', 'Pending'];

export class SyntheticTown {
  readonly town: TownView;
  private nodes = new Map<string, NodeView>();
  private pods = new Map<string, PodView>();
  private seq = 0;
  private s = 99;

  constructor(
    private nodeCount: number,
    private podCount: number,
  ) {
    this.nodes.set('control-plane', node('control-plane', 'control-plane'));
    for (let i = 1; i <= nodeCount; i++) this.nodes.set(`node-${i}`, node(`node-${i}`, 'worker'));
    for (const app of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
      this.pods.set(`kube-system/${app}-control-plane`, pod(`${app}-control-plane`, 'kube-system', 'control-plane', app, 'Running', 1));
    }
    for (let i = 0; i < podCount; i++) this.addPod();
    // Every building state on show: one cordoned, one with a full disk, a new one booting.
    const cordoned = this.nodes.get('node-2');
    if (cordoned) {
      cordoned.cordoned = true;
      cordoned.status = 'Ready,SchedulingDisabled';
    }
    const full = this.nodes.get('node-3');
    if (full) {
      full.diskPct = 96;
      full.diskPressure = true;
    }
    const boot = node(`node-${nodeCount + 1}`, 'worker');
    boot.power = 'booting';
    boot.status = 'Booting';
    (boot.hand as Map<string, HandContainerView>).clear();
    this.nodes.set(boot.name, boot);
    this.town = { id: 'bench', nodes: this.nodes, pods: this.pods, events: [] as EventView[], controlPlaneUp: true, demand: 90, served: 88, viaService: 3, viaLoadBalancer: 0 };
  }

  private rnd(): number {
    this.s = (Math.imul(this.s, 1664525) + 1013904223) >>> 0;
    return this.s / 2 ** 32;
  }

  private addPod(): void {
    const n = 1 + Math.floor(this.rnd() * this.nodeCount);
    const name = `web-7d9f${(this.seq++).toString(36).padStart(4, '0')}-x${Math.floor(this.rnd() * 1e5).toString(36)}`;
    const sidecar = this.rnd() < 0.2 ? 2 : 1;
    this.pods.set(`default/${name}`, pod(name, 'default', `node-${n}`, 'web', 'Running', sidecar));
  }

  /** One frame of a busy night: some pods change state, a few are replaced. */
  churn(frame: number): void {
    const keys = [...this.pods.keys()];
    for (let i = 0; i < 6; i++) {
      const k = keys[Math.floor(this.rnd() * keys.length)];
      const p = this.pods.get(k)!;
      if (p.namespace === 'kube-system') continue;
      const status = STATUSES[Math.floor(this.rnd() * STATUSES.length)];
      p.status = status;
      p.terminating = status === 'Terminating';
      p.ready = status === 'Running' ? `${p.containers.length}/${p.containers.length}` : `0/${p.containers.length}`;
      (p.containers as ContainerView[]).forEach((c) => {
        c.state = status === 'Running' ? 'running' : status === 'Completed' || status === 'OOMKilled' ? 'terminated' : 'waiting';
        c.ready = status === 'Running';
      });
    }
    if (frame % 3 === 0) {
      const victims = keys.filter((k) => !k.startsWith('kube-system/'));
      this.pods.delete(victims[Math.floor(this.rnd() * victims.length)]);
      this.addPod();
    }
    if (frame % 240 === 0) {
      const n = this.nodes.get(`node-${1 + Math.floor(this.rnd() * this.nodeCount)}`)!;
      n.power = n.power === 'on' ? 'off' : 'on';
      n.status = n.power === 'on' ? 'Ready' : 'NotReady';
    }
    if (frame % 60 === 0) {
      const n = this.nodes.get(`node-${4 + Math.floor(this.rnd() * Math.max(1, this.nodeCount - 3))}`) ?? this.nodes.get('node-1')!;
      n.diskPct = Math.floor(this.rnd() * 100);
      n.diskPressure = n.diskPct > 90;
    }
  }
}

function node(name: string, role: string): NodeView {
  const hand = new Map<string, HandContainerView>();
  if (role === 'worker') hand.set('web', { name: 'web', image: 'web:1.0', state: 'running', exitCode: 0, ports: '80->8080' });
  return { name, role, status: 'Ready', power: 'on', cordoned: false, diskPressure: false, diskPct: 25, cpuPct: 30, hand };
}

function pod(name: string, namespace: string, nodeName: string, app: string, status: string, containers: number): PodView {
  const cs: ContainerView[] = [];
  for (let i = 0; i < containers; i++) cs.push({ name: i ? 'sidecar' : 'app', image: 'web:1.0', state: 'running', reason: '', ready: true, restarts: 0 });
  return { name, namespace, node: nodeName, status, ready: `${containers}/${containers}`, restarts: 0, app, terminating: false, containers: cs };
}
