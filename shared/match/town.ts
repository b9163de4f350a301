/**
 * A town: one cluster and what happened to it during the shift — requests served and lost,
 * availability over the night, the incidents it suffered and how fast it recovered, the
 * commands its players typed and what the servers cost.
 */
import { Cluster } from '../sim/cluster.js';
import { applyIncident } from './incidents.js';
import { SHIFT_MS, type Scenario, type ScheduledIncident } from './scenario.js';

/** Availability is plotted in buckets of this many sim ms (36 points a night). */
export const BUCKET_MS = 10 * 60_000;
/** Back to this availability for this long counts as recovered. */
const RECOVERED_AVAILABILITY = 0.99;
const RECOVERED_FOR_MS = 60_000;
/** An incident that costs nothing within this long had no impact. */
const IMPACT_WINDOW_MS = 10 * 60_000;

export interface IncidentRecord {
  index: number;
  type: ScheduledIncident['type'];
  at: number;
  /** When requests started being lost because of it. */
  hitAt?: number;
  /** When availability was back (sim ms); undefined while still hurting. */
  recoveredAt?: number;
  /** No requests lost within 10 minutes of it. */
  noImpact?: boolean;
  lost: number;
}

export interface TownStats {
  demanded: number;
  served: number;
  lost: number;
  commands: number;
  manualCommands: number;
  declarativeChanges: number;
  /** Worker-node hours so far (sim hours), and their cost. */
  nodeHours: number;
  cost: number;
}

export class Town {
  readonly cluster: Cluster;
  readonly stats: TownStats = { demanded: 0, served: 0, lost: 0, commands: 0, manualCommands: 0, declarativeChanges: 0, nodeHours: 0, cost: 0 };
  /** Served / demanded per 10-minute bucket. */
  readonly buckets: { served: number; demanded: number }[] = Array.from({ length: SHIFT_MS / BUCKET_MS }, () => ({ served: 0, demanded: 0 }));
  readonly incidents: IncidentRecord[] = [];
  private healthySince?: number;

  constructor(
    readonly id: string,
    readonly scenario: Scenario,
    seed: number,
    plan: ScheduledIncident[],
  ) {
    this.cluster = new Cluster({ seed, workers: scenario.workers, capacityRps: scenario.capacityRps });
    plan.forEach((inc, index) => {
      this.cluster.at(inc.at, () => {
        applyIncident(this.cluster, inc);
        if (inc.type !== 'ticket' && inc.type !== 'badRelease') this.incidents.push({ index, type: inc.type, at: inc.at, lost: 0 });
      });
    });
  }

  /** Advances the town to sim time `to` with `rps` requests per second at the door. */
  step(to: number, rps: number): void {
    const c = this.cluster;
    const dt = to - c.now;
    if (dt <= 0) return;
    const from = c.now;
    const r = c.advance(dt, rps);
    this.stats.demanded += r.demanded;
    this.stats.served += r.served;
    this.stats.lost += r.lost;
    const b = this.buckets[Math.min(this.buckets.length - 1, Math.max(0, Math.floor(from / BUCKET_MS)))];
    b.served += r.served;
    b.demanded += r.demanded;
    const workers = c.workers().length;
    this.stats.nodeHours += (workers * dt) / 3600_000;
    this.stats.cost = this.stats.nodeHours * this.scenario.nodeCostPerHour;
    this.trackRecovery(to, r.demanded ? r.served / r.demanded : 1, r.lost);
  }

  private trackRecovery(now: number, availability: number, lost: number): void {
    const healthy = availability >= RECOVERED_AVAILABILITY;
    if (healthy) this.healthySince ??= now;
    else this.healthySince = undefined;
    for (const inc of this.incidents) {
      if (inc.recoveredAt !== undefined || inc.noImpact) continue;
      if (inc.hitAt === undefined) {
        if (!healthy) inc.hitAt = now;
        else if (now - inc.at > IMPACT_WINDOW_MS) inc.noImpact = true;
        continue;
      }
      inc.lost += lost;
      if (healthy && this.healthySince !== undefined && now - this.healthySince >= RECOVERED_FOR_MS) inc.recoveredAt = this.healthySince;
    }
  }

  get availability(): number {
    return this.stats.demanded ? this.stats.served / this.stats.demanded : 1;
  }

  /** Cost beyond the servers the town started with. */
  get extraCost(): number {
    const base = (this.scenario.workers * Math.min(this.cluster.now, SHIFT_MS)) / 3600_000;
    return Math.max(0, this.stats.nodeHours - base) * this.scenario.nodeCostPerHour;
  }

  /** Availability per 10-minute bucket so far (undefined for buckets not reached). */
  series(): (number | null)[] {
    const upTo = Math.ceil(this.cluster.now / BUCKET_MS);
    return this.buckets.map((b, i) => (i < upTo && b.demanded > 0 ? b.served / b.demanded : null));
  }

  /** Mean time to recover over incidents that hurt, sim ms (undefined if none hurt). */
  meanTimeToRecover(): number | undefined {
    const hurt = this.incidents.filter((i) => i.hitAt !== undefined);
    if (!hurt.length) return undefined;
    const end = Math.min(this.cluster.now, SHIFT_MS);
    return hurt.reduce((a, i) => a + ((i.recoveredAt ?? end) - i.at), 0) / hurt.length;
  }
}
