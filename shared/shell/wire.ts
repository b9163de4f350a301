/**
 * API objects as the API server sends them (`kubectl get -o yaml|json`): times as RFC 3339
 * strings instead of the simulation's sim-ms numbers, no undefined fields, and keys sorted,
 * because kubectl prints the decoded JSON map (Go sorts map keys when it encodes one).
 */
import { rfc3339 } from './duration.js';

/** Fields that hold a metav1.Time (sim ms inside the simulation). */
const TIME_FIELDS = new Set([
  'creationTimestamp',
  'deletionTimestamp',
  'startTime',
  'lastTransitionTime',
  'lastProbeTime',
  'lastHeartbeatTime',
  'lastUpdateTime',
  'startedAt',
  'finishedAt',
  'firstTimestamp',
  'lastTimestamp',
  'timeAdded',
  'eventTime',
]);

export type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire };

/** Status counters declared `omitempty` in apps/v1: a zero is not sent at all. */
const OMIT_ZERO: Record<string, string[]> = {
  Deployment: ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'collisionCount', 'terminatingReplicas'],
  ReplicaSet: ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration', 'terminatingReplicas'],
  DaemonSet: ['numberAvailable', 'numberUnavailable', 'updatedNumberScheduled', 'observedGeneration', 'collisionCount'],
};

/** A deep copy of `obj` in wire form; the simulation's object is not touched. */
export function toWire(obj: unknown, epochMs: number): Wire {
  const w = convert(obj, epochMs, '');
  const kind = w && typeof w === 'object' && !Array.isArray(w) ? w.kind : undefined;
  const status = w && typeof w === 'object' && !Array.isArray(w) ? w.status : undefined;
  if (typeof kind === 'string' && OMIT_ZERO[kind] && status && typeof status === 'object' && !Array.isArray(status)) {
    for (const f of OMIT_ZERO[kind]) if (status[f] === 0) delete status[f];
  }
  return w;
}

function convert(v: unknown, epochMs: number, key: string): Wire {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (TIME_FIELDS.has(key) && Number.isFinite(v)) return rfc3339(v, epochMs);
    return v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => convert(x, epochMs, ''));
  if (typeof v === 'object') {
    const src = v as Record<string, unknown>;
    const out: { [key: string]: Wire } = {};
    for (const k of Object.keys(src).sort()) {
      if (src[k] === undefined) continue;
      out[k] = convert(src[k], epochMs, k);
    }
    return out;
  }
  return null;
}

/** `kubectl get -o json`: json.MarshalIndent with four spaces. */
export function toJson(w: Wire): string {
  return `${JSON.stringify(w, null, 4)}\n`;
}
