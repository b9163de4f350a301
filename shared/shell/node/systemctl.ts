/**
 * `systemctl status|start|stop|restart|is-active` for the node's services. Restarting the
 * kubelet clears its in-memory back-offs, as a real restart does; stopping docker stops every
 * container on the node.
 */
import type { Cluster } from '../../sim/cluster.js';
import type { Machine } from '../../sim/runtime/machine.js';
import { suggest } from '../flags.js';
import { result, type Program, type ShellResult } from '../types.js';
import { systemdAgo, systemdTime } from './clock.js';
import { DOCKER_DESCRIPTION, dockerdPid, journal, KUBELET_DESCRIPTION, kubeletPid } from './journal.js';
import { hostMachine } from './session.js';

interface UnitState {
  active: boolean;
  since: number;
  pid: number;
}

interface Unit {
  name: string;
  description: string;
  loaded: string;
  dropIn?: string[];
  docs: string;
  command: string;
  memory: (m: Machine) => number;
  state(c: Cluster, m: Machine): UnitState;
  start?(c: Cluster, m: Machine): void;
  stop?(c: Cluster, m: Machine): void;
  journal?: 'kubelet' | 'docker';
}

const MiB = 1024 * 1024;

const UNITS: Unit[] = [
  {
    name: 'kubelet.service',
    description: KUBELET_DESCRIPTION,
    loaded: 'loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)',
    dropIn: ['/usr/lib/systemd/system/kubelet.service.d', '└─10-kubeadm.conf'],
    docs: 'https://kubernetes.io/docs/',
    command:
      '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/cri-dockerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10',
    memory: () => 52.3 * MiB,
    state(c, m) {
      const k = c.kubelets.get(m.name)!;
      return { active: k.running, since: k.running ? k.startedAt : (k.stoppedAt ?? m.bootedAt), pid: kubeletPid(m, k) };
    },
    start: (c, m) => c.kubelets.get(m.name)!.startService(),
    stop: (c, m) => c.kubelets.get(m.name)!.stopService(),
    journal: 'kubelet',
  },
  {
    name: 'docker.service',
    description: DOCKER_DESCRIPTION,
    loaded: 'loaded (/usr/lib/systemd/system/docker.service; enabled; preset: enabled)',
    docs: 'https://docs.docker.com',
    command: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
    memory: () => 86.1 * MiB,
    state: (_c, m) => ({ active: m.docker.running, since: m.docker.since, pid: dockerdPid(m) }),
    start: (_c, m) => m.docker.startService(),
    stop: (_c, m) => m.docker.stopService(),
    journal: 'docker',
  },
  {
    name: 'containerd.service',
    description: 'containerd container runtime',
    loaded: 'loaded (/usr/lib/systemd/system/containerd.service; enabled; preset: enabled)',
    docs: 'https://containerd.io',
    command: '/usr/bin/containerd',
    memory: () => 41.7 * MiB,
    state: (_c, m) => ({ active: true, since: m.bootedAt, pid: 412 }),
  },
  {
    name: 'cri-docker.service',
    description: 'CRI Interface for Docker Application Container Engine',
    loaded: 'loaded (/usr/lib/systemd/system/cri-docker.service; enabled; preset: enabled)',
    docs: 'https://docs.mirantis.com',
    command: '/usr/bin/cri-dockerd --container-runtime-endpoint fd:// --network-plugin=cni',
    memory: () => 24.9 * MiB,
    state: (_c, m) => ({ active: m.docker.running, since: m.docker.since + 1000, pid: dockerdPid(m) + 37 }),
  },
  {
    name: 'ssh.service',
    description: 'OpenBSD Secure Shell server',
    loaded: 'loaded (/usr/lib/systemd/system/ssh.service; enabled; preset: enabled)',
    docs: 'man:sshd(8)',
    command: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
    memory: () => 4.2 * MiB,
    state: (_c, m) => ({ active: true, since: m.bootedAt, pid: 988 }),
  },
];

/** `docker`, `docker.service` → the unit. */
function unitOf(name: string): Unit | undefined {
  const full = name.includes('.') ? name : `${name}.service`;
  return UNITS.find((u) => u.name === full || (name === 'sshd' && u.name === 'ssh.service'));
}

function fullName(name: string): string {
  return name.includes('.') ? name : `${name}.service`;
}

function status(c: Cluster, m: Machine, u: Unit): string {
  const s = u.state(c, m);
  const ago = systemdAgo(c.now - s.since);
  const lines = [`${s.active ? '●' : '○'} ${u.name} - ${u.description}`, `     Loaded: ${u.loaded}`];
  if (u.dropIn) lines.push(`    Drop-In: ${u.dropIn[0]}`, ...u.dropIn.slice(1).map((x) => `             ${x}`));
  lines.push(`     Active: ${s.active ? 'active (running)' : 'inactive (dead)'} since ${systemdTime(s.since, c.epochMs)}; ${ago}`, `       Docs: ${u.docs}`);
  if (s.active) {
    lines.push(`   Main PID: ${s.pid} (${u.command.split(' ')[0].split('/').pop()!.replace(/:$/, '')})`, `      Tasks: ${12 + (s.pid % 9)} (limit: 9387)`, `     Memory: ${(u.memory(m) / MiB).toFixed(1)}M`, `     CGroup: /system.slice/${u.name}`, `             └─${s.pid} ${u.command}`);
  } else {
    lines.push(`   Main PID: ${s.pid} (code=exited, status=0/SUCCESS)`);
  }
  const tail = u.journal ? journal(c, m, [u.journal]).slice(-10) : [];
  return `${lines.join('\n')}\n${tail.length ? `\n${tail.join('\n')}\n` : ''}`;
}

/** `systemctl status` without a unit: the machine. */
function overview(c: Cluster, m: Machine): string {
  return `● ${m.name}\n    State: running\n    Units: 231 loaded (incl. loaded aliases)\n     Jobs: 0 queued\n   Failed: 0 units\n    Since: ${systemdTime(m.bootedAt, c.epochMs)}; ${systemdAgo(c.now - m.bootedAt)}\n  systemd: 255.4-1ubuntu8.4\n   CGroup: /\n`;
}

const VERBS = ['status', 'start', 'stop', 'restart', 'is-active', 'list-units'];

export const systemctl: Program = (ctx, args) => {
  const m = hostMachine(ctx);
  const c = ctx.cluster;
  const words = args.filter((a) => !a.startsWith('-'));
  const [verb = 'list-units', ...names] = words;
  if (!VERBS.includes(verb)) {
    const near = suggest(verb, VERBS, 2)[0];
    return result(`Unknown command verb '${verb}'${near ? `, did you mean '${near}'?` : '.'}\n`, 1, 'none');
  }
  if (verb === 'list-units') {
    const rows = UNITS.map((u) => {
      const s = u.state(c, m);
      return `  ${u.name.padEnd(20)} loaded ${s.active ? 'active   running' : 'inactive dead   '} ${u.description}`;
    });
    return result(`  UNIT                 LOAD   ACTIVE   SUB     DESCRIPTION\n${rows.join('\n')}\n\n${UNITS.length} loaded units listed.\n`, 0, 'read');
  }
  if (!names.length) return verb === 'status' ? result(overview(c, m), 0, 'read') : result('Too few arguments.\n', 1, 'none');
  if (verb === 'status' || verb === 'is-active') {
    let out = '';
    let code = 0;
    for (const n of names) {
      const u = unitOf(n);
      if (!u) {
        out += verb === 'status' ? `Unit ${fullName(n)} could not be found.\n` : 'inactive\n';
        code = verb === 'status' ? 4 : 3;
        continue;
      }
      const active = u.state(c, m).active;
      out += verb === 'status' ? status(c, m, u) : `${active ? 'active' : 'inactive'}\n`;
      if (!active) code = Math.max(code, 3);
    }
    return result(out, code, 'read');
  }
  return act(c, m, verb, names);
};

/** start / stop / restart: systemd answers nothing when it works. */
function act(c: Cluster, m: Machine, verb: string, names: string[]): ShellResult {
  let busyMs = 0;
  for (const n of names) {
    const u = unitOf(n);
    if (!u) return result(`Failed to ${verb} ${fullName(n)}: Unit ${fullName(n)} not found.\n`, 5, 'none');
    // The other services have no part in the night: restarting them changes nothing.
    if (verb !== 'start') u.stop?.(c, m);
    if (verb !== 'stop') u.start?.(c, m);
    // Docker takes a moment to stop its containers and come back.
    if (u.name === 'docker.service') busyMs = Math.max(busyMs, verb === 'start' ? 800 : 2500);
  }
  return { text: '', exitCode: 0, busyMs, progress: busyMs ? `systemctl ${verb} ${names.join(' ')}` : undefined, effect: 'manual' };
}
