// The player's town at night: the town hall (control plane), apartment blocks (workers) whose
// windows are pods and whose residents are containers, drawn from the room state as it changes.
import Phaser from 'phaser';
import { ART_SCALE, apartmentKey, drawApartment, drawShop, shopKey } from '../art/apartment.js';
import { buildingKey, buildingTextureSize, drawBuilding, SIDE_EXTRA, TOP_EXTRA, type BuildingArt } from '../art/building.js';
import { FX, makeFxTextures } from '../art/fx.js';
import { PALETTE } from '../art/palette.js';
import { canvasTexture } from '../art/texture-cache.js';
import type { HandContainerView, NodeView, PodView, TownView } from '../net/state-types.js';
import { G, type BuildingKind, type Rect } from './geometry.js';
import { CONTROL_PLANE_APPS, nodeDark, nodeLook, podLook, residentsOf, shopLook, type NodeLook, type PodLook, type ShopLook } from './looks.js';
import { hitTest, layoutTown, shopRect, slotRect, type Box, type TownLayout } from './town-layout.js';
import { VanFleet } from './vans.js';

export type TownTarget = { kind: 'node'; node: string } | { kind: 'pod'; key: string; node: string } | { kind: 'hand'; node: string; name: string };

export interface TownHooks {
  hover(t: TownTarget | undefined, at: { x: number; y: number }): void;
  select(t: TownTarget | undefined, at: { x: number; y: number }): void;
  /** Called after the drawing changed (the accessible description reads `describe()`). */
  changed?(): void;
}

/** What is drawn, in words: read by the accessible description and by the browser tests. */
export interface TownDescription {
  buildings: { name: string; kind: BuildingKind; look: NodeLook; cordoned: boolean; diskPressure: boolean; pods: { key: string; name: string; status: string; look: PodLook }[]; shops: { name: string; look: ShopLook }[] }[];
}

const QUEUE = '~pending';
/** How long a pod that left may still "move" into a new apartment (real ms). */
const MOVE_WINDOW_MS = 15_000;
/** Pods the loop replaces elsewhere: deleted, evicted, or stranded on a dead node. */
const MOVERS: ReadonlySet<PodLook> = new Set(['leaving', 'evicted', 'dark']);

interface Apt {
  key: string;
  name: string;
  app: string;
  status: string;
  building: string;
  slot: number;
  look: PodLook | '';
  residents: string;
  img: Phaser.GameObjects.Image;
  seed: number;
}

interface Bld {
  name: string;
  kind: BuildingKind;
  cols: number;
  slots: (string | undefined)[];
  floors: number;
  look: NodeLook;
  cordoned: boolean;
  diskPressure: boolean;
  art?: string;
  img: Phaser.GameObjects.Image;
  glow: Phaser.GameObjects.Image;
  label: Phaser.GameObjects.Text;
  caption?: Phaser.GameObjects.Text;
  shops: { name: string; look: ShopLook; img: Phaser.GameObjects.Image }[];
  smoke: Phaser.GameObjects.Image[];
}

interface Leaver {
  app: string;
  building: string;
  x: number;
  y: number;
  at: number;
  used: boolean;
}

export class TownScene extends Phaser.Scene {
  private source?: () => TownView | undefined;
  private hooks?: TownHooks;
  private dirty = true;
  private relayoutNeeded = true;
  private layout?: TownLayout;
  private blds = new Map<string, Bld>();
  private apts = new Map<string, Apt>();
  private leavers: Leaver[] = [];
  private flickering = new Set<Apt>();
  private street!: Phaser.GameObjects.Graphics;
  private highlight!: Phaser.GameObjects.Graphics;
  private lamps: Phaser.GameObjects.Image[] = [];
  private textureUse = new Map<string, number>();
  private hovered?: TownTarget;
  private selected?: TownTarget;
  private loaded = false;
  private vanFleet!: VanFleet;
  private ready = false;
  private labelText: { hall: string; pending: string } = { hall: 'TOWN HALL', pending: 'Pending' };

  constructor() {
    super({ key: 'town', active: true });
  }

  /** Where the scene reads the town from, and who hears about hovers and clicks. */
  attach(source: () => TownView | undefined, hooks: TownHooks): void {
    this.source = source;
    this.hooks = hooks;
    this.dirty = true;
  }

  /** The state changed: redraw on the next frame. */
  refresh(): void {
    this.dirty = true;
  }

  setLabels(l: { hall: string; pending: string }): void {
    this.labelText = l;
    for (const b of this.blds.values()) if (b.caption) b.caption.setText(b.kind === 'hall' ? l.hall : l.pending);
  }

  create(): void {
    makeFxTextures(this);
    this.street = this.add.graphics().setDepth(0);
    this.highlight = this.add.graphics().setDepth(9);
    this.vanFleet = new VanFleet(this);
    this.scale.on('resize', () => {
      this.relayoutNeeded = true;
      this.dirty = true;
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => this.pointer(p, false));
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => this.pointer(p, true));
    this.input.on('gameout', () => this.setHover(undefined, { x: 0, y: 0 }));
    this.ready = true;
  }

  override update(time: number): void {
    if (this.dirty && this.source) {
      this.dirty = false;
      this.reconcile(time);
      this.hooks?.changed?.();
    }
    this.animate(time);
  }

  // ------------------------------------------------------------------ reconcile

  private reconcile(time: number): void {
    const town = this.source?.();
    if (!town) return;
    const seenB = new Set<string>();
    town.nodes.forEach((n) => {
      seenB.add(n.name);
      const b = this.blds.get(n.name) ?? this.addBuilding(n.name, n.role === 'control-plane' ? 'hall' : 'block');
      b.look = nodeLook(n, town.controlPlaneUp);
      b.cordoned = n.cordoned;
      b.diskPressure = n.diskPressure;
    });
    let pending = 0;
    town.pods.forEach((p) => {
      if (!p.node || !town.nodes.has(p.node)) pending++;
    });
    if (pending) seenB.add(QUEUE);
    if (pending && !this.blds.has(QUEUE)) this.addBuilding(QUEUE, 'queue');
    for (const [name, b] of this.blds) if (!seenB.has(name)) this.removeBuilding(name, b);

    // Pods into apartments.
    const seen = new Set<string>();
    const fresh: Apt[] = [];
    town.pods.forEach((p, key) => {
      seen.add(key);
      const where = p.node && town.nodes.has(p.node) ? p.node : QUEUE;
      let a = this.apts.get(key);
      if (a && a.building !== where) {
        this.freeSlot(a);
        a.building = where;
        a.slot = this.takeSlot(where, p);
        a.look = '';
      }
      if (!a) {
        a = { key, name: p.name, app: p.app, status: p.status, building: where, slot: this.takeSlot(where, p), look: '', residents: '', img: this.add.image(0, 0, FX.bag).setOrigin(0, 0).setDepth(3), seed: hashSeed(key) };
        this.apts.set(key, a);
        if (this.loaded) fresh.push(a);
      }
      a.status = p.status;
    });
    for (const [key, a] of this.apts) {
      if (seen.has(key)) continue;
      this.noteLeaver(a, time);
      this.freeSlot(a);
      this.flickering.delete(a);
      a.img.destroy();
      this.apts.delete(key);
    }

    // Floors: a block grows when it has more tenants than windows, and does not shrink back
    // (a building changing height at every move would make the whole town jump).
    for (const b of this.blds.values()) {
      const used = b.slots.length;
      const min = b.kind === 'hall' ? 2 : b.kind === 'queue' ? 1 : G.minFloors;
      const floors = Math.max(min, b.floors, Math.ceil(used / b.cols));
      if (floors !== b.floors) {
        b.floors = floors;
        this.relayoutNeeded = true;
      }
    }
    if (this.relayoutNeeded) this.relayout();
    const layout = this.layout!;

    // Buildings.
    town.nodes.forEach((n) => this.drawBuildingOf(this.blds.get(n.name)!, layout.boxes.get(n.name)!, n));
    const q = this.blds.get(QUEUE);
    if (q) this.drawBuildingOf(q, layout.boxes.get(QUEUE)!, undefined);

    // Apartments.
    const nodeDarkness = new Map<string, boolean>();
    town.nodes.forEach((n) => nodeDarkness.set(n.name, nodeDark(n)));
    town.pods.forEach((p, key) => this.drawApartmentOf(this.apts.get(key)!, p, nodeDarkness.get(p.node) ?? false));

    // Moves: a new apartment of an app that just left a building elsewhere arrives by van.
    for (const a of fresh) this.maybeMove(a, time);
    this.leavers = this.leavers.filter((l) => !l.used && time - l.at < MOVE_WINDOW_MS);
    this.loaded = true;
    this.drawHighlight();
  }

  private addBuilding(name: string, kind: BuildingKind): Bld {
    const cols = kind === 'hall' ? G.hallCols : kind === 'queue' ? G.queueCols : G.blockCols;
    const b: Bld = {
      name,
      kind,
      cols,
      slots: [],
      floors: 0,
      look: 'ok',
      cordoned: false,
      diskPressure: false,
      img: this.add.image(0, 0, FX.star).setOrigin(0, 0).setDepth(2),
      glow: this.add.image(0, 0, FX.glow).setDepth(1).setBlendMode(Phaser.BlendModes.ADD).setAlpha(0),
      label: this.add.text(0, 0, kind === 'queue' ? '' : name, { fontFamily: 'system-ui, sans-serif', fontSize: '9px', color: '#e9edff', fontStyle: 'bold', resolution: 3 }).setOrigin(0.5, 0.5).setDepth(4),
      shops: [],
      smoke: [],
    };
    if (kind !== 'block') {
      b.caption = this.add
        .text(0, 0, kind === 'hall' ? this.labelText.hall : this.labelText.pending, { fontFamily: 'system-ui, sans-serif', fontSize: '8px', color: '#ffc95e', fontStyle: 'bold', resolution: 3 })
        .setOrigin(0.5, 1)
        .setDepth(4);
    }
    this.blds.set(name, b);
    this.relayoutNeeded = true;
    return b;
  }

  private removeBuilding(name: string, b: Bld): void {
    b.img.destroy();
    b.glow.destroy();
    b.label.destroy();
    b.caption?.destroy();
    for (const s of b.shops) s.img.destroy();
    for (const s of b.smoke) s.destroy();
    if (b.art) this.release(b.art);
    this.blds.delete(name);
    this.relayoutNeeded = true;
  }

  private takeSlot(building: string, p: PodView): number {
    const b = this.blds.get(building)!;
    if (b.kind === 'hall') {
      const fixed = (CONTROL_PLANE_APPS as readonly string[]).indexOf(p.app);
      if (fixed >= 0 && p.namespace === 'kube-system' && !b.slots[fixed]) {
        b.slots[fixed] = `${p.namespace}/${p.name}`;
        return fixed;
      }
    }
    const start = b.kind === 'hall' ? CONTROL_PLANE_APPS.length : 0;
    let i = start;
    while (b.slots[i] !== undefined) i++;
    b.slots[i] = `${p.namespace}/${p.name}`;
    return i;
  }

  private freeSlot(a: Apt): void {
    const b = this.blds.get(a.building);
    if (!b) return;
    b.slots[a.slot] = undefined;
    while (b.slots.length && b.slots[b.slots.length - 1] === undefined) b.slots.pop();
  }

  // ------------------------------------------------------------------ layout

  private relayout(): void {
    this.relayoutNeeded = false;
    const specs = [...this.blds.values()]
      .sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, 'en', { numeric: true }))
      .map((b) => ({ name: b.name, kind: b.kind, floors: b.floors, cols: b.cols }));
    const cam = this.cameras.main;
    const layout = layoutTown(specs, cam.width, cam.height);
    this.layout = layout;
    cam.setZoom(layout.zoom);
    // Spare height goes to the sky: the town stands at the bottom of the view.
    const viewH = cam.height / layout.zoom;
    cam.centerOn(layout.width / 2, Math.max(layout.height / 2, layout.height + 12 - viewH / 2));
    this.drawStreets(layout);
    for (const b of this.blds.values()) {
      const box = layout.boxes.get(b.name)!;
      b.img.setPosition(box.x - SIDE_EXTRA, box.ground - box.h - TOP_EXTRA);
      b.label.setPosition(box.x + box.w / 2, box.ground - box.h + 11);
      b.caption?.setPosition(box.x + box.w / 2, box.ground - box.h - (b.kind === 'hall' ? 33 : 2));
      b.glow.setPosition(box.x + box.w / 2, box.ground - box.h / 2).setDisplaySize(box.w * 2.2, box.h * 1.6);
    }
    for (const a of this.apts.values()) a.look = '';
  }

  private drawStreets(l: TownLayout): void {
    const g = this.street;
    g.clear();
    for (const lamp of this.lamps) lamp.destroy();
    this.lamps = [];
    l.streets.forEach((s, i) => {
      // The last street's earth runs down past the bottom of the view.
      const depth = i === l.streets.length - 1 ? G.under + 2000 : G.under;
      g.fillStyle(0x0c1021, 1);
      g.fillRect(s.x0 - 400, s.ground, s.x1 - s.x0 + 800, depth);
      g.fillStyle(PALETTE.sidewalk, 1);
      g.fillRect(s.x0 - 400, s.ground - 3, s.x1 - s.x0 + 800, 4);
      g.fillStyle(0x3a4570, 1);
      g.fillRect(s.x0 - 400, s.ground, s.x1 - s.x0 + 800, 1.2);
    });
    // A street lamp in every gap between buildings.
    const byRow = new Map<number, Box[]>();
    for (const b of l.boxes.values()) byRow.set(b.row, [...(byRow.get(b.row) ?? []), b]);
    for (const boxes of byRow.values()) {
      boxes.sort((a, b) => a.x - b.x);
      for (let i = 0; i < boxes.length - 1; i++) {
        const x = (boxes[i].x + boxes[i].w + boxes[i + 1].x) / 2;
        const ground = boxes[i].ground;
        this.lamps.push(this.add.image(x - 6, ground - 46, FX.lamp).setOrigin(0, 0).setScale(1 / ART_SCALE).setDepth(2));
        this.lamps.push(this.add.image(x + 2.5, ground - 38, FX.glow).setDepth(1).setBlendMode(Phaser.BlendModes.ADD).setDisplaySize(70, 70).setAlpha(0.8));
      }
    }
  }

  // ------------------------------------------------------------------ drawing

  private drawBuildingOf(b: Bld, box: Box, n: NodeView | undefined): void {
    const art: BuildingArt = {
      kind: b.kind,
      floors: b.floors,
      cols: b.cols,
      w: box.w,
      h: box.h,
      look: b.look,
      cordoned: b.cordoned,
      diskPressure: b.diskPressure,
      disk: n ? Math.round(n.diskPct / 5) * 5 : 0,
      cpu: n ? Math.round(n.cpuPct / 20) * 20 : 0,
    };
    const key = buildingKey(art);
    if (key !== b.art) {
      const size = buildingTextureSize(art);
      canvasTexture(this, key, size.w, size.h, 2, (ctx) => drawBuilding(ctx, art));
      this.use(key);
      if (b.art) this.release(b.art);
      b.art = key;
      b.img.setTexture(key).setScale(0.5);
      b.label.setColor(b.look === 'dark' ? '#6f7cab' : '#e9edff');
    }
    if (n && b.kind === 'block') this.drawShops(b, box, n);
    // Dark buildings smoke; lit ones glow warm in proportion to their lit windows.
    const dark = b.look === 'dark';
    if (dark && !b.smoke.length) {
      for (let i = 0; i < 4; i++) b.smoke.push(this.add.image(0, 0, FX.puff).setDepth(6).setAlpha(0));
    } else if (!dark && b.smoke.length) {
      for (const s of b.smoke) s.destroy();
      b.smoke = [];
    }
    let lit = 0;
    let total = 0;
    for (const k of b.slots) {
      if (!k) continue;
      total++;
      if (this.apts.get(k)?.look === 'lit') lit++;
    }
    b.glow.setAlpha(b.kind === 'queue' || dark ? 0 : 0.1 + (total ? (0.35 * lit) / total : 0));
    if (b.caption && b.kind === 'queue') b.caption.setText(`${this.labelText.pending} (${total})`);
  }

  private drawShops(b: Bld, box: Box, n: NodeView): void {
    const hand: HandContainerView[] = [];
    n.hand.forEach((h) => hand.push(h));
    // The shop windows show the app run by hand; other stopped containers are basement junk.
    hand.sort((x, y) => rankHand(x) - rankHand(y) || x.name.localeCompare(y.name));
    const shown = hand.filter((h) => h.state === 'running' || h.state === 'restarting' || h.ports).slice(0, 2);
    while (b.shops.length > shown.length) b.shops.pop()!.img.destroy();
    shown.forEach((h, i) => {
      const look = shopLook(h);
      let s = b.shops[i];
      if (!s) {
        s = { name: '', look, img: this.add.image(0, 0, FX.bag).setOrigin(0, 0).setDepth(3).setScale(1 / ART_SCALE) };
        b.shops.push(s);
        s.look = '' as ShopLook;
      }
      const r = shopRect(box, i);
      s.img.setPosition(r.x, r.y);
      s.name = h.name;
      if (s.look !== look) {
        s.look = look;
        s.img.setTexture(canvasTexture(this, shopKey(look), G.shopW, G.shopH, ART_SCALE, (ctx) => drawShop(ctx, look)));
      }
      s.img.setAlpha(b.look === 'dark' ? 0.35 : 1);
    });
  }

  private drawApartmentOf(a: Apt, p: PodView, dark: boolean): void {
    const look = podLook(p, dark);
    const residents = residentsOf(p);
    const b = this.layout?.boxes.get(a.building);
    if (!b) return;
    const r = slotRect(b, a.slot);
    a.img.setPosition(r.x, r.y);
    if (look === a.look && residents === a.residents) return;
    a.look = look;
    a.residents = residents;
    if (b.kind === 'queue') a.img.setTexture(FX.bag).setScale(1 / ART_SCALE);
    else a.img.setTexture(canvasTexture(this, apartmentKey(look, residents), G.aptW, G.aptH, ART_SCALE, (ctx) => drawApartment(ctx, look, residents))).setScale(1 / ART_SCALE);
    a.img.setAlpha(look === 'leaving' ? 0.7 : 1);
    if (look === 'starting') this.flickering.add(a);
    else this.flickering.delete(a);
  }

  private noteLeaver(a: Apt, time: number): void {
    const b = this.layout?.boxes.get(a.building);
    if (!b || !a.app || !MOVERS.has(a.look as PodLook)) return;
    const r = slotRect(b, a.slot);
    this.leavers.push({ app: a.app, building: a.building, x: r.x + r.w / 2, y: r.y + r.h / 2, at: time, used: false });
  }

  private maybeMove(a: Apt, time: number): void {
    if (!a.app || a.building === QUEUE) return;
    // The replaced pod may still be there (Terminating on a dead node) or just gone.
    let from: { x: number; y: number } | undefined;
    const leaver = this.leavers.find((l) => !l.used && l.app === a.app && l.building !== a.building && time - l.at < MOVE_WINDOW_MS);
    if (leaver) {
      leaver.used = true;
      from = leaver;
    } else {
      for (const o of this.apts.values()) {
        if (o === a || o.app !== a.app || o.building === a.building || o.building === QUEUE) continue;
        if (!MOVERS.has(o.look as PodLook)) continue;
        if (this.leavers.some((l) => l.building === `moved:${o.key}`)) continue;
        this.leavers.push({ app: a.app, building: `moved:${o.key}`, x: 0, y: 0, at: time, used: true });
        const ob = this.layout!.boxes.get(o.building)!;
        const r = slotRect(ob, o.slot);
        from = { x: r.x + r.w / 2, y: r.y + r.h / 2 };
        break;
      }
    }
    if (!from) return;
    const box = this.layout!.boxes.get(a.building)!;
    const r = slotRect(box, a.slot);
    this.vanFleet.drive(from, { x: r.x + r.w / 2, y: r.y + r.h / 2 });
  }

  // ------------------------------------------------------------------ animation

  private animate(time: number): void {
    // Starting apartments flicker (lights not steady until the residents are ready).
    const step = Math.floor(time / 90);
    for (const a of this.flickering) a.img.setAlpha(0.5 + 0.5 * noise(step + a.seed));
    if (!this.layout) return;
    for (const b of this.blds.values()) {
      if (!b.smoke.length) continue;
      const box = this.layout.boxes.get(b.name);
      if (!box) continue;
      b.smoke.forEach((s, i) => {
        const phase = (time / 2600 + i / b.smoke.length) % 1;
        s.setPosition(box.x + 18 + Math.sin(phase * 5 + i) * 6 + phase * 14, box.ground - box.h - 14 - phase * 48);
        s.setScale(0.6 + phase * 1.8);
        s.setAlpha(0.55 * (1 - phase));
      });
    }
  }

  // ------------------------------------------------------------------ input

  private pointer(p: Phaser.Input.Pointer, click: boolean): void {
    const t = this.targetAt(p.x, p.y);
    if (click) {
      this.selected = t;
      this.drawHighlight();
      this.hooks?.select(t, { x: p.x, y: p.y });
    } else this.setHover(t, { x: p.x, y: p.y });
  }

  private setHover(t: TownTarget | undefined, at: { x: number; y: number }): void {
    if (sameTarget(t, this.hovered)) return;
    this.hovered = t;
    this.drawHighlight();
    this.hooks?.hover(t, at);
  }

  /** What is under a screen point (canvas pixels). */
  targetAt(x: number, y: number): TownTarget | undefined {
    if (!this.layout) return undefined;
    const wp = this.cameras.main.getWorldPoint(x, y);
    const hit = hitTest(this.layout, wp.x, wp.y);
    if (!hit) return undefined;
    const b = this.blds.get(hit.building);
    if (!b) return undefined;
    if (hit.slot !== undefined) {
      const key = b.slots[hit.slot];
      if (key) return { kind: 'pod', key, node: b.kind === 'queue' ? '' : b.name };
    }
    if (hit.shop !== undefined && b.shops[hit.shop]) return { kind: 'hand', node: b.name, name: b.shops[hit.shop].name };
    return b.kind === 'queue' ? undefined : { kind: 'node', node: b.name };
  }

  /** Keyboard focus from the play screen (drawn like a selection). */
  setSelected(t: TownTarget | undefined): void {
    this.selected = t;
    this.drawHighlight();
  }

  /** Everything that can be picked, in reading order: each building, then its shops and apartments. */
  targets(): TownTarget[] {
    if (!this.layout) return [];
    const out: TownTarget[] = [];
    const boxes = [...this.layout.boxes.values()].sort((a, b) => a.row - b.row || a.x - b.x);
    for (const box of boxes) {
      const b = this.blds.get(box.name);
      if (!b) continue;
      if (b.kind !== 'queue') out.push({ kind: 'node', node: b.name });
      for (const s of b.shops) out.push({ kind: 'hand', node: b.name, name: s.name });
      b.slots.forEach((k) => k && out.push({ kind: 'pod', key: k, node: b.kind === 'queue' ? '' : b.name }));
    }
    return out;
  }

  /** A target's rectangle in canvas pixels (to place the inspector next to it). */
  screenRect(t: TownTarget): Rect | undefined {
    const r = this.worldRect(t);
    if (!r) return undefined;
    const cam = this.cameras.main;
    const v = cam.worldView;
    return { x: (r.x - v.x) * cam.zoom, y: (r.y - v.y) * cam.zoom, w: r.w * cam.zoom, h: r.h * cam.zoom };
  }

  private worldRect(t: TownTarget): Rect | undefined {
    if (!this.layout) return undefined;
    if (t.kind === 'pod') {
      const a = this.apts.get(t.key);
      const box = a && this.layout.boxes.get(a.building);
      return a && box ? slotRect(box, a.slot) : undefined;
    }
    const box = this.layout.boxes.get(t.node);
    if (!box) return undefined;
    if (t.kind === 'hand') {
      const b = this.blds.get(t.node);
      const i = b?.shops.findIndex((s) => s.name === t.name) ?? -1;
      return i >= 0 ? shopRect(box, i) : undefined;
    }
    const top = box.kind === 'hall' ? 32 : 4;
    return { x: box.x - 3, y: box.ground - box.h - top, w: box.w + 6, h: box.h + top + G.basementH + 3 };
  }

  private drawHighlight(): void {
    const g = this.highlight;
    if (!g) return;
    g.clear();
    const z = this.cameras.main.zoom || 1;
    for (const [t, width, alpha] of [
      [this.hovered, 1.5, 0.7],
      [this.selected, 2.5, 1],
    ] as const) {
      const r = t && this.worldRect(t);
      if (!r) continue;
      g.lineStyle(width / Math.max(0.5, z), PALETTE.focus, alpha);
      g.strokeRoundedRect(r.x - 1.5, r.y - 1.5, r.w + 3, r.h + 3, 3);
    }
  }

  // ------------------------------------------------------------------ words

  describe(): TownDescription {
    const out: TownDescription = { buildings: [] };
    const boxes = this.layout ? [...this.layout.boxes.values()].sort((a, b) => a.row - b.row || a.x - b.x) : [];
    for (const box of boxes) {
      const b = this.blds.get(box.name);
      if (!b) continue;
      const pods = b.slots
        .filter((k): k is string => !!k)
        .map((k) => this.apts.get(k))
        .filter((a): a is Apt => !!a)
        .map((a) => ({ key: a.key, name: a.name, status: a.status, look: (a.look || 'unknown') as PodLook }));
      out.buildings.push({ name: b.name, kind: b.kind, look: b.look, cordoned: b.cordoned, diskPressure: b.diskPressure, pods, shops: b.shops.map((s) => ({ name: s.name, look: s.look })) });
    }
    return out;
  }

  get isReady(): boolean {
    return this.ready;
  }

  // ------------------------------------------------------------------ textures

  private use(key: string): void {
    this.textureUse.set(key, (this.textureUse.get(key) ?? 0) + 1);
  }

  /** Building textures are per size and state: drop one when no building shows it. */
  private release(key: string): void {
    const n = (this.textureUse.get(key) ?? 1) - 1;
    if (n > 0) return void this.textureUse.set(key, n);
    this.textureUse.delete(key);
    if (this.textures.exists(key)) this.textures.remove(key);
  }
}

function order(b: Bld): number {
  return b.kind === 'hall' ? 0 : b.kind === 'queue' ? 2 : 1;
}

function rankHand(h: HandContainerView): number {
  return h.state === 'running' ? 0 : h.state === 'restarting' ? 1 : h.ports ? 2 : 3;
}

function sameTarget(a: TownTarget | undefined, b: TownTarget | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'pod') return a.key === (b as typeof a).key;
  if (a.kind === 'hand') return a.node === b.node && a.name === (b as typeof a).name;
  return a.node === b.node;
}

function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % 997;
}

/** A cheap repeatable flicker in [0, 1]. */
function noise(n: number): number {
  const x = Math.sin(n * 12.9898) * 43758.5453;
  return x - Math.floor(x);
}

