/**
 * `cloud`: the hosting provider's command line, on the player's workstation. Ordering a server
 * costs money every hour; it boots and joins the cluster as a new worker.
 */
import { table } from '../shell/table.js';
import { kubeAge } from '../shell/duration.js';
import { result, type Program, type ShellResult } from '../shell/types.js';
import type { Town } from './town.js';

const USAGE = `Usage: cloud servers list
       cloud servers create     order a new worker (boots in about 90 s, joins the cluster)
`;

export function cloudProgram(town: Town): Program {
  return (ctx, args): ShellResult => {
    const [noun, verb] = args;
    if (noun !== 'servers' || !verb || args.includes('--help') || args.includes('-h')) return result(USAGE, noun === undefined || args.includes('--help') || args.includes('-h') ? 0 : 1, 'none');
    const c = ctx.cluster;
    const price = town.scenario.nodeCostPerHour;
    if (verb === 'list') {
      const rows = [['NAME', 'STATUS', 'IP', 'PRICE', 'AGE']];
      for (const m of c.machines.values()) {
        const status = m.power === 'on' ? 'running' : m.power === 'booting' ? 'provisioning' : 'stopped';
        rows.push([m.name, status, m.spec.ip, m.spec.role === 'worker' ? `$${price}/h` : 'included', kubeAge(c.now - m.bootedAt)]);
      }
      return result(table(rows));
    }
    if (verb === 'create') {
      const m = c.addWorker();
      return {
        text: `Creating server ${m.name} (${m.spec.cpuMilli / 1000} vCPU, ${m.spec.memoryBytes / 1024 ** 3} GiB, ${m.spec.diskBytes / 1024 ** 3} GB disk) at $${price}/hour...\nServer ${m.name} is provisioning at ${m.spec.ip}. It joins the cluster with kubeadm join when it has booted.\n`,
        exitCode: 0,
        busyMs: 3000,
        progress: `cloud servers create`,
        effect: 'manual',
      };
    }
    return result(`cloud: unknown command "${verb}" for "cloud servers"\n${USAGE}`, 1, 'none');
  };
}
