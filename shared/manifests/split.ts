/**
 * Cuts a file into YAML documents the way kubectl's reader does (apimachinery
 * util/yaml.YAMLReader): line by line, a line starting with `---` ends a document. Each
 * document is parsed on its own, so go-yaml's line numbers in errors count from the
 * chunk's first line, not the file's. A separator that starts a chunk (at the top of the
 * file, or right after another one) stays in it.
 */

export interface Chunk {
  /** The document's text, CRLF turned into LF as Go's bufio.ReadLine does. */
  text: string;
  /** 0-based file line of the chunk's first line. */
  startLine: number;
}

export type SplitResult = { chunks: Chunk[] } | { error: string; line: number; column: number };

export function splitDocuments(text: string): SplitResult {
  const lines = text.split('\n');
  // A final newline does not start another line.
  if (lines[lines.length - 1] === '') lines.pop();
  const chunks: Chunk[] = [];
  let buf: string[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      // Only spaces and a comment may follow the separator.
      if (rest.length > 0 && rest[0] !== '#') {
        return { error: `invalid Yaml document separator: ${rest}`, line: i + 1, column: 4 };
      }
      if (buf.length) {
        chunks.push({ text: buf.join(''), startLine: start });
        buf = [];
        continue;
      }
      // kubectl's reader keeps a separator that opens an empty buffer as the chunk's first line.
    }
    if (!buf.length) start = i;
    buf.push(line + '\n');
  }
  if (buf.length) chunks.push({ text: buf.join(''), startLine: start });
  return { chunks };
}
