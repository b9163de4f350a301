/**
 * The kubelet on one node: runs the pods bound to it through the node's Docker daemon (a
 * pause sandbox holding the pod's IP, then each container), pulls images one at a time with
 * ErrImagePull → ImagePullBackOff back-off, restarts containers by restartPolicy with
 * CrashLoopBackOff (10 s doubling to 300 s, reset after 10 min), reports readiness, kills
 * pods that are deleted, garbage-collects images at 85 % disk, evicts pods under
 * DiskPressure, and renews its node lease every 10 s. It keeps working while the control
 * plane is down; what it cannot tell the API server it tells it when it is back.
 */
import type { Container, ContainerStateTerminated, ContainerStatus, Node, NodeCondition, Pod, PodCondition, Time } from '../api/types.js';
import { bytesOf } from '../api/quantity.js';
import { podCondition } from '../api/pods.js';
import { goDuration } from '../api/durations.js';
import type { Reconciler } from '../loop.js';
import { fullImageRef, normalizeImageRef, type ImageInfo, type PullResult } from '../registry.js';
import type { DockerContainer } from '../runtime/docker.js';
import type { Machine } from '../runtime/machine.js';
import type { ControllerContext } from './context.js';

const PLEG_PERIOD = 1000;
const SANDBOX_MS = 1500;
const RESTART_DELAY = 1000;
export const BACKOFF_INITIAL = 10_000;
export const BACKOFF_MAX = 300_000;
/** A back-off entry not touched for twice its maximum is forgotten (the "10 minutes" reset). */
const BACKOFF_EXPIRE = 2 * BACKOFF_MAX;
export const HEARTBEAT_MS = 10_000;
const KUBELET_START_MS = 3000;
const EVICTION_PERIOD = 10_000;
/** ImageGCPeriod: the image garbage collector runs every 5 minutes. */
const IMAGE_GC_PERIOD = 5 * 60_000;
const PRESSURE_TRANSITION = 5 * 60_000;
export const IMAGE_GC_HIGH = 0.85;
export const IMAGE_GC_LOW = 0.8;
const IMAGE_MIN_AGE = 2 * 60_000;
/** Hard eviction threshold nodefs.available<10%. */
export const NODEFS_MIN_AVAILABLE = 0.1;
const MAX_IMAGES_IN_STATUS = 50;
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';
const COMPONENT = 'kubelet';

interface Backoff {
  ms: number;
  lastUpdate: Time;
}

interface ContainerWorker {
  spec: Container;
  current?: DockerContainer;
  /** The exit of `current` that has been dealt with. */
  handled?: DockerContainer;
  restartCount: number;
  /** The last two terminations, newest last (lastState is the one before the current state). */
  terminations: ContainerStateTerminated[];
  waiting?: { reason: string; message?: string };
  /** Shows the terminated state until then, before restarting or backing off. */
  holdUntil: Time;
  backoff?: Backoff;
  readyAt?: Time;
  ready: boolean;
  /** Will not run again (restartPolicy says so). */
  final: boolean;
  /** Restart count for which an image check was already reported. */
  imageReportedFor: number;
  /** The image as the status reports it (`docker.io/library/web:1.0`). */
  imageFull: string;
  /** The dead instance kept for `--previous` logs; older ones are removed. */
  older?: DockerContainer;
}

interface PodWorker {
  pod: Pod;
  uid: string;
  sandbox?: DockerContainer;
  sandboxAttempt: number;
  sandboxReadyAt: Time;
  ip?: string;
  containers: ContainerWorker[];
  startTime?: Time;
  killing: boolean;
  removed: boolean;
  evicted?: string;
  statusSig: string;
}

export type KubeletListener = (k: Kubelet, change: 'started' | 'stopped') => void;

export class Kubelet implements Reconciler {
  readonly controlPlane = false;
  private workers = new Map<string, PodWorker>();
  private dirty = new Set<PodWorker>();
  private nodeDirty = false;
  private kicked = false;
  /** Bumped when the kubelet stops: timers set before then do nothing. */
  private epoch = 0;
  running: boolean;
  startedAt: Time;
  stoppedAt?: Time;
  /** When the process last stopped, kept after it starts again (for the node's journal). */
  lastStoppedAt?: Time;
  private pullQueue: string[] = [];
  private pulling?: string;
  private pullWaiters = new Map<string, Set<{ w: PodWorker; cw: ContainerWorker; asked: Time }>>();
  private pullBackoff = new Map<string, Backoff & { error: string }>();
  private unsent = new Set<PodWorker>();
  private undeleted = new Set<PodWorker>();
  private diskCheckAt?: Time;
  private diskPressure = false;
  /** Disk usage at which the eviction manager last found nothing to free (skip until it changes). */
  private exhausted?: number;
  private pressureSeenAt = -Infinity;
  private lastImageGC = -Infinity;
  private nodeSig = '';
  private listeners: KubeletListener[] = [];
  /** Every pod here reports the same host IPs: one shared list. */
  private readonly hostIPs: { ip: string }[];

  constructor(
    private readonly ctx: ControllerContext,
    readonly machine: Machine,
    startedAt: Time,
  ) {
    this.running = machine.isOn;
    this.startedAt = startedAt;
    this.hostIPs = [{ ip: machine.spec.ip }];
    machine.docker.onChange((c, change) => {
      if (change !== 'exited') return;
      const w = this.workers.get(c.labels['io.kubernetes.pod.uid'] ?? '');
      // PLEG notices at its next relist.
      if (w) this.after(Math.ceil((this.ctx.sim.now + 1) / PLEG_PERIOD) * PLEG_PERIOD, () => this.markDirty(w));
    });
    machine.onPower((_m, change) => (change === 'booted' ? this.boot() : this.stop()));
    machine.onDisk(() => this.diskChanged());
    machine.docker.onDaemon((up) => this.runtimeChanged(up));
  }

  get nodeName(): string {
    return this.machine.name;
  }

  onChange(fn: KubeletListener): void {
    this.listeners.push(fn);
  }

  /** The lease's renewTime: the kubelet renews it every 10 s while it runs. */
  leaseRenewTime(): Time {
    const end = this.running ? this.ctx.sim.now : (this.stoppedAt ?? this.ctx.sim.now);
    return this.startedAt + Math.floor(Math.max(0, end - this.startedAt) / HEARTBEAT_MS) * HEARTBEAT_MS;
  }

  get hasDiskPressure(): boolean {
    return this.diskPressure;
  }

  private node(): Node | undefined {
    return this.ctx.store.get('Node', this.nodeName);
  }

  // ------------------------------------------------------------------ scheduling work

  private after(at: Time, fn: () => void): void {
    const epoch = this.epoch;
    this.ctx.sim.at(Math.max(at, this.ctx.sim.now), () => {
      if (epoch === this.epoch && this.running) fn();
    });
  }

  private markDirty(w: PodWorker): void {
    this.dirty.add(w);
    this.kick();
  }

  private kick(): void {
    if (this.kicked) return;
    this.kicked = true;
    this.ctx.loop.kick(this);
  }

  run(): void {
    this.kicked = false;
    if (!this.running) return;
    while (this.dirty.size) {
      const batch = [...this.dirty];
      this.dirty.clear();
      for (const w of batch) this.syncPod(w);
    }
    if (this.nodeDirty) this.syncNodeStatus();
  }

  /** A pod bound to this node changed in the API. */
  podChanged(type: string, pod: Pod): void {
    if (this.writing) return;
    let w = this.workers.get(pod.metadata.uid);
    if (type === 'DELETED') {
      if (!w) return;
      w.removed = true;
      this.markDirty(w);
      return;
    }
    if (!w) {
      w = {
        pod,
        uid: pod.metadata.uid,
        sandboxAttempt: 0,
        sandboxReadyAt: Infinity,
        containers: pod.spec.containers.map((spec) => ({ spec, restartCount: 0, terminations: [], holdUntil: 0, ready: false, final: false, imageReportedFor: -1, imageFull: cachedFullRef(spec.image) })),
        killing: false,
        removed: false,
        statusSig: '',
      };
      this.workers.set(w.uid, w);
    }
    w.pod = pod;
    this.markDirty(w);
  }

  // ------------------------------------------------------------------ pod lifecycle

  private syncPod(w: PodWorker): void {
    // "Skipping pod synchronization" err="container runtime is down": nothing to act through.
    if (!this.machine.docker.running) return;
    const pod = w.pod;
    if (w.removed || pod.metadata.deletionTimestamp !== undefined || w.evicted) return this.terminate(w);
    if (!w.sandbox || w.sandbox.state !== 'running') return this.createSandbox(w);
    if (this.ctx.sim.now >= w.sandboxReadyAt) for (const cw of w.containers) this.syncContainer(w, cw);
    this.pushStatus(w);
  }

  private createSandbox(w: PodWorker): void {
    const docker = this.machine.docker;
    const pod = w.pod;
    if (w.sandbox) {
      this.event(pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
      docker.remove(w.sandbox);
      for (const cw of w.containers) if (cw.current?.state === 'running') docker.kill(cw.current);
    }
    const pause = docker.findImage(PAUSE_IMAGE) ?? docker.addImage(this.ctx.sim.registry.lookup(PAUSE_IMAGE)!, PAUSE_IMAGE);
    const sandbox = docker.create({
      name: ['k8s_POD_', pod.metadata.name, '_', pod.metadata.namespace, '_', w.uid, '_', w.sandboxAttempt++].join(''),
      image: pause.info,
      imageRef: PAUSE_IMAGE,
      labels: podLabels(pod, 'POD'),
    });
    docker.start(sandbox);
    w.sandbox = sandbox;
    w.ip = pod.spec.hostNetwork ? this.machine.spec.ip : this.ctx.api.allocatePodIP(this.node()?.spec.podCIDR);
    w.startTime ??= this.ctx.sim.now;
    w.sandboxReadyAt = this.ctx.sim.now + SANDBOX_MS;
    for (const cw of w.containers) cw.ready = false;
    this.after(w.sandboxReadyAt, () => this.markDirty(w));
    this.pushStatus(w);
  }

  private syncContainer(w: PodWorker, cw: ContainerWorker): void {
    const now = this.ctx.sim.now;
    const c = cw.current;
    if (c && c.netnsOf === w.sandbox?.id && (c.state === 'running' || c.state === 'created')) {
      if (!cw.ready && cw.readyAt !== undefined && now >= cw.readyAt) cw.ready = true;
      return;
    }
    if (c) {
      const fromOldSandbox = c.netnsOf !== w.sandbox?.id;
      if (cw.handled !== c) {
        cw.handled = c;
        cw.ready = false;
        cw.readyAt = undefined;
        cw.waiting = undefined;
        cw.terminations = [...cw.terminations.slice(-1), terminatedOf(c)];
        if (!fromOldSandbox) {
          if (!restartWanted(w.pod, c.exitCode)) {
            cw.final = true;
            return;
          }
          cw.holdUntil = now + RESTART_DELAY;
          this.after(cw.holdUntil, () => this.markDirty(w));
          return;
        }
      }
      if (cw.final) return;
      if (now < cw.holdUntil) return;
      if (!fromOldSandbox) {
        // CrashLoopBackOff: IsInBackOffSince(finishedAt), then Next().
        const b = cw.backoff;
        const finished = c.finishedAt ?? now;
        const expired = b !== undefined && finished - b.lastUpdate > BACKOFF_EXPIRE;
        if (b && !expired && now - finished < b.ms) {
          if (cw.waiting?.reason !== 'CrashLoopBackOff') {
            this.event(w.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${cw.spec.name} in pod ${podId(w.pod)}`, cw.spec.name);
          }
          cw.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(b.ms)} restarting failed container=${cw.spec.name} pod=${podId(w.pod)}` };
          this.after(finished + b.ms, () => this.markDirty(w));
          return;
        }
        cw.backoff = !b || expired ? { ms: BACKOFF_INITIAL, lastUpdate: now } : { ms: Math.min(BACKOFF_MAX, b.ms * 2), lastUpdate: now };
      }
      cw.restartCount++;
      cw.current = undefined;
    }
    const image = this.ensureImage(w, cw);
    if (image) this.startContainer(w, cw, image);
  }

  private ensureImage(w: PodWorker, cw: ContainerWorker): ImageInfo | undefined {
    const docker = this.machine.docker;
    const ref = cw.spec.image;
    const norm = normalizeImageRef(ref);
    const policy = cw.spec.imagePullPolicy ?? (norm.endsWith(':latest') ? 'Always' : 'IfNotPresent');
    const present = docker.findImage(norm);
    if (present && (policy !== 'Always' || cw.imageReportedFor === cw.restartCount)) {
      if (cw.imageReportedFor !== cw.restartCount) {
        cw.imageReportedFor = cw.restartCount;
        this.event(w.pod, 'Normal', 'Pulled', `Container image "${ref}" already present on machine`, cw.spec.name);
      }
      return present.info;
    }
    if (policy === 'Never') {
      if (cw.waiting?.reason !== 'ErrImageNeverPull') this.event(w.pod, 'Warning', 'ErrImageNeverPull', `Container image "${ref}" is not present with pull policy of Never`, cw.spec.name);
      cw.waiting = { reason: 'ErrImageNeverPull', message: `Container image "${ref}" is not present with pull policy of Never` };
      return undefined;
    }
    const now = this.ctx.sim.now;
    const key = `${w.uid}/${norm}`;
    const bo = this.pullBackoff.get(key);
    if (bo && now - bo.lastUpdate < bo.ms) {
      if (cw.waiting?.reason === 'ErrImagePull' && now < cw.holdUntil) return undefined;
      if (cw.waiting?.reason !== 'ImagePullBackOff') {
        this.event(w.pod, 'Normal', 'BackOff', `Back-off pulling image "${ref}"`, cw.spec.name);
        this.event(w.pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', cw.spec.name);
      }
      cw.waiting = { reason: 'ImagePullBackOff', message: `Back-off pulling image "${ref}": ErrImagePull: ${bo.error}` };
      this.after(bo.lastUpdate + bo.ms, () => this.markDirty(w));
      return undefined;
    }
    this.requestPull(norm, ref, w, cw);
    if (cw.waiting?.reason !== 'ErrImagePull' && cw.waiting?.reason !== 'ImagePullBackOff') cw.waiting = { reason: 'ContainerCreating' };
    return undefined;
  }

  private requestPull(norm: string, ref: string, w: PodWorker, cw: ContainerWorker): void {
    let waiters = this.pullWaiters.get(norm);
    if (waiters) for (const x of waiters) if (x.cw === cw) return;
    if (!waiters) this.pullWaiters.set(norm, (waiters = new Set()));
    waiters.add({ w, cw, asked: this.ctx.sim.now });
    this.event(w.pod, 'Normal', 'Pulling', `Pulling image "${ref}"`, cw.spec.name);
    if (this.pulling !== norm && !this.pullQueue.includes(norm)) this.pullQueue.push(norm);
    this.nextPull();
  }

  /** serializeImagePulls: one pull at a time per node. */
  private nextPull(): void {
    if (this.pulling !== undefined || !this.pullQueue.length) return;
    const norm = this.pullQueue.shift()!;
    this.pulling = norm;
    const started = this.ctx.sim.now;
    const epoch = this.epoch;
    this.machine.docker.pull(norm, (r) => {
      if (epoch !== this.epoch) return;
      this.pulled(norm, r, started);
    });
  }

  private pulled(norm: string, r: PullResult, started: Time): void {
    this.pulling = undefined;
    const now = this.ctx.sim.now;
    const waiters = this.pullWaiters.get(norm) ?? new Set();
    this.pullWaiters.delete(norm);
    for (const { w, cw, asked } of waiters) {
      const ref = cw.spec.image;
      if (r.ok) {
        cw.imageReportedFor = cw.restartCount;
        this.event(
          w.pod,
          'Normal',
          'Pulled',
          `Successfully pulled image "${ref}" in ${goDuration(now - started)} (${goDuration(now - asked)} including waiting). Image size: ${r.image.sizeBytes} bytes.`,
          cw.spec.name,
        );
      } else {
        const key = `${w.uid}/${norm}`;
        const b = this.pullBackoff.get(key);
        const expired = b !== undefined && now - b.lastUpdate > BACKOFF_EXPIRE;
        this.pullBackoff.set(key, { ms: !b || expired ? BACKOFF_INITIAL : Math.min(BACKOFF_MAX, b.ms * 2), lastUpdate: now, error: r.error });
        cw.waiting = { reason: 'ErrImagePull', message: r.error };
        cw.holdUntil = now + RESTART_DELAY;
        this.event(w.pod, 'Warning', 'Failed', `Failed to pull image "${ref}": ${r.error}`, cw.spec.name);
        this.event(w.pod, 'Warning', 'Failed', 'Error: ErrImagePull', cw.spec.name);
        this.after(cw.holdUntil, () => this.markDirty(w));
      }
      this.markDirty(w);
    }
    if (r.ok) this.nodeDirty = true;
    this.nextPull();
    this.kick();
  }

  private startContainer(w: PodWorker, cw: ContainerWorker, image: ImageInfo): void {
    const docker = this.machine.docker;
    const pod = w.pod;
    const spec = cw.spec;
    // Keep only the latest dead instance of each container (MaxPerPodContainer = 1).
    if (cw.older && cw.older !== cw.handled && docker.containers.has(cw.older.id)) docker.remove(cw.older);
    cw.older = cw.handled;
    const c = docker.create({
      name: ['k8s_', spec.name, '_', pod.metadata.name, '_', pod.metadata.namespace, '_', w.uid, '_', cw.restartCount].join(''),
      image,
      imageRef: normalizeImageRef(spec.image),
      command: spec.command ? `"${[...spec.command, ...(spec.args ?? [])].join(' ').slice(0, 19)}…"` : undefined,
      env: (spec.env ?? []).map((e) => `${e.name}=${e.value ?? ''}`),
      labels: podLabels(pod, spec.name),
      netnsOf: w.sandbox!.id,
      memoryLimit: spec.resources?.limits?.memory ? bytesOf(spec.resources.limits.memory) : undefined,
    });
    this.event(pod, 'Normal', 'Created', `Created container: ${spec.name}`, spec.name);
    cw.current = c;
    cw.waiting = undefined;
    cw.ready = false;
    docker.start(c);
    this.event(pod, 'Normal', 'Started', `Started container ${spec.name}`, spec.name);
    if (c.state !== 'running') return;
    const probe = spec.readinessProbe;
    const now = this.ctx.sim.now;
    if (!probe) {
      cw.readyAt = now;
      cw.ready = true;
      return;
    }
    // The readiness probe passes at its first run after the program starts answering.
    const first = now + (probe.initialDelaySeconds ?? 0) * 1000;
    const period = (probe.periodSeconds ?? 10) * 1000;
    const serves = now + c.app.startupMs;
    const k = Math.max(0, Math.ceil((serves - first) / period));
    cw.readyAt = first + k * period;
    if (k > 0 && !c.app.crash) {
      this.after(first, () => {
        if (cw.current !== c || c.state !== 'running') return;
        const target = probe.httpGet ? `Get "http://${w.ip}:${probe.httpGet.port}${probe.httpGet.path ?? '/'}": dial tcp ${w.ip}:${probe.httpGet.port}: connect: connection refused` : `dial tcp ${w.ip}:${probe.tcpSocket?.port ?? ''}: connect: connection refused`;
        this.event(pod, 'Warning', 'Unhealthy', `Readiness probe failed: ${target}`, spec.name);
      });
    }
    this.after(cw.readyAt, () => this.markDirty(w));
  }

  /** Kills the pod's containers; once they are gone, finishes the deletion in the API. */
  private terminate(w: PodWorker): void {
    const docker = this.machine.docker;
    const pod = w.pod;
    if (!w.killing) {
      w.killing = true;
      const grace = w.evicted ? 0 : (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30);
      for (const cw of w.containers) {
        const c = cw.current;
        if (!c || c.state !== 'running') continue;
        this.event(pod, 'Normal', 'Killing', `Stopping container ${cw.spec.name}`, cw.spec.name);
        if (grace === 0) docker.kill(c);
        else docker.stop(c, grace, () => this.markDirty(w));
      }
      if (w.evicted) this.pushStatus(w);
    }
    if (w.containers.some((cw) => cw.current?.state === 'running')) return;
    if (w.sandbox?.state === 'running') docker.kill(w.sandbox);
    for (const cw of w.containers) cw.ready = false;
    if (w.evicted && !w.removed) {
      this.pushStatus(w);
      return;
    }
    // Containers of a pod that is gone are removed.
    for (const c of [...docker.containers.values()]) if (c.labels['io.kubernetes.pod.uid'] === w.uid) docker.remove(c);
    if (w.removed) {
      this.workers.delete(w.uid);
      this.unsent.delete(w);
      this.undeleted.delete(w);
      return;
    }
    this.finishDeletion(w);
  }

  private finishDeletion(w: PodWorker): void {
    if (!this.ctx.api.up) {
      this.undeleted.add(w);
      return;
    }
    this.undeleted.delete(w);
    if (this.ctx.store.isLive(w.pod)) this.ctx.api.delete(w.pod, 0);
  }

  /** The eviction manager takes a pod off this node: phase Failed, reason Evicted. */
  evict(w: PodWorker, message: string): void {
    w.evicted = message;
    this.event(w.pod, 'Warning', 'Evicted', message);
    this.markDirty(w);
  }

  // ------------------------------------------------------------------ status

  private pushStatus(w: PodWorker): void {
    const sig = this.signature(w);
    if (sig === w.statusSig) return;
    if (!this.ctx.api.up) {
      this.unsent.add(w);
      return;
    }
    if (!this.ctx.store.isLive(w.pod)) return;
    w.statusSig = sig;
    this.unsent.delete(w);
    w.pod.status = this.buildStatus(w);
    this.writing = true;
    try {
      this.ctx.api.update(w.pod);
    } finally {
      this.writing = false;
    }
  }

  /** Set while the kubelet writes a status, so its own write does not wake it. */
  private writing = false;

  /** Everything the pod's status is computed from, as a string: no change, no write. */
  private signature(w: PodWorker): string {
    const now = this.ctx.sim.now;
    let sig = `${w.evicted ? 'E' : ''}${w.killing ? 'K' : ''}${w.sandbox?.id ?? ''}${w.sandbox?.state ?? ''}${now >= w.sandboxReadyAt ? 1 : 0}${w.ip ?? ''}`;
    for (const cw of w.containers) {
      const c = cw.current;
      sig += `|${c ? c.id.slice(0, 8) + c.state : ''}${cw.ready ? 1 : 0}${cw.restartCount}${cw.final ? 'F' : ''}${cw.handled === c ? 'H' : ''}${now < cw.holdUntil ? 'W' : ''}${cw.waiting ? cw.waiting.reason + (cw.waiting.message ?? '') : ''}`;
    }
    return sig;
  }

  private buildStatus(w: PodWorker): Pod['status'] {
    const pod = w.pod;
    const now = this.ctx.sim.now;
    const sandboxReady = !!w.sandbox && w.sandbox.state === 'running' && now >= w.sandboxReadyAt;
    const statuses: ContainerStatus[] = w.containers.map((cw) => this.containerStatus(w, cw, sandboxReady));
    const allReady = statuses.length > 0 && statuses.every((s) => s.ready);
    const phase = w.evicted ? 'Failed' : podPhase(statuses, pod.spec.restartPolicy ?? 'Always');
    let notReadyMsg: string | undefined;
    if (!allReady && !w.evicted) {
      let unready = '';
      for (const s of statuses) if (!s.ready) unready += unready ? ` ${s.name}` : s.name;
      notReadyMsg = `containers with unready status: [${unready}]`;
    }
    const ready = allReady && !w.evicted;
    const reason = w.evicted ? 'PodFailed' : 'ContainersNotReady';
    const conditions: PodCondition[] = [
      this.condition(w, 'PodReadyToStartContainers', sandboxReady, now),
      this.condition(w, 'Initialized', true, now),
      this.condition(w, 'Ready', ready, now, reason, notReadyMsg),
      this.condition(w, 'ContainersReady', ready, now, reason, notReadyMsg),
    ];
    const scheduled = podCondition(pod, 'PodScheduled');
    if (scheduled) conditions.push(scheduled);
    const st: Pod['status'] = { phase, conditions, hostIP: this.machine.spec.ip, hostIPs: this.hostIPs };
    if (w.ip && !w.evicted) {
      st.podIP = w.ip;
      st.podIPs = w.pod.status.podIP === w.ip && w.pod.status.podIPs ? w.pod.status.podIPs : [{ ip: w.ip }];
    }
    if (w.startTime !== undefined) st.startTime = w.startTime;
    st.containerStatuses = statuses;
    st.qosClass = pod.status.qosClass;
    if (w.evicted) {
      st.reason = 'Evicted';
      st.message = w.evicted;
    }
    return st;
  }

  /** A pod condition whose lastTransitionTime moves only when its status does. */
  private condition(w: PodWorker, type: PodCondition['type'], ok: boolean, now: Time, reason?: string, message?: string): PodCondition {
    const status = ok ? 'True' : 'False';
    const prev = podCondition(w.pod, type);
    // Unchanged: the same object (conditions are replaced, never edited in place).
    if (prev && prev.status === status && prev.reason === (ok ? undefined : reason) && prev.message === (ok ? undefined : message)) return prev;
    const time = prev && prev.status === status ? prev.lastTransitionTime : now;
    const c: PodCondition = { type, status, lastProbeTime: null, lastTransitionTime: time };
    if (!ok && reason) {
      c.reason = reason;
      if (message) c.message = message;
    }
    return c;
  }

  private containerStatus(w: PodWorker, cw: ContainerWorker, sandboxReady: boolean): ContainerStatus {
    const c = cw.current;
    const image = cw.imageFull;
    const s: ContainerStatus = {
      name: cw.spec.name,
      state: NO_STATE,
      lastState: NO_STATE,
      ready: false,
      restartCount: cw.restartCount,
      image,
      imageID: '',
      started: false,
    };
    const live = c && c.netnsOf === w.sandbox?.id;
    if (c && live && c.state === 'running' && sandboxReady) {
      s.state = { running: { startedAt: c.startedAt! } };
      s.ready = cw.ready && !w.killing;
      s.started = true;
    } else if (cw.waiting && !(c && live && c.state === 'exited' && cw.handled === c && (cw.final || this.ctx.sim.now < cw.holdUntil))) {
      s.state = { waiting: cw.waiting };
    } else if (c && live && c.state === 'exited' && cw.handled === c) {
      s.state = { terminated: cw.terminations.at(-1)! };
    } else {
      s.state = CREATING;
    }
    const last = s.state.terminated ? cw.terminations.at(-2) : cw.terminations.at(-1);
    if (last) s.lastState = { terminated: last };
    if (c) {
      s.containerID = `docker://${c.id}`;
      s.imageID = imageIdOf(image, c.imageId);
    }
    return s;
  }

  // ------------------------------------------------------------------ node status, boot, stop

  private syncNodeStatus(): void {
    this.nodeDirty = false;
    if (!this.ctx.api.up) return;
    const node = this.node();
    if (!node) return;
    const now = this.ctx.sim.now;
    const images = [...this.machine.docker.images.values()]
      .sort((a, b) => b.info.sizeBytes - a.info.sizeBytes)
      .slice(0, MAX_IMAGES_IN_STATUS)
      .map((li) => ({ names: [`${fullImageRef(li.info.ref).replace(/:[^:/]+$/, '')}@${li.info.id}`, ...[...li.tags].map(fullImageRef)], sizeBytes: li.info.sizeBytes }));
    const want: [NodeCondition['type'], NodeCondition['status'], string, string][] = [
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      this.diskPressure ? ['DiskPressure', 'True', 'KubeletHasDiskPressure', 'kubelet has disk pressure'] : ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      this.machine.docker.running ? ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'] : ['Ready', 'False', 'KubeletNotReady', 'container runtime is down'],
    ];
    const conditions: NodeCondition[] = want.map(([type, status, reason, message]) => {
      const prev = node.status.conditions.find((c) => c.type === type);
      const same = prev && prev.status === status;
      return { type, status, lastHeartbeatTime: now, lastTransitionTime: same ? prev.lastTransitionTime : now, reason, message };
    });
    const sig = `${conditions.map((c) => c.status + c.reason).join()}|${images.map((i) => i.names.join()).join()}|${this.machine.bootId}`;
    if (sig === this.nodeSig) return;
    const wasReady = node.status.conditions.find((c) => c.type === 'Ready')?.status === 'True';
    this.nodeSig = sig;
    node.status.conditions = conditions;
    node.status.images = images;
    node.status.nodeInfo.bootID = this.machine.bootId;
    this.ctx.api.update(node);
    const ready = conditions[3].status === 'True';
    if (!wasReady && ready) this.event(node, 'Normal', 'NodeReady', `Node ${this.nodeName} status is now: NodeReady`);
    if (wasReady && !ready) this.event(node, 'Normal', 'NodeNotReady', `Node ${this.nodeName} status is now: NodeNotReady`);
  }

  /** The machine finished booting: the kubelet starts a few seconds later. */
  private boot(): void {
    this.startProcess(true);
  }

  /** The kubelet process starts: a few seconds after the machine boots, at once for `systemctl start kubelet`. */
  private startProcess(rebooted: boolean): void {
    const epoch = this.epoch;
    const begin = () => {
      if (epoch !== this.epoch || !this.machine.isOn || this.running) return;
      this.running = true;
      this.startedAt = this.ctx.sim.now;
      this.stoppedAt = undefined;
      const node = this.node();
      if (node) {
        this.event(node, 'Normal', 'Starting', 'Starting kubelet.');
        if (rebooted) this.event(node, 'Warning', 'Rebooted', `Node ${this.nodeName} has been rebooted, boot id: ${this.machine.bootId}`);
      }
      this.nodeSig = '';
      this.nodeDirty = true;
      for (const w of this.workers.values()) {
        w.statusSig = '';
        this.dirty.add(w);
      }
      this.kick();
      this.diskChanged();
      for (const l of this.listeners) l(this, 'started');
    };
    if (rebooted) this.ctx.sim.at(this.ctx.sim.now + KUBELET_START_MS, begin);
    else begin();
  }

  private stop(): void {
    if (!this.running && this.stoppedAt !== undefined) return;
    this.running = false;
    this.epoch++;
    this.stoppedAt = this.lastStoppedAt = this.ctx.sim.now;
    this.pulling = undefined;
    this.pullQueue = [];
    this.pullWaiters.clear();
    this.diskCheckAt = undefined;
    for (const l of this.listeners) l(this, 'stopped');
  }

  /** `systemctl stop kubelet`: the process exits. Containers keep running; the lease is no longer renewed. */
  stopService(): void {
    if (this.running) this.stop();
  }

  /**
   * `systemctl start kubelet` (or the start half of a restart): the process starts with empty
   * memory, so its back-offs (CrashLoopBackOff, ImagePullBackOff) begin again from the first step.
   */
  startService(): void {
    if (this.running || !this.machine.isOn) return;
    for (const w of this.workers.values()) for (const cw of w.containers) cw.backoff = undefined;
    this.pullBackoff.clear();
    this.startProcess(false);
  }

  /** Docker stopped or started under the kubelet: the node's Ready condition follows, pods are synced again. */
  private runtimeChanged(up: boolean): void {
    if (!this.running) return;
    this.nodeDirty = true;
    if (up) for (const w of this.workers.values()) this.dirty.add(w);
    this.kick();
  }

  /** The API server answers again: send what could not be sent. */
  apiBack(): void {
    if (!this.running) return;
    for (const w of this.unsent) {
      w.statusSig = '';
      this.dirty.add(w);
    }
    for (const w of this.undeleted) this.dirty.add(w);
    this.nodeSig = '';
    this.nodeDirty = true;
    this.kick();
  }

  // ------------------------------------------------------------------ disk: image GC and eviction

  /** The eviction manager looks every 10 s when a threshold is near; the image GC every 5 minutes. */
  private diskChanged(): void {
    if (!this.running) return;
    const m = this.machine;
    const used = m.diskUsed() / m.spec.diskBytes;
    if (used <= IMAGE_GC_HIGH && !this.diskPressure) return;
    const nextTick = Math.ceil((this.ctx.sim.now + 1) / EVICTION_PERIOD) * EVICTION_PERIOD;
    const urgent = this.diskPressure || m.diskFree() < m.spec.diskBytes * NODEFS_MIN_AVAILABLE || this.ctx.sim.now - this.lastImageGC >= IMAGE_GC_PERIOD;
    this.scheduleDiskCheck(urgent ? nextTick : Math.max(nextTick, this.lastImageGC + IMAGE_GC_PERIOD));
  }

  private scheduleDiskCheck(at: Time): void {
    if (this.diskCheckAt !== undefined && this.diskCheckAt <= at) return;
    this.diskCheckAt = at;
    this.after(at, () => {
      if (this.diskCheckAt !== at) return;
      this.diskCheckAt = undefined;
      this.checkDisk();
    });
  }

  private checkDisk(): void {
    const m = this.machine;
    const cap = m.spec.diskBytes;
    const now = this.ctx.sim.now;
    if (m.diskUsed() / cap > IMAGE_GC_HIGH && now - this.lastImageGC >= IMAGE_GC_PERIOD) {
      this.lastImageGC = now;
      this.imageGC(cap * IMAGE_GC_LOW, true);
    }
    const threshold = cap * NODEFS_MIN_AVAILABLE;
    if (m.diskFree() < threshold) {
      this.pressureSeenAt = now;
      if (!this.diskPressure) {
        this.diskPressure = true;
        this.nodeDirty = true;
        this.kick();
        const node = this.node();
        if (node) this.event(node, 'Normal', 'NodeHasDiskPressure', `Node ${this.nodeName} status is now: NodeHasDiskPressure`);
      }
      // Nothing left to reclaim or evict and nothing changed since: just look again later.
      const used = m.diskUsed();
      if (this.exhausted !== used) {
        const node = this.node();
        if (node) this.event(node, 'Warning', 'EvictionThresholdMet', 'Attempting to reclaim ephemeral-storage');
        this.reclaimNodeLevel();
        const evicted = m.diskFree() < threshold && this.evictOne(threshold);
        this.exhausted = evicted || m.diskUsed() !== used ? undefined : m.diskUsed();
      }
      this.scheduleDiskCheck(now + EVICTION_PERIOD);
      return;
    }
    if (this.diskPressure) {
      if (now - this.pressureSeenAt >= PRESSURE_TRANSITION) {
        this.diskPressure = false;
        this.nodeDirty = true;
        this.kick();
        const node = this.node();
        if (node) this.event(node, 'Normal', 'NodeHasNoDiskPressure', `Node ${this.nodeName} status is now: NodeHasNoDiskPressure`);
      } else this.scheduleDiskCheck(this.pressureSeenAt + PRESSURE_TRANSITION);
    }
    // Above the image GC threshold but not under pressure: look again when the GC is due.
    if (m.diskUsed() / cap > IMAGE_GC_HIGH) this.scheduleDiskCheck(Math.max(now + EVICTION_PERIOD, this.lastImageGC + IMAGE_GC_PERIOD));
  }

  /** Deletes unused images, least recently used first, until usage is under `target` bytes. */
  private imageGC(target: number, report: boolean): void {
    const docker = this.machine.docker;
    const now = this.ctx.sim.now;
    const start = this.machine.diskUsed();
    const want = start - target;
    if (want <= 0) return;
    const used = new Set<string>();
    for (const c of docker.containers.values()) used.add(c.imageId);
    const candidates = [...docker.images.values()]
      .filter((li) => !used.has(li.info.id) && li.info.ref !== PAUSE_IMAGE && now - li.pulledAt >= IMAGE_MIN_AGE)
      .sort((a, b) => a.lastUsed - b.lastUsed);
    let freed = 0;
    for (const li of candidates) {
      if (freed >= want) break;
      docker.removeImage(li.info.id);
      freed += li.info.sizeBytes;
    }
    if (freed) this.nodeDirty = true;
    if (report && freed < want) {
      const node = this.node();
      if (node) {
        this.event(node, 'Warning', 'FreeDiskSpaceFailed', `Failed to garbage collect required amount of images. Attempted to free ${Math.round(want)} bytes, but only found ${freed} bytes eligible to free.`);
      }
    }
  }

  /** The eviction manager first frees what the kubelet itself owns: dead pod containers, unused images. */
  private reclaimNodeLevel(): void {
    const docker = this.machine.docker;
    for (const c of [...docker.containers.values()]) {
      const uid = c.labels['io.kubernetes.pod.uid'];
      if (!uid || c.state !== 'exited') continue;
      const w = this.workers.get(uid);
      const keep = w?.containers.some((cw) => cw.handled === c && !cw.final && cw.current === c);
      if (!keep && c !== w?.sandbox) docker.remove(c);
    }
    this.imageGC(this.machine.spec.diskBytes * (1 - NODEFS_MIN_AVAILABLE) - 1, false);
  }

  /** Evicts one pod, the biggest user of local storage first; system pods stay. True if it did. */
  private evictOne(threshold: number): boolean {
    const docker = this.machine.docker;
    let victim: PodWorker | undefined;
    let most = -1;
    for (const w of this.workers.values()) {
      if (w.evicted || w.killing || w.pod.metadata.namespace === 'kube-system') continue;
      let use = 0;
      for (const c of docker.containers.values()) if (c.labels['io.kubernetes.pod.uid'] === w.uid) use += c.sizeRw;
      if (use > most) {
        most = use;
        victim = w;
      }
    }
    if (!victim) return false;
    const availKi = Math.floor(this.machine.diskFree() / 1024);
    this.evict(victim, `The node was low on resource: ephemeral-storage. Threshold quantity: ${Math.round(threshold)}, available: ${availKi}Ki. `);
    return true;
  }

  // ------------------------------------------------------------------ helpers

  private event(obj: Pod | Node, type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
    this.ctx.sim.events.record(obj, type, reason, message, COMPONENT, this.nodeName, container ? `spec.containers{${container}}` : undefined);
  }

  /** Containers of the pod (for `kubectl logs` and tests). */
  containerOf(podUid: string, name: string, previous = false): DockerContainer | undefined {
    const w = this.workers.get(podUid);
    const cw = w?.containers.find((c) => c.spec.name === name);
    if (!cw) return undefined;
    if (!previous) return cw.current;
    const docker = this.machine.docker;
    for (const c of docker.containers.values()) {
      if (c !== cw.current && c.labels['io.kubernetes.pod.uid'] === podUid && c.labels['io.kubernetes.container.name'] === name) return c;
    }
    return undefined;
  }

  /** Pods this kubelet runs (uids). */
  podUids(): string[] {
    return [...this.workers.keys()];
  }

  /** Resets a container's crash back-off, as an operator restarting the kubelet would. */
  resetBackoff(podUid: string): void {
    const w = this.workers.get(podUid);
    if (!w) return;
    for (const cw of w.containers) {
      cw.backoff = undefined;
      cw.holdUntil = 0;
    }
    this.markDirty(w);
  }
}

/** An empty container state, shared (lastState of a container that never ended). */
const NO_STATE = Object.freeze({}) as ContainerStatus['state'];
const CREATING = Object.freeze({ waiting: Object.freeze({ reason: 'ContainerCreating' }) }) as ContainerStatus['state'];

const fullRefs = new Map<string, string>();
function cachedFullRef(ref: string): string {
  let r = fullRefs.get(ref);
  if (r === undefined) {
    r = fullImageRef(ref);
    if (fullRefs.size < 10_000) fullRefs.set(ref, r);
  }
  return r;
}

const imageIds = new Map<string, string>();
/** `docker-pullable://docker.io/library/web@sha256:…`, as cri-dockerd reports imageID. */
function imageIdOf(full: string, digest: string): string {
  const key = full + digest;
  let r = imageIds.get(key);
  if (r === undefined) {
    r = `docker-pullable://${full.replace(/:[^:/]+$/, '')}@${digest}`;
    if (imageIds.size < 10_000) imageIds.set(key, r);
  }
  return r;
}

function podLabels(pod: Pod, container: string): Record<string, string> {
  return {
    'io.kubernetes.pod.name': pod.metadata.name,
    'io.kubernetes.pod.namespace': pod.metadata.namespace ?? 'default',
    'io.kubernetes.pod.uid': pod.metadata.uid,
    'io.kubernetes.container.name': container,
  };
}

function podId(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

function restartWanted(pod: Pod, exitCode: number): boolean {
  const p = pod.spec.restartPolicy ?? 'Always';
  return p === 'Always' || (p === 'OnFailure' && exitCode !== 0);
}

function terminatedOf(c: DockerContainer): ContainerStateTerminated {
  const reason = c.oomKilled ? 'OOMKilled' : c.exitCode === 0 ? 'Completed' : 'Error';
  return { exitCode: c.exitCode, reason, startedAt: c.startedAt ?? c.created, finishedAt: c.finishedAt ?? c.created, containerID: `docker://${c.id}` };
}

/** kubelet getPhase. */
export function podPhase(statuses: ContainerStatus[], restartPolicy: string): Pod['status']['phase'] {
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped++;
      else waiting++;
    }
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
