/**
 * The heads-up display over a player's town: the night's clock, availability, requests served
 * and lost right now, the bus line (Service) and the old load balancer, cost, rank, incidents,
 * the pager's mute switch and the language switch.
 */
import { t, trAttr } from '../i18n.js';
import type { PlayerView, ShiftView, TownView } from '../net/state-types.js';
import { el, setText } from './dom.js';
import { availabilityTone, formatClock, number, pct } from './format.js';
import { langSwitch } from './lang-switch.js';
import { icon } from './icons.js';
import { Sparkline } from './sparkline.js';

export class Hud {
  readonly root: HTMLElement;
  private clock = el('span', { class: 'hud-clock mono', attrs: { id: 'hud-clock' } });
  private phase = el('span', { class: 'hud-phase' });
  private avail = el('span', { class: 'hud-value', attrs: { id: 'hud-availability' } });
  private spark = new Sparkline(90, 24);
  private served = el('span', { class: 'hud-value', attrs: { id: 'hud-served' } });
  private lost = el('span', { class: 'hud-sub', attrs: { id: 'hud-lost' } });
  private routes = el('span', { class: 'hud-value', attrs: { id: 'hud-routes' } });
  private cost = el('span', { class: 'hud-value', attrs: { id: 'hud-cost' } });
  private rank = el('span', { class: 'hud-value', attrs: { id: 'hud-rank' } });
  private incidents = el('span', { class: 'hud-value', attrs: { id: 'hud-incidents' } });
  private lang = langSwitch();

  constructor(extra: HTMLElement[]) {
    const stat = (key: string, value: HTMLElement, ...more: (HTMLElement | SVGElement)[]) => el('div', { class: 'hud-stat' }, [el('span', { class: 'hud-label', i18n: key }), value, ...(more as HTMLElement[])]);
    this.root = el('header', { class: 'hud' }, [
      el('div', { class: 'hud-brand' }, [el('span', { class: 'hud-logo', text: 'Kubetown', attrs: { 'aria-hidden': 'true' } }), el('div', { class: 'hud-time' }, [this.clock, this.phase])]),
      stat('hud.availability', this.avail, this.spark.root as unknown as HTMLElement),
      stat('hud.requests', this.served, this.lost),
      stat('hud.routes', this.routes),
      stat('hud.cost', this.cost),
      stat('hud.rank', this.rank),
      stat('hud.incidents', this.incidents),
      el('div', { class: 'hud-tools' }, [...extra, this.lang.root]),
    ]);
    trAttr(this.root, 'aria-label', 'hud.label');
  }

  update(s: ShiftView, me: PlayerView | undefined, town: TownView | undefined): void {
    setText(this.clock, formatClock(s.clock));
    setText(this.phase, s.phase === 'running' ? '' : t(`phase.word.${s.phase}`));
    if (me) {
      const a = me.availability / 10000;
      setText(this.avail, pct(me.availability));
      this.avail.className = `hud-value tone-${availabilityTone(a)}`;
      this.spark.update(me.series);
      setText(this.rank, me.rank ? `#${me.rank} / ${s.players.size}` : '—');
      setText(this.cost, number(me.cost));
      setText(this.incidents, String(me.incidents));
    }
    if (town) {
      const lost = Math.max(0, town.demand - town.served);
      setText(this.served, `${number(town.served)} / ${number(town.demand)}`);
      setText(this.lost, t('hud.lost', { n: number(lost) }));
      this.lost.className = `hud-sub${lost > 0 ? ' tone-bad' : ''}`;
      const routes = t('hud.routesValue', { svc: town.viaService, lb: town.viaLoadBalancer });
      if (this.routes.dataset.text !== routes) {
        this.routes.dataset.text = routes;
        this.routes.replaceChildren(icon('bus', 17) as unknown as HTMLElement, ` ${routes}`);
      }
    }
  }

  destroy(): void {
    this.lang.destroy();
  }
}
