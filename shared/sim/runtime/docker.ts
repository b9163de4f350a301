/**
 * The Docker daemon on one machine: its images and containers, the way `docker images` and
 * `docker ps -a` show them. Hand-started containers (`docker run`) and the kubelet's pod
 * containers live side by side. Docker applies its own restart policies; the kubelet applies
 * the pod's. Stopped containers keep their writable layer on disk until removed.
 */
import type { Time } from '../api/types.js';
import type { SimContext } from '../context.js';
import { normalizeImageRef, type AppBehaviour, type ImageInfo, type PullResult } from '../registry.js';
import type { Timer } from '../timers.js';

export type ContainerStatusWord = 'created' | 'running' | 'restarting' | 'exited' | 'dead';
export type RestartPolicyName = 'no' | 'always' | 'unless-stopped' | 'on-failure';

export interface PortMapping {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
}

export interface DockerContainer {
  id: string;
  name: string;
  /** The image as the user or the kubelet asked for it (`web:1.0`). */
  image: string;
  imageId: string;
  command: string;
  created: Time;
  state: ContainerStatusWord;
  startedAt?: Time;
  finishedAt?: Time;
  exitCode: number;
  oomKilled: boolean;
  /** Why the last run ended, for `kubectl` (Error, OOMKilled, Completed, ...). */
  exitReason?: string;
  restartPolicy: { name: RestartPolicyName; maximumRetryCount: number };
  restartCount: number;
  /** `docker stop` sets it, so `unless-stopped` stays down across daemon restarts. */
  manuallyStopped: boolean;
  ports: PortMapping[];
  env: string[];
  labels: Record<string, string>;
  /** The container whose network namespace this one joins (a pod's sandbox), if any. */
  netnsOf?: string;
  /** `docker run --rm`: removed once it exits for good. */
  autoRemove?: boolean;
  /** Bytes written to its writable layer: disk that only `docker rm` gives back. */
  sizeRw: number;
  memoryLimit?: number;
  app: AppBehaviour;
  /** When the program inside began to answer requests. */
  servingSince?: Time;
  /** Lines the program printed (bounded). */
  log: string[];
  /** The program's pending timer (crash, readiness, stop, restart), so it can be cancelled. */
  timer?: Timer;
}

/** `lost`: the machine lost power under a running container (nothing ran its exit). `disk`: bytes used changed. */
export type DockerChange = 'created' | 'started' | 'serving' | 'exited' | 'removed' | 'restarting' | 'lost';
export type DockerListener = (c: DockerContainer, change: DockerChange) => void;

export interface RunOptions {
  name?: string;
  image: ImageInfo;
  imageRef: string;
  command?: string;
  ports?: PortMapping[];
  env?: string[];
  labels?: Record<string, string>;
  restart?: { name: RestartPolicyName; maximumRetryCount?: number };
  netnsOf?: string;
  memoryLimit?: number;
  autoRemove?: boolean;
}

export interface LocalImage {
  info: ImageInfo;
  /** Tags pointing at it on this machine (`web:1.0`); empty when dangling. */
  tags: Set<string>;
  pulledAt: Time;
  lastUsed: Time;
}

const MAX_LOG_LINES = 200;
/** Shared empty values: most containers never have ports, env, labels or logs of their own. */
const NONE: never[] = [];
const NO_LABELS: Record<string, string> = {};
const NO_RESTART = { name: 'no' as RestartPolicyName, maximumRetryCount: 0 };
/** Docker restarts a failing container after 100 ms, doubling, at most a minute apart. */
const RESTART_DELAY_MIN = 100;
const RESTART_DELAY_MAX = 60_000;

export class DockerDaemon {
  readonly containers = new Map<string, DockerContainer>();
  readonly images = new Map<string, LocalImage>();
  /** Host ports in use on this machine: port → container id. */
  private hostPorts = new Map<number, string>();
  private listeners: DockerListener[] = [];
  private daemonListeners: ((running: boolean) => void)[] = [];
  private nameSeq = 0;
  /** Bytes used by images and by containers' writable layers. */
  imageBytes = 0;
  containerBytes = 0;
  running = true;
  /** When the daemon last started or stopped (for `systemctl status docker`). */
  since: Time;
  /** Programs this machine breaks whatever the image (a corrupted etcd data dir): image ref → behaviour. */
  readonly appOverrides = new Map<string, AppBehaviour>();
  /** Called whenever the bytes used on disk change. */
  diskHook: () => void = () => {};
  /** Whether the machine's disk is full (set by the machine). */
  diskFull: () => boolean = () => false;

  constructor(
    private readonly sim: SimContext,
    readonly hostName: string,
  ) {
    this.since = sim.now;
  }

  onChange(fn: DockerListener): void {
    this.listeners.push(fn);
  }

  /** Told when the daemon is stopped or started as a service (`systemctl stop|start docker`). */
  onDaemon(fn: (running: boolean) => void): void {
    this.daemonListeners.push(fn);
  }

  private emit(c: DockerContainer, change: DockerChange): void {
    for (const l of this.listeners) l(c, change);
  }

  // ------------------------------------------------------------------ images

  /** The local image a reference resolves to (`web:1.0`, or an ID prefix). */
  findImage(ref: string): LocalImage | undefined {
    for (const li of this.images.values()) if (li.tags.has(ref)) return li;
    if (/^[0-9a-f]{4,64}$/.test(ref)) for (const li of this.images.values()) if (li.info.id.slice(7).startsWith(ref)) return li;
    return undefined;
  }

  hasImage(ref: string): boolean {
    return this.findImage(ref) !== undefined;
  }

  /** Stores a pulled image under `ref`; a tag that pointed at another image leaves it dangling. */
  addImage(info: ImageInfo, ref: string): LocalImage {
    const prior = this.findImage(ref);
    if (prior && prior.info.id !== info.id) prior.tags.delete(ref);
    let li = this.images.get(info.id);
    if (!li) {
      li = { info, tags: new Set(), pulledAt: this.sim.now, lastUsed: this.sim.now };
      this.images.set(info.id, li);
      this.imageBytes += info.sizeBytes;
      this.diskHook();
    }
    li.tags.add(ref);
    return li;
  }

  /**
   * `docker pull`: asks the registry, and after the download time stores the image (or
   * reports the daemon's error). Returns how long it takes. A power cut aborts it.
   */
  pull(ref: string, done: (r: PullResult) => void): number {
    let r = this.sim.registry.pull(ref);
    if (r.ok && this.diskFull()) r = { ok: false, durationMs: r.durationMs, error: `failed to register layer: write /var/lib/docker/overlay2/${r.image.id.slice(7, 71)}/diff/app/node_modules/.package-lock.json: no space left on device` };
    const session = this.session;
    this.sim.at(this.sim.now + r.durationMs, () => {
      if (session !== this.session || !this.running) return;
      if (r.ok) this.addImage(r.image, normalizeImageRef(ref));
      done(r);
    });
    return r.durationMs;
  }

  /** Bumped whenever the daemon stops, so work started before cannot finish after. */
  session = 0;

  /** Containers (running or not) that use an image: such an image cannot be removed without -f. */
  imageUsers(id: string): DockerContainer[] {
    return [...this.containers.values()].filter((c) => c.imageId === id);
  }

  /** `docker rmi web:1.0`: the tag goes; the image stays until nothing refers to it. */
  untag(li: LocalImage, ref: string): void {
    li.tags.delete(ref);
  }

  removeImage(id: string): void {
    const li = this.images.get(id);
    if (!li) return;
    this.images.delete(id);
    this.imageBytes -= li.info.sizeBytes;
    this.diskHook();
  }

  // ------------------------------------------------------------------ containers

  /** A name like Docker's generator gives (`busy_turing`), unique on this host. */
  private generateName(): string {
    for (;;) {
      const n = `${ADJECTIVES[this.sim.rng.int(ADJECTIVES.length)]}_${SCIENTISTS[this.sim.rng.int(SCIENTISTS.length)]}`;
      const name = this.nameSeq++ > 50 ? `${n}${this.nameSeq}` : n;
      if (!this.byName(name)) return name;
    }
  }

  byName(name: string): DockerContainer | undefined {
    for (const c of this.containers.values()) if (c.name === name) return c;
    return undefined;
  }

  /** A container by name, full ID or unique ID prefix, as the docker CLI resolves it. */
  resolve(ref: string): DockerContainer | undefined {
    const byName = this.byName(ref.replace(/^\//, ''));
    if (byName) return byName;
    if (!/^[0-9a-f]+$/.test(ref)) return undefined;
    const hits = [...this.containers.values()].filter((c) => c.id.startsWith(ref));
    return hits.length === 1 ? hits[0] : undefined;
  }

  /** Who holds a host port, if anyone. */
  hostPortOwner(port: number): DockerContainer | undefined {
    const id = this.hostPorts.get(port);
    return id ? this.containers.get(id) : undefined;
  }

  create(opts: RunOptions): DockerContainer {
    const now = this.sim.now;
    const img = this.addImageUse(opts.image, opts.imageRef);
    const c: DockerContainer = {
      id: this.sim.rng.hex(64),
      name: opts.name ?? this.generateName(),
      image: opts.imageRef,
      imageId: opts.image.id,
      command: opts.command ?? opts.image.app.command,
      created: now,
      state: 'created',
      exitCode: 0,
      oomKilled: false,
      restartPolicy: opts.restart ? { name: opts.restart.name, maximumRetryCount: opts.restart.maximumRetryCount ?? 0 } : NO_RESTART,
      restartCount: 0,
      manuallyStopped: false,
      ports: opts.ports ?? NONE,
      env: opts.env?.length ? opts.env : NONE,
      labels: opts.labels ?? NO_LABELS,
      netnsOf: opts.netnsOf,
      sizeRw: 0,
      memoryLimit: opts.memoryLimit,
      ...(opts.autoRemove ? { autoRemove: true } : {}),
      app: this.appOverrides.get(normalizeImageRef(opts.imageRef)) ?? opts.image.app,
      log: NONE,
    };
    img.lastUsed = now;
    this.containers.set(c.id, c);
    this.emit(c, 'created');
    return c;
  }

  private addImageUse(info: ImageInfo, ref: string): LocalImage {
    return this.images.get(info.id) ?? this.addImage(info, ref);
  }

  /**
   * Starts a created or stopped container. Returns an error in the daemon's words when a
   * published host port is taken.
   */
  start(c: DockerContainer): string | undefined {
    if (c.state === 'running') return undefined;
    for (const p of c.ports) {
      const owner = this.hostPorts.get(p.hostPort);
      if (owner && owner !== c.id) {
        return `driver failed programming external connectivity on endpoint ${c.name} (${c.id}): Bind for ${p.hostIp}:${p.hostPort} failed: port is already allocated`;
      }
    }
    for (const p of c.ports) this.hostPorts.set(p.hostPort, c.id);
    this.clearTimers(c);
    const now = this.sim.now;
    c.app = this.appOverrides.get(normalizeImageRef(c.image)) ?? this.images.get(c.imageId)?.info.app ?? c.app;
    c.state = 'running';
    c.startedAt = now;
    c.finishedAt = undefined;
    c.exitCode = 0;
    c.oomKilled = false;
    c.exitReason = undefined;
    c.servingSince = undefined;
    c.manuallyStopped = false;
    c.sizeRw += 32 * 1024;
    this.containerBytes += 32 * 1024;
    for (const line of c.app.startLog) this.appendLog(c, line);
    this.emit(c, 'started');
    this.runProgram(c);
    return undefined;
  }

  /** What the program does once running: clash on a port, crash, finish, or start serving. */
  private runProgram(c: DockerContainer): void {
    const app = c.app;
    if (app.serves && this.diskFull()) {
      this.later(c, 500, () => this.crashNoSpace(c));
      return;
    }
    const clash = this.portClash(c);
    if (clash !== undefined) {
      this.appendLog(c, app.serves ? `Error: listen EADDRINUSE: address already in use :::${clash}` : `bind() to 0.0.0.0:${clash} failed (98: Address already in use)`);
      this.later(c, 200, () => this.exit(c, 1, 'Error'));
      return;
    }
    if (app.crash) {
      const crash = app.crash;
      this.later(c, crash.afterMs, () => {
        for (const line of crash.log) this.appendLog(c, line);
        this.exit(c, crash.exitCode, 'Error');
      });
      return;
    }
    if (app.completesAfterMs !== undefined) {
      this.later(c, app.completesAfterMs, () => this.exit(c, 0, 'Completed'));
      return;
    }
    if (app.startupMs <= 0) {
      // Serving at once (the pause container): no timer needed.
      c.servingSince = this.sim.now;
      this.emit(c, 'serving');
      return;
    }
    this.later(c, app.startupMs, () => {
      if (c.state !== 'running') return;
      c.servingSince = this.sim.now;
      this.emit(c, 'serving');
    });
  }

  /** The first port this container's program would bind that another running container in its network namespace already holds. */
  private portClash(c: DockerContainer): number | undefined {
    if (!c.netnsOf || !c.app.ports.length) return undefined;
    for (const other of this.containers.values()) {
      if (other === c || other.state !== 'running' || other.netnsOf !== c.netnsOf) continue;
      for (const p of c.app.ports) if (other.app.ports.includes(p)) return p;
    }
    return undefined;
  }

  appendLog(c: DockerContainer, line: string): void {
    if (c.log === NONE) c.log = [];
    c.log.push(line);
    if (c.log.length > MAX_LOG_LINES) c.log.splice(0, c.log.length - MAX_LOG_LINES);
  }

  private clearTimers(c: DockerContainer): void {
    if (c.timer) c.timer.cancelled = true;
    c.timer = undefined;
  }

  /** Sets the program's one pending timer. */
  private later(c: DockerContainer, ms: number, fn: () => void): void {
    this.clearTimers(c);
    const t = this.sim.at(this.sim.now + ms, () => {
      if (c.timer === t) c.timer = undefined;
      fn();
    });
    c.timer = t;
  }

  /** The program ended (crash, OOM kill, completion, signal). */
  exit(c: DockerContainer, code: number, reason: string): void {
    if (c.state !== 'running') return;
    this.clearTimers(c);
    c.state = 'exited';
    c.exitCode = code;
    c.exitReason = reason;
    c.oomKilled = reason === 'OOMKilled';
    c.finishedAt = this.sim.now;
    c.servingSince = undefined;
    this.releasePorts(c);
    this.emit(c, 'exited');
    this.applyRestartPolicy(c);
    if (c.autoRemove && c.state === 'exited') this.remove(c);
  }

  private releasePorts(c: DockerContainer): void {
    for (const p of c.ports) if (this.hostPorts.get(p.hostPort) === c.id) this.hostPorts.delete(p.hostPort);
  }

  private applyRestartPolicy(c: DockerContainer): void {
    if (!this.running || c.manuallyStopped) return;
    const p = c.restartPolicy;
    const wants =
      p.name === 'always' ||
      p.name === 'unless-stopped' ||
      (p.name === 'on-failure' && c.exitCode !== 0 && (p.maximumRetryCount === 0 || c.restartCount < p.maximumRetryCount));
    if (!wants) return;
    const ranFor = (c.finishedAt ?? 0) - (c.startedAt ?? 0);
    // Docker resets its back-off once a container has run for 10 s.
    const attempt = ranFor >= 10_000 ? 0 : Math.min(c.restartCount, 20);
    const delay = Math.min(RESTART_DELAY_MAX, RESTART_DELAY_MIN * 2 ** attempt);
    c.state = 'restarting';
    this.emit(c, 'restarting');
    this.later(c, delay, () => {
      if (c.state !== 'restarting' || !this.running) return;
      c.restartCount++;
      c.state = 'exited';
      const err = this.start(c);
      if (err) {
        c.state = 'exited';
        c.exitCode = 128;
        c.finishedAt = this.sim.now;
      }
    });
  }

  /** The disk is full: every program that writes dies (the app logs every request). */
  outOfSpace(): void {
    for (const c of [...this.containers.values()]) if (c.state === 'running' && c.app.serves) this.crashNoSpace(c);
  }

  private crashNoSpace(c: DockerContainer): void {
    if (c.state !== 'running') return;
    this.appendLog(c, "Error: ENOSPC: no space left on device, write '/app/logs/access.log'");
    this.exit(c, 1, 'Error');
  }

  /** `docker stop`: SIGTERM, then the program exits after its stop time (SIGKILL after `timeoutS`). */
  stop(c: DockerContainer, timeoutS = 10, onStopped?: () => void): number {
    c.manuallyStopped = true;
    if (c.state === 'restarting') {
      this.clearTimers(c);
      c.state = 'exited';
      onStopped?.();
      return 0;
    }
    if (c.state !== 'running') {
      onStopped?.();
      return 0;
    }
    const ms = Math.min(c.app.stopMs, timeoutS * 1000);
    const killed = c.app.stopMs > timeoutS * 1000;
    this.later(c, ms, () => {
      this.exitQuietly(c, killed ? 137 : c.app.serves ? 0 : 143, killed ? 'Error' : 'Completed');
      onStopped?.();
    });
    return ms;
  }

  /** `docker kill` / SIGKILL: the program dies at once with 137. */
  kill(c: DockerContainer): void {
    c.manuallyStopped = true;
    if (c.state === 'restarting') {
      this.clearTimers(c);
      c.state = 'exited';
      return;
    }
    this.exitQuietly(c, 137, 'Error');
  }

  /** An exit that the restart policy ignores (the user stopped it). */
  private exitQuietly(c: DockerContainer, code: number, reason: string): void {
    if (c.state !== 'running') return;
    const saved = c.manuallyStopped;
    c.manuallyStopped = true;
    this.exit(c, code, reason);
    c.manuallyStopped = saved;
  }

  /** `docker update`: a new restart policy or memory limit for an existing container. */
  update(c: DockerContainer, changes: { restart?: { name: RestartPolicyName; maximumRetryCount?: number }; memoryLimit?: number }): void {
    if (changes.restart) c.restartPolicy = { name: changes.restart.name, maximumRetryCount: changes.restart.maximumRetryCount ?? 0 };
    if (changes.memoryLimit !== undefined) c.memoryLimit = changes.memoryLimit;
  }

  /** `docker rm`: the container and its writable layer are gone. */
  remove(c: DockerContainer): void {
    if (!this.containers.has(c.id)) return;
    this.clearTimers(c);
    if (c.state === 'running') this.exitQuietly(c, 137, 'Error');
    // A --rm container removes itself as it exits.
    if (!this.containers.has(c.id)) return;
    this.releasePorts(c);
    this.containers.delete(c.id);
    this.containerBytes -= c.sizeRw;
    this.emit(c, 'removed');
    this.diskHook();
  }

  /** Makes a container's writable layer grow (logs, temp files). */
  write(c: DockerContainer, bytes: number): void {
    c.sizeRw += bytes;
    this.containerBytes += bytes;
    this.diskHook();
  }

  /** Power is cut: every program stops where it stands; nothing is told. */
  powerLoss(): void {
    this.running = false;
    this.since = this.sim.now;
    this.session++;
    for (const c of this.containers.values()) {
      this.clearTimers(c);
      if (c.state === 'running' || c.state === 'restarting') {
        c.state = 'running'; // as recorded on disk; fixed up when the daemon starts again
        c.servingSince = undefined;
        this.emit(c, 'lost');
      }
    }
    this.hostPorts.clear();
  }

  /** A clean shutdown (reboot): SIGTERM to everything. */
  shutdown(): void {
    for (const c of this.containers.values()) {
      if (c.state === 'running') this.exitQuietly(c, c.app.serves ? 0 : 143, 'Completed');
      else if (c.state === 'restarting') {
        this.clearTimers(c);
        c.state = 'exited';
      }
    }
    this.running = false;
    this.since = this.sim.now;
    this.session++;
  }

  /**
   * The daemon starts (boot): containers it last saw running are marked dead (255), then
   * those whose restart policy says so are started again.
   */
  startDaemon(lostPowerAt?: Time): void {
    this.running = true;
    this.since = this.sim.now;
    for (const c of this.containers.values()) {
      if (c.state === 'running') {
        c.state = 'exited';
        c.exitCode = 255;
        c.exitReason = 'Error';
        c.finishedAt = lostPowerAt ?? this.sim.now;
      }
    }
    for (const c of [...this.containers.values()]) {
      const p = c.restartPolicy.name;
      const back = p === 'always' || (p === 'unless-stopped' && !c.manuallyStopped) || (p === 'on-failure' && c.exitCode !== 0);
      if (back && !c.labels['io.kubernetes.pod.uid']) this.start(c);
    }
  }

  /** `systemctl stop docker`: a clean shutdown while the machine stays on; every container stops. */
  stopService(): void {
    if (!this.running) return;
    this.shutdown();
    for (const l of this.daemonListeners) l(false);
  }

  /** `systemctl start docker`: containers come back as their restart policies say. */
  startService(): void {
    if (this.running) return;
    this.startDaemon();
    for (const l of this.daemonListeners) l(true);
  }

  diskBytes(): number {
    return this.imageBytes + this.containerBytes;
  }
}

// A few of the names Docker's namesgenerator combines.
const ADJECTIVES = ['admiring', 'agitated', 'amazing', 'angry', 'awesome', 'blissful', 'bold', 'brave', 'busy', 'charming', 'clever', 'cool', 'dazzling', 'eager', 'ecstatic', 'elegant', 'epic', 'festive', 'focused', 'friendly', 'gallant', 'gifted', 'happy', 'hopeful', 'jolly', 'keen', 'kind', 'laughing', 'loving', 'lucid', 'modest', 'nifty', 'nostalgic', 'peaceful', 'pensive', 'quirky', 'relaxed', 'serene', 'sharp', 'sleepy', 'stoic', 'sweet', 'tender', 'trusting', 'upbeat', 'vibrant', 'wizardly', 'youthful', 'zealous'];
const SCIENTISTS = ['almeida', 'babbage', 'bardeen', 'bose', 'curie', 'darwin', 'dijkstra', 'einstein', 'euclid', 'fermat', 'feynman', 'galileo', 'goldberg', 'hamilton', 'hopper', 'hypatia', 'kepler', 'knuth', 'lamarr', 'liskov', 'lovelace', 'meitner', 'mirzakhani', 'montalcini', 'newton', 'noether', 'pascal', 'pike', 'ritchie', 'shannon', 'sinoussi', 'thompson', 'torvalds', 'turing', 'wozniak', 'yonath'];
