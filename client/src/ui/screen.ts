/** A screen owns one root element and cleans up its listeners when replaced. */
export interface Screen {
  root: HTMLElement;
  /** Called once the root is in the document (canvases can measure themselves). */
  mounted?(): void;
  destroy(): void;
}
