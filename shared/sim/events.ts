/**
 * The event recorder: components report what they did as core/v1 Events with the real
 * reasons. Like client-go's correlator, repeats of the same event on the same object bump
 * `count` instead of piling up. The log is a bounded ring, standing in for the API server's
 * one-hour event TTL, so a huge cluster cannot grow without limit.
 */
import type { Event, KubeObject, ObjectReference, Time } from './api/types.js';

export type EventType = 'Normal' | 'Warning';

export interface EventSink {
  (ev: Event, isNew: boolean): void;
}

export const EVENT_TTL_MS = 60 * 60 * 1000;
/** client-go's EventAggregator: more than 10 different messages in 10 minutes are combined. */
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_WINDOW_MS = 10 * 60 * 1000;

interface Group {
  type: EventType;
  reason: string;
  component: string;
  fieldPath?: string;
  events: Event[];
  combined?: Event;
  since: Time;
}

export class EventLog {
  private ring: (Event | undefined)[];
  private ringKeys: string[];
  private head = 0;
  private size = 0;
  /** Live events per involved object, grouped by reason, for aggregation. */
  private byObject = new Map<string, Group[]>();
  private seq = 0;
  private sinks: EventSink[] = [];

  private readonly stampBase: string;

  constructor(
    private readonly clock: () => Time,
    private readonly epochMs: number,
    capacity = 2000,
  ) {
    this.stampBase = hex8(Math.floor(epochMs / 1000));
    this.ring = new Array(capacity).fill(undefined);
    this.ringKeys = new Array(capacity).fill('');
  }

  onEvent(sink: EventSink): void {
    this.sinks.push(sink);
  }

  record(
    about: KubeObject | ObjectReference,
    type: EventType,
    reason: string,
    message: string,
    component: string,
    host?: string,
    fieldPath?: string,
  ): Event {
    const now = this.clock();
    const meta = 'metadata' in about ? about.metadata : undefined;
    const objKey = meta ? meta.uid : `${about.kind}/${(about as ObjectReference).name}`;
    let groups = this.byObject.get(objKey);
    if (!groups) this.byObject.set(objKey, (groups = []));
    let g: Group | undefined;
    for (const x of groups) if (x.reason === reason && x.type === type && x.component === component && x.fieldPath === fieldPath) g = x;
    if (!g) groups.push((g = { type, reason, component, fieldPath, events: [], since: now }));
    else if (now - g.since > AGGREGATE_WINDOW_MS) {
      g.events = [];
      g.combined = undefined;
      g.since = now;
    }
    // The same message again: the existing event counts it.
    for (const prev of g.events) {
      if (prev.message === message && now - prev.lastTimestamp < EVENT_TTL_MS) return this.bump(prev, now);
    }
    // Many different messages for one object and reason: EventAggregator combines them.
    if (g.combined || g.events.length >= AGGREGATE_MAX_EVENTS) {
      const text = `(combined from similar events): ${message}`;
      if (g.combined && now - g.combined.lastTimestamp < EVENT_TTL_MS) {
        g.combined.message = text;
        return this.bump(g.combined, now);
      }
      g.combined = this.create(about, type, reason, text, component, host, fieldPath, now, objKey);
      return g.combined;
    }
    const ev = this.create(about, type, reason, message, component, host, fieldPath, now, objKey);
    g.events.push(ev);
    return ev;
  }

  private bump(ev: Event, now: Time): Event {
    ev.count++;
    ev.lastTimestamp = now;
    ev.metadata.resourceVersion = String(++this.seq);
    for (const s of this.sinks) s(ev, false);
    return ev;
  }

  private create(
    about: KubeObject | ObjectReference,
    type: EventType,
    reason: string,
    message: string,
    component: string,
    host: string | undefined,
    fieldPath: string | undefined,
    now: Time,
    objKey: string,
  ): Event {
    const ref = toRef(about, fieldPath);
    const seq = ++this.seq;
    // Like UnixNano in hex: unique and ordered.
    const stamp = this.stampBase + hex8(seq);
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${ref.name}.${stamp}`, namespace: ref.namespace ?? 'default', uid: `event-${seq}`, resourceVersion: String(seq), creationTimestamp: now },
      involvedObject: ref,
      reason,
      message,
      source: host ? { component, host } : { component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
    this.push(ev, objKey);
    for (const s of this.sinks) s(ev, true);
    return ev;
  }

  private push(ev: Event, objKey: string): void {
    const cap = this.ring.length;
    const slot = (this.head + this.size) % cap;
    if (this.size === cap) {
      this.forget(this.ring[this.head]!, this.ringKeys[this.head]);
      this.head = (this.head + 1) % cap;
    } else {
      this.size++;
    }
    this.ring[slot] = ev;
    this.ringKeys[slot] = objKey;
  }

  /** An event leaves the ring: it no longer aggregates. */
  private forget(ev: Event, objKey: string): void {
    const groups = this.byObject.get(objKey);
    if (!groups) return;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (g.combined === ev) g.combined = undefined;
      const j = g.events.indexOf(ev);
      if (j >= 0) g.events.splice(j, 1);
      if (!g.events.length && !g.combined) groups.splice(i--, 1);
    }
    if (!groups.length) this.byObject.delete(objKey);
  }

  /** Events still within their TTL, oldest first by last occurrence. */
  list(namespace?: string): Event[] {
    const now = this.clock();
    const out: Event[] = [];
    for (let i = 0; i < this.size; i++) {
      const ev = this.ring[(this.head + i) % this.ring.length]!;
      if (now - ev.lastTimestamp > EVENT_TTL_MS) continue;
      if (namespace !== undefined && ev.metadata.namespace !== namespace) continue;
      out.push(ev);
    }
    return out.sort((a, b) => a.lastTimestamp - b.lastTimestamp || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
  }

  /** Events about one object (for `kubectl describe`). */
  about(uid: string): Event[] {
    return this.list().filter((e) => e.involvedObject.uid === uid);
  }

  get count(): number {
    return this.size;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex8(n: number): string {
  return HEX[(n >>> 24) & 255] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
}

function toRef(about: KubeObject | ObjectReference, fieldPath?: string): ObjectReference {
  if ('metadata' in about) {
    const ref: ObjectReference = {
      kind: about.kind,
      namespace: about.metadata.namespace,
      name: about.metadata.name,
      uid: about.metadata.uid,
      apiVersion: about.apiVersion,
      resourceVersion: about.metadata.resourceVersion,
    };
    if (fieldPath) ref.fieldPath = fieldPath;
    return ref;
  }
  return fieldPath ? { ...about, fieldPath } : about;
}
