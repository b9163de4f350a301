/**
 * A server in the town: its hardware (CPU, memory, disk), its power, and the Docker daemon
 * on it. Whether it is a Kubernetes node is the kubelet's business; the machine only knows
 * whether it is on.
 */
import type { Time } from '../api/types.js';
import type { SimContext } from '../context.js';
import { DockerDaemon } from './docker.js';

export type PowerState = 'on' | 'off' | 'booting';
export type MachineRole = 'control-plane' | 'worker';
export type PowerListener = (m: Machine, change: 'off' | 'booted' | 'shutdown') => void;

export interface MachineSpec {
  name: string;
  role: MachineRole;
  ip: string;
  cpuMilli: number;
  memoryBytes: number;
  diskBytes: number;
  /** How long a boot takes, sim ms. */
  bootMs?: number;
}

/** What the OS, logs and the kubelet's own files take before any image. */
const OS_BYTES = 6.2 * 1024 ** 3;

export class Machine {
  readonly docker: DockerDaemon;
  power: PowerState = 'on';
  bootId: string;
  bootedAt: Time;
  /** When power was last lost (or the machine shut down), if it is not on. */
  downSince?: Time;
  /** Files outside Docker (logs, dumps) that fill the disk. */
  junkBytes = 0;
  readonly osBytes = OS_BYTES;
  private listeners: PowerListener[] = [];
  private diskListeners: (() => void)[] = [];

  constructor(
    private readonly sim: SimContext,
    readonly spec: MachineSpec,
    bootedAt: Time,
  ) {
    this.docker = new DockerDaemon(sim, spec.name);
    this.bootId = sim.rng.uuid();
    this.bootedAt = bootedAt;
    this.docker.diskHook = () => this.diskChanged();
    this.docker.diskFull = () => this.diskFree() <= 0;
  }

  get name(): string {
    return this.spec.name;
  }

  get isOn(): boolean {
    return this.power === 'on';
  }

  onPower(fn: PowerListener): void {
    this.listeners.push(fn);
  }

  onDisk(fn: () => void): void {
    this.diskListeners.push(fn);
  }

  diskChanged(): void {
    for (const l of this.diskListeners) l();
    // A full disk: programs that write (logs, temp files) die with ENOSPC.
    if (this.isOn && this.diskFree() <= 0) this.docker.outOfSpace();
  }

  diskUsed(): number {
    return this.osBytes + this.junkBytes + this.docker.diskBytes();
  }

  diskFree(): number {
    return Math.max(0, this.spec.diskBytes - this.diskUsed());
  }

  /** Power is cut: everything stops at once. */
  powerOff(): void {
    if (this.power === 'off') return;
    this.power = 'off';
    this.downSince = this.sim.now;
    this.docker.powerLoss();
    for (const l of this.listeners) l(this, 'off');
  }

  /** Power comes back; the machine boots and its daemons start after `bootMs`. */
  powerOn(): void {
    if (this.power !== 'off') return;
    this.power = 'booting';
    this.sim.at(this.sim.now + (this.spec.bootMs ?? 45_000), () => this.finishBoot());
  }

  /** A clean reboot (kernel update): programs get SIGTERM, the machine is back after a boot. */
  reboot(): void {
    if (this.power !== 'on') return;
    this.docker.shutdown();
    this.power = 'off';
    this.downSince = this.sim.now;
    for (const l of this.listeners) l(this, 'shutdown');
    this.powerOn();
  }

  private finishBoot(): void {
    if (this.power !== 'booting') return;
    this.power = 'on';
    this.bootId = this.sim.rng.uuid();
    this.bootedAt = this.sim.now;
    this.docker.startDaemon(this.downSince);
    this.downSince = undefined;
    for (const l of this.listeners) l(this, 'booted');
  }

  /** Writes files outside Docker (a runaway log); negative frees them. */
  writeJunk(bytes: number): void {
    this.junkBytes = Math.max(0, this.junkBytes + bytes);
    this.diskChanged();
  }
}
