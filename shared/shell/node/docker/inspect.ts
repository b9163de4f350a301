/**
 * `docker inspect`: the daemon's JSON for containers and images, trimmed to what matters here
 * (state, exit code, restart policy, ports, image, command), indented as the CLI prints it.
 * `-f '{{.State.ExitCode}}'` reads one field.
 */
import type { DockerContainer, LocalImage } from '../../../sim/runtime/docker.js';
import type { Machine } from '../../../sim/runtime/machine.js';
import { normalizeImageRef } from '../../../sim/registry.js';
import { str } from '../../flags.js';
import { result, type ShellContext } from '../../types.js';
import type { DockerCommand, DockerFlag } from './cli.js';
import { bindings, familiar, isActive } from './format.js';
import { goTime } from '../clock.js';
import { layersOf, manifestDigest, pidOf } from './ids.js';
import { commandParts, imageConfig } from './image-config.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const FORMAT: DockerFlag = { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' };

/** The bridge address Docker gave a running container: in the order they started. */
function bridgeIp(m: Machine, c: DockerContainer): string {
  const onBridge = [...m.docker.containers.values()]
    .filter((x) => x.state === 'running' && !x.netnsOf && !x.labels['io.kubernetes.pod.uid'])
    .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0) || (a.id < b.id ? -1 : 1));
  const i = onBridge.indexOf(c);
  return i < 0 ? '' : `172.17.0.${2 + i}`;
}

export function containerJson(ctx: ShellContext, m: Machine, c: DockerContainer): Json {
  const epoch = ctx.cluster.epochMs;
  const { path, args } = commandParts(c);
  const cfg = imageConfig(c.image);
  const running = c.state === 'running';
  const ports: { [k: string]: Json } = {};
  const portBindings: { [k: string]: Json } = {};
  for (const p of c.ports) portBindings[`${p.containerPort}/${p.protocol}`] = [{ HostIp: p.hostIp === '0.0.0.0' ? '' : p.hostIp, HostPort: String(p.hostPort) }];
  if (running) {
    for (const { ip, port } of bindings(c)) {
      const key = `${port.containerPort}/${port.protocol}`;
      ports[key] = [...((ports[key] as Json[]) ?? []), { HostIp: ip, HostPort: String(port.hostPort) }];
    }
  }
  const pod = c.labels['io.kubernetes.pod.uid'] !== undefined;
  const networkMode = c.netnsOf ? `container:${c.netnsOf}` : pod ? 'none' : 'bridge';
  const ip = running && networkMode === 'bridge' ? bridgeIp(m, c) : '';
  return {
    Id: c.id,
    Created: goTime(c.created, epoch),
    Path: path,
    Args: args,
    State: {
      Status: c.state,
      Running: isActive(c),
      Paused: false,
      Restarting: c.state === 'restarting',
      OOMKilled: c.oomKilled,
      Dead: c.state === 'dead',
      Pid: running ? pidOf(`${m.bootId}/${c.id}/${c.startedAt}`) : 0,
      ExitCode: c.exitCode,
      Error: '',
      StartedAt: goTime(c.startedAt, epoch),
      FinishedAt: goTime(c.finishedAt, epoch),
    },
    Image: c.imageId,
    LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    HostConfig: {
      NetworkMode: networkMode,
      PortBindings: portBindings,
      RestartPolicy: { Name: c.restartPolicy.name, MaximumRetryCount: c.restartPolicy.maximumRetryCount },
      AutoRemove: c.autoRemove ?? false,
      Memory: c.memoryLimit ?? 0,
    },
    Config: {
      Hostname: c.id.slice(0, 12),
      Env: [...cfg.env, ...c.env],
      Cmd: cfg.entrypoint ? args : [path, ...args],
      Image: c.image,
      Entrypoint: cfg.entrypoint && cfg.entrypoint[0] === path ? cfg.entrypoint : null,
      Labels: { ...c.labels },
    },
    NetworkSettings: {
      Ports: ports,
      Gateway: ip ? '172.17.0.1' : '',
      IPAddress: ip,
      IPPrefixLen: ip ? 16 : 0,
    },
  };
}

export function imageJson(ctx: ShellContext, li: LocalImage): Json {
  const cfg = imageConfig(li.info.ref);
  const repos = [...new Set([...li.tags].map((t) => familiar(t).replace(/:[^:/]+$/, '')))];
  return {
    Id: li.info.id,
    RepoTags: [...li.tags].sort().map(familiar),
    RepoDigests: repos.map((r) => `${r}@${manifestDigest(li.info.id)}`),
    Parent: '',
    Comment: '',
    Created: goTime(li.info.created, ctx.cluster.epochMs),
    Config: {
      Env: cfg.env,
      Cmd: cfg.cmd,
      Entrypoint: cfg.entrypoint,
      ExposedPorts: cfg.exposedPorts.length ? Object.fromEntries(cfg.exposedPorts.map((p) => [p, {}])) : null,
    },
    Architecture: 'amd64',
    Os: 'linux',
    Size: li.info.sizeBytes,
    RootFS: { Type: 'layers', Layers: layersOf(li.info.id).map((l) => l.chain) },
  };
}

/** encoding/json with MarshalIndent(v, "", "    "): HTML characters escaped, as Go does. */
export function goJson(v: Json, indent = 4): string {
  return JSON.stringify(v, null, indent).replace(/[<>&]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
}

/** `{{.State.ExitCode}}`, `{{json .Config.Env}}`: the small part of Go templates people type. */
export function applyTemplate(template: string, v: Json): string {
  return template.replace(/\{\{\s*(json\s+)?\.([\w.]*)\s*\}\}/g, (_all, json: string | undefined, path: string) => {
    let cur: Json | undefined = v;
    for (const key of path.split('.').filter(Boolean)) cur = cur && typeof cur === 'object' && !Array.isArray(cur) ? cur[key] : undefined;
    if (cur === undefined) return '<no value>';
    if (json) return goJson(cur, 0).replace(/\n\s*/g, '');
    if (cur === null) return '<nil>';
    if (Array.isArray(cur)) return `[${cur.map((x) => (typeof x === 'object' ? goJson(x, 0) : String(x))).join(' ')}]`;
    if (typeof cur === 'object') return `map[${Object.keys(cur).sort().map((k) => `${k}:${typeof cur[k] === 'object' ? goJson(cur[k], 0) : String(cur[k])}`).join(' ')}]`;
    return String(cur);
  });
}

type Kind = 'container' | 'image' | undefined;

function lookup(ctx: ShellContext, m: Machine, ref: string, kind: Kind): Json | undefined {
  if (kind !== 'image') {
    const c = m.docker.resolve(ref);
    if (c) return containerJson(ctx, m, c);
  }
  if (kind !== 'container') {
    const li = m.docker.findImage(/^(sha256:)?[0-9a-f]{4,64}$/.test(ref) ? ref.replace(/^sha256:/, '') : normalizeImageRef(ref));
    if (li) return imageJson(ctx, li);
  }
  return undefined;
}

function inspectCommand(kind: Kind, name: string, short: string, use: string, notFound: (ref: string) => string): DockerCommand {
  return {
    name,
    use,
    short,
    args: { min: 1 },
    flags: [FORMAT, ...(kind ? [] : [{ name: 'type', type: 'string', usage: 'Return JSON for specified type' } as DockerFlag])],
    run(ctx, m, f) {
      const type = (str(f, 'type') || undefined) as Kind;
      if (type && type !== 'container' && type !== 'image') return result(`"${type}" is not a valid value for --type\n`, 1, 'read');
      const found: Json[] = [];
      const errors: string[] = [];
      for (const ref of f.args) {
        const v = lookup(ctx, m, ref, kind ?? type);
        if (v === undefined) errors.push(notFound(ref));
        else found.push(v);
      }
      const format = str(f, 'format');
      let out: string;
      if (format && format !== 'json') out = found.map((v) => `${applyTemplate(format, v)}\n`).join('') || '\n';
      else if (format === 'json') out = `${JSON.stringify(found)}\n`;
      else out = `${goJson(found)}\n`;
      return result(out + errors.map((e) => `${e}\n`).join(''), errors.length ? 1 : 0, 'read');
    },
  };
}

export const inspect = inspectCommand(undefined, 'inspect', 'Return low-level information on Docker objects', '[OPTIONS] NAME|ID [NAME|ID...]', (ref) => `Error: No such object: ${ref}`);
export const containerInspect = inspectCommand('container', 'inspect', 'Display detailed information on one or more containers', '[OPTIONS] CONTAINER [CONTAINER...]', (ref) => `Error response from daemon: No such container: ${ref}`);
export const imageInspect = inspectCommand('image', 'inspect', 'Display detailed information on one or more images', '[OPTIONS] IMAGE [IMAGE...]', (ref) => `Error response from daemon: No such image: ${familiar(normalizeImageRef(ref))}`);
