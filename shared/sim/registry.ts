/**
 * The image registry the town pulls from, and what each image's program does once started:
 * how long it takes to serve, which ports it binds, how much memory it uses, whether it
 * crashes (the bad release). Scenarios can publish new tags and take the registry down.
 */
import { fnv1a32 } from './hash.js';

export interface AppBehaviour {
  /** What `docker ps` shows in COMMAND. */
  command: string;
  /** Until it answers requests (the readiness probe passes after this). */
  startupMs: number;
  /** From SIGTERM to exit. */
  stopMs: number;
  memoryBytes: number;
  cpuMilli: number;
  /** Ports the program binds inside its network namespace. */
  ports: number[];
  /** Whether this program is the town's web app (serves the town's requests). */
  serves: boolean;
  /** How much traffic one copy handles, relative to the town's base capacity (a faster release > 1). */
  capacityFactor?: number;
  /** Runs to completion instead of serving (exit 0 after this long). */
  completesAfterMs?: number;
  /** A broken build: exits with this code soon after start. */
  crash?: { afterMs: number; exitCode: number; log: string[] };
  /** Lines printed at start. */
  startLog: string[];
}

export interface ImageInfo {
  /** `repository:tag`, normalised. */
  ref: string;
  repository: string;
  tag: string;
  /** sha256 digest (the IMAGE ID is its first 12 hex digits). */
  id: string;
  sizeBytes: number;
  /** When it was built, sim ms (negative: before the night). */
  created: number;
  app: AppBehaviour;
}

const MB = 1000 * 1000;
const MiB = 1024 * 1024;
const DAY = 24 * 3600 * 1000;

function webApp(version: string, capacityFactor = 1): AppBehaviour {
  return {
    capacityFactor,
    command: '"docker-entrypoint.s…"',
    startupMs: 6000,
    stopMs: 800,
    memoryBytes: 180 * MiB,
    cpuMilli: 40,
    ports: [8080],
    serves: true,
    startLog: [`> web@${version} start`, '> node server.js', `web ${version} listening on :8080`],
  };
}

function simple(command: string, ports: number[], memMiB: number, startupMs = 500): AppBehaviour {
  return { command, startupMs, stopMs: 300, memoryBytes: memMiB * MiB, cpuMilli: 5, ports, serves: false, startLog: [] };
}

/** The images that exist on the registry at the start of every night. */
function catalogue(): Omit<ImageInfo, 'id'>[] {
  return [
    { ref: 'web:0.8', repository: 'web', tag: '0.8', sizeBytes: 231 * MB, created: -75 * DAY, app: webApp('0.8.3') },
    { ref: 'web:0.9', repository: 'web', tag: '0.9', sizeBytes: 242 * MB, created: -38 * DAY, app: webApp('0.9.1') },
    { ref: 'web:1.0', repository: 'web', tag: '1.0', sizeBytes: 248 * MB, created: -9 * DAY, app: webApp('1.0.0') },
    { ref: 'web:1.1', repository: 'web', tag: '1.1', sizeBytes: 251 * MB, created: -2 * DAY, app: webApp('1.1.0', 1.5) },
    {
      ref: 'web:1.2',
      repository: 'web',
      tag: '1.2',
      sizeBytes: 236 * MB,
      created: -1 * DAY,
      app: {
        ...webApp('1.2.0'),
        // The release that forgot a dependency: it starts, then dies on the first require.
        crash: {
          afterMs: 1500,
          exitCode: 1,
          log: [
            'node:internal/modules/cjs/loader:1228',
            "Error: Cannot find module 'express-rate-limit'",
            'Require stack:',
            '- /app/server.js',
            "  code: 'MODULE_NOT_FOUND'",
          ],
        },
      },
    },
    { ref: 'nginx:1.14.2', repository: 'nginx', tag: '1.14.2', sizeBytes: 109 * MB, created: -2400 * DAY, app: simple('"nginx -g \'daemon of…"', [80], 4) },
    { ref: 'nginx:1.27', repository: 'nginx', tag: '1.27', sizeBytes: 192 * MB, created: -60 * DAY, app: simple('"/docker-entrypoint.…"', [80], 6) },
    { ref: 'nginx:latest', repository: 'nginx', tag: 'latest', sizeBytes: 192 * MB, created: -20 * DAY, app: simple('"/docker-entrypoint.…"', [80], 6) },
    { ref: 'fluent/fluent-bit:latest', repository: 'fluent/fluent-bit', tag: 'latest', sizeBytes: 87 * MB, created: -30 * DAY, app: simple('"/fluent-bit/bin/flu…"', [2020], 12) },
    { ref: 'fluent/fluent-bit:3.2', repository: 'fluent/fluent-bit', tag: '3.2', sizeBytes: 87 * MB, created: -90 * DAY, app: simple('"/fluent-bit/bin/flu…"', [2020], 12) },
    { ref: 'redis:7', repository: 'redis', tag: '7', sizeBytes: 117 * MB, created: -40 * DAY, app: simple('"docker-entrypoint.s…"', [6379], 8) },
    { ref: 'busybox:latest', repository: 'busybox', tag: 'latest', sizeBytes: 4_270_000, created: -300 * DAY, app: { ...simple('"sh"', [], 1), completesAfterMs: 100 } },
    // A metrics sidecar that also wants :8080: put it beside web in one pod and they clash.
    { ref: 'metrics-exporter:0.9', repository: 'metrics-exporter', tag: '0.9', sizeBytes: 24 * MB, created: -5 * DAY, app: simple('"/exporter --listen…"', [8080], 10) },
    { ref: 'registry.k8s.io/pause:3.10', repository: 'registry.k8s.io/pause', tag: '3.10', sizeBytes: 736_000, created: -400 * DAY, app: simple('"/pause"', [], 1, 0) },
    { ref: 'registry.k8s.io/kube-apiserver:v1.34.1', repository: 'registry.k8s.io/kube-apiserver', tag: 'v1.34.1', sizeBytes: 88 * MB, created: -70 * DAY, app: simple('"kube-apiserver --a…"', [6443], 300, 3000) },
    { ref: 'registry.k8s.io/etcd:3.6.4-0', repository: 'registry.k8s.io/etcd', tag: '3.6.4-0', sizeBytes: 195 * MB, created: -80 * DAY, app: simple('"etcd --advertise-cl…"', [2379, 2380], 100, 2000) },
    { ref: 'registry.k8s.io/kube-scheduler:v1.34.1', repository: 'registry.k8s.io/kube-scheduler', tag: 'v1.34.1', sizeBytes: 53 * MB, created: -70 * DAY, app: simple('"kube-scheduler --au…"', [10259], 40, 1000) },
    { ref: 'registry.k8s.io/kube-controller-manager:v1.34.1', repository: 'registry.k8s.io/kube-controller-manager', tag: 'v1.34.1', sizeBytes: 75 * MB, created: -70 * DAY, app: simple('"kube-controller-man…"', [10257], 60, 1000) },
    { ref: 'registry.k8s.io/kube-proxy:v1.34.1', repository: 'registry.k8s.io/kube-proxy', tag: 'v1.34.1', sizeBytes: 73 * MB, created: -70 * DAY, app: simple('"/usr/local/bin/kube…"', [10249], 20, 500) },
    { ref: 'registry.k8s.io/coredns/coredns:v1.12.1', repository: 'registry.k8s.io/coredns/coredns', tag: 'v1.12.1', sizeBytes: 71 * MB, created: -150 * DAY, app: simple('"/coredns -conf /etc…"', [53, 8080, 8181], 20, 1000) },
  ];
}

/** `nginx` → `nginx:latest`; `docker.io/library/web:1.0` → `web:1.0`. */
const normalized = new Map<string, string>();

export function normalizeImageRef(ref: string): string {
  // Asked for every container start: remembered (the set of image names is small).
  let n = normalized.get(ref);
  if (n === undefined) {
    n = normalizeUncached(ref);
    if (normalized.size < 10_000) normalized.set(ref, n);
  }
  return n;
}

function normalizeUncached(ref: string): string {
  let r = ref.trim();
  const at = r.indexOf('@');
  if (at >= 0) r = r.slice(0, at);
  r = r.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '').replace(/^library\//, '');
  const lastSlash = r.lastIndexOf('/');
  if (r.indexOf(':', lastSlash + 1) < 0) r += ':latest';
  return r;
}

/** The registry reference as containerd/docker print it in errors: `docker.io/library/web:1.3`. */
export function fullImageRef(ref: string): string {
  const r = normalizeImageRef(ref);
  const first = r.split('/')[0];
  if (r.includes('/') && (first.includes('.') || first.includes(':'))) return r;
  return r.includes('/') ? `docker.io/${r}` : `docker.io/library/${r}`;
}

export type PullResult = { ok: true; image: ImageInfo; durationMs: number } | { ok: false; error: string; durationMs: number };

export class Registry {
  private images = new Map<string, ImageInfo>();
  /** While true, every pull fails like an unreachable registry. */
  down = false;
  /** Download speed, bytes per sim second. */
  bytesPerSecond = 25 * MB;

  constructor() {
    for (const i of catalogue()) this.publish(i);
  }

  publish(info: Omit<ImageInfo, 'id'> & { id?: string }): ImageInfo {
    const ref = normalizeImageRef(info.ref);
    const digest = info.id ?? digestOf(ref);
    const img: ImageInfo = { ...info, ref, id: digest };
    this.images.set(ref, img);
    return img;
  }

  lookup(ref: string): ImageInfo | undefined {
    return this.images.get(normalizeImageRef(ref));
  }

  refs(): string[] {
    return [...this.images.keys()];
  }

  /** What a pull of `ref` would do now: the image and how long the download takes, or the daemon's error. */
  pull(ref: string): PullResult {
    const norm = normalizeImageRef(ref);
    const full = fullImageRef(ref);
    if (this.down) {
      const host = full.startsWith('docker.io/') ? 'registry-1.docker.io' : full.split('/')[0];
      return {
        ok: false,
        durationMs: 30_000,
        error: `Error response from daemon: Get "https://${host}/v2/": dial tcp: lookup ${host} on 10.0.0.2:53: read udp 10.0.0.2:41533->10.0.0.2:53: i/o timeout`,
      };
    }
    const img = this.images.get(norm);
    if (!img) {
      const [repo, tag] = splitRef(norm);
      return { ok: false, durationMs: 800, error: `Error response from daemon: manifest for ${repo}:${tag} not found: manifest unknown: manifest unknown` };
    }
    return { ok: true, image: img, durationMs: 500 + Math.round((img.sizeBytes / this.bytesPerSecond) * 1000) };
  }
}

export function splitRef(norm: string): [string, string] {
  const i = norm.lastIndexOf(':');
  return i > norm.lastIndexOf('/') ? [norm.slice(0, i), norm.slice(i + 1)] : [norm, 'latest'];
}

/** A stable fake sha256 for an image reference. */
function digestOf(ref: string): string {
  let hex = '';
  let h = 0x811c9dc5;
  for (let i = 0; hex.length < 64; i++) {
    h = fnv1a32(`${ref}#${i}`, h);
    hex += h.toString(16).padStart(8, '0');
  }
  return `sha256:${hex.slice(0, 64)}`;
}
