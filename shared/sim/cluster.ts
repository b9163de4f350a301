/**
 * One Kubernetes cluster and the machines under it, advanced in explicit sim-time steps.
 * Everything random comes from one seeded generator, everything timed from one timer queue,
 * so the same seed and the same inputs replay the same night. A step does work only for the
 * timers that fall in it and the changes they cause.
 */
import type { Node, Pod, ReplicaSet, Time } from './api/types.js';
import { controllerOf } from './api/pods.js';
import { ApiServer } from './apiserver.js';
import {
  CONTROL_PLANE_IP,
  CONTROL_PLANE_NAME,
  DEFAULT_CONTROL_PLANE,
  DEFAULT_OLD_WORLD,
  DEFAULT_WORKER,
  STATIC_PODS,
  coreDNS,
  kubeProxy,
  machineSpec,
  nodeImages,
  nodeObject,
  staticPod,
  systemServices,
  workerName,
  type MachineSize,
  type OldWorld,
} from './bootstrap.js';
import type { SimContext } from './context.js';
import type { ControllerContext } from './controllers/context.js';
import { DaemonSetController } from './controllers/daemonset.js';
import { DeploymentController } from './controllers/deployment.js';
import { EndpointsController } from './controllers/endpoints.js';
import { GarbageCollector } from './controllers/garbagecollector.js';
import { Kubelet } from './controllers/kubelet.js';
import { NodeLifecycleController } from './controllers/nodelifecycle.js';
import { ReplicaSetController } from './controllers/replicaset.js';
import { Scheduler } from './controllers/scheduler.js';
import { TaintEvictionController } from './controllers/tainteviction.js';
import { EventLog } from './events.js';
import { Fingerprint } from './hash.js';
import { Loop } from './loop.js';
import { Registry } from './registry.js';
import { Rng } from './rng.js';
import { Machine } from './runtime/machine.js';
import { Store, type Index } from './store.js';
import { TimerQueue, type Timer } from './timers.js';
import { Traffic } from './traffic.js';

export interface ClusterOptions {
  seed: number;
  workers?: number;
  workerSize?: MachineSize;
  controlPlaneSize?: MachineSize;
  /** Unix ms of sim time 0 (00:00 of the night). */
  epochMs?: number;
  /** How many events the cluster keeps (the API server keeps an hour of them). */
  eventCapacity?: number;
  /** CoreDNS and kube-proxy, as kubeadm installs them. */
  systemPods?: boolean;
  /** The app started by hand on every worker; `false` for a clean cluster. */
  oldWorld?: OldWorld | false;
  /** Requests per second one replica of the app can serve. */
  capacityRps?: number;
}

const DAY = 24 * 3600 * 1000;
export const CLUSTER_BUILT_AT = -42 * DAY;
const OLD_WORLD_DEPLOYED_AT = -9 * DAY;
export const DEFAULT_EPOCH = Date.UTC(2026, 2, 14);

export interface StepResult {
  demanded: number;
  served: number;
  lost: number;
}

export class Cluster implements SimContext {
  now: Time = CLUSTER_BUILT_AT;
  readonly rng: Rng;
  readonly registry = new Registry();
  readonly events: EventLog;
  readonly epochMs: number;
  readonly timers = new TimerQueue();
  readonly store = new Store();
  readonly api: ApiServer;
  readonly loop: Loop;
  readonly machines = new Map<string, Machine>();
  readonly kubelets = new Map<string, Kubelet>();
  readonly podsByNode: Index<Pod>;
  readonly podsByOwner: Index<Pod>;
  readonly rsByOwner: Index<ReplicaSet>;
  readonly scheduler: Scheduler;
  readonly replicasets: ReplicaSetController;
  readonly deployments: DeploymentController;
  readonly nodeLifecycle: NodeLifecycleController;
  readonly taintEviction: TaintEvictionController;
  readonly daemonsets: DaemonSetController;
  readonly garbageCollector: GarbageCollector;
  readonly endpoints: EndpointsController;
  readonly traffic: Traffic;
  readonly workerSize: MachineSize;
  private readonly ctx: ControllerContext;
  private cpWasUp = true;
  private staticUids = new Map<string, string>();
  private nextWorkerIndex = 1;

  constructor(readonly options: ClusterOptions) {
    this.rng = new Rng(options.seed);
    this.epochMs = options.epochMs ?? DEFAULT_EPOCH;
    this.events = new EventLog(() => this.now, this.epochMs, options.eventCapacity ?? 2000);
    this.workerSize = options.workerSize ?? DEFAULT_WORKER;
    this.loop = new Loop(() => this.controlPlaneOutage() === undefined);
    this.api = new ApiServer(this.store, this, () => this.controlPlaneOutage());
    this.podsByNode = this.store.index('Pod', (p) => p.spec.nodeName);
    this.podsByOwner = this.store.index('Pod', (p) => controllerOf(p)?.uid);
    this.rsByOwner = this.store.index('ReplicaSet', (rs) => controllerOf(rs)?.uid);
    this.ctx = { store: this.store, api: this.api, sim: this, loop: this.loop };
    this.scheduler = new Scheduler(this.ctx);
    this.deployments = new DeploymentController(this.ctx, this.rsByOwner, this.podsByOwner);
    this.replicasets = new ReplicaSetController(this.ctx);
    this.daemonsets = new DaemonSetController(this.ctx, this.podsByOwner);
    this.garbageCollector = new GarbageCollector(this.ctx, this.podsByOwner, this.rsByOwner);
    this.nodeLifecycle = new NodeLifecycleController(this.ctx, this.kubelets, this.podsByNode);
    this.taintEviction = new TaintEvictionController(this.ctx, this.podsByNode);
    this.endpoints = new EndpointsController(this.ctx);
    this.traffic = new Traffic(this, this.store, this.endpoints, this.machines, this.kubelets);
    if (options.capacityRps) this.traffic.capacityPerBackend = options.capacityRps;
    // The kubelet of each node sees the pods bound to it.
    this.store.watch('Pod', (type, pod) => {
      const k = pod.spec.nodeName ? this.kubelets.get(pod.spec.nodeName) : undefined;
      if (k) k.podChanged(type, pod);
    });
    this.build();
  }

  // ------------------------------------------------------------------ SimContext

  at(time: Time, fn: () => void): Timer {
    return this.timers.add(Math.max(time, this.now), fn);
  }

  // ------------------------------------------------------------------ time

  /**
   * Advances sim time by `ms`, running every timer that falls in the step and letting the
   * controllers settle after each. With a demand (requests/s), reports the requests served
   * and lost during the step.
   */
  advance(ms: number, demandRps = 0): StepResult {
    const end = this.now + ms;
    let served = 0;
    let lost = 0;
    this.settle();
    for (;;) {
      const t = this.timers.peekTime();
      if (t > end) break;
      if (t > this.now) {
        const r = this.traffic.accumulate(t - this.now, demandRps);
        served += r.served;
        lost += r.lost;
        this.now = t;
      }
      while (this.timers.peekTime() === t) this.timers.pop()!.fn();
      this.settle();
    }
    const r = this.traffic.accumulate(end - this.now, demandRps);
    served += r.served;
    lost += r.lost;
    this.now = end;
    return { demanded: served + lost, served, lost };
  }

  advanceTo(t: Time, demandRps = 0): StepResult {
    return this.advance(Math.max(0, t - this.now), demandRps);
  }

  /** Lets the controllers react to what just happened, noticing the control plane come and go. */
  settle(): void {
    for (;;) {
      this.loop.drain();
      const up = this.controlPlaneOutage() === undefined;
      if (up === this.cpWasUp) return;
      this.cpWasUp = up;
      if (up) {
        this.loop.resume();
        this.nodeLifecycle.resume();
        for (const k of this.kubelets.values()) k.apiBack();
      }
    }
  }

  // ------------------------------------------------------------------ the control plane

  get controlPlane(): Machine {
    return this.machines.get(CONTROL_PLANE_NAME)!;
  }

  /** The client-side error while the API is unreachable, or undefined when it answers. */
  controlPlaneOutage(): string | undefined {
    return outageMessage(this.controlPlaneFault());
  }

  /** What is wrong with the control plane: the machine is off, the API server or etcd is not serving. */
  controlPlaneFault(): ControlPlaneFault | undefined {
    // Asked on every controller run: cached until the control-plane machine changes.
    if (this.cpFault === null) this.cpFault = this.computeFault();
    return this.cpFault;
  }

  private cpFault: ControlPlaneFault | undefined | null = null;

  private computeFault(): ControlPlaneFault | undefined {
    const cp = this.machines.get(CONTROL_PLANE_NAME);
    if (!cp) return undefined;
    if (!cp.isOn) return 'off';
    if (!this.staticServing('kube-apiserver')) return 'apiserver';
    if (!this.staticServing('etcd')) return 'etcd';
    return undefined;
  }

  private staticServing(name: string): boolean {
    const uid = this.staticUids.get(name);
    if (!uid) return true;
    const c = this.kubelets.get(CONTROL_PLANE_NAME)?.containerOf(uid, name);
    return !!c && c.state === 'running' && c.servingSince !== undefined;
  }

  /** The uid of a control-plane static pod (etcd, kube-apiserver, ...). */
  staticPodUid(name: string): string | undefined {
    return this.staticUids.get(name);
  }

  // ------------------------------------------------------------------ building the town

  private build(): void {
    const o = this.options;
    const created = this.now;
    const cp = this.addMachine(machineSpec(CONTROL_PLANE_NAME, 'control-plane', 0, o.controlPlaneSize ?? DEFAULT_CONTROL_PLANE), 0, created);
    const workers = o.workers ?? 3;
    for (let i = 0; i < workers; i++) this.addMachine(machineSpec(workerName(this.nextWorkerIndex), 'worker', this.nextWorkerIndex, this.workerSize), this.nextWorkerIndex++, created);
    const cpNode = this.store.get('Node', CONTROL_PLANE_NAME)!;
    for (const name of STATIC_PODS) {
      const pod = this.api.create(staticPod(name, cpNode));
      this.staticUids.set(name, pod.metadata.uid);
    }
    for (const svc of systemServices()) this.api.create(svc);
    if (o.systemPods !== false) {
      this.api.create(coreDNS());
      this.api.create(kubeProxy());
    }
    void cp;
    this.advance(5 * 60_000);
    const old = o.oldWorld === undefined ? DEFAULT_OLD_WORLD : o.oldWorld;
    if (old) {
      this.advanceTo(OLD_WORLD_DEPLOYED_AT);
      for (const m of this.machines.values()) if (m.spec.role === 'worker') this.handDeploy(m, old);
    }
    this.advanceTo(0);
  }

  private addMachine(spec: ReturnType<typeof machineSpec>, index: number, created: Time): Machine {
    const m = new Machine(this, spec, created);
    this.machines.set(spec.name, m);
    if (spec.role === 'control-plane') {
      const forget = () => (this.cpFault = null);
      m.docker.onChange(forget);
      m.docker.onDaemon(forget);
      m.onPower(forget);
    }
    for (const ref of nodeImages(spec.role)) m.docker.addImage(this.registry.lookup(ref)!, ref);
    for (const li of m.docker.images.values()) li.pulledAt = li.lastUsed = created;
    const k = new Kubelet(this.ctx, m, created);
    this.kubelets.set(spec.name, k);
    this.nodeLifecycle.watchKubelet(k);
    this.traffic.watchMachine(m);
    this.api.create(nodeObject(m, index, created));
    return m;
  }

  /** `docker pull IMAGE && docker run -d --name web -p 80:8080 IMAGE`, as someone did weeks ago. */
  private handDeploy(m: Machine, old: OldWorld): void {
    for (const ref of old.leftovers) m.docker.addImage(this.registry.lookup(ref)!, ref);
    const img = this.registry.lookup(old.image)!;
    m.docker.addImage(img, old.image);
    const c = m.docker.create({
      name: 'web',
      image: img,
      imageRef: old.image,
      ports: [{ hostIp: '0.0.0.0', hostPort: 80, containerPort: 8080, protocol: 'tcp' }],
      restart: { name: old.restart },
    });
    m.docker.start(c);
  }

  /**
   * A new worker: the machine is ordered, boots, and its kubelet registers the node. Returns
   * the machine at once; the node appears when the boot is done.
   */
  addWorker(bootMs = 90_000): Machine {
    const index = this.nextWorkerIndex++;
    const spec = { ...machineSpec(workerName(index), 'worker', index, this.workerSize), bootMs };
    const m = new Machine(this, spec, this.now);
    m.power = 'off';
    m.downSince = this.now;
    this.machines.set(spec.name, m);
    for (const ref of nodeImages('worker')) m.docker.addImage(this.registry.lookup(ref)!, ref);
    const k = new Kubelet(this.ctx, m, this.now);
    k.running = false;
    k.stoppedAt = this.now;
    this.kubelets.set(spec.name, k);
    this.nodeLifecycle.watchKubelet(k);
    this.traffic.watchMachine(m);
    m.onPower((_m, change) => {
      if (change !== 'booted' || this.store.get('Node', spec.name)) return;
      // kubelet registration (retried by the kubelet until the API answers).
      const register = () => {
        if (this.store.get('Node', spec.name)) return;
        if (!this.api.up) {
          this.at(this.now + 10_000, register);
          return;
        }
        this.api.create(nodeObject(m, index, this.now));
        this.events.record(this.store.get('Node', spec.name)!, 'Normal', 'RegisteredNode', `Node ${spec.name} event: Registered Node ${spec.name} in Controller`, 'node-controller');
      };
      this.at(this.now + 2000, register);
    });
    m.powerOn();
    return m;
  }

  // ------------------------------------------------------------------ reading

  nodes(): Node[] {
    return this.store.list('Node');
  }

  workers(): Machine[] {
    return [...this.machines.values()].filter((m) => m.spec.role === 'worker');
  }

  /** A fingerprint of the whole state: API objects, machines, randomness and time. */
  hash(): string {
    const f = new Fingerprint();
    f.add(String(this.now)).add(this.rng.state().join(','));
    for (const kind of ['Node', 'Pod', 'Service', 'Deployment', 'ReplicaSet', 'DaemonSet'] as const) {
      for (const o of this.store.values(kind)) f.add(JSON.stringify(o));
    }
    for (const e of this.events.list()) f.add(`${e.metadata.name}${e.count}${e.message}`);
    for (const m of this.machines.values()) {
      f.add(`${m.name}${m.power}${m.bootId}${m.diskUsed()}`);
      for (const c of m.docker.containers.values()) f.add(`${c.id}${c.name}${c.state}${c.exitCode}${c.startedAt}${c.finishedAt}${c.restartCount}`);
      for (const i of m.docker.images.values()) f.add(`${i.info.id}${[...i.tags].join()}`);
    }
    const t = this.traffic.totals;
    f.add(`${t.served.toFixed(3)}/${t.lost.toFixed(3)}`);
    return f.hex();
  }
}

export type ControlPlaneFault = 'off' | 'apiserver' | 'etcd';

/** What kubectl prints for each fault: a timeout, a refused connection, or etcd's error through the API server. */
function outageMessage(fault: ControlPlaneFault | undefined): string | undefined {
  switch (fault) {
    case 'off':
      return `Unable to connect to the server: dial tcp ${CONTROL_PLANE_IP}:6443: i/o timeout`;
    case 'apiserver':
      return `The connection to the server ${CONTROL_PLANE_IP}:6443 was refused - did you specify the right host or port?`;
    case 'etcd':
      return 'Error from server: etcdserver: request timed out';
    default:
      return undefined;
  }
}
