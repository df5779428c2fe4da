// The scanner: characters -> tokens, with yaml.v3's (libyaml's) rules.
//
// Behaviour that is observable through yaml.v3 and reproduced here:
//  - tokens are produced lazily; yaml.v3 keeps at least three tokens queued
//    (more while a possible simple key sits at the head of the queue), so a
//    scanner error shortly after the first document can still be reported;
//  - simple keys are validated lazily (one line, at most 1024 characters);
//  - comment lines, and a comment following a token on its line, are consumed
//    by look-ahead routines that skip blanks (tabs included) on their own;
//  - characters are decoded on demand in 512-byte reads (see reader.ts), and
//    the "BOM at the start of the buffer" check inspects the character at the
//    position of the latest buffer refill, as yaml.v3's is_bom does;
//  - BLOCK-END tokens carry the position where whitespace skipping started;
//  - error messages and the line number yaml.v3 reports with them.
//
// Positions: `index` counts characters (code points), `line` and `column`
// are 0-based like libyaml's marks; `pos` is the UTF-16 offset into `src`.

import type { Decoded } from "./reader";
import { YamlError } from "./node";

export const enum T {
  None = 0,
  StreamStart,
  StreamEnd,
  VersionDirective,
  TagDirective,
  DocumentStart,
  DocumentEnd,
  BlockSequenceStart,
  BlockMappingStart,
  BlockEnd,
  FlowSequenceStart,
  FlowSequenceEnd,
  FlowMappingStart,
  FlowMappingEnd,
  BlockEntry,
  FlowEntry,
  Key,
  Value,
  Alias,
  Anchor,
  Tag,
  Scalar,
}

/** Scalar styles of SCALAR tokens. */
export const enum SS {
  Plain = 1,
  SingleQuoted = 2,
  DoubleQuoted = 3,
  Literal = 4,
  Folded = 5,
}

export class Token {
  type: T;
  /** start mark: line, column, character index */
  sl: number;
  sc: number;
  si: number;
  /** end mark: line, column */
  el: number;
  ec: number;
  /** scalar text, anchor/alias name, tag handle, %TAG handle */
  value = "";
  /** tag suffix, %TAG prefix */
  suffix = "";
  style = 0;
  major = 0;
  minor = 0;
  constructor(type: T, sl: number, sc: number, si: number, el: number, ec: number) {
    this.type = type;
    this.sl = sl;
    this.sc = sc;
    this.si = si;
    this.el = el;
    this.ec = ec;
  }
}

class SimpleKey {
  possible = false;
  required = false;
  tokenNumber = 0;
  index = 0;
  line = 0;
  column = 0;
}

/**
 * What yaml.v3 remembers of a comment. Comments matter here only because
 * yaml.v3 moves BLOCK-END tokens to the start of a comment found at the
 * indentation of the block being closed (which can position an empty value).
 * Marks are kept as character index / line / column; a consumed comment is zeroed.
 */
class Comment {
  scanIdx = 0;
  tokenIdx = 0;
  startIdx = 0;
  startLine = 0;
  startCol = 0;
  endIdx = 0;
  head = "";
  line = "";
  foot = "";
}

// Go's slice growth for the token queue (yaml_token_t is 144 bytes), which decides
// when yaml.v3 compacts its queue and so what "the last tokens" are.
const SIZE_CLASSES = [
  0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704,
  768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472,
  9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
];
const TOKEN_SIZE = 144;
function growCap(old: number): number {
  const need = old + 1;
  let cap = old;
  const double = cap + cap;
  if (need > double) cap = need;
  else if (old < 256) cap = double;
  else {
    while (cap > 0 && cap < need) cap += Math.floor((cap + 3 * 256) / 4);
    if (cap <= 0) cap = need;
  }
  let size = cap * TOKEN_SIZE;
  if (size < 32768) {
    for (const c of SIZE_CLASSES) {
      if (c >= size) {
        size = c;
        break;
      }
    }
  } else {
    size = Math.ceil(size / 8192) * 8192;
  }
  return Math.floor(size / TOKEN_SIZE);
}

const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;


function isBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}
function isBreakZ(c: number): boolean {
  return c === 10 || c === 13 || c === 0 || c === 0x85 || c === 0x2028 || c === 0x2029;
}
function isBlankZ(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0 || c === 0x85 || c === 0x2028 || c === 0x2029;
}
function isAlpha(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}
function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function asHex(c: number): number {
  return c >= 97 ? c - 87 : c >= 65 ? c - 55 : c - 48;
}
function isUriChar(c: number): boolean {
  if (isAlpha(c)) return true;
  switch (c) {
    case 59: // ;
    case 47: // /
    case 63: // ?
    case 58: // :
    case 64: // @
    case 38: // &
    case 61: // =
    case 43: // +
    case 36: // $
    case 44: // ,
    case 46: // .
    case 33: // !
    case 126: // ~
    case 42: // *
    case 39: // '
    case 40: // (
    case 41: // )
    case 91: // [
    case 93: // ]
    case 37: // %
      return true;
  }
  return false;
}

let byteDecoder: TextDecoder | null = null;

export class Scanner {
  readonly src: string;
  pos = 0;
  index = 0;
  line = 0;
  column = 0;

  // --- libyaml reader replay (see reader.ts)
  private avail = 0; // characters decoded so far (libyaml's unread + consumed), NULs at the end included
  private readonly reads: number[];
  private readsDone = 1;
  private decodedReads = 0;
  private eof: boolean;
  private readonly errRead: number;
  private readonly errMsg: string;
  private readonly errChars: number;
  private readerFailed = false;
  /** The character at the start of libyaml's buffer is U+FEFF (yaml.v3's is_bom looks there). */
  private bomAtStart = false;
  /** A reader error met by a look-ahead that libyaml ignores until the current event is complete. */
  pendingError: YamlError | null = null;

  private newlines = 0;

  // --- token queue
  /**
   * The token queue as Go's slice: a backing array (replaced when it grows, compacted in
   * place), the slice length, and its capacity. A parser that kept a "pointer" to a slot
   * (see tokenSlot) reads whatever that array holds later, as yaml.v3 does.
   */
  tokens: Token[] = [];
  tokensLen = 0;
  private tokensCap = 0;
  head = 0;
  tokensParsed = 0;
  private tokenAvailable = false;
  streamEndProduced = false;
  private streamStartProduced = false;

  // --- block/flow state
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private skLen = 0;
  private readonly skByTok = new Map<number, number>();

  // --- comments (see Comment)
  private readonly comments: Comment[] = [];
  private commentsHead = 0;
  /** The parser's pending head comment (yaml.v3 parser.head_comment); see Parser.splitStemComment. */
  headComment = "";

  // --- yaml.v3's error state: the marks of the latest error, kept after an error that was ignored
  private errCtxLine = 0;
  private errProbLine = 0;
  /** The 0-based position of the latest problem, for YamlError.mark (not in the message). */
  private errMark: { line: number; column: number } | undefined;
  /** 0-based column where the token being scanned starts: the context mark of its errors. */
  private tokenColumn = 0;

  constructor(d: Decoded) {
    this.src = d.text;
    this.reads = d.reads;
    this.eof = d.eofEarly;
    this.errRead = d.errRead;
    this.errMsg = d.errMsg;
    this.errChars = d.errChars;
  }

  // ------------------------------------------------------------------
  // Reader replay

  private ch(i: number): number {
    return this.src.charCodeAt(i) | 0;
  }

  /** libyaml's cache(): make `length` characters available from the current position. */
  private cache(length: number): void {
    if (this.avail - this.index < length) this.fill(length, false);
  }

  /** yaml_parser_update_buffer. With `swallow`, a decoding error is recorded instead of thrown. */
  private fill(length: number, swallow: boolean): boolean {
    // The unread characters move to the start of the buffer.
    this.bomAtStart = this.src.charCodeAt(this.pos) === 0xfeff;
    if (this.readerFailed) return this.readerFail(swallow);
    let first = true;
    while (this.avail - this.index < length) {
      if (!first || this.decodedReads === this.readsDone) {
        if (this.readsDone < this.reads.length) this.readsDone++;
        else this.eof = true;
      }
      first = false;
      while (this.decodedReads < this.readsDone) {
        if (this.decodedReads === this.errRead) return this.readerFail(swallow);
        this.avail += this.reads[this.decodedReads++];
      }
      if (this.eof) {
        if (this.errRead === this.reads.length) return this.readerFail(swallow);
        this.avail++; // libyaml appends a NUL at the end of input
        break;
      }
    }
    return true;
  }

  private readerFail(swallow: boolean): boolean {
    if (!this.readerFailed) {
      this.readerFailed = true;
      this.avail = this.errChars; // the characters before the bad one were decoded
    }
    this.errMark = undefined;
    const err = this.failure(this.errMsg, false);
    if (!swallow) throw err;
    this.pendingError = err;
    return false;
  }

  // ------------------------------------------------------------------
  // Moving through the input

  private skip(): void {
    const c = this.src.charCodeAt(this.pos);
    if (c !== 32 && c !== 9) this.newlines = 0;
    this.index++;
    this.column++;
    this.pos += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }

  private skipLine(): void {
    const c = this.ch(this.pos);
    if (c === 13 && this.ch(this.pos + 1) === 10) {
      this.index += 2;
      this.pos += 2;
    } else if (isBreak(c)) {
      this.index++;
      this.pos++;
    } else return;
    this.column = 0;
    this.line++;
    this.newlines++;
  }

  /** read_line: consume a line break and return its normalized text. */
  private readLine(): string {
    const c = this.ch(this.pos);
    let r: string;
    if (c === 13 && this.ch(this.pos + 1) === 10) {
      this.index += 2;
      this.pos += 2;
      r = "\n";
    } else if (c === 13 || c === 10 || c === 0x85) {
      this.index++;
      this.pos++;
      r = "\n";
    } else if (c === 0x2028 || c === 0x2029) {
      this.index++;
      this.pos++;
      r = c === 0x2028 ? "\u2028" : "\u2029";
    } else return "";
    this.column = 0;
    this.line++;
    this.newlines++;
    return r;
  }

  /**
   * yaml.v3's parser.fail() message for the latest error: "yaml: line N: problem", where N
   * comes from the context mark, else the problem mark (0-based lines; scanner errors add one).
   * The marks are those of the latest error that set them, as yaml.v3 keeps them in its state.
   */
  private failure(problem: string, scanner: boolean): YamlError {
    let line = 0;
    if (this.errCtxLine !== 0) line = this.errCtxLine + (scanner ? 1 : 0);
    else if (this.errProbLine !== 0) line = this.errProbLine + (scanner ? 1 : 0);
    const mark = this.errMark ? { line: this.errMark.line + 1, column: this.errMark.column + 1 } : undefined;
    return new YamlError(line !== 0 ? `yaml: line ${line}: ${problem}` : `yaml: ${problem}`, line, mark);
  }

  /** A scanner error; `context` is the 0-based line of the context mark, the problem mark is the current position. */
  private scanError(context: number, problem: string, contextColumn = this.tokenColumn): YamlError {
    this.errCtxLine = context;
    this.errProbLine = this.line;
    // The position is the context mark, the start of what could not be scanned (an
    // unterminated string is shown where it starts, not at the end of the input); its
    // line is the one yaml.v3's message names.
    this.errMark = { line: context, column: contextColumn };
    return this.failure(problem, true);
  }

  /** A parser error without context. */
  parserError(problem: string, problemLine: number, problemColumn?: number): YamlError {
    this.errProbLine = problemLine;
    this.errMark = problemColumn !== undefined ? { line: problemLine, column: problemColumn } : undefined;
    return this.failure(problem, false);
  }

  /** A parser error with a context mark. */
  parserErrorContext(contextLine: number, problem: string, problemLine: number, problemColumn?: number): YamlError {
    this.errCtxLine = contextLine;
    this.errProbLine = problemLine;
    this.errMark = problemColumn !== undefined ? { line: problemLine, column: problemColumn } : undefined;
    return this.failure(problem, false);
  }

  // ------------------------------------------------------------------
  // Token queue (used by the parser)

  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    const tok = this.tokens[this.head];
    // yaml_parser_unfold_comments: comments before this token are handed to the parser.
    const cs = this.comments;
    while (this.commentsHead < cs.length && tok.si >= cs[this.commentsHead].tokenIdx) {
      const cm = cs[this.commentsHead];
      if (cm.head !== "") {
        if (tok.type === T.BlockEnd) break;
        this.headComment = this.headComment === "" ? cm.head : this.headComment + "\n" + cm.head;
      }
      cs[this.commentsHead] = new Comment();
      this.commentsHead++;
    }
    return tok;
  }

  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.head].type === T.StreamEnd;
    this.head++;
  }

  private insertToken(pos: number, tok: Token): void {
    let q = this.tokens;
    let len = this.tokensLen;
    if (this.head > 0 && len === this.tokensCap) {
      // Go moves the unconsumed tokens to the front of the slice (in place).
      const h = this.head;
      for (let i = h; i < len; i++) q[i - h] = q[i];
      len -= h;
      this.head = 0;
    }
    if (len === this.tokensCap) {
      // append() moves to a new, larger array; the old one keeps its contents.
      this.tokensCap = growCap(this.tokensCap);
      q = q.slice(0, len);
      this.tokens = q;
    }
    if (pos < 0) {
      q[len] = tok;
    } else {
      const at = this.head + pos;
      for (let i = len; i > at; i--) q[i] = q[i - 1];
      q[at] = tok;
    }
    this.tokensLen = len + 1;
  }

  /** A reference to the queue slot of the head token, like yaml.v3's token pointers. */
  tokenSlot(): { arr: Token[]; idx: number } {
    return { arr: this.tokens, idx: this.head };
  }

  private lastTokenType(): T {
    return this.tokensLen > 0 ? this.tokens[this.tokensLen - 1].type : T.None;
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head < this.tokensLen - 2) {
        // A possible simple key at the head needs more tokens to be decided.
        const k = this.skByTok.get(this.tokensParsed);
        if (k === undefined || k >= this.skLen) break;
        if (!this.simpleKeyIsValid(this.simpleKeys[k])) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private simpleKeyIsValid(sk: SimpleKey): boolean {
    if (!sk.possible) return false;
    if (sk.line < this.line || sk.index + 1024 < this.index) {
      if (sk.required) throw this.scanError(sk.line, "could not find expected ':'", sk.column);
      sk.possible = false;
      return false;
    }
    return true;
  }

  private fetchNextToken(): void {
    this.cache(1);
    if (!this.streamStartProduced) {
      this.fetchStreamStart();
      return;
    }
    const scanLine = this.line;
    const scanColumn = this.column;
    const scanIndex = this.index;
    this.scanToNextToken();
    this.unrollIndent(this.column, scanLine, scanColumn, scanIndex - 1);
    this.cache(4);
    const p = this.pos;
    const c = this.ch(p);
    if (c === 0) {
      this.fetchStreamEnd();
      return;
    }
    if (this.column === 0) {
      if (c === 37 /* % */) {
        this.fetchDirective();
        return;
      }
      if (
        ((c === 45 && this.ch(p + 1) === 45 && this.ch(p + 2) === 45) || (c === 46 && this.ch(p + 1) === 46 && this.ch(p + 2) === 46)) &&
        isBlankZ(this.ch(p + 3))
      ) {
        this.fetchDocumentIndicator(c === 45 ? T.DocumentStart : T.DocumentEnd);
        return;
      }
    }
    let commentMark = this.index;
    if (this.tokensLen > 0 && ((this.flowLevel === 0 && c === 58) || (this.flowLevel > 0 && c === 44))) {
      commentMark = this.tokens[this.tokensLen - 1].si;
    }
    const n1 = this.ch(p + 1);
    switch (c) {
      case 91: // [
        this.fetchFlowCollectionStart(T.FlowSequenceStart);
        break;
      case 123: // {
        this.fetchFlowCollectionStart(T.FlowMappingStart);
        break;
      case 93: // ]
        this.fetchFlowCollectionEnd(T.FlowSequenceEnd);
        break;
      case 125: // }
        this.fetchFlowCollectionEnd(T.FlowMappingEnd);
        break;
      case 44: // ,
        this.fetchFlowEntry();
        break;
      case 42: // *
        this.fetchAnchor(T.Alias);
        break;
      case 38: // &
        this.fetchAnchor(T.Anchor);
        break;
      case 33: // !
        this.fetchTag();
        break;
      case 39: // '
        this.fetchFlowScalar(true);
        break;
      case 34: // "
        this.fetchFlowScalar(false);
        break;
      default:
        if (c === 45 /* - */ && isBlankZ(n1)) this.fetchBlockEntry();
        else if (c === 63 /* ? */ && (this.flowLevel > 0 || isBlankZ(n1))) this.fetchKey();
        else if (c === 58 /* : */ && (this.flowLevel > 0 || isBlankZ(n1))) this.fetchValue();
        else if (c === 124 /* | */ && this.flowLevel === 0) this.fetchBlockScalar(true);
        else if (c === 62 /* > */ && this.flowLevel === 0) this.fetchBlockScalar(false);
        else if (
          !(
            isBlankZ(c) ||
            c === 45 ||
            c === 63 ||
            c === 58 ||
            c === 44 ||
            c === 91 ||
            c === 93 ||
            c === 123 ||
            c === 125 ||
            c === 35 ||
            c === 38 ||
            c === 42 ||
            c === 33 ||
            c === 124 ||
            c === 62 ||
            c === 39 ||
            c === 34 ||
            c === 37 ||
            c === 64 ||
            c === 96
          ) ||
          (c === 45 && n1 !== 32 && n1 !== 9) ||
          (this.flowLevel === 0 && (c === 63 || c === 58) && !isBlankZ(n1))
        ) {
          this.fetchPlainScalar();
        } else {
          throw this.scanError(this.line, "found character that cannot start any token", this.column);
        }
    }
    // yaml.v3 looks for a comment following the token on the same line.
    if (this.lastTokenType() !== T.BlockEntry) this.scanLineComment(commentMark);
  }

  // ------------------------------------------------------------------
  // Whitespace and comments

  private scanToNextToken(): void {
    const scanIdx = this.index;
    const scanLine = this.line;
    for (;;) {
      this.cache(1);
      if (this.column === 0 && this.bomAtStart) this.skip();
      this.cache(1);
      let c = this.ch(this.pos);
      while (c === 32 || (c === 9 && (this.flowLevel > 0 || !this.simpleKeyAllowed))) {
        this.skip();
        this.cache(1);
        c = this.ch(this.pos);
      }
      // A line comment after "- " followed by more content becomes a head comment.
      const q = this.tokens;
      const ql = this.tokensLen;
      const cs = this.comments;
      if (cs.length > 0 && ql > 1) {
        const cm = cs[cs.length - 1];
        if (q[ql - 2].type === T.BlockSequenceStart && q[ql - 1].type === T.BlockEntry && cm.line !== "" && !isBreak(c)) {
          cm.head = cm.line;
          cm.line = "";
          if (cm.startLine === this.line - 1) cm.tokenIdx = this.index;
        }
      }
      if (c === 35) {
        this.scanComments(scanIdx, scanLine);
        c = this.ch(this.pos);
      }
      if (isBreak(c)) {
        this.cache(2);
        this.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else break;
    }
  }

  /** Consume the comment text from the current position to the end of the line. */
  private consumeCommentText(): string {
    const start = this.pos;
    for (;;) {
      if (this.avail - this.index < 1) this.fill(1, false);
      const c = this.ch(this.pos);
      if (isBreakZ(c)) break;
      this.skip();
    }
    return this.src.slice(start, this.pos);
  }

  /** Move `n` characters ahead (blanks and ASCII breaks only), then consume a comment and return its text. */
  private consumeToComment(n: number): string {
    const seen = this.index + n;
    for (;;) {
      if (this.avail - this.index < 1) this.fill(1, false);
      const c = this.ch(this.pos);
      if (isBreakZ(c)) {
        if (this.index >= seen) return "";
        this.cache(2);
        this.skipLine();
      } else if (this.index >= seen) {
        return this.consumeCommentText();
      } else this.skip();
    }
  }

  private addComment(scanIdx: number, tokenIdx: number, startIdx: number, startLine: number, startCol: number, endIdx: number): Comment {
    // (the text is set by the caller)
    const cm = new Comment();
    cm.scanIdx = scanIdx;
    cm.tokenIdx = tokenIdx;
    cm.startIdx = startIdx;
    cm.startLine = startLine;
    cm.startCol = startCol;
    cm.endIdx = endIdx;
    this.comments.push(cm);
    return cm;
  }

  /**
   * yaml_parser_scan_comments. Starting at a '#', it consumes that comment and every
   * following comment line separated from it only by blanks and line breaks (tabs
   * included), looking at most 511 bytes ahead for the next '#', and records the
   * comments as foot or head comments. libyaml looks at bytes here; the bytes looked
   * at are ASCII except for a multi-byte line break, which ends the look-ahead.
   * Columns in the recorded marks are 1-based, as in yaml.v3.
   */
  private scanComments(scanIdx: number, scanLine: number): void {
    const q = this.tokens;
    const ql = this.tokensLen;
    let token = q[ql - 1];
    if (token.type === T.FlowEntry && ql > 1) token = q[ql - 2];
    let tokenMark = token.si;
    let sIdx = 0;
    let sLine = 0;
    let sCol = 0;
    let nextIndent = this.indent < 0 ? 0 : this.indent;
    let recentEmpty = false;
    let firstEmpty = this.newlines <= 1;
    let line = this.line;
    let column = this.column;
    let text = "";
    let footLine = -1;
    if (scanLine > 0) {
      footLine = this.line - this.newlines + 1;
      if (this.newlines === 0 && this.column > 1) footLine++;
    }
    let peek = 0;
    let sp = this.pos; // string offset of the byte at `peek`
    let cont = false; // the byte at `peek` continues a multi-byte character
    for (; peek < 512; peek++) {
      if (this.avail - this.index < peek + 1 && !this.fill(peek + 1, true)) break;
      column++;
      let c: number;
      if (cont) {
        c = 0x80;
        cont = false;
      } else {
        c = this.ch(sp);
        if (c >= 0x80) {
          if (c === 0x85 || c === 0x2028 || c === 0x2029) {
            cont = true;
            c = 10;
          } else c = 0x80;
        }
        sp++;
      }
      if (c === 32 || c === 9) continue;
      const closeFlow = this.flowLevel > 0 && (c === 93 || c === 125);
      if (closeFlow || c === 10 || c === 13 || c === 0) {
        if (closeFlow || !recentEmpty) {
          if (closeFlow || (firstEmpty && ((sLine === footLine && token.type !== T.Value) || sCol - 1 < nextIndent))) {
            if (text !== "") {
              if (sCol - 1 < nextIndent) tokenMark = sIdx;
              const cm = this.addComment(scanIdx, tokenMark, sIdx, sLine, sCol, this.index + peek);
              cm.foot = text;
              scanIdx = this.index + peek;
              tokenMark = scanIdx;
              text = "";
            }
          } else if (text !== "" && c !== 0) {
            text += "\n";
          }
        }
        if (c === 0 || closeFlow) break;
        firstEmpty = false;
        recentEmpty = true;
        column = 0;
        line++;
        continue;
      }
      if (text !== "" && column - 1 < nextIndent && column !== sCol) {
        const cm = this.addComment(scanIdx, tokenMark, sIdx, sLine, sCol, this.index + peek);
        cm.foot = text;
        scanIdx = this.index + peek;
        tokenMark = scanIdx;
        text = "";
      }
      if (c !== 35) break;
      if (text === "") {
        sIdx = this.index + peek;
        sLine = line;
        sCol = column;
      } else {
        text += "\n";
      }
      recentEmpty = false;
      text += this.consumeToComment(peek);
      peek = 0;
      column = 0;
      line = this.line;
      nextIndent = this.indent < 0 ? 0 : this.indent;
      // The next byte looked at is the one after the line break ending the comment.
      const here = this.ch(this.pos);
      sp = this.pos + 1;
      cont = !(here === 10 || here === 13 || here === 0);
    }
    if (text !== "") {
      const cm = this.addComment(scanIdx, sIdx, sIdx, sLine, sCol, this.index + peek - 1);
      cm.head = text;
    }
  }

  /** yaml_parser_scan_line_comment: a comment after a token on the same line. */
  private scanLineComment(tokenMark: number): void {
    if (this.newlines > 0) return;
    for (let peek = 0; peek < 512; peek++) {
      if (this.avail - this.index < peek + 1 && !this.fill(peek + 1, true)) break;
      const c = this.ch(this.pos + peek);
      if (c === 32 || c === 9) continue;
      if (c === 35) {
        const cm = this.addComment(0, tokenMark, this.index + peek, this.line, this.column + peek, 0);
        cm.line = this.consumeToComment(peek);
      }
      break;
    }
  }

  // ------------------------------------------------------------------
  // Indentation and simple keys

  private rollIndent(column: number, number: number, type: T, line: number, col: number, idx: number): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_INDENTS) {
        throw this.scanError(this.simpleKeys[this.skLen - 1].line, `exceeded max depth of ${MAX_INDENTS}`, this.simpleKeys[this.skLen - 1].column);
      }
      const tok = new Token(type, line, col, idx, line, col);
      if (number > -1) number -= this.tokensParsed;
      this.insertToken(number, tok);
    }
  }

  private unrollIndent(column: number, line: number, col: number, idx: number): void {
    if (this.flowLevel > 0) return;
    const cs = this.comments;
    while (this.indent > column) {
      // yaml.v3 moves the BLOCK-END before comments at the indentation of the block being closed.
      let stop = idx;
      for (let i = cs.length - 1; i >= 0; i--) {
        const cm = cs[i];
        if (cm.endIdx < stop) break;
        if (cm.startCol === this.indent + 1) {
          line = cm.startLine;
          col = cm.startCol;
          idx = cm.startIdx;
        }
        stop = cm.scanIdx;
      }
      this.insertToken(-1, new Token(T.BlockEnd, line, col, idx, line, col));
      this.indent = this.indents.pop()!;
    }
  }

  private saveSimpleKey(): void {
    if (!this.simpleKeyAllowed) return;
    const required = this.flowLevel === 0 && this.indent === this.column;
    const tokenNumber = this.tokensParsed + (this.tokensLen - this.head);
    this.removeSimpleKey();
    const sk = this.simpleKeys[this.skLen - 1];
    sk.possible = true;
    sk.required = required;
    sk.tokenNumber = tokenNumber;
    sk.index = this.index;
    sk.line = this.line;
    sk.column = this.column;
    this.skByTok.set(tokenNumber, this.skLen - 1);
  }

  private removeSimpleKey(): void {
    const sk = this.simpleKeys[this.skLen - 1];
    if (sk.possible) {
      if (sk.required) throw this.scanError(sk.line, "could not find expected ':'", sk.column);
      sk.possible = false;
      this.skByTok.delete(sk.tokenNumber);
    }
  }

  private pushSimpleKey(): SimpleKey {
    let sk = this.simpleKeys[this.skLen];
    if (sk === undefined) {
      sk = new SimpleKey();
      this.simpleKeys.push(sk);
    }
    this.skLen++;
    sk.possible = false;
    sk.required = false;
    sk.tokenNumber = this.tokensParsed + (this.tokensLen - this.head);
    sk.index = this.index;
    sk.line = this.line;
    sk.column = this.column;
    return sk;
  }

  private increaseFlowLevel(): void {
    const sk = this.pushSimpleKey();
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) throw this.scanError(sk.line, `exceeded max depth of ${MAX_FLOW_LEVEL}`, sk.column);
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      this.skByTok.delete(this.simpleKeys[this.skLen - 1].tokenNumber);
      this.skLen--;
    }
  }

  // ------------------------------------------------------------------
  // Fetchers

  private simpleToken(type: T): void {
    const sl = this.line;
    const sc = this.column;
    this.tokenColumn = sc;
    const si = this.index;
    this.skip();
    this.insertToken(-1, new Token(type, sl, sc, si, this.line, this.column));
  }

  private fetchStreamStart(): void {
    this.indent = -1;
    this.pushSimpleKey();
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.insertToken(-1, new Token(T.StreamStart, this.line, this.column, this.index, this.line, this.column));
  }

  private fetchStreamEnd(): void {
    if (this.column !== 0) {
      this.column = 0;
      this.line++;
    }
    this.unrollIndent(-1, this.line, this.column, this.index - 1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, new Token(T.StreamEnd, this.line, this.column, this.index, this.line, this.column));
  }

  private fetchDirective(): void {
    this.unrollIndent(-1, this.line, this.column, this.index - 1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(type: T): void {
    this.unrollIndent(-1, this.line, this.column, this.index - 1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const sl = this.line;
    const sc = this.column;
    this.tokenColumn = sc;
    const si = this.index;
    this.skip();
    this.skip();
    this.skip();
    this.insertToken(-1, new Token(type, sl, sc, si, this.line, this.column));
  }

  private fetchFlowCollectionStart(type: T): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.simpleToken(type);
  }

  private fetchFlowCollectionEnd(type: T): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.simpleToken(type);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.simpleToken(T.FlowEntry);
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) throw this.scanError(this.line, "block sequence entries are not allowed in this context", this.column);
      this.rollIndent(this.column, -1, T.BlockSequenceStart, this.line, this.column, this.index);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.simpleToken(T.BlockEntry);
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) throw this.scanError(this.line, "mapping keys are not allowed in this context", this.column);
      this.rollIndent(this.column, -1, T.BlockMappingStart, this.line, this.column, this.index);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.simpleToken(T.Key);
  }

  private fetchValue(): void {
    const sk = this.simpleKeys[this.skLen - 1];
    if (this.simpleKeyIsValid(sk)) {
      // The simple key becomes a KEY token (and maybe opens a block mapping).
      this.insertToken(sk.tokenNumber - this.tokensParsed, new Token(T.Key, sk.line, sk.column, sk.index, sk.line, sk.column));
      this.rollIndent(sk.column, sk.tokenNumber, T.BlockMappingStart, sk.line, sk.column, sk.index);
      sk.possible = false;
      this.skByTok.delete(sk.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) throw this.scanError(this.line, "mapping values are not allowed in this context", this.column);
        this.rollIndent(this.column, -1, T.BlockMappingStart, this.line, this.column, this.index);
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.simpleToken(T.Value);
  }

  private fetchAnchor(type: T): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanAnchor(type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar(literal));
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

  // ------------------------------------------------------------------
  // Directives

  private skipBlanks(): void {
    this.cache(1);
    for (;;) {
      const c = this.ch(this.pos);
      if (c !== 32 && c !== 9) break;
      this.skip();
      this.cache(1);
    }
  }

  private scanDirective(): Token {
    const sl = this.line;
    const sc = this.column;
    this.tokenColumn = sc;
    const si = this.index;
    this.skip();
    // The directive name.
    this.cache(1);
    const nameStart = this.pos;
    while (isAlpha(this.ch(this.pos))) {
      this.skip();
      this.cache(1);
    }
    const name = this.src.slice(nameStart, this.pos);
    if (name === "") throw this.scanError(sl, "could not find expected directive name");
    if (!isBlankZ(this.ch(this.pos))) throw this.scanError(sl, "found unexpected non-alphabetical character");
    let tok: Token;
    if (name === "YAML") {
      this.skipBlanks();
      const major = this.scanVersionNumber(sl);
      if (this.ch(this.pos) !== 46) throw this.scanError(sl, "did not find expected digit or '.' character");
      this.skip();
      const minor = this.scanVersionNumber(sl);
      tok = new Token(T.VersionDirective, sl, sc, si, this.line, this.column);
      tok.major = major;
      tok.minor = minor;
    } else if (name === "TAG") {
      this.skipBlanks();
      const handle = this.scanTagHandle(true, sl);
      this.cache(1);
      let c = this.ch(this.pos);
      if (c !== 32 && c !== 9) throw this.scanError(sl, "did not find expected whitespace");
      while (c === 32 || c === 9) {
        this.skip();
        this.cache(1);
        c = this.ch(this.pos);
      }
      const prefix = this.scanTagUri(true, "", sl);
      this.cache(1);
      if (!isBlankZ(this.ch(this.pos))) throw this.scanError(sl, "did not find expected whitespace or line break");
      tok = new Token(T.TagDirective, sl, sc, si, this.line, this.column);
      tok.value = handle;
      tok.suffix = prefix;
    } else {
      throw this.scanError(sl, "found unknown directive name");
    }
    // The rest of the line, comments included.
    this.skipBlanks();
    if (this.ch(this.pos) === 35) {
      while (!isBreakZ(this.ch(this.pos))) {
        this.skip();
        this.cache(1);
      }
    }
    const c = this.ch(this.pos);
    if (!isBreakZ(c)) throw this.scanError(sl, "did not find expected comment or line break");
    if (isBreak(c)) {
      this.cache(2);
      this.skipLine();
    }
    return tok;
  }

  private scanVersionNumber(sl: number): number {
    this.cache(1);
    let value = 0;
    let length = 0;
    for (;;) {
      const c = this.ch(this.pos);
      if (c < 48 || c > 57) break;
      if (++length > 2) throw this.scanError(sl, "found extremely long version number");
      value = value * 10 + (c - 48);
      this.skip();
      this.cache(1);
    }
    if (length === 0) throw this.scanError(sl, "did not find expected version number");
    return value;
  }

  // ------------------------------------------------------------------
  // Anchors, aliases and tags

  private scanAnchor(type: T): Token {
    const sl = this.line;
    const sc = this.column;
    this.tokenColumn = sc;
    const si = this.index;
    this.skip();
    this.cache(1);
    const start = this.pos;
    while (isAlpha(this.ch(this.pos))) {
      this.skip();
      this.cache(1);
    }
    const el = this.line;
    const ec = this.column;
    const c = this.ch(this.pos);
    if (
      this.pos === start ||
      !(isBlankZ(c) || c === 63 || c === 58 || c === 44 || c === 93 || c === 125 || c === 37 || c === 64 || c === 96)
    ) {
      throw this.scanError(sl, "did not find expected alphabetic or numeric character");
    }
    const tok = new Token(type, sl, sc, si, el, ec);
    tok.value = this.src.slice(start, this.pos);
    return tok;
  }

  private scanTag(): Token {
    const sl = this.line;
    const sc = this.column;
    this.tokenColumn = sc;
    const si = this.index;
    let handle: string;
    let suffix: string;
    this.cache(2);
    if (this.ch(this.pos + 1) === 60 /* < */) {
      handle = "";
      this.skip();
      this.skip();
      suffix = this.scanTagUri(false, "", sl);
      if (this.ch(this.pos) !== 62 /* > */) throw this.scanError(sl, "did not find the expected '>'");
      this.skip();
    } else {
      handle = this.scanTagHandle(false, sl);
      if (handle.length > 1 && handle.charCodeAt(handle.length - 1) === 33) {
        suffix = this.scanTagUri(false, "", sl);
      } else {
        suffix = this.scanTagUri(false, handle, sl);
        handle = "!";
        if (suffix === "") {
          handle = "";
          suffix = "!";
        }
      }
    }
    this.cache(1);
    if (!isBlankZ(this.ch(this.pos))) throw this.scanError(sl, "did not find expected whitespace or line break");
    const tok = new Token(T.Tag, sl, sc, si, this.line, this.column);
    tok.value = handle;
    tok.suffix = suffix;
    return tok;
  }

  private scanTagHandle(directive: boolean, sl: number): string {
    this.cache(1);
    if (this.ch(this.pos) !== 33) throw this.scanError(sl, "did not find expected '!'");
    const start = this.pos;
    this.skip();
    this.cache(1);
    while (isAlpha(this.ch(this.pos))) {
      this.skip();
      this.cache(1);
    }
    if (this.ch(this.pos) === 33) {
      this.skip();
    } else if (directive && this.pos - start !== 1) {
      throw this.scanError(sl, "did not find expected '!'");
    }
    return this.src.slice(start, this.pos);
  }

  private scanTagUri(directive: boolean, head: string, sl: number): string {
    let s = head.length > 1 ? head.slice(1) : "";
    let hasTag = head.length > 0;
    this.cache(1);
    let runStart = this.pos;
    for (;;) {
      const c = this.ch(this.pos);
      if (!isUriChar(c)) break;
      if (c === 37) {
        s += this.src.slice(runStart, this.pos);
        s += this.scanUriEscapes(directive, sl);
        runStart = this.pos;
      } else {
        this.skip();
      }
      this.cache(1);
      hasTag = true;
    }
    s += this.src.slice(runStart, this.pos);
    if (!hasTag) throw this.scanError(sl, "did not find expected tag URI");
    return s;
  }

  private scanUriEscapes(directive: boolean, sl: number): string {
    void directive;
    const bytes: number[] = [];
    let w = 1024;
    while (w > 0) {
      this.cache(3);
      const p = this.pos;
      if (!(this.ch(p) === 37 && isHex(this.ch(p + 1)) && isHex(this.ch(p + 2)))) {
        throw this.scanError(sl, "did not find URI escaped octet");
      }
      const octet = (asHex(this.ch(p + 1)) << 4) + asHex(this.ch(p + 2));
      if (w === 1024) {
        w = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (w === 0) throw this.scanError(sl, "found an incorrect leading UTF-8 octet");
      } else if ((octet & 0xc0) !== 0x80) {
        throw this.scanError(sl, "found an incorrect trailing UTF-8 octet");
      }
      bytes.push(octet);
      this.skip();
      this.skip();
      this.skip();
      w--;
    }
    if (byteDecoder === null) byteDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
    return byteDecoder.decode(new Uint8Array(bytes));
  }

  // ------------------------------------------------------------------
  // Block scalars

  private scanBlockScalar(literal: boolean): Token {
    const sl = this.line;
    const sc = this.column;
    this.tokenColumn = sc;
    const si = this.index;
    this.skip();
    this.cache(1);
    let chomping = 0;
    let increment = 0;
    let c = this.ch(this.pos);
    if (c === 43 || c === 45) {
      chomping = c === 43 ? 1 : -1;
      this.skip();
      this.cache(1);
      c = this.ch(this.pos);
      if (c >= 48 && c <= 57) {
        if (c === 48) throw this.scanError(sl, "found an indentation indicator equal to 0");
        increment = c - 48;
        this.skip();
      }
    } else if (c >= 48 && c <= 57) {
      if (c === 48) throw this.scanError(sl, "found an indentation indicator equal to 0");
      increment = c - 48;
      this.skip();
      this.cache(1);
      c = this.ch(this.pos);
      if (c === 43 || c === 45) {
        chomping = c === 43 ? 1 : -1;
        this.skip();
      }
    }
    this.skipBlanks();
    if (this.ch(this.pos) === 35) {
      this.scanLineComment(si);
      while (!isBreakZ(this.ch(this.pos))) {
        this.skip();
        this.cache(1);
      }
    }
    c = this.ch(this.pos);
    if (!isBreakZ(c)) throw this.scanError(sl, "did not find expected comment or line break");
    if (isBreak(c)) {
      this.cache(2);
      this.skipLine();
    }
    let el = this.line;
    let ec = this.column;
    let indent = 0;
    if (increment > 0) indent = this.indent >= 0 ? this.indent + increment : increment;

    let s = "";
    let leadingBreak = "";
    let trailingBreaks = "";

    // Leading line breaks, and the indentation when it is not given.
    // (yaml_parser_scan_block_scalar_breaks, inlined twice through this closure)
    const breaks = (): void => {
      el = this.line;
      ec = this.column;
      let maxIndent = 0;
      for (;;) {
        this.cache(1);
        while ((indent === 0 || this.column < indent) && this.ch(this.pos) === 32) {
          this.skip();
          this.cache(1);
        }
        if (this.column > maxIndent) maxIndent = this.column;
        const b = this.ch(this.pos);
        if ((indent === 0 || this.column < indent) && b === 9) {
          throw this.scanError(sl, "found a tab character where an indentation space is expected");
        }
        if (!isBreak(b)) break;
        this.cache(2);
        trailingBreaks += this.readLine();
        el = this.line;
        ec = this.column;
      }
      if (indent === 0) {
        indent = maxIndent;
        if (indent < this.indent + 1) indent = this.indent + 1;
        if (indent < 1) indent = 1;
      }
    };

    breaks();
    this.cache(1);
    let leadingBlank = false;
    while (this.column === indent && this.ch(this.pos) !== 0) {
      const first = this.ch(this.pos);
      const trailingBlank = first === 32 || first === 9;
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.length > 0 && leadingBreak.charCodeAt(0) === 10) {
        if (trailingBreaks.length === 0) s += " ";
      } else {
        s += leadingBreak;
      }
      leadingBreak = "";
      s += trailingBreaks;
      trailingBreaks = "";
      leadingBlank = trailingBlank;
      // The line's content.
      const start = this.pos;
      while (!isBreakZ(this.ch(this.pos))) {
        this.skip();
        if (this.avail - this.index < 1) this.fill(1, false);
      }
      s += this.src.slice(start, this.pos);
      this.cache(2);
      leadingBreak = this.readLine();
      breaks();
    }
    if (chomping !== -1) s += leadingBreak;
    if (chomping === 1) s += trailingBreaks;

    const tok = new Token(T.Scalar, sl, sc, si, el, ec);
    tok.value = s;
    tok.style = literal ? SS.Literal : SS.Folded;
    return tok;
  }

  // ------------------------------------------------------------------
  // Quoted scalars

  private scanFlowScalar(single: boolean): Token {
    const sl = this.line;
    const sc = this.column;
    this.tokenColumn = sc;
    const si = this.index;
    this.skip();
    let s = "";
    let leadingBreak = "";
    let trailingBreaks = "";
    let whitespaces = "";
    const quote = single ? 39 : 34;
    for (;;) {
      this.cache(4);
      const p = this.pos;
      const c0 = this.ch(p);
      if (
        this.column === 0 &&
        ((c0 === 45 && this.ch(p + 1) === 45 && this.ch(p + 2) === 45) || (c0 === 46 && this.ch(p + 1) === 46 && this.ch(p + 2) === 46)) &&
        isBlankZ(this.ch(p + 3))
      ) {
        throw this.scanError(sl, "found unexpected document indicator");
      }
      if (c0 === 0) throw this.scanError(sl, "found unexpected end of stream");

      let leadingBlanks = false;
      let runStart = this.pos;
      for (;;) {
        const c = this.ch(this.pos);
        if (isBlankZ(c)) break;
        if (c === quote) {
          if (single && this.ch(this.pos + 1) === 39) {
            s += this.src.slice(runStart, this.pos) + "'";
            this.skip();
            this.skip();
            runStart = this.pos;
          } else break;
        } else if (!single && c === 92 /* \ */) {
          s += this.src.slice(runStart, this.pos);
          const e = this.ch(this.pos + 1);
          if (isBreak(e)) {
            this.cache(3);
            this.skip();
            this.skipLine();
            leadingBlanks = true;
            runStart = this.pos;
            break;
          }
          let codeLength = 0;
          switch (e) {
            case 48: s += "\0"; break; // prettier-ignore
            case 97: s += "\x07"; break; // prettier-ignore
            case 98: s += "\b"; break; // prettier-ignore
            case 116: // t
            case 9: s += "\t"; break; // prettier-ignore
            case 110: s += "\n"; break; // prettier-ignore
            case 118: s += "\v"; break; // prettier-ignore
            case 102: s += "\f"; break; // prettier-ignore
            case 114: s += "\r"; break; // prettier-ignore
            case 101: s += "\x1b"; break; // prettier-ignore
            case 32: s += " "; break; // prettier-ignore
            case 34: s += '"'; break; // prettier-ignore
            case 39: s += "'"; break; // prettier-ignore
            case 92: s += "\\"; break; // prettier-ignore
            case 78: s += "\x85"; break; // prettier-ignore
            case 95: s += "\xa0"; break; // prettier-ignore
            case 76: s += "\u2028"; break; // prettier-ignore
            case 80: s += "\u2029"; break; // prettier-ignore
            case 120: codeLength = 2; break; // prettier-ignore
            case 117: codeLength = 4; break; // prettier-ignore
            case 85: codeLength = 8; break; // prettier-ignore
            default:
              throw this.scanError(sl, "found unknown escape character");
          }
          this.skip();
          this.skip();
          if (codeLength > 0) {
            this.cache(codeLength);
            let value = 0;
            for (let k = 0; k < codeLength; k++) {
              const h = this.ch(this.pos + k);
              if (!isHex(h)) throw this.scanError(sl, "did not find expected hexdecimal number");
              value = value * 16 + asHex(h);
            }
            if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
              throw this.scanError(sl, "found invalid Unicode character escape code");
            }
            s += String.fromCodePoint(value);
            for (let k = 0; k < codeLength; k++) this.skip();
          }
          runStart = this.pos;
        } else {
          this.skip();
        }
        if (this.avail - this.index < 2) this.fill(2, false);
      }
      if (runStart !== this.pos) {
        s += this.src.slice(runStart, this.pos);
        this.newlines = 0;
      }
      this.cache(1);
      if (this.ch(this.pos) === quote) break;

      // Blanks and line breaks.
      for (;;) {
        const c = this.ch(this.pos);
        if (c === 32 || c === 9) {
          if (!leadingBlanks) whitespaces += c === 32 ? " " : "\t";
          this.skip();
        } else if (isBreak(c)) {
          this.cache(2);
          if (!leadingBlanks) {
            whitespaces = "";
            leadingBreak = this.readLine();
            leadingBlanks = true;
          } else {
            trailingBreaks += this.readLine();
          }
        } else break;
        this.cache(1);
      }
      if (leadingBlanks) {
        if (leadingBreak.length > 0 && leadingBreak.charCodeAt(0) === 10) {
          s += trailingBreaks.length === 0 ? " " : trailingBreaks;
        } else {
          s += leadingBreak + trailingBreaks;
        }
        leadingBreak = "";
        trailingBreaks = "";
      } else {
        s += whitespaces;
        whitespaces = "";
      }
    }
    this.skip();
    const tok = new Token(T.Scalar, sl, sc, si, this.line, this.column);
    tok.value = s;
    tok.style = single ? SS.SingleQuoted : SS.DoubleQuoted;
    return tok;
  }

  // ------------------------------------------------------------------
  // Plain scalars

  private scanPlainScalar(): Token {
    let s = "";
    let leadingBreak = "";
    let trailingBreaks = "";
    let whitespaces = "";
    let leadingBlanks = false;
    const indent = this.indent + 1;
    const sl = this.line;
    const sc = this.column;
    this.tokenColumn = sc;
    const si = this.index;
    let el = sl;
    let ec = sc;
    const flow = this.flowLevel > 0;
    for (;;) {
      this.cache(4);
      const p = this.pos;
      const c0 = this.ch(p);
      if (
        this.column === 0 &&
        ((c0 === 45 && this.ch(p + 1) === 45 && this.ch(p + 2) === 45) || (c0 === 46 && this.ch(p + 1) === 46 && this.ch(p + 2) === 46)) &&
        isBlankZ(this.ch(p + 3))
      ) {
        break;
      }
      if (c0 === 35) break;

      const runStart = this.pos;
      for (;;) {
        const c = this.ch(this.pos);
        if (isBlankZ(c)) break;
        if (c === 58 && isBlankZ(this.ch(this.pos + 1))) break;
        if (flow && (c === 44 || c === 63 || c === 91 || c === 93 || c === 123 || c === 125)) break;
        if (this.pos === runStart && (leadingBlanks || whitespaces.length > 0)) {
          if (leadingBlanks) {
            if (leadingBreak.charCodeAt(0) === 10) {
              s += trailingBreaks.length === 0 ? " " : trailingBreaks;
            } else {
              s += leadingBreak + trailingBreaks;
            }
            trailingBreaks = "";
            leadingBreak = "";
            leadingBlanks = false;
          } else {
            s += whitespaces;
            whitespaces = "";
          }
        }
        this.index++;
        this.column++;
        this.pos += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        el = this.line;
        ec = this.column;
        if (this.avail - this.index < 2) this.fill(2, false);
      }
      if (this.pos !== runStart) {
        s += this.src.slice(runStart, this.pos);
        this.newlines = 0;
      }
      let c = this.ch(this.pos);
      if (!(c === 32 || c === 9 || isBreak(c))) break;

      this.cache(1);
      for (;;) {
        c = this.ch(this.pos);
        if (c === 32 || c === 9) {
          if (leadingBlanks && this.column < indent && c === 9) {
            throw this.scanError(sl, "found a tab character that violates indentation");
          }
          if (!leadingBlanks) whitespaces += c === 32 ? " " : "\t";
          this.skip();
        } else if (isBreak(c)) {
          this.cache(2);
          if (!leadingBlanks) {
            whitespaces = "";
            leadingBreak = this.readLine();
            leadingBlanks = true;
          } else {
            trailingBreaks += this.readLine();
          }
        } else break;
        this.cache(1);
      }
      if (!flow && this.column < indent) break;
    }
    const tok = new Token(T.Scalar, sl, sc, si, el, ec);
    tok.value = s;
    tok.style = SS.Plain;
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return tok;
  }
}
