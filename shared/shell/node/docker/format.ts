/**
 * How the docker CLI and daemon word a container: its STATUS (moby's State.String), PORTS
 * (the CLI's DisplayablePorts), IMAGE (a familiar reference, or the image ID for the
 * kubelet's containers), and sizes the way go-units prints them.
 */
import type { DockerContainer, PortMapping } from '../../../sim/runtime/docker.js';
import { formatDockerSize } from '../../../sim/api/quantity.js';
import { dockerDuration } from '../../duration.js';
import { fullCommand } from './image-config.js';

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** `Up 2 hours`, `Exited (137) 5 minutes ago`, `Restarting (1) 3 seconds ago`, `Created`. */
export function statusText(c: DockerContainer, now: number): string {
  switch (c.state) {
    case 'running':
      return `Up ${dockerDuration(now - (c.startedAt ?? now))}`;
    case 'restarting':
      return `Restarting (${c.exitCode}) ${dockerDuration(now - (c.finishedAt ?? now))} ago`;
    case 'dead':
      return 'Dead';
    default:
      if (c.startedAt === undefined) return 'Created';
      if (c.finishedAt === undefined) return '';
      return `Exited (${c.exitCode}) ${dockerDuration(now - c.finishedAt)} ago`;
  }
}

/** Running or restarting: what `docker ps` lists without -a, and what prune keeps. */
export function isActive(c: DockerContainer): boolean {
  return c.state === 'running' || c.state === 'restarting';
}

/** The published ports a running container holds, both address families for a wildcard bind. */
export function bindings(c: DockerContainer): { ip: string; port: PortMapping }[] {
  const out: { ip: string; port: PortMapping }[] = [];
  for (const p of c.ports) {
    const wildcard = !p.hostIp || p.hostIp === '0.0.0.0';
    out.push({ ip: wildcard ? '0.0.0.0' : p.hostIp, port: p });
    if (wildcard) out.push({ ip: '::', port: p });
  }
  return out;
}

/**
 * `0.0.0.0:80->8080/tcp, [::]:80->8080/tcp`, only while the container runs. As the CLI's
 * DisplayablePorts: same-number bindings are grouped into ranges (`0.0.0.0:80->80/tcp,
 * :::80->80/tcp`, the address unbracketed), the others listed after them.
 */
export function portsText(c: DockerContainer): string {
  if (c.state !== 'running') return '';
  const sorted = bindings(c).sort((a, b) => a.port.containerPort - b.port.containerPort || (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0) || a.port.hostPort - b.port.hostPort);
  const groups = new Map<string, { first: number; last: number }[]>();
  const mappings: string[] = [];
  for (const { ip, port } of sorted) {
    if (port.hostPort !== port.containerPort) {
      mappings.push(`${ip.includes(':') ? `[${ip}]` : ip}:${port.hostPort}->${port.containerPort}/${port.protocol}`);
      continue;
    }
    const key = `${ip}/${port.protocol}`;
    const runs = groups.get(key) ?? [];
    const last = runs.at(-1);
    if (last && port.containerPort === last.last + 1) last.last = port.containerPort;
    else runs.push({ first: port.containerPort, last: port.containerPort });
    groups.set(key, runs);
  }
  const grouped: string[] = [];
  for (const [key, runs] of groups) {
    const [ip, proto] = key.split('/');
    for (const r of runs) {
      const range = r.first === r.last ? `${r.first}` : `${r.first}-${r.last}`;
      grouped.push(`${ip}:${range}->${range}/${proto}`);
    }
  }
  return [...grouped, ...mappings].join(', ');
}

/** `docker.io/library/web:1.0` → `web:1.0`, as reference.FamiliarString prints it. */
export function familiar(ref: string): string {
  return ref.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '').replace(/^library\//, '');
}

/** The kubelet's app containers are created from the image ID (cri-dockerd), its sandboxes by name. */
function createdById(c: DockerContainer): boolean {
  const name = c.labels['io.kubernetes.container.name'];
  return name !== undefined && name !== 'POD';
}

/** The IMAGE column. */
export function imageText(c: DockerContainer, trunc: boolean): string {
  if (createdById(c)) return trunc ? shortId(c.imageId) : c.imageId;
  return familiar(c.image);
}

/** A command as the COMMAND column shows it: quoted, cut to 20 characters (stringid Ellipsis). */
export function commandColumn(command: string): string {
  return JSON.stringify([...command].length > 20 ? `${[...command].slice(0, 19).join('')}…` : command);
}

/** The COMMAND column: quoted, and cut to 20 characters unless --no-trunc. */
export function commandText(c: DockerContainer, trunc: boolean): string {
  return trunc ? c.command : JSON.stringify(fullCommand(c));
}

/** go-units HumanSize (`%.4g` with decimal units): `2.147GB`, `0B`. */
export function humanSize(bytes: number): string {
  return formatDockerSize(bytes, 4);
}
