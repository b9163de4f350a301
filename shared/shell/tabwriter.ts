/**
 * Go's text/tabwriter over tab-separated text, for output written as a stream of `\t` cells
 * (kubectl describe, rollout history). Unlike `table()` (whole rows, one block), a column
 * block here ends at the first line without a cell in that column, and cells keep their
 * padding even when empty, exactly as tabwriter does: `describe` output depends on it.
 */
export interface TabwriterStyle {
  minWidth: number;
  padding: number;
}

/** describe.go's tabbedString: `tabwriter.Init(buf, 0, 8, 2, ' ', 0)`. */
export const DESCRIBE_TABS: TabwriterStyle = { minWidth: 0, padding: 2 };

/**
 * Formats text whose lines hold tab-terminated cells. The text after a line's last tab is
 * not part of a column. An empty line (or one without tabs) ends every column block, as a
 * tabwriter Flush would.
 */
export function tabwrite(text: string, style: TabwriterStyle = DESCRIBE_TABS): string {
  const trailingNewline = text.endsWith('\n');
  const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const out: string[] = new Array(lines.length);
  const widths: number[] = [];
  const write = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        s += c;
        if (j < cells.length - 1 && j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - width(c)));
      }
      out[i] = s;
    }
  };
  // The recursive column-block algorithm of tabwriter.format.
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      write(start, i);
      const blockStart = i;
      let w = style.minWidth;
      for (; i < line1; i++) {
        const cells = lines[i];
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column]) + style.padding);
      }
      widths.push(w);
      format(blockStart, i);
      widths.pop();
      start = i;
      i--;
    }
    write(start, line1);
  };
  format(0, lines.length);
  return out.join('\n') + (trailingNewline ? '\n' : '');
}

/** Display width: one per code point, as tabwriter counts UTF-8 runes. */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
