/**
 * Columns as Go's text/tabwriter lays them out: each column as wide as its widest cell plus
 * padding (and at least `minWidth`), the last column unpadded. kubectl uses minWidth 6 and
 * padding 3; docker uses minWidth 10 and padding 3.
 */
export interface TableStyle {
  minWidth: number;
  padding: number;
}

export const KUBECTL_TABLE: TableStyle = { minWidth: 6, padding: 3 };
export const DOCKER_TABLE: TableStyle = { minWidth: 10, padding: 3 };

export function table(rows: string[][], style: TableStyle = KUBECTL_TABLE): string {
  if (!rows.length) return '';
  const cols = Math.max(...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < cols - 1; c++) {
    let w = 0;
    for (const r of rows) if (c < r.length - 1 || (c < r.length && r.length === cols)) w = Math.max(w, (r[c] ?? '').length);
    widths.push(Math.max(style.minWidth, w + style.padding));
  }
  return rows
    .map((r) => {
      let line = '';
      for (let c = 0; c < r.length; c++) line += c < r.length - 1 ? (r[c] ?? '').padEnd(widths[c]) : (r[c] ?? '');
      return line.replace(/\s+$/, '');
    })
    .join('\n')
    .concat('\n');
}
