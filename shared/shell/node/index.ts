/** The programs on a node's shell: docker and the tools a sysadmin reaches for there. */
import type { Command } from '../types.js';
import { crictl } from './crictl.js';
import { df } from './df.js';
import { docker } from './docker/index.js';
import { free } from './free.js';
import { journalctl } from './journalctl.js';
import { reboot, shutdown } from './reboot.js';
import { systemctl } from './systemctl.js';
import { uptime } from './uptime.js';

export const nodePrograms: Record<string, Command> = {
  docker: { run: docker, help: 'the container runtime: docker ps -a, docker restart web, docker logs web, ...' },
  df: { run: df, help: 'disk space: df -h' },
  free: { run: free, help: 'memory: free -m' },
  uptime: { run: uptime, help: 'how long since the server booted, and its load' },
  systemctl: { run: systemctl, help: 'services: systemctl status kubelet, systemctl restart docker' },
  journalctl: { run: journalctl, help: "a service's log: journalctl -u kubelet" },
  crictl: { run: crictl, help: "the kubelet's containers: crictl ps, crictl pods" },
  reboot: { run: reboot, help: 'reboot this server (your ssh session ends)' },
  shutdown: { run: shutdown, help: 'shutdown -r now: reboot' },
};
