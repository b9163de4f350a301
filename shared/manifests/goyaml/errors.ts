/** go-yaml's wording of an error: `yaml: line 3: did not find expected key`. */
import type { YamlError } from './scanner.js';

export interface GoYamlMessage {
  /** As yaml.Unmarshal returns it, `yaml: ` included. */
  message: string;
  /** 0-based line and column of the problem inside the chunk, for the editor. */
  line: number;
  column: number;
}

/**
 * go-yaml (decode.go `parser.fail`) prints the problem's 0-based line, plus one only for
 * scanner errors, and no line at all when that number is 0: parser errors point one line
 * early, and errors on a document's first line carry no line. kubectl users see exactly that.
 */
export function formatGoYamlError(err: YamlError): GoYamlMessage {
  let line = 0;
  if (err.stage === 'scanner' || err.stage === 'parser') {
    if (err.problemMark.line !== 0) {
      line = err.problemMark.line + (err.stage === 'scanner' ? 1 : 0);
    } else if (err.contextMark.line !== 0) {
      line = err.contextMark.line;
    }
  }
  const where = line !== 0 ? `line ${line}: ` : '';
  return { message: `yaml: ${where}${err.problem}`, line: err.problemMark.line, column: err.problemMark.column };
}
