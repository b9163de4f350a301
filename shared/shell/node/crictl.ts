/** `crictl ps` / `crictl pods`: the kubelet's view of its containers, through cri-dockerd. */
import type { DockerContainer } from '../../sim/runtime/docker.js';
import { dockerDuration } from '../duration.js';
import { table } from '../table.js';
import { result, type Program } from '../types.js';
import { newestFirst } from './docker/ps.js';
import { hostMachine } from './session.js';

/** crictl's tabwriter: tabwriter.NewWriter(os.Stdout, 20, 1, 3, ' ', 0). */
const CRICTL_TABLE = { minWidth: 20, padding: 3 };

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 13);
const stateOf = (c: DockerContainer) => (c.state === 'running' ? 'Running' : c.state === 'created' ? 'Created' : 'Exited');

export const crictl: Program = (ctx, args) => {
  const m = hostMachine(ctx);
  if (!m.docker.running) return result('E0314 00:00:00.000000    4242 log.go:32] "ListContainers with filter from runtime service failed" err="rpc error: code = Unavailable desc = connection error"\nFATA[0002] validate service connection: validate CRI v1 runtime API for endpoint "unix:///var/run/cri-dockerd.sock": rpc error: code = Unavailable desc = connection error\n', 1, 'read');
  const [verb, ...rest] = args;
  const all = rest.includes('-a') || rest.includes('--all');
  const now = ctx.cluster.now;
  const pods = newestFirst(m.docker.containers.values()).filter((c) => c.labels['io.kubernetes.container.name'] === 'POD');
  if (verb === 'ps') {
    const rows = newestFirst(m.docker.containers.values())
      .filter((c) => c.labels['io.kubernetes.container.name'] && c.labels['io.kubernetes.container.name'] !== 'POD' && (all || c.state === 'running'))
      .map((c) => [short(c.id), short(c.imageId), `${dockerDuration(now - c.created)} ago`, stateOf(c), c.labels['io.kubernetes.container.name'], c.name.split('_').pop() ?? '0', short(c.netnsOf ?? ''), c.labels['io.kubernetes.pod.name'] ?? '']);
    return result(table([['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD'], ...rows], CRICTL_TABLE), 0, 'read');
  }
  if (verb === 'pods') {
    const rows = pods.map((c) => [short(c.id), `${dockerDuration(now - c.created)} ago`, c.state === 'running' ? 'Ready' : 'NotReady', c.labels['io.kubernetes.pod.name'] ?? '', c.labels['io.kubernetes.pod.namespace'] ?? '', c.name.split('_').pop() ?? '0', '(default)']);
    return result(table([['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME'], ...rows], CRICTL_TABLE), 0, 'read');
  }
  return result(`NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]\n\nCOMMANDS:\n   pods    List pods\n   ps      List containers\n`, verb === undefined || verb === '--help' || verb === 'help' ? 0 : 1, 'none');
};
