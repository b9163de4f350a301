/**
 * Interface icons as inline SVG (system fonts often lack emoji, and a projector should not
 * show empty boxes). Each is a 24×24 path drawn with the current text colour.
 */
import { svg } from './dom.js';

const PATHS = {
  bell: 'M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0',
  bellOff: 'M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0M3 3l18 18',
  pager: 'M4 6h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1zm2 3h9v4H6zm12 0v2m0 2v2',
  bus: 'M6 4h12a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm-2 7h16M8 18v2m8-2v2M7 14.5h.01M17 14.5h.01',
  hand: 'M8 13V6a1.5 1.5 0 0 1 3 0v5m0-6a1.5 1.5 0 0 1 3 0v6m0-5a1.5 1.5 0 0 1 3 0v7c0 4-2.5 7-6 7s-5-2-6.5-5L4 13.5a1.5 1.5 0 0 1 2.5-1.5L8 14',
  scroll: 'M7 4h11a2 2 0 0 1 2 2v1h-4M7 4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h9a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2M8 9h6m-6 3h6m-6 3h4',
};

export type IconName = keyof typeof PATHS;

export function icon(name: IconName, size = 18, label?: string): SVGSVGElement {
  const s = svg('svg', { viewBox: '0 0 24 24', width: size, height: size, class: `icon icon-${name}`, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.9, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }, [svg('path', { d: PATHS[name] })]);
  if (label) {
    s.setAttribute('role', 'img');
    s.setAttribute('aria-label', label);
  } else s.setAttribute('aria-hidden', 'true');
  return s;
}
