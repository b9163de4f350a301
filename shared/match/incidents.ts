/**
 * The night's incidents: the scenario's scripted ones plus its random ones, drawn once from
 * the match seed so that every town of a competition gets the same outages at the same sim
 * times; and how each is done to a town's cluster.
 */
import type { Cluster } from '../sim/cluster.js';
import * as faults from '../sim/faults.js';
import { Rng } from '../sim/rng.js';
import { fnv1a32 } from '../sim/hash.js';
import type { IncidentSpec, Scenario, ScheduledIncident, Text } from './scenario.js';

const GiB = 1024 ** 3;

/** Scripted and random incidents, sorted by time, identical for every town with this seed. */
export function planIncidents(s: Scenario, seed: number): ScheduledIncident[] {
  const rng = new Rng(fnv1a32(`${s.name}/${seed}`));
  const out: ScheduledIncident[] = [...s.incidents];
  for (const r of s.random) {
    for (let i = 0; i < r.count; i++) {
      const [from, to] = r.between;
      const at = from + Math.floor(rng.next() * Math.max(1, to - from) / 60_000) * 60_000;
      const spec: ScheduledIncident = { ...r, at };
      delete (spec as { between?: unknown }).between;
      delete (spec as { count?: unknown }).count;
      if (!spec.node && (r.type === 'powerLoss' || r.type === 'reboot' || r.type === 'diskFill')) spec.node = `node-${1 + rng.int(s.workers)}`;
      out.push(spec);
    }
  }
  return out.sort((a, b) => a.at - b.at || a.type.localeCompare(b.type));
}

/** Does the incident to a cluster now; schedules its end (power back, spike over...). */
export function applyIncident(c: Cluster, i: IncidentSpec): void {
  const end = (fn: () => void) => {
    if (i.durationMs) c.at(c.now + i.durationMs, fn);
  };
  switch (i.type) {
    case 'crash':
      faults.crashApp(c, i.node);
      break;
    case 'oom':
      faults.oomKill(c, i.node);
      break;
    case 'powerLoss':
      faults.powerLoss(c, i.node!);
      end(() => faults.powerRestore(c, i.node!));
      break;
    case 'reboot':
      faults.reboot(c, i.node!);
      break;
    case 'diskFill':
      faults.fillDisk(c, i.node!, { bytesPerRun: (i.gibPerRun ?? 2) * GiB, everyMs: i.everyMs ?? 5 * 60_000, runs: i.runs ?? 10 });
      break;
    case 'badRelease':
      faults.badRelease(c, i.tag ?? 'web:1.2');
      break;
    case 'registryDown':
      faults.registryDown(c, true);
      end(() => faults.registryDown(c, false));
      break;
    case 'trafficSpike':
      faults.trafficSpike(c, i.factor ?? 2);
      end(() => faults.trafficSpike(c, 1));
      break;
    case 'controlPlaneDown':
      faults.controlPlaneDown(c);
      end(() => faults.controlPlaneRestore(c));
      break;
    case 'portClash':
      faults.portClash(c);
      break;
    case 'ticket':
      break;
  }
}

/** A title for the ticker when the scenario gives none. */
export function defaultTitle(i: IncidentSpec): Text {
  const n = i.node ?? '';
  switch (i.type) {
    case 'crash':
      return { en: 'web crashed', es: 'web se ha caído' };
    case 'oom':
      return { en: 'web was OOMKilled', es: 'web murió por falta de memoria' };
    case 'powerLoss':
      return { en: `${n} lost power`, es: `${n} se ha quedado sin corriente` };
    case 'reboot':
      return { en: `${n} rebooted`, es: `${n} se ha reiniciado` };
    case 'diskFill':
      return { en: `${n}'s disk is filling up`, es: `El disco de ${n} se está llenando` };
    case 'badRelease':
      return { en: `${i.tag ?? 'web:1.2'} was published`, es: `Se publicó ${i.tag ?? 'web:1.2'}` };
    case 'registryDown':
      return { en: 'The image registry is down', es: 'El registro de imágenes no responde' };
    case 'trafficSpike':
      return { en: `Traffic spike: ${i.factor ?? 2}×`, es: `Pico de tráfico: ×${i.factor ?? 2}` };
    case 'controlPlaneDown':
      return { en: 'etcd is down: the control plane is not answering', es: 'etcd ha caído: el plano de control no responde' };
    case 'portClash':
      return { en: 'A teammate added a sidecar that also wants :8080', es: 'Un compañero añadió un sidecar que también quiere el :8080' };
    case 'ticket':
      return { en: 'New ticket', es: 'Nuevo ticket' };
  }
}
