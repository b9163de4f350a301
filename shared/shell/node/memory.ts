/**
 * The node's memory as the kernel would report it: what the OS and its daemons use, plus
 * each running container's program. One model for `free` and `systemctl status`.
 */
import type { Machine } from '../../sim/runtime/machine.js';

const MiB = 1024 * 1024;

export interface MemInfo {
  total: number;
  used: number;
  free: number;
  shared: number;
  buffCache: number;
  available: number;
}

/** Bytes. The kernel keeps ~3 % for itself; the page cache fills what programs leave. */
export function memInfo(m: Machine): MemInfo {
  const total = Math.floor((m.spec.memoryBytes * 0.97) / 1024) * 1024;
  let running = 0;
  let programs = 0;
  for (const c of m.docker.containers.values()) {
    if (c.state !== 'running') continue;
    running++;
    programs += c.app.memoryBytes;
  }
  // systemd, journald, sshd, containerd, dockerd and the kubelet.
  const system = 520 * MiB;
  const used = Math.min(total - 64 * MiB, system + programs);
  const buffCache = Math.max(0, Math.min(Math.floor(total * 0.18), total - used - 32 * MiB));
  const free = total - used - buffCache;
  const shared = Math.round(1.2 * MiB + running * 0.1 * MiB);
  const available = Math.min(total - used, free + Math.floor(buffCache * 0.85));
  return { total, used, free, shared, buffCache, available };
}
