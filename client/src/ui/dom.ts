/**
 * The one way this client builds DOM: elements with text set as textContent, never HTML, so
 * a nickname like `<img src=x onerror=…>` is shown as the characters it is.
 */
import { tr } from '../i18n.js';

type Child = Node | string | null | undefined | false;

export interface ElProps {
  class?: string;
  /** Literal text (names, numbers, tool output). */
  text?: string;
  /** A translation key: the text follows the language switch. */
  i18n?: string;
  vars?: Record<string, unknown>;
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void }>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElProps = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) node.setAttribute(k, v);
  if (props.i18n) tr(node, props.i18n, props.vars);
  else if (props.text !== undefined) node.textContent = props.text;
  if (props.on) for (const [k, fn] of Object.entries(props.on)) node.addEventListener(k, fn as EventListener);
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** Replaces an element's children. */
export function fill(parent: Element, children: Child[]): void {
  parent.replaceChildren(...(children.filter((c) => c !== null && c !== undefined && c !== false) as (Node | string)[]));
}

/** Sets text only when it changed (cheap to call every state patch). */
export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

export function show(node: HTMLElement, visible: boolean): void {
  node.hidden = !visible;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, children: Node[] = []): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c);
  return node;
}
