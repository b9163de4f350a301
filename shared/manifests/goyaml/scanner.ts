/**
 * A port of go-yaml v2's scanner (scannerc.go, itself a port of libyaml), kept only as far as
 * it finds errors: token kinds, positions, indentation and simple keys, not scalar values.
 * kubectl parses manifests with go-yaml v2 (through sigs.k8s.io/yaml), so running the same
 * state machine is the only way to print its exact message and line for a broken file.
 */

export interface Mark {
  index: number;
  line: number;
  column: number;
}

export type TokenType =
  | 'STREAM_START' | 'STREAM_END' | 'VERSION_DIRECTIVE' | 'TAG_DIRECTIVE' | 'DOCUMENT_START' | 'DOCUMENT_END'
  | 'BLOCK_SEQUENCE_START' | 'BLOCK_MAPPING_START' | 'BLOCK_END' | 'FLOW_SEQUENCE_START' | 'FLOW_SEQUENCE_END'
  | 'FLOW_MAPPING_START' | 'FLOW_MAPPING_END' | 'BLOCK_ENTRY' | 'FLOW_ENTRY' | 'KEY' | 'VALUE' | 'ALIAS' | 'ANCHOR'
  | 'TAG' | 'SCALAR';

export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** Anchor or alias name, tag handle, tag directive handle. */
  value?: string;
  /** Tag suffix or tag directive prefix. */
  suffix?: string;
  plain?: boolean;
  major?: number;
  minor?: number;
}

/** go-yaml's error state: which stage failed, the problem and where (0-based marks). */
export class YamlError extends Error {
  constructor(
    readonly stage: 'reader' | 'scanner' | 'parser' | 'decoder',
    readonly problem: string,
    readonly problemMark: Mark,
    readonly contextMark: Mark,
  ) {
    super(problem);
  }
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const copy = (m: Mark): Mark => ({ index: m.index, line: m.line, column: m.column });
const isBreakCh = (c: string) => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankCh = (c: string) => c === ' ' || c === '\t';
const isZCh = (c: string) => c === '\0';
const isBreakzCh = (c: string) => isBreakCh(c) || isZCh(c);
const isBlankzCh = (c: string) => isBlankCh(c) || isBreakzCh(c);
const isAlphaCh = (c: string) => /^[0-9A-Za-z_-]$/.test(c);
const isDigitCh = (c: string) => c >= '0' && c <= '9';
const isHexCh = (c: string) => /^[0-9A-Fa-f]$/.test(c);
const URI_CHARS = new Set(";/?:@&=+$,.!~*'()[]%");

export class Scanner {
  private readonly buf: string;
  mark: Mark = { index: 0, line: 0, column: 0 };
  private pos = 0;
  private streamStartProduced = false;
  streamEndProduced = false;
  private flowLevel = 0;
  tokens: Token[] = [];
  head = 0;
  tokensParsed = 0;
  tokenAvailable = false;
  indent = -1;
  private indents: number[] = [];
  private simpleKeyAllowed = false;
  private simpleKeys: SimpleKey[] = [];
  private simpleKeysByTok = new Map<number, number>();
  /** Deepest flow nesting allowed (go-yaml: 10000). */
  constructor(text: string, private readonly maxDepth: number) {
    this.buf = text;
  }

  private ch(k = 0): string {
    const i = this.pos + k;
    return i < this.buf.length ? this.buf[i] : '\0';
  }

  private skip(): void {
    this.mark.index++;
    this.mark.column++;
    this.pos++;
  }

  private skipLine(): void {
    if (this.ch() === '\r' && this.ch(1) === '\n') {
      this.mark.index += 2;
      this.pos += 2;
    } else if (isBreakCh(this.ch())) {
      this.mark.index++;
      this.pos++;
    } else return;
    this.mark.column = 0;
    this.mark.line++;
  }

  private scannerError(problem: string, contextMark: Mark): never {
    throw new YamlError('scanner', problem, copy(this.mark), copy(contextMark));
  }

  private insertToken(at: number, token: Token): void {
    if (at < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + at, 0, token);
  }

  /** Fills the queue until the head token can no longer become a simple key. */
  fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        const idx = this.simpleKeysByTok.get(this.tokensParsed);
        if (idx === undefined) break;
        if (!this.simpleKeyIsValid(this.simpleKeys[idx])) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    this.unrollIndent(this.mark.column);
    const c = this.ch();
    if (isZCh(c)) return this.fetchStreamEnd();
    if (this.mark.column === 0 && c === '%') return this.fetchDirective();
    if (this.mark.column === 0 && c === '-' && this.ch(1) === '-' && this.ch(2) === '-' && isBlankzCh(this.ch(3))) {
      return this.fetchDocumentIndicator('DOCUMENT_START');
    }
    if (this.mark.column === 0 && c === '.' && this.ch(1) === '.' && this.ch(2) === '.' && isBlankzCh(this.ch(3))) {
      return this.fetchDocumentIndicator('DOCUMENT_END');
    }
    if (c === '[') return this.fetchFlowCollectionStart('FLOW_SEQUENCE_START');
    if (c === '{') return this.fetchFlowCollectionStart('FLOW_MAPPING_START');
    if (c === ']') return this.fetchFlowCollectionEnd('FLOW_SEQUENCE_END');
    if (c === '}') return this.fetchFlowCollectionEnd('FLOW_MAPPING_END');
    if (c === ',') return this.fetchFlowEntry();
    if (c === '-' && isBlankzCh(this.ch(1))) return this.fetchBlockEntry();
    if (c === '?' && (this.flowLevel > 0 || isBlankzCh(this.ch(1)))) return this.fetchKey();
    if (c === ':' && (this.flowLevel > 0 || isBlankzCh(this.ch(1)))) return this.fetchValue();
    if (c === '*') return this.fetchAnchor('ALIAS');
    if (c === '&') return this.fetchAnchor('ANCHOR');
    if (c === '!') return this.fetchTag();
    if ((c === '|' || c === '>') && this.flowLevel === 0) return this.fetchBlockScalar();
    if (c === "'") return this.fetchFlowScalar(true);
    if (c === '"') return this.fetchFlowScalar(false);
    if (
      !(isBlankzCh(c) || '-?:,[]{}#&*!|>\'"%@`'.includes(c)) ||
      (c === '-' && !isBlankCh(this.ch(1))) ||
      (this.flowLevel === 0 && (c === '?' || c === ':') && !isBlankzCh(this.ch(1)))
    ) {
      return this.fetchPlainScalar();
    }
    this.scannerError('found character that cannot start any token', this.mark);
  }

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.mark.line || key.mark.index + 1024 < this.mark.index) {
      if (key.required) this.scannerError("could not find expected ':'", key.mark);
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (this.simpleKeyAllowed) {
      const key: SimpleKey = {
        possible: true,
        required,
        tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
        mark: copy(this.mark),
      };
      this.removeSimpleKey();
      this.simpleKeys[this.simpleKeys.length - 1] = key;
      this.simpleKeysByTok.set(key.tokenNumber, this.simpleKeys.length - 1);
    }
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (key.possible) {
      if (key.required) this.scannerError("could not find expected ':'", key.mark);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
      mark: copy(this.mark),
    });
    this.flowLevel++;
    if (this.flowLevel > this.maxDepth) {
      this.scannerError(`exceeded max depth of ${this.maxDepth}`, this.simpleKeys[this.simpleKeys.length - 1].mark);
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.pop()!;
      this.simpleKeysByTok.delete(last.tokenNumber);
    }
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > this.maxDepth) {
        this.scannerError(`exceeded max depth of ${this.maxDepth}`, this.simpleKeys[this.simpleKeys.length - 1].mark);
      }
      const token: Token = { type, start: copy(mark), end: copy(mark) };
      this.insertToken(number > -1 ? number - this.tokensParsed : -1, token);
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insertToken(-1, { type: 'BLOCK_END', start: copy(this.mark), end: copy(this.mark) });
      this.indent = this.indents.pop()!;
    }
  }

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: copy(this.mark) });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.insertToken(-1, { type: 'STREAM_START', start: copy(this.mark), end: copy(this.mark) });
  }

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) {
      this.mark.column = 0;
      this.mark.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, { type: 'STREAM_END', start: copy(this.mark), end: copy(this.mark) });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = copy(this.mark);
    this.skip();
    this.skip();
    this.skip();
    this.insertToken(-1, { type, start, end: copy(this.mark) });
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = copy(this.mark);
    this.skip();
    this.insertToken(-1, { type, start, end: copy(this.mark) });
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = copy(this.mark);
    this.skip();
    this.insertToken(-1, { type, start, end: copy(this.mark) });
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = copy(this.mark);
    this.skip();
    this.insertToken(-1, { type: 'FLOW_ENTRY', start, end: copy(this.mark) });
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.scannerError('block sequence entries are not allowed in this context', this.mark);
      this.rollIndent(this.mark.column, -1, 'BLOCK_SEQUENCE_START', this.mark);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = copy(this.mark);
    this.skip();
    this.insertToken(-1, { type: 'BLOCK_ENTRY', start, end: copy(this.mark) });
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.scannerError('mapping keys are not allowed in this context', this.mark);
      this.rollIndent(this.mark.column, -1, 'BLOCK_MAPPING_START', this.mark);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = copy(this.mark);
    this.skip();
    this.insertToken(-1, { type: 'KEY', start, end: copy(this.mark) });
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (this.simpleKeyIsValid(key)) {
      this.insertToken(key.tokenNumber - this.tokensParsed, { type: 'KEY', start: copy(key.mark), end: copy(key.mark) });
      this.rollIndent(key.mark.column, key.tokenNumber, 'BLOCK_MAPPING_START', key.mark);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.scannerError('mapping values are not allowed in this context', this.mark);
        this.rollIndent(this.mark.column, -1, 'BLOCK_MAPPING_START', this.mark);
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = copy(this.mark);
    this.skip();
    this.insertToken(-1, { type: 'VALUE', start, end: copy(this.mark) });
  }

  private fetchAnchor(type: TokenType): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanAnchor(type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  private fetchBlockScalar(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar());
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanPlainScalar());
  }

  private scanToNextToken(): void {
    for (;;) {
      if (this.mark.column === 0 && this.pos === 0 && this.ch() === '\uFEFF') this.skip();
      while (this.ch() === ' ' || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.ch() === '\t')) this.skip();
      if (this.ch() === '#') while (!isBreakzCh(this.ch())) this.skip();
      if (isBreakCh(this.ch())) {
        this.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else break;
    }
  }

  private skipBlanksAndComment(): void {
    while (isBlankCh(this.ch())) this.skip();
    if (this.ch() === '#') while (!isBreakzCh(this.ch())) this.skip();
  }

  private scanDirective(): Token {
    const start = copy(this.mark);
    this.skip();
    let name = '';
    while (isAlphaCh(this.ch())) {
      name += this.ch();
      this.skip();
    }
    if (!name) this.scannerError('could not find expected directive name', start);
    if (!isBlankzCh(this.ch())) this.scannerError('found unexpected non-alphabetical character', start);
    let token: Token;
    if (name === 'YAML') {
      while (isBlankCh(this.ch())) this.skip();
      const major = this.scanVersionNumber(start);
      if (this.ch() !== '.') this.scannerError("did not find expected digit or '.' character", start);
      this.skip();
      const minor = this.scanVersionNumber(start);
      token = { type: 'VERSION_DIRECTIVE', start, end: copy(this.mark), major, minor };
    } else if (name === 'TAG') {
      while (isBlankCh(this.ch())) this.skip();
      const handle = this.scanTagHandle(true, start);
      if (!isBlankCh(this.ch())) this.scannerError('did not find expected whitespace', start);
      while (isBlankCh(this.ch())) this.skip();
      const prefix = this.scanTagUri('', start);
      if (!isBlankzCh(this.ch())) this.scannerError('did not find expected whitespace or line break', start);
      token = { type: 'TAG_DIRECTIVE', start, end: copy(this.mark), value: handle, suffix: prefix };
    } else {
      this.scannerError('found unknown directive name', start);
    }
    this.skipBlanksAndComment();
    if (!isBreakzCh(this.ch())) this.scannerError('did not find expected comment or line break', start);
    if (isBreakCh(this.ch())) this.skipLine();
    return token;
  }

  private scanVersionNumber(start: Mark): number {
    let value = 0;
    let length = 0;
    while (isDigitCh(this.ch())) {
      if (++length > 2) this.scannerError('found extremely long version number', start);
      value = value * 10 + Number(this.ch());
      this.skip();
    }
    if (!length) this.scannerError('did not find expected version number', start);
    return value;
  }

  private scanAnchor(type: TokenType): Token {
    const start = copy(this.mark);
    this.skip();
    let s = '';
    while (isAlphaCh(this.ch())) {
      s += this.ch();
      this.skip();
    }
    const end = copy(this.mark);
    const c = this.ch();
    if (!s || !(isBlankzCh(c) || '?:,]}%@`'.includes(c))) {
      this.scannerError('did not find expected alphabetic or numeric character', start);
    }
    return { type, start, end, value: s };
  }

  private scanTag(): Token {
    const start = copy(this.mark);
    let handle: string;
    let suffix: string;
    if (this.ch(1) === '<') {
      this.skip();
      this.skip();
      handle = '';
      suffix = this.scanTagUri('', start);
      if (this.ch() !== '>') this.scannerError("did not find the expected '>'", start);
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle[0] === '!' && handle.length > 1 && handle.endsWith('!')) {
        suffix = this.scanTagUri('', start);
      } else {
        suffix = this.scanTagUri(handle, start);
        handle = '!';
        if (!suffix) [handle, suffix] = ['', handle];
      }
    }
    if (!isBlankzCh(this.ch())) this.scannerError('did not find expected whitespace or line break', start);
    return { type: 'TAG', start, end: copy(this.mark), value: handle, suffix };
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    if (this.ch() !== '!') this.scannerError("did not find expected '!'", start);
    let s = '!';
    this.skip();
    while (isAlphaCh(this.ch())) {
      s += this.ch();
      this.skip();
    }
    if (this.ch() === '!') {
      s += '!';
      this.skip();
    } else if (directive && s !== '!') {
      this.scannerError("did not find expected '!'", start);
    }
    return s;
  }

  private scanTagUri(head: string, start: Mark): string {
    let s = head.length > 1 ? head.slice(1) : '';
    let hasTag = head.length > 0;
    while (isAlphaCh(this.ch()) || URI_CHARS.has(this.ch())) {
      if (this.ch() === '%') {
        if (!(isHexCh(this.ch(1)) && isHexCh(this.ch(2)))) this.scannerError('did not find URI escaped octet', start);
        s += this.buf.slice(this.pos, this.pos + 3);
        this.skip();
        this.skip();
        this.skip();
      } else {
        s += this.ch();
        this.skip();
      }
      hasTag = true;
    }
    if (!hasTag) this.scannerError('did not find expected tag URI', start);
    return s;
  }

  private scanBlockScalar(): Token {
    const start = copy(this.mark);
    this.skip();
    let increment = 0;
    if (this.ch() === '+' || this.ch() === '-') {
      this.skip();
      if (isDigitCh(this.ch())) {
        if (this.ch() === '0') this.scannerError('found an indentation indicator equal to 0', start);
        increment = Number(this.ch());
        this.skip();
      }
    } else if (isDigitCh(this.ch())) {
      if (this.ch() === '0') this.scannerError('found an indentation indicator equal to 0', start);
      increment = Number(this.ch());
      this.skip();
      if (this.ch() === '+' || this.ch() === '-') this.skip();
    }
    this.skipBlanksAndComment();
    if (!isBreakzCh(this.ch())) this.scannerError('did not find expected comment or line break', start);
    if (isBreakCh(this.ch())) this.skipLine();
    let end = copy(this.mark);
    let indent = 0;
    if (increment > 0) indent = this.indent >= 0 ? this.indent + increment : increment;
    const breaks = (): void => {
      end = copy(this.mark);
      let maxIndent = 0;
      for (;;) {
        while ((indent === 0 || this.mark.column < indent) && this.ch() === ' ') this.skip();
        if (this.mark.column > maxIndent) maxIndent = this.mark.column;
        if ((indent === 0 || this.mark.column < indent) && this.ch() === '\t') {
          this.scannerError('found a tab character where an indentation space is expected', start);
        }
        if (!isBreakCh(this.ch())) break;
        this.skipLine();
        end = copy(this.mark);
      }
      if (indent === 0) indent = Math.max(maxIndent, this.indent + 1, 1);
    };
    breaks();
    while (this.mark.column === indent && !isZCh(this.ch())) {
      while (!isBreakzCh(this.ch())) this.skip();
      this.skipLine();
      breaks();
    }
    return { type: 'SCALAR', start, end };
  }

  private scanFlowScalar(single: boolean): Token {
    const start = copy(this.mark);
    this.skip();
    for (;;) {
      if (
        this.mark.column === 0 &&
        ((this.ch() === '-' && this.ch(1) === '-' && this.ch(2) === '-') ||
          (this.ch() === '.' && this.ch(1) === '.' && this.ch(2) === '.')) &&
        isBlankzCh(this.ch(3))
      ) {
        this.scannerError('found unexpected document indicator', start);
      }
      if (isZCh(this.ch())) this.scannerError('found unexpected end of stream', start);
      while (!isBlankzCh(this.ch())) {
        const c = this.ch();
        if (single && c === "'" && this.ch(1) === "'") {
          this.skip();
          this.skip();
        } else if (single && c === "'") break;
        else if (!single && c === '"') break;
        else if (!single && c === '\\' && isBreakCh(this.ch(1))) {
          this.skip();
          this.skipLine();
          break;
        } else if (!single && c === '\\') {
          const e = this.ch(1);
          const codeLength = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
          if (!codeLength && !'0abt\tnvfre "\'\\N_LP'.includes(e)) {
            this.scannerError('found unknown escape character', start);
          }
          this.skip();
          this.skip();
          if (codeLength) {
            let value = 0;
            for (let k = 0; k < codeLength; k++) {
              if (!isHexCh(this.ch(k))) this.scannerError('did not find expected hexdecimal number', start);
              value = value * 16 + parseInt(this.ch(k), 16);
            }
            if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
              this.scannerError('found invalid Unicode character escape code', start);
            }
            for (let k = 0; k < codeLength; k++) this.skip();
          }
        } else this.skip();
      }
      if (this.ch() === (single ? "'" : '"')) break;
      while (isBlankCh(this.ch()) || isBreakCh(this.ch())) {
        if (isBlankCh(this.ch())) this.skip();
        else this.skipLine();
      }
    }
    this.skip();
    return { type: 'SCALAR', start, end: copy(this.mark) };
  }

  private scanPlainScalar(): Token {
    let leadingBlanks = false;
    const indent = this.indent + 1;
    const start = copy(this.mark);
    let end = copy(this.mark);
    for (;;) {
      if (
        this.mark.column === 0 &&
        ((this.ch() === '-' && this.ch(1) === '-' && this.ch(2) === '-') ||
          (this.ch() === '.' && this.ch(1) === '.' && this.ch(2) === '.')) &&
        isBlankzCh(this.ch(3))
      ) {
        break;
      }
      if (this.ch() === '#') break;
      while (!isBlankzCh(this.ch())) {
        const c = this.ch();
        if ((c === ':' && isBlankzCh(this.ch(1))) || (this.flowLevel > 0 && ',?[]{}'.includes(c))) break;
        leadingBlanks = false;
        this.skip();
        end = copy(this.mark);
      }
      if (!(isBlankCh(this.ch()) || isBreakCh(this.ch()))) break;
      while (isBlankCh(this.ch()) || isBreakCh(this.ch())) {
        if (isBlankCh(this.ch())) {
          if (leadingBlanks && this.mark.column < indent && this.ch() === '\t') {
            this.scannerError('found a tab character that violates indentation', start);
          }
          this.skip();
        } else {
          this.skipLine();
          leadingBlanks = true;
        }
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break;
    }
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: 'SCALAR', start, end, plain: true };
  }
}
