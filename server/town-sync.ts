/**
 * Mirrors one town's cluster into its TownState, touching only what changed since the last
 * tick, so that patches stay small: a quiet town costs nothing, a pod that goes from
 * ContainerCreating to Running sends one field.
 */
import { isPodReady } from '../shared/sim/api/pods.js';
import { milliCpu } from '../shared/sim/api/quantity.js';
import type { Event, Pod } from '../shared/sim/api/types.js';
import { podStatus } from '../shared/shell/pod-status.js';
import { nodeStatus } from '../shared/shell/kubectl/printers.js';
import type { Town } from '../shared/match/town.js';
import { ContainerState, EventState, HandContainerState, NodeState, PodState, TownState } from './state.js';

const MAX_EVENTS = 25;

/** Assigns a field only when it differs (an unchanged value is not sent). */
function set<T extends object, K extends keyof T>(o: T, k: K, v: T[K]): void {
  if (o[k] !== v) o[k] = v;
}

export class TownSync {
  readonly state = new TownState();
  private dirty = true;
  private pendingEvents: Event[] = [];

  private eventSeq = 0;

  constructor(readonly town: Town) {
    this.state.id = town.id;
    for (let i = 0; i < MAX_EVENTS; i++) this.state.events.push(new EventState());
    const c = town.cluster;
    const mark = () => (this.dirty = true);
    c.store.watch('Pod', mark);
    c.store.watch('Node', mark);
    c.events.onEvent((ev, isNew) => {
      if (isNew || !this.pendingEvents.includes(ev)) this.pendingEvents.push(ev);
    });
    for (const m of c.machines.values()) this.watchMachine(m);
  }

  private watched = new Set<object>();
  private watchMachine(m: Town['cluster']['machines'] extends Map<string, infer M> ? M : never): void {
    if (this.watched.has(m)) return;
    this.watched.add(m);
    const mark = () => (this.dirty = true);
    m.docker.onChange(mark);
    m.onPower(mark);
    m.onDisk(mark);
  }

  /** Brings the state up to date; `demand`/`served` are this tick's rates (requests/s). */
  sync(demand: number, served: number): void {
    const s = this.state;
    const c = this.town.cluster;
    set(s, 'demand', Math.round(demand));
    set(s, 'served', Math.round(served));
    const b = c.traffic.backends();
    set(s, 'viaService', Math.min(255, b.viaService));
    set(s, 'viaLoadBalancer', Math.min(255, b.viaLoadBalancer));
    set(s, 'controlPlaneUp', c.controlPlaneOutage() === undefined);
    if (this.pendingEvents.length) this.syncEvents();
    if (!this.dirty) return;
    this.dirty = false;
    for (const m of c.machines.values()) this.watchMachine(m);
    this.syncNodes();
    this.syncPods();
  }

  private syncNodes(): void {
    const c = this.town.cluster;
    const seen = new Set<string>();
    for (const m of c.machines.values()) {
      seen.add(m.name);
      let n = this.state.nodes.get(m.name);
      if (!n) {
        n = new NodeState();
        n.name = m.name;
        n.role = m.spec.role;
        this.state.nodes.set(m.name, n);
      }
      const node = c.store.get('Node', m.name);
      set(n, 'status', node ? nodeStatus(node) : 'Booting');
      set(n, 'power', m.power);
      set(n, 'cordoned', !!node?.spec.unschedulable);
      set(n, 'diskPressure', node?.status.conditions.find((x) => x.type === 'DiskPressure')?.status === 'True');
      set(n, 'diskPct', Math.min(100, Math.round((m.diskUsed() / m.spec.diskBytes) * 100)));
      let cpu = 0;
      for (const p of c.podsByNode.get(m.name)) for (const ct of p.spec.containers) cpu += milliCpu(ct.resources?.requests?.cpu);
      set(n, 'cpuPct', Math.min(100, Math.round((cpu / m.spec.cpuMilli) * 100)));
      const hand = new Set<string>();
      for (const ct of m.docker.containers.values()) {
        if (ct.labels['io.kubernetes.pod.uid']) continue;
        hand.add(ct.name);
        let h = n.hand.get(ct.name);
        if (!h) {
          h = new HandContainerState();
          h.name = ct.name;
          n.hand.set(ct.name, h);
        }
        set(h, 'image', ct.image);
        set(h, 'state', m.isOn ? ct.state : 'exited');
        set(h, 'exitCode', ct.exitCode);
        set(h, 'ports', ct.ports.map((p) => `${p.hostPort}->${p.containerPort}`).join(','));
      }
      for (const k of [...n.hand.keys()]) if (!hand.has(k)) n.hand.delete(k);
    }
    for (const k of [...this.state.nodes.keys()]) if (!seen.has(k)) this.state.nodes.delete(k);
  }

  private syncPods(): void {
    const c = this.town.cluster;
    const seen = new Set<string>();
    for (const pod of c.store.values('Pod')) {
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      seen.add(key);
      let p = this.state.pods.get(key);
      if (!p) {
        p = new PodState();
        p.name = pod.metadata.name;
        p.namespace = pod.metadata.namespace ?? 'default';
        p.app = pod.metadata.labels?.app ?? pod.metadata.labels?.['k8s-app'] ?? pod.metadata.labels?.component ?? '';
        this.state.pods.set(key, p);
      }
      const cols = podStatus(pod);
      set(p, 'node', pod.spec.nodeName ?? '');
      set(p, 'status', cols.status);
      set(p, 'ready', cols.ready);
      set(p, 'restarts', Math.min(65535, cols.restarts));
      set(p, 'terminating', pod.metadata.deletionTimestamp !== undefined);
      this.syncContainers(p, pod);
    }
    for (const k of [...this.state.pods.keys()]) if (!seen.has(k)) this.state.pods.delete(k);
  }

  private syncContainers(p: PodState, pod: Pod): void {
    const specs = pod.spec.containers;
    while (p.containers.length > specs.length) p.containers.pop();
    specs.forEach((spec, i) => {
      let ct = p.containers[i];
      if (!ct) {
        ct = new ContainerState();
        p.containers.push(ct);
      }
      const st = pod.status.containerStatuses?.find((s) => s.name === spec.name);
      set(ct, 'name', spec.name);
      set(ct, 'image', spec.image);
      const state = st?.state.running ? 'running' : st?.state.terminated ? 'terminated' : 'waiting';
      set(ct, 'state', state);
      set(ct, 'reason', st?.state.waiting?.reason ?? st?.state.terminated?.reason ?? '');
      set(ct, 'ready', !!st?.ready && isPodReady(pod));
      set(ct, 'restarts', Math.min(65535, st?.restartCount ?? 0));
    });
  }

  private syncEvents(): void {
    const slots = this.state.events;
    for (const ev of this.pendingEvents) {
      const object = `${ev.involvedObject.kind.toLowerCase()}/${ev.involvedObject.name}`;
      let e = slots.find((x) => x.seq > 0 && x.reason === ev.reason && x.object === object && x.message === ev.message.slice(0, 300));
      if (!e) {
        // Overwrite the oldest slot: fields change, the array's shape never does.
        e = slots[this.eventSeq % MAX_EVENTS];
        set(e, 'seq', ++this.eventSeq);
        set(e, 'type', ev.type);
        set(e, 'reason', ev.reason);
        set(e, 'object', object);
        set(e, 'message', ev.message.slice(0, 300));
      }
      set(e, 'at', ev.lastTimestamp);
      set(e, 'count', Math.min(65535, ev.count));
    }
    this.pendingEvents = [];
  }
}
