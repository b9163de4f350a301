/**
 * What kubectl can tell about the cluster itself: `version`, `cluster-info` and
 * `api-resources` (discovery).
 */
import { serializeYaml } from '../../manifests/index.js';
import { CONTROL_PLANE_IP, KUBERNETES_VERSION } from '../../sim/bootstrap.js';
import { ApiError } from '../../sim/apiserver.js';
import type { Cluster } from '../../sim/cluster.js';
import { bool, str } from '../flags.js';
import { table } from '../table.js';
import { toJson } from '../wire.js';
import { ok, result, type Command } from './command.js';
import { apiErrorText, KubectlError } from './errors.js';
import { apiVersionOf, RESOURCES } from './resources.js';

export const KUSTOMIZE_VERSION = 'v5.7.1';

/**
 * The error for requests the API server answers without etcd (version, discovery, OpenAPI):
 * only an unreachable API server fails them.
 */
export function apiServerDown(c: Cluster): string | undefined {
  return c.controlPlaneFault() === 'etcd' ? undefined : c.controlPlaneOutage();
}

function versionInfo(): Record<string, string> {
  const [major, minor] = KUBERNETES_VERSION.slice(1).split('.');
  return { compiler: 'gc', gitTreeState: 'clean', gitVersion: KUBERNETES_VERSION, major, minor, platform: 'linux/amd64' };
}

export const version: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  examples: '  # Print the client and server versions for the current context\n  kubectl version',
  usage: 'kubectl version [flags] [options]',
  flags: [
    { name: 'client', type: 'bool', default: false, usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', default: '', usage: "One of 'yaml' or 'json'." },
  ],
  run(inv) {
    const o = str(inv.flags, 'output');
    if (o && o !== 'yaml' && o !== 'json') throw new KubectlError("error: --output must be 'yaml' or 'json'");
    const clientOnly = bool(inv.flags, 'client');
    // /version is served by the API server itself: etcd being down does not matter.
    const serverErr = clientOnly ? undefined : apiServerDown(inv.cluster);
    let text: string;
    if (o) {
      const doc: Record<string, unknown> = { clientVersion: versionInfo(), kustomizeVersion: KUSTOMIZE_VERSION };
      if (!clientOnly && !serverErr) doc.serverVersion = versionInfo();
      text = o === 'json' ? toJson(doc as never) : serializeYaml(doc);
    } else {
      text = `Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
      if (!clientOnly && !serverErr) text += `Server Version: ${KUBERNETES_VERSION}\n`;
    }
    if (serverErr) return result(`${text}${serverErr}\n`, 1, 'read');
    return ok(text);
  },
};

export const clusterInfo: Command = {
  name: 'cluster-info',
  short: 'Display cluster information',
  long: `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug
and diagnose cluster problems, use 'kubectl cluster-info dump'.`,
  examples: '  # Print the address of the control plane and cluster services\n  kubectl cluster-info',
  usage: 'kubectl cluster-info [flags] [options]',
  flags: [],
  run(inv) {
    if (inv.args.length) throw new KubectlError(`error: unknown command "${inv.args[0]}"\nSee 'kubectl cluster-info -h' for help and examples`);
    const tail = "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    try {
      inv.cluster.api.check();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return result(`${tail}${apiErrorText(e)}\n`, 1, 'read');
    }
    const base = `https://${CONTROL_PLANE_IP}:6443`;
    let text = `Kubernetes control plane is running at ${base}\n`;
    for (const svc of inv.cluster.store.list('Service')) {
      if (svc.metadata.labels?.['kubernetes.io/cluster-service'] !== 'true') continue;
      const name = svc.metadata.labels['kubernetes.io/name'] ?? svc.metadata.name;
      const port = svc.spec.ports[0]?.name ? `:${svc.spec.ports[0].name}` : '';
      text += `${name} is running at ${base}/api/v1/namespaces/${svc.metadata.namespace}/services/${svc.metadata.name}${port}/proxy\n`;
    }
    return ok(text + tail);
  },
};

export const apiResources: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  examples: `  # Print the supported API resources
  kubectl api-resources

  # Print the supported API resources with more information
  kubectl api-resources -o wide

  # Print the supported non-namespaced resources
  kubectl api-resources --namespaced=false

  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=rbac.authorization.k8s.io`,
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    { name: 'api-group', type: 'string', default: '', usage: 'Limit to resources in the specified API group.' },
    { name: 'namespaced', type: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (wide, name).' },
  ],
  run(inv) {
    const o = str(inv.flags, 'output');
    if (o && o !== 'wide' && o !== 'name') throw new KubectlError(`error: --output wide, name are the only supported formats`);
    const down = apiServerDown(inv.cluster);
    if (down) throw new KubectlError(down);
    let list = RESOURCES;
    if (inv.flags.set.has('namespaced')) list = list.filter((r) => r.namespaced === bool(inv.flags, 'namespaced'));
    if (inv.flags.set.has('api-group')) list = list.filter((r) => r.group === str(inv.flags, 'api-group'));
    if (o === 'name') return ok(list.map((r) => `${r.group ? `${r.plural}.${r.group}` : r.plural}\n`).join(''));
    const rows = list.map((r) => {
      const row = [r.plural, r.short.join(','), apiVersionOf(r), String(r.namespaced), r.kind];
      if (o === 'wide') row.push(`[${r.verbs.join(' ')}]`, (r.categories ?? []).join(','));
      return row;
    });
    const head = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(o === 'wide' ? ['VERBS', 'CATEGORIES'] : [])];
    return ok(table(bool(inv.flags, 'no-headers') ? rows : [head, ...rows]));
  },
};
