/**
 * Details of what the player points at in the town, and the actions it offers: a small
 * tooltip on hover, a card on click (or Enter). Every action button shows the command it
 * will type into the terminal.
 */
import { t } from '../i18n.js';
import type { NodeView, TownView } from '../net/state-types.js';
import { CONTROL_PLANE_APPS, nodeDark, nodeLook, podLook, shopLook } from '../scenes/looks.js';
import type { TownTarget } from '../scenes/TownScene.js';
import { handActions, nodeActions, podActions, type TownAction } from '../town/actions.js';
import { NODE_GLYPH, POD_GLYPH, SHOP_GLYPH, podTone } from '../town/glyphs.js';
import { el } from './dom.js';

export interface InspectorDeps {
  town(): TownView | undefined;
  prompt(): string;
  run(lines: string[]): void;
  /** Closing gives focus back to the town. */
  closed(): void;
}

export class Inspector {
  readonly tip = el('div', { class: 'town-tip', attrs: { role: 'tooltip', id: 'town-tip' } });
  readonly card = el('div', { class: 'town-card panel', attrs: { role: 'dialog', id: 'town-card', 'aria-modal': 'false' } });
  private target?: TownTarget;
  private anchor = { x: 0, y: 0, w: 0, h: 0 };

  constructor(private deps: InspectorDeps) {
    this.tip.hidden = true;
    this.card.hidden = true;
    this.card.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
        deps.closed();
      }
    });
  }

  get openTarget(): TownTarget | undefined {
    return this.target;
  }

  hover(tg: TownTarget | undefined, at: { x: number; y: number }): void {
    if (!tg) {
      this.tip.hidden = true;
      return;
    }
    const info = this.summary(tg);
    if (!info) {
      this.tip.hidden = true;
      return;
    }
    this.tip.replaceChildren(el('strong', { text: info.title }), el('span', { class: `tone-${info.tone}`, text: ` ${info.glyph} ${info.status}` }));
    this.tip.hidden = false;
    this.tip.style.left = `${at.x + 14}px`;
    this.tip.style.top = `${at.y + 14}px`;
  }

  /** Opens the card next to `rect` (canvas pixels). */
  open(tg: TownTarget, rect: { x: number; y: number; w: number; h: number }, focus = false): void {
    this.target = tg;
    this.anchor = rect;
    this.tip.hidden = true;
    this.render();
    if (this.card.hidden) return;
    if (focus) this.card.querySelector<HTMLButtonElement>('button.act')?.focus();
  }

  close(): void {
    this.target = undefined;
    this.card.hidden = true;
  }

  /** The state changed: keep the open card's details current. */
  refresh(): void {
    if (this.target && !this.card.hidden) {
      const focused = document.activeElement instanceof HTMLElement && this.card.contains(document.activeElement) ? document.activeElement.dataset.action : undefined;
      this.render();
      if (focused) this.card.querySelector<HTMLButtonElement>(`button[data-action="${focused}"]`)?.focus();
    }
  }

  private render(): void {
    const tg = this.target;
    const town = this.deps.town();
    if (!tg || !town) return this.close();
    let body: HTMLElement[] | undefined;
    if (tg.kind === 'pod') body = this.pod(town, tg.key);
    else if (tg.kind === 'node') body = this.node(town, tg.node);
    else body = this.hand(town, tg.node, tg.name);
    if (!body) return this.close();
    const close = el('button', { class: 'small ghost card-x', text: '✕', attrs: { type: 'button', 'aria-label': t('common.close') } });
    close.addEventListener('click', () => {
      this.close();
      this.deps.closed();
    });
    this.card.replaceChildren(close, ...body);
    this.card.hidden = false;
    this.place();
  }

  private place(): void {
    const parent = this.card.parentElement;
    if (!parent) return;
    const pw = parent.clientWidth;
    const ph = parent.clientHeight;
    const cw = Math.min(340, pw - 16);
    this.card.style.width = `${cw}px`;
    const right = this.anchor.x + this.anchor.w + 12;
    const x = right + cw < pw ? right : Math.max(8, this.anchor.x - cw - 12);
    const ch = this.card.offsetHeight || 260;
    const y = Math.max(8, Math.min(ph - ch - 8, this.anchor.y));
    this.card.style.left = `${x}px`;
    this.card.style.top = `${y}px`;
  }

  private summary(tg: TownTarget): { title: string; status: string; glyph: string; tone: string } | undefined {
    const town = this.deps.town();
    if (!town) return undefined;
    if (tg.kind === 'pod') {
      const p = town.pods.get(tg.key);
      if (!p) return undefined;
      const look = podLook(p, isDark(town, p.node));
      return { title: p.name, status: p.status, glyph: POD_GLYPH[look], tone: podTone(look) };
    }
    const n = town.nodes.get(tg.node);
    if (!n) return undefined;
    if (tg.kind === 'hand') {
      const h = n.hand.get(tg.name);
      if (!h) return undefined;
      const look = shopLook(h);
      return { title: `${h.name} (docker)`, status: h.state, glyph: SHOP_GLYPH[look], tone: look === 'open' ? 'good' : 'bad' };
    }
    const look = nodeLook(n, town.controlPlaneUp);
    return { title: n.name, status: n.status, glyph: NODE_GLYPH[look], tone: look === 'ok' ? 'good' : 'bad' };
  }

  private pod(town: TownView, key: string): HTMLElement[] | undefined {
    const p = town.pods.get(key);
    if (!p) return undefined;
    const look = podLook(p, isDark(town, p.node));
    const cp = p.namespace === 'kube-system' && (CONTROL_PLANE_APPS as readonly string[]).includes(p.app);
    const containers = el('ul', { class: 'card-residents' });
    p.containers.forEach((c, i) => {
      containers.append(
        el('li', {}, [
          el('span', { class: 'mono', text: c.name }),
          el('span', { class: 'muted', text: ` ${c.image}` }),
          el('span', { class: c.ready ? 'tone-good' : 'tone-warn', text: ` · ${c.ready ? '✔ ready' : `${c.state}${c.reason ? ` (${c.reason})` : ''}`}` }),
          c.restarts ? el('span', { class: 'muted', text: ` · ${c.restarts} restarts` }) : null,
          i > 0 ? el('span', { class: 'muted', i18n: 'inspector.sidecar' }) : null,
        ]),
      );
    });
    return [
      el('p', { class: 'card-kind', i18n: cp ? 'inspector.cpResident' : 'inspector.apartment' }),
      el('h3', { class: 'mono', text: p.name }),
      table([
        ['STATUS', `${POD_GLYPH[look]} ${p.status}`, podTone(look)],
        ['READY', p.ready],
        ['RESTARTS', String(p.restarts)],
        ['NODE', p.node || '<none>'],
        ['NAMESPACE', p.namespace],
      ]),
      el('p', { class: 'card-explain', i18n: cp ? `explain.cp.${p.app}` : `explain.pod.${look}` }),
      el('p', { class: 'card-sub', i18n: 'inspector.residents' }),
      containers,
      this.actions(podActions(p, this.deps.prompt())),
    ];
  }

  private node(town: TownView, name: string): HTMLElement[] | undefined {
    const n = town.nodes.get(name);
    if (!n) return undefined;
    const look = nodeLook(n, town.controlPlaneUp);
    let pods = 0;
    town.pods.forEach((p) => {
      if (p.node === name) pods++;
    });
    const notes: HTMLElement[] = [el('p', { class: 'card-explain', i18n: n.role === 'control-plane' ? 'explain.hall' : `explain.node.${look}` })];
    if (n.cordoned) notes.push(el('p', { class: 'card-explain', i18n: 'explain.node.cordoned' }));
    if (n.diskPressure) notes.push(el('p', { class: 'card-explain', i18n: 'explain.node.diskPressure' }));
    return [
      el('p', { class: 'card-kind', i18n: n.role === 'control-plane' ? 'inspector.hall' : 'inspector.block' }),
      el('h3', { class: 'mono', text: n.name }),
      table([
        ['STATUS', `${NODE_GLYPH[look]} ${n.status}`, look === 'ok' ? 'good' : 'bad'],
        ['POWER', n.power],
        ['PODS', String(pods)],
        ['DISK', `${n.diskPct}%${n.diskPressure ? ' DiskPressure' : ''}`, n.diskPressure ? 'bad' : undefined],
        ['CPU', `${n.cpuPct}% requested`],
        ['DOCKER', `${n.hand.size} by hand`],
      ]),
      ...notes,
      this.actions(nodeActions(n, this.deps.prompt())),
    ];
  }

  private hand(town: TownView, node: string, name: string): HTMLElement[] | undefined {
    const h = town.nodes.get(node)?.hand.get(name);
    if (!h) return undefined;
    const look = shopLook(h);
    return [
      el('p', { class: 'card-kind', i18n: 'inspector.shop' }),
      el('h3', { class: 'mono', text: h.name }),
      table([
        ['STATE', `${SHOP_GLYPH[look]} ${h.state}${h.state === 'exited' ? ` (${h.exitCode})` : ''}`, look === 'open' ? 'good' : 'bad'],
        ['IMAGE', h.image],
        ['PORTS', h.ports || '—'],
        ['NODE', node],
      ]),
      el('p', { class: 'card-explain', i18n: `explain.shop.${look}` }),
      this.actions(handActions(node, name, this.deps.prompt())),
    ];
  }

  private actions(list: TownAction[]): HTMLElement {
    return el(
      'div',
      { class: 'card-actions' },
      list.map((a) =>
        el(
          'button',
          {
            class: `act${a.danger ? ' danger' : ''}`,
            attrs: { type: 'button', 'data-action': a.id },
            on: { click: () => this.deps.run(a.lines) },
          },
          [el('span', { class: 'act-label', i18n: a.label }), el('code', { class: 'act-cmd', text: a.lines.join(' && ') })],
        ),
      ),
    );
  }
}

function isDark(town: TownView, node: string): boolean {
  const n: NodeView | undefined = node ? town.nodes.get(node) : undefined;
  return n ? nodeDark(n) : false;
}

function table(rows: [string, string, string?][]): HTMLElement {
  return el(
    'dl',
    { class: 'card-table mono' },
    rows.flatMap(([k, v, tone]) => [el('dt', { text: k }), el('dd', { text: v, class: tone ? `tone-${tone}` : undefined })]),
  );
}

