/**
 * The options of `docker run` that need parsing, with the CLI's and the daemon's errors:
 * `-p` (go-connections nat.ParsePortSpec), `--restart` (opts.ParseRestartPolicy and the
 * daemon's validation), `-m` (go-units RAMInBytes, and the daemon's 6MB minimum).
 */
import type { PortMapping, RestartPolicyName } from '../../../sim/runtime/docker.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** One `-p` value; `hostPort` 0 asks for an ephemeral port. */
export function parsePortSpec(raw: string): Parsed<PortMapping> {
  let spec = raw;
  let protocol = 'tcp';
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    protocol = spec.slice(slash + 1);
    spec = spec.slice(0, slash);
  }
  const parts = spec.split(':');
  if (parts.length > 3) return { ok: false, error: `invalid IP address: ${parts.slice(0, -2).join(':')}` };
  const containerPort = parts[parts.length - 1];
  const hostPort = parts.length >= 2 ? parts[parts.length - 2] : '';
  const hostIp = parts.length === 3 ? parts[0] : '';
  if (hostIp && !/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(hostIp)) return { ok: false, error: `invalid IP address: ${hostIp}` };
  if (!containerPort) return { ok: false, error: `no port specified: ${raw}<empty>` };
  if (!isPort(containerPort)) return { ok: false, error: `invalid containerPort: ${containerPort}` };
  if (hostPort && !isPort(hostPort)) return { ok: false, error: `invalid hostPort: ${hostPort}` };
  if (!['tcp', 'udp', 'sctp'].includes(protocol)) return { ok: false, error: `invalid proto: ${protocol}` };
  return { ok: true, value: { hostIp: hostIp || '0.0.0.0', hostPort: hostPort ? Number(hostPort) : 0, containerPort: Number(containerPort), protocol: protocol as 'tcp' | 'udp' } };
}

function isPort(s: string): boolean {
  return /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 65535;
}

export interface RestartPolicy {
  name: RestartPolicyName;
  maximumRetryCount: number;
}

/** The CLI's parse of `--restart`; an error in its words. */
export function parseRestart(raw: string): Parsed<{ name: string; maximumRetryCount: number }> {
  const colon = raw.indexOf(':');
  const name = colon >= 0 ? raw.slice(0, colon) : raw;
  const count = colon >= 0 ? raw.slice(colon + 1) : '';
  if (colon >= 0 && !name) return { ok: false, error: 'invalid restart policy format: no policy provided before colon' };
  if (count && !/^-?\d+$/.test(count)) return { ok: false, error: 'invalid restart policy format: maximum retry count must be an integer' };
  return { ok: true, value: { name, maximumRetryCount: count ? Number(count) : 0 } };
}

/** The daemon's check of a restart policy. */
export function validateRestart(p: { name: string; maximumRetryCount: number }): Parsed<RestartPolicy> {
  const known = ['', 'no', 'always', 'unless-stopped', 'on-failure'];
  if (!known.includes(p.name)) return { ok: false, error: `invalid restart policy: unknown policy '${p.name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'` };
  if (p.maximumRetryCount !== 0 && p.name !== 'on-failure') return { ok: false, error: "invalid restart policy: maximum retry count can only be used with 'on-failure'" };
  if (p.maximumRetryCount < 0) return { ok: false, error: 'invalid restart policy: maximum retry count cannot be negative' };
  return { ok: true, value: { name: (p.name || 'no') as RestartPolicyName, maximumRetryCount: p.maximumRetryCount } };
}

/** go-units RAMInBytes: `256m`, `1g`, `512mb`, `1073741824`. */
export function parseMemory(raw: string): Parsed<number> {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b)?$/i.exec(raw.trim());
  if (!m) return { ok: false, error: `invalid size: '${raw}'` };
  const mult: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
  return { ok: true, value: Math.floor(Number(m[1]) * mult[m[2].toLowerCase()]) };
}

/** The daemon's floor for `--memory`. */
export const MIN_MEMORY = 6 * 1024 * 1024;

/** Container names the daemon accepts. */
export const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
