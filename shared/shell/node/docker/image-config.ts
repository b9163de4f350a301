/**
 * What each image's config holds that `docker inspect` and `docker ps --no-trunc` show: its
 * ENTRYPOINT, CMD and ENV. The simulation keeps only the truncated COMMAND column
 * (`"docker-entrypoint.s…"`); the full commands live here, by repository.
 */
import { splitRef } from '../../../sim/registry.js';
import type { DockerContainer } from '../../../sim/runtime/docker.js';

export interface ImageConfig {
  entrypoint: string[] | null;
  cmd: string[];
  env: string[];
  exposedPorts: string[];
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const NODE_ENV = [PATH, 'NODE_VERSION=20.18.0', 'YARN_VERSION=1.22.22'];
const NGINX_ENV = [PATH, 'NGINX_VERSION=1.27.2', 'NJS_VERSION=0.8.7', 'PKG_RELEASE=1~bookworm'];

const CONFIGS: Record<string, ImageConfig> = {
  web: { entrypoint: ['docker-entrypoint.sh'], cmd: ['npm', 'start'], env: NODE_ENV, exposedPorts: ['8080/tcp'] },
  nginx: { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], env: NGINX_ENV, exposedPorts: ['80/tcp'] },
  'fluent/fluent-bit': { entrypoint: null, cmd: ['/fluent-bit/bin/fluent-bit', '-c', '/fluent-bit/etc/fluent-bit.conf'], env: [PATH], exposedPorts: ['2020/tcp'] },
  redis: { entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], env: [PATH, 'REDIS_VERSION=7.4.1'], exposedPorts: ['6379/tcp'] },
  busybox: { entrypoint: null, cmd: ['sh'], env: [PATH], exposedPorts: [] },
  'metrics-exporter': { entrypoint: ['/exporter'], cmd: ['--listen=:8080'], env: [PATH], exposedPorts: ['8080/tcp'] },
  'registry.k8s.io/pause': { entrypoint: ['/pause'], cmd: [], env: [PATH], exposedPorts: [] },
  'registry.k8s.io/coredns/coredns': { entrypoint: ['/coredns'], cmd: [], env: [PATH], exposedPorts: ['53/tcp', '53/udp'] },
  'registry.k8s.io/kube-proxy': { entrypoint: null, cmd: ['/usr/local/bin/kube-proxy'], env: [PATH], exposedPorts: [] },
};

/** nginx 1.14 still ran nginx directly, without the entrypoint script. */
const OLD_NGINX: ImageConfig = { entrypoint: null, cmd: ['nginx', '-g', 'daemon off;'], env: [PATH, 'NGINX_VERSION=1.14.2-1~stretch', 'NJS_VERSION=1.14.2.0.2.6-1~stretch'], exposedPorts: ['80/tcp'] };

const FALLBACK: ImageConfig = { entrypoint: null, cmd: [], env: [PATH], exposedPorts: [] };

export function imageConfig(ref: string): ImageConfig {
  const [repo, tag] = splitRef(ref);
  if (repo === 'nginx' && tag === '1.14.2') return OLD_NGINX;
  return CONFIGS[repo] ?? FALLBACK;
}

/** The command as the container's config holds it: entrypoint (Path) and the rest (Args). */
export function commandParts(c: DockerContainer): { path: string; args: string[] } {
  const shown = c.command.replace(/^"|"$/g, '');
  const cfg = imageConfig(c.image);
  const words = [...(cfg.entrypoint ?? []), ...cfg.cmd];
  // The image's own command, unless the container was given another one.
  const prefix = shown.endsWith('…') ? shown.slice(0, -1) : shown;
  if (words.length && joinCommand(words[0], words.slice(1)).startsWith(prefix)) return { path: words[0], args: words.slice(1) };
  const own = prefix.split(' ').filter(Boolean);
  return { path: own[0] ?? '', args: own.slice(1) };
}

/** The daemon's COMMAND: Path, then Args with the ones holding spaces in single quotes. */
export function joinCommand(path: string, args: string[]): string {
  return args.length ? `${path} ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}` : path;
}

/** The full command a container runs (what `docker ps --no-trunc` quotes). */
export function fullCommand(c: DockerContainer): string {
  const { path, args } = commandParts(c);
  return joinCommand(path, args);
}
