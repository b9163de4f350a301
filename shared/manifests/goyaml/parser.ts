/**
 * A port of go-yaml v2's parser state machine (parserc.go) over the scanner's tokens, plus
 * the few checks of its decoder (decode.go) that fire while reading a document: unknown
 * anchors and nesting depth. It reads the first document of a chunk, as yaml.Unmarshal does,
 * and reports the first error go-yaml would report.
 */
import { Scanner, YamlError, type Mark, type Token } from './scanner.js';

type State =
  | 'STREAM_START' | 'IMPLICIT_DOCUMENT_START' | 'DOCUMENT_START' | 'DOCUMENT_CONTENT' | 'DOCUMENT_END'
  | 'BLOCK_NODE' | 'BLOCK_NODE_OR_INDENTLESS_SEQUENCE' | 'FLOW_NODE' | 'BLOCK_SEQUENCE_FIRST_ENTRY'
  | 'BLOCK_SEQUENCE_ENTRY' | 'INDENTLESS_SEQUENCE_ENTRY' | 'BLOCK_MAPPING_FIRST_KEY' | 'BLOCK_MAPPING_KEY'
  | 'BLOCK_MAPPING_VALUE' | 'FLOW_SEQUENCE_FIRST_ENTRY' | 'FLOW_SEQUENCE_ENTRY' | 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY'
  | 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE' | 'FLOW_SEQUENCE_ENTRY_MAPPING_END' | 'FLOW_MAPPING_FIRST_KEY'
  | 'FLOW_MAPPING_KEY' | 'FLOW_MAPPING_VALUE' | 'FLOW_MAPPING_EMPTY_VALUE' | 'END';

type EventType =
  | 'STREAM_START' | 'STREAM_END' | 'DOCUMENT_START' | 'DOCUMENT_END' | 'ALIAS' | 'SCALAR' | 'SEQUENCE_START'
  | 'SEQUENCE_END' | 'MAPPING_START' | 'MAPPING_END';

interface Event {
  type: EventType;
  start: Mark;
  anchor?: string;
}

const ZERO: Mark = { index: 0, line: 0, column: 0 };

/** What go-yaml's reader refuses: C0 controls but tab and line breaks, DEL, C1 but NEL, U+FFFE/F. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

function positionOf(text: string, index: number): Mark {
  const before = text.slice(0, index).split('\n');
  return { index, line: before.length - 1, column: before[before.length - 1].length };
}

class Parser {
  private state: State = 'STREAM_START';
  private states: State[] = [];
  private marks: Mark[] = [];
  private tagHandles = new Set<string>();

  constructor(private readonly s: Scanner) {}

  private peek(): Token {
    if (!this.s.tokenAvailable) this.s.fetchMoreTokens();
    return this.s.tokens[this.s.head];
  }

  private skip(): void {
    const s = this.s;
    s.tokenAvailable = false;
    s.tokensParsed++;
    s.streamEndProduced = s.tokens[s.head].type === 'STREAM_END';
    s.head++;
    // Drop consumed tokens now and then; positions are relative to head.
    if (s.head > 1024) {
      s.tokens = s.tokens.slice(s.head);
      s.head = 0;
    }
  }

  private error(problem: string, problemMark: Mark, contextMark: Mark = ZERO): never {
    throw new YamlError('parser', problem, { ...problemMark }, { ...contextMark });
  }

  private pop(): State {
    return this.states.pop()!;
  }

  next(): Event {
    switch (this.state) {
      case 'STREAM_START': {
        const t = this.peek();
        this.state = 'IMPLICIT_DOCUMENT_START';
        this.skip();
        return { type: 'STREAM_START', start: t.start };
      }
      case 'IMPLICIT_DOCUMENT_START':
        return this.documentStart(true);
      case 'DOCUMENT_START':
        return this.documentStart(false);
      case 'DOCUMENT_CONTENT': {
        const t = this.peek();
        if (['VERSION_DIRECTIVE', 'TAG_DIRECTIVE', 'DOCUMENT_START', 'DOCUMENT_END', 'STREAM_END'].includes(t.type)) {
          this.state = this.pop();
          return { type: 'SCALAR', start: t.start };
        }
        return this.node(true, false);
      }
      case 'DOCUMENT_END': {
        const t = this.peek();
        if (t.type === 'DOCUMENT_END') this.skip();
        this.tagHandles.clear();
        this.state = 'DOCUMENT_START';
        return { type: 'DOCUMENT_END', start: t.start };
      }
      case 'BLOCK_NODE':
        return this.node(true, false);
      case 'BLOCK_NODE_OR_INDENTLESS_SEQUENCE':
        return this.node(true, true);
      case 'FLOW_NODE':
        return this.node(false, false);
      case 'BLOCK_SEQUENCE_FIRST_ENTRY':
        return this.blockSequenceEntry(true);
      case 'BLOCK_SEQUENCE_ENTRY':
        return this.blockSequenceEntry(false);
      case 'INDENTLESS_SEQUENCE_ENTRY':
        return this.indentlessSequenceEntry();
      case 'BLOCK_MAPPING_FIRST_KEY':
        return this.blockMappingKey(true);
      case 'BLOCK_MAPPING_KEY':
        return this.blockMappingKey(false);
      case 'BLOCK_MAPPING_VALUE':
        return this.blockMappingValue();
      case 'FLOW_SEQUENCE_FIRST_ENTRY':
        return this.flowSequenceEntry(true);
      case 'FLOW_SEQUENCE_ENTRY':
        return this.flowSequenceEntry(false);
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY': {
        const t = this.peek();
        if (t.type !== 'VALUE' && t.type !== 'FLOW_ENTRY' && t.type !== 'FLOW_SEQUENCE_END') {
          this.states.push('FLOW_SEQUENCE_ENTRY_MAPPING_VALUE');
          return this.node(false, false);
        }
        const mark = t.end;
        this.skip();
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE';
        return { type: 'SCALAR', start: mark };
      }
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE': {
        let t = this.peek();
        if (t.type === 'VALUE') {
          this.skip();
          t = this.peek();
          if (t.type !== 'FLOW_ENTRY' && t.type !== 'FLOW_SEQUENCE_END') {
            this.states.push('FLOW_SEQUENCE_ENTRY_MAPPING_END');
            return this.node(false, false);
          }
        }
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_END';
        return { type: 'SCALAR', start: t.start };
      }
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_END': {
        const t = this.peek();
        this.state = 'FLOW_SEQUENCE_ENTRY';
        return { type: 'MAPPING_END', start: t.start };
      }
      case 'FLOW_MAPPING_FIRST_KEY':
        return this.flowMappingKey(true);
      case 'FLOW_MAPPING_KEY':
        return this.flowMappingKey(false);
      case 'FLOW_MAPPING_VALUE':
        return this.flowMappingValue(false);
      case 'FLOW_MAPPING_EMPTY_VALUE':
        return this.flowMappingValue(true);
      case 'END':
        return { type: 'STREAM_END', start: this.s.mark };
    }
  }

  private documentStart(implicit: boolean): Event {
    let t = this.peek();
    if (!implicit) {
      while (t.type === 'DOCUMENT_END') {
        this.skip();
        t = this.peek();
      }
    }
    if (
      implicit &&
      t.type !== 'VERSION_DIRECTIVE' &&
      t.type !== 'TAG_DIRECTIVE' &&
      t.type !== 'DOCUMENT_START' &&
      t.type !== 'STREAM_END'
    ) {
      this.directives();
      this.states.push('DOCUMENT_END');
      this.state = 'BLOCK_NODE';
      return { type: 'DOCUMENT_START', start: t.start };
    }
    if (t.type !== 'STREAM_END') {
      const start = t.start;
      this.directives();
      t = this.peek();
      if (t.type !== 'DOCUMENT_START') this.error('did not find expected <document start>', t.start);
      this.states.push('DOCUMENT_END');
      this.state = 'DOCUMENT_CONTENT';
      this.skip();
      return { type: 'DOCUMENT_START', start };
    }
    this.state = 'END';
    this.skip();
    return { type: 'STREAM_END', start: t.start };
  }

  private directives(): void {
    let t = this.peek();
    let version = false;
    const handles = new Set<string>();
    while (t.type === 'VERSION_DIRECTIVE' || t.type === 'TAG_DIRECTIVE') {
      if (t.type === 'VERSION_DIRECTIVE') {
        if (version) this.error('found duplicate %YAML directive', t.start);
        if (t.major !== 1 || t.minor !== 1) this.error('found incompatible YAML document', t.start);
        version = true;
      } else {
        const handle = t.value ?? '';
        if (handles.has(handle) || this.tagHandles.has(handle)) this.error('found duplicate %TAG directive', t.start);
        handles.add(handle);
        this.tagHandles.add(handle);
      }
      this.skip();
      t = this.peek();
    }
    this.tagHandles.add('!');
    this.tagHandles.add('!!');
  }

  private node(block: boolean, indentlessSequence: boolean): Event {
    let t = this.peek();
    if (t.type === 'ALIAS') {
      this.state = this.pop();
      this.skip();
      return { type: 'ALIAS', start: t.start, anchor: t.value };
    }
    const start = t.start;
    let anchor: string | undefined;
    let tagHandle: string | undefined;
    let tagMark = t.start;
    if (t.type === 'ANCHOR') {
      anchor = t.value;
      this.skip();
      t = this.peek();
      if (t.type === 'TAG') {
        tagHandle = t.value ?? '';
        tagMark = t.start;
        this.skip();
        t = this.peek();
      }
    } else if (t.type === 'TAG') {
      tagHandle = t.value ?? '';
      tagMark = t.start;
      this.skip();
      t = this.peek();
      if (t.type === 'ANCHOR') {
        anchor = t.value;
        this.skip();
        t = this.peek();
      }
    }
    if (tagHandle && !this.tagHandles.has(tagHandle)) {
      this.error('found undefined tag handle', tagMark, start);
    }
    if (indentlessSequence && t.type === 'BLOCK_ENTRY') {
      this.state = 'INDENTLESS_SEQUENCE_ENTRY';
      return { type: 'SEQUENCE_START', start, anchor };
    }
    if (t.type === 'SCALAR') {
      this.state = this.pop();
      this.skip();
      return { type: 'SCALAR', start, anchor };
    }
    if (t.type === 'FLOW_SEQUENCE_START') {
      this.state = 'FLOW_SEQUENCE_FIRST_ENTRY';
      return { type: 'SEQUENCE_START', start, anchor };
    }
    if (t.type === 'FLOW_MAPPING_START') {
      this.state = 'FLOW_MAPPING_FIRST_KEY';
      return { type: 'MAPPING_START', start, anchor };
    }
    if (block && t.type === 'BLOCK_SEQUENCE_START') {
      this.state = 'BLOCK_SEQUENCE_FIRST_ENTRY';
      return { type: 'SEQUENCE_START', start, anchor };
    }
    if (block && t.type === 'BLOCK_MAPPING_START') {
      this.state = 'BLOCK_MAPPING_FIRST_KEY';
      return { type: 'MAPPING_START', start, anchor };
    }
    if (anchor !== undefined || tagHandle !== undefined) {
      this.state = this.pop();
      return { type: 'SCALAR', start, anchor };
    }
    return this.error('did not find expected node content', t.start, start);
  }

  private blockSequenceEntry(first: boolean): Event {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let t = this.peek();
    if (t.type === 'BLOCK_ENTRY') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (t.type !== 'BLOCK_ENTRY' && t.type !== 'BLOCK_END') {
        this.states.push('BLOCK_SEQUENCE_ENTRY');
        return this.node(true, false);
      }
      this.state = 'BLOCK_SEQUENCE_ENTRY';
      return { type: 'SCALAR', start: mark };
    }
    if (t.type === 'BLOCK_END') {
      this.state = this.pop();
      this.marks.pop();
      this.skip();
      return { type: 'SEQUENCE_END', start: t.start };
    }
    return this.error("did not find expected '-' indicator", t.start, this.marks.pop());
  }

  private indentlessSequenceEntry(): Event {
    let t = this.peek();
    if (t.type === 'BLOCK_ENTRY') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (t.type !== 'BLOCK_ENTRY' && t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK_END') {
        this.states.push('INDENTLESS_SEQUENCE_ENTRY');
        return this.node(true, false);
      }
      this.state = 'INDENTLESS_SEQUENCE_ENTRY';
      return { type: 'SCALAR', start: mark };
    }
    this.state = this.pop();
    return { type: 'SEQUENCE_END', start: t.start };
  }

  private blockMappingKey(first: boolean): Event {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let t = this.peek();
    if (t.type === 'KEY') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK_END') {
        this.states.push('BLOCK_MAPPING_VALUE');
        return this.node(true, true);
      }
      this.state = 'BLOCK_MAPPING_VALUE';
      return { type: 'SCALAR', start: mark };
    }
    if (t.type === 'BLOCK_END') {
      this.state = this.pop();
      this.marks.pop();
      this.skip();
      return { type: 'MAPPING_END', start: t.start };
    }
    return this.error('did not find expected key', t.start, this.marks.pop());
  }

  private blockMappingValue(): Event {
    let t = this.peek();
    if (t.type === 'VALUE') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK_END') {
        this.states.push('BLOCK_MAPPING_KEY');
        return this.node(true, true);
      }
      this.state = 'BLOCK_MAPPING_KEY';
      return { type: 'SCALAR', start: mark };
    }
    this.state = 'BLOCK_MAPPING_KEY';
    return { type: 'SCALAR', start: t.start };
  }

  private flowSequenceEntry(first: boolean): Event {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let t = this.peek();
    if (t.type !== 'FLOW_SEQUENCE_END') {
      if (!first) {
        if (t.type === 'FLOW_ENTRY') {
          this.skip();
          t = this.peek();
        } else {
          this.error("did not find expected ',' or ']'", t.start, this.marks.pop());
        }
      }
      if (t.type === 'KEY') {
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY';
        this.skip();
        return { type: 'MAPPING_START', start: t.start };
      }
      if (t.type !== 'FLOW_SEQUENCE_END') {
        this.states.push('FLOW_SEQUENCE_ENTRY');
        return this.node(false, false);
      }
    }
    this.state = this.pop();
    this.marks.pop();
    this.skip();
    return { type: 'SEQUENCE_END', start: t.start };
  }

  private flowMappingKey(first: boolean): Event {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let t = this.peek();
    if (t.type !== 'FLOW_MAPPING_END') {
      if (!first) {
        if (t.type === 'FLOW_ENTRY') {
          this.skip();
          t = this.peek();
        } else {
          this.error("did not find expected ',' or '}'", t.start, this.marks.pop());
        }
      }
      if (t.type === 'KEY') {
        this.skip();
        t = this.peek();
        if (t.type !== 'VALUE' && t.type !== 'FLOW_ENTRY' && t.type !== 'FLOW_MAPPING_END') {
          this.states.push('FLOW_MAPPING_VALUE');
          return this.node(false, false);
        }
        this.state = 'FLOW_MAPPING_VALUE';
        return { type: 'SCALAR', start: t.start };
      }
      if (t.type !== 'FLOW_MAPPING_END') {
        this.states.push('FLOW_MAPPING_EMPTY_VALUE');
        return this.node(false, false);
      }
    }
    this.state = this.pop();
    this.marks.pop();
    this.skip();
    return { type: 'MAPPING_END', start: t.start };
  }

  private flowMappingValue(empty: boolean): Event {
    let t = this.peek();
    if (empty) {
      this.state = 'FLOW_MAPPING_KEY';
      return { type: 'SCALAR', start: t.start };
    }
    if (t.type === 'VALUE') {
      this.skip();
      t = this.peek();
      if (t.type !== 'FLOW_ENTRY' && t.type !== 'FLOW_MAPPING_END') {
        this.states.push('FLOW_MAPPING_KEY');
        return this.node(false, false);
      }
    }
    this.state = 'FLOW_MAPPING_KEY';
    return { type: 'SCALAR', start: t.start };
  }
}

/**
 * Reads the first document of `text` as yaml.Unmarshal does and throws go-yaml's first
 * error as a YamlError. Otherwise returns where that document ends: go-yaml ignores the
 * rest of the chunk, so the caller parses only `text.slice(0, end)`.
 */
export function checkDocument(text: string, maxDepth: number, maxNodes = Infinity): number {
  const control = CONTROL.exec(text);
  if (control) {
    throw new YamlError('reader', 'control characters are not allowed', positionOf(text, control.index), ZERO);
  }
  const scanner = new Scanner(text, maxDepth);
  const parser = new Parser(scanner);
  const anchors = new Set<string>();
  let depth = 0;
  let nodes = 0;
  for (;;) {
    const e = parser.next();
    if (e.type === 'SCALAR' || e.type === 'ALIAS' || e.type === 'MAPPING_START' || e.type === 'SEQUENCE_START') {
      // Ours, not go-yaml's: a bound on the work a document can ask for.
      if (++nodes > maxNodes) throw new YamlError('scanner', `document has more than ${maxNodes} values`, { ...e.start }, { ...e.start });
    }
    switch (e.type) {
      case 'DOCUMENT_END':
      case 'STREAM_END':
        return e.start.index;
      case 'ALIAS':
        if (!anchors.has(e.anchor ?? '')) {
          throw new YamlError('decoder', `unknown anchor '${e.anchor}' referenced`, { ...e.start }, ZERO);
        }
        break;
      case 'MAPPING_START':
      case 'SEQUENCE_START':
        if (e.anchor !== undefined) anchors.add(e.anchor);
        // go-yaml's own limit is 10000 levels; the decoder recursion here is ours.
        if (++depth > maxDepth) {
          throw new YamlError('scanner', `exceeded max depth of ${maxDepth}`, { ...e.start }, { ...e.start });
        }
        break;
      case 'MAPPING_END':
      case 'SEQUENCE_END':
        depth--;
        break;
      case 'SCALAR':
        if (e.anchor !== undefined) anchors.add(e.anchor);
        break;
    }
  }
}
