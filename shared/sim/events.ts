/**
 * The event recorder: components report what they did as core/v1 Events with the real
 * reasons. Like client-go's correlator, repeats of the same event on the same object bump
 * `count`, and many different messages for one object and reason are combined. The log is a
 * bounded ring, standing in for the API server's one-hour event TTL, so a huge cluster cannot
 * grow without limit. Records are compact; the API shape is built only when someone reads.
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

/** One event as recorded; `toEvent()` gives the API object. */
class EventRecord {
  count = 1;
  /** Stands for several different messages (EventAggregator's combined event). */
  combined = false;
  last: Time;
  rv: number;
  private view?: Event;

  constructor(
    readonly about: KubeObject | ObjectReference,
    readonly fieldPath: string | undefined,
    readonly type: EventType,
    readonly reason: string,
    public message: string,
    readonly component: string,
    readonly host: string | undefined,
    readonly first: Time,
    readonly seq: number,
    private readonly stampBase: string,
  ) {
    this.last = first;
    this.rv = seq;
  }

  toEvent(): Event {
    let ev = this.view;
    if (!ev) {
      const ref = toRef(this.about, this.fieldPath);
      ev = this.view = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${ref.name}.${this.stampBase}${hex8(this.seq)}`, namespace: ref.namespace ?? 'default', uid: `event-${this.seq}`, resourceVersion: '', creationTimestamp: this.first },
        involvedObject: ref,
        reason: this.reason,
        message: this.message,
        source: this.host ? { component: this.component, host: this.host } : { component: this.component },
        firstTimestamp: this.first,
        lastTimestamp: this.last,
        count: this.count,
        type: this.type,
        reportingComponent: this.component,
        reportingInstance: this.host ?? '',
      };
    }
    ev.count = this.count;
    ev.lastTimestamp = this.last;
    ev.message = this.message;
    ev.metadata.resourceVersion = String(this.rv);
    return ev;
  }
}


export class EventLog {
  private ring: (EventRecord | undefined)[];
  private ringKeys: string[];
  private head = 0;
  private size = 0;
  /** Live events per involved object, for aggregation. */
  private byObject = new Map<string, EventRecord[]>();
  private seq = 0;
  private sinks: EventSink[] = [];
  private readonly stampBase: string;

  constructor(
    private readonly clock: () => Time,
    epochMs: number,
    capacity = 2000,
  ) {
    this.ring = new Array(capacity).fill(undefined);
    this.ringKeys = new Array(capacity).fill('');
    this.stampBase = hex8(Math.floor(epochMs / 1000));
  }

  onEvent(sink: EventSink): void {
    this.sinks.push(sink);
  }

  /** Records an event (or counts a repeat of one). */
  record(about: KubeObject | ObjectReference, type: EventType, reason: string, message: string, component: string, host?: string, fieldPath?: string): void {
    const now = this.clock();
    const meta = (about as KubeObject).metadata;
    const objKey = meta !== undefined ? meta.uid : `${about.kind}/${(about as ObjectReference).name}`;
    let list = this.byObject.get(objKey);
    if (!list) this.byObject.set(objKey, (list = []));
    // The same event again counts on the existing one; many different messages for one reason
    // are combined (EventAggregator), within its 10-minute window.
    let distinct = 0;
    let combined: EventRecord | undefined;
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (r.reason !== reason || r.type !== type || r.component !== component || r.fieldPath !== fieldPath) continue;
      if (r.combined) combined = r;
      else if (r.message === message && now - r.last < EVENT_TTL_MS) return this.bump(r, now);
      else if (now - r.first <= AGGREGATE_WINDOW_MS) distinct++;
    }
    if (combined && now - combined.last < EVENT_TTL_MS) {
      combined.message = `(combined from similar events): ${message}`;
      return this.bump(combined, now);
    }
    const r = this.create(about, type, reason, distinct >= AGGREGATE_MAX_EVENTS ? `(combined from similar events): ${message}` : message, component, host, fieldPath, now, objKey);
    r.combined = distinct >= AGGREGATE_MAX_EVENTS;
    list.push(r);
  }

  private bump(r: EventRecord, now: Time): void {
    r.count++;
    r.last = now;
    r.rv = ++this.seq;
    if (this.sinks.length) {
      const ev = r.toEvent();
      for (const s of this.sinks) s(ev, false);
    }
  }

  private create(about: KubeObject | ObjectReference, type: EventType, reason: string, message: string, component: string, host: string | undefined, fieldPath: string | undefined, now: Time, objKey: string): EventRecord {
    const r = new EventRecord(about, fieldPath, type, reason, message, component, host, now, ++this.seq, this.stampBase);
    const cap = this.ring.length;
    const slot = (this.head + this.size) % cap;
    if (this.size === cap) {
      this.forget(this.ring[this.head]!, this.ringKeys[this.head]);
      this.head = (this.head + 1) % cap;
    } else {
      this.size++;
    }
    this.ring[slot] = r;
    this.ringKeys[slot] = objKey;
    if (this.sinks.length) {
      const ev = r.toEvent();
      for (const s of this.sinks) s(ev, true);
    }
    return r;
  }

  /** An event leaves the ring: it no longer aggregates. */
  private forget(r: EventRecord, objKey: string): void {
    const list = this.byObject.get(objKey);
    if (!list) return;
    const i = list.indexOf(r);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) this.byObject.delete(objKey);
  }

  /** Events still within their TTL, oldest first by last occurrence. */
  list(namespace?: string): Event[] {
    const now = this.clock();
    const out: EventRecord[] = [];
    for (let i = 0; i < this.size; i++) {
      const r = this.ring[(this.head + i) % this.ring.length]!;
      if (now - r.last > EVENT_TTL_MS) continue;
      if (namespace !== undefined && (r.about as KubeObject).metadata?.namespace !== namespace && (r.about as ObjectReference).namespace !== namespace) {
        // Events about cluster-scoped objects (nodes) live in "default".
        const ns = (r.about as KubeObject).metadata?.namespace ?? (r.about as ObjectReference).namespace ?? 'default';
        if (ns !== namespace) continue;
      }
      out.push(r);
    }
    return out.sort((a, b) => a.last - b.last || a.rv - b.rv).map((r) => r.toEvent());
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
  const meta = (about as KubeObject).metadata;
  if (meta !== undefined) {
    const o = about as KubeObject;
    const ref: ObjectReference = { kind: o.kind, namespace: meta.namespace, name: meta.name, uid: meta.uid, apiVersion: o.apiVersion, resourceVersion: meta.resourceVersion };
    if (fieldPath) ref.fieldPath = fieldPath;
    return ref;
  }
  return fieldPath ? { ...(about as ObjectReference), fieldPath } : (about as ObjectReference);
}
