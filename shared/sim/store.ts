/**
 * The API server's storage (etcd, in the real thing): objects by kind and key, a global
 * resourceVersion, indexes, and watch notifications that controllers use to react to
 * changes instead of scanning the world.
 */
import type { Kind, KubeObject, ObjectOf } from './api/types.js';

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type Watcher<K extends Kind> = (type: WatchType, obj: ObjectOf<K>) => void;

export function keyOf(name: string, namespace?: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function objectKey(obj: KubeObject): string {
  return keyOf(obj.metadata.name, obj.metadata.namespace);
}

/** A secondary index: objects grouped by a derived key (node name, owner uid, ...). */
export class Index<T extends KubeObject> {
  private groups = new Map<string, Set<T>>();
  private current = new Map<string, string>();

  constructor(private readonly keyFn: (obj: T) => string | undefined) {}

  get(key: string): ReadonlySet<T> {
    return this.groups.get(key) ?? EMPTY;
  }

  keys(): IterableIterator<string> {
    return this.groups.keys();
  }

  /** Re-files the object after a write; called by the store. */
  update(obj: T, removed: boolean): void {
    const uid = obj.metadata.uid;
    const before = this.current.get(uid);
    const after = removed ? undefined : this.keyFn(obj);
    if (before === after) return;
    if (before !== undefined) {
      const g = this.groups.get(before)!;
      g.delete(obj);
      if (!g.size) this.groups.delete(before);
      this.current.delete(uid);
    }
    if (after !== undefined) {
      let g = this.groups.get(after);
      if (!g) this.groups.set(after, (g = new Set()));
      g.add(obj);
      this.current.set(uid, after);
    }
  }
}

const EMPTY: ReadonlySet<never> = new Set();

export class Store {
  private rv = 0;
  private readonly maps = new Map<Kind, Map<string, KubeObject>>();
  private readonly watchers = new Map<Kind, Watcher<Kind>[]>();
  private readonly indexes = new Map<Kind, Index<KubeObject>[]>();
  /** Every stored object by uid: a cheap "is this object still the stored one?". */
  private readonly byUid = new Map<string, KubeObject>();

  get resourceVersion(): number {
    return this.rv;
  }

  private map<K extends Kind>(kind: K): Map<string, ObjectOf<K>> {
    let m = this.maps.get(kind);
    if (!m) this.maps.set(kind, (m = new Map()));
    return m as Map<string, ObjectOf<K>>;
  }

  get<K extends Kind>(kind: K, name: string, namespace?: string): ObjectOf<K> | undefined {
    return this.map(kind).get(keyOf(name, namespace));
  }

  /** Objects of a kind in insertion order, optionally in one namespace. */
  list<K extends Kind>(kind: K, namespace?: string): ObjectOf<K>[] {
    const all = [...this.map(kind).values()];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  values<K extends Kind>(kind: K): IterableIterator<ObjectOf<K>> {
    return this.map(kind).values();
  }

  /** Whether `obj` is (still) the stored object with its uid. */
  isLive(obj: KubeObject): boolean {
    return this.byUid.get(obj.metadata.uid) === obj;
  }

  count(kind: Kind): number {
    return this.map(kind).size;
  }

  index<K extends Kind>(kind: K, keyFn: (obj: ObjectOf<K>) => string | undefined): Index<ObjectOf<K>> {
    const idx = new Index<ObjectOf<K>>(keyFn);
    for (const o of this.map(kind).values()) idx.update(o, false);
    let list = this.indexes.get(kind);
    if (!list) this.indexes.set(kind, (list = []));
    list.push(idx as unknown as Index<KubeObject>);
    return idx;
  }

  watch<K extends Kind>(kind: K, fn: Watcher<K>): void {
    let list = this.watchers.get(kind);
    if (!list) this.watchers.set(kind, (list = []));
    list.push(fn as unknown as Watcher<Kind>);
  }

  /** Stores a fully formed object (the API server has filled uid and timestamps). */
  add<T extends KubeObject>(obj: T): T {
    const m = this.map(obj.kind);
    const key = objectKey(obj);
    if (m.has(key)) throw new Error(`store: ${obj.kind} ${key} already exists`);
    obj.metadata.resourceVersion = String(++this.rv);
    m.set(key, obj);
    this.byUid.set(obj.metadata.uid, obj);
    this.notify('ADDED', obj, false);
    return obj;
  }

  /** Records a change made in place to a stored object. */
  update<T extends KubeObject>(obj: T): T {
    obj.metadata.resourceVersion = String(++this.rv);
    this.notify('MODIFIED', obj, false);
    return obj;
  }

  remove(obj: KubeObject): void {
    const m = this.map(obj.kind);
    const key = objectKey(obj);
    if (m.get(key) !== obj) return;
    m.delete(key);
    this.byUid.delete(obj.metadata.uid);
    ++this.rv;
    this.notify('DELETED', obj, true);
  }

  private notify(type: WatchType, obj: KubeObject, removed: boolean): void {
    const idx = this.indexes.get(obj.kind);
    if (idx) for (const i of idx) i.update(obj, removed);
    const ws = this.watchers.get(obj.kind);
    if (ws) for (const w of ws) w(type, obj);
  }
}
