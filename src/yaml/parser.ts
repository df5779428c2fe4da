// The parser: tokens -> events, following libyaml's grammar as yaml.v3 has it.
//
// stream               ::= STREAM-START implicit_document? explicit_document* STREAM-END
// implicit_document    ::= block_node DOCUMENT-END*
// explicit_document    ::= DIRECTIVE* DOCUMENT-START block_node? DOCUMENT-END*
// block_node           ::= ALIAS | properties block_content? | block_content
// flow_node            ::= ALIAS | properties flow_content? | flow_content
// properties           ::= TAG ANCHOR? | ANCHOR TAG?
// block_content        ::= block_collection | flow_collection | SCALAR
// block_sequence       ::= BLOCK-SEQUENCE-START (BLOCK-ENTRY block_node?)* BLOCK-END
// indentless_sequence  ::= (BLOCK-ENTRY block_node?)+
// block_mapping        ::= BLOCK-MAPPING_START ((KEY block_node_or_indentless_sequence?)?
//                          (VALUE block_node_or_indentless_sequence?)?)* BLOCK-END
// flow_sequence        ::= FLOW-SEQUENCE-START (flow_sequence_entry FLOW-ENTRY)* flow_sequence_entry? FLOW-SEQUENCE-END
// flow_sequence_entry  ::= flow_node | KEY flow_node? (VALUE flow_node?)?
// flow_mapping         ::= FLOW-MAPPING-START (flow_mapping_entry FLOW-ENTRY)* flow_mapping_entry? FLOW-MAPPING-END
// flow_mapping_entry   ::= flow_node | KEY flow_node? (VALUE flow_node?)?
//
// Events are written into one reusable Event object.

import { type Scanner, T, SS, type Token } from "./scanner";
import { YamlError } from "./node";

export const enum E {
  None = 0,
  StreamStart,
  StreamEnd,
  DocumentStart,
  DocumentEnd,
  Alias,
  Scalar,
  SequenceStart,
  SequenceEnd,
  MappingStart,
  MappingEnd,
}

const enum S {
  StreamStart,
  ImplicitDocumentStart,
  DocumentStart,
  DocumentContent,
  DocumentEnd,
  BlockNode,
  BlockNodeOrIndentlessSequence,
  FlowNode,
  BlockSequenceFirstEntry,
  BlockSequenceEntry,
  IndentlessSequenceEntry,
  BlockMappingFirstKey,
  BlockMappingKey,
  BlockMappingValue,
  FlowSequenceFirstEntry,
  FlowSequenceEntry,
  FlowSequenceEntryMappingKey,
  FlowSequenceEntryMappingValue,
  FlowSequenceEntryMappingEnd,
  FlowMappingFirstKey,
  FlowMappingKey,
  FlowMappingValue,
  FlowMappingEmptyValue,
  End,
}

export class Event {
  type: E = E.None;
  /** 0-based start mark */
  line = 0;
  column = 0;
  anchor = "";
  tag = "";
  value = "";
  /** scalar style (SS), 0 for an empty scalar's plain style is SS.Plain too */
  style = 0;
  /** collection in flow style */
  flow = false;
}

interface TagDirective {
  handle: string;
  prefix: string;
}

const DEFAULT_TAGS: TagDirective[] = [
  { handle: "!", prefix: "!" },
  { handle: "!!", prefix: "tag:yaml.org,2002:" },
];

export class Parser {
  readonly scanner: Scanner;
  readonly event = new Event();
  private state = S.StreamStart;
  private readonly states: S[] = [];
  private readonly marks: number[] = []; // 0-based lines of collection starts (only lines are reported)
  private tagDirectives: TagDirective[] = [];

  constructor(scanner: Scanner) {
    this.scanner = scanner;
  }

  private parserError(problem: string, problemLine: number, problemColumn?: number): never {
    throw this.scanner.parserError(problem, problemLine, problemColumn);
  }

  private parserErrorContext(contextLine: number, problem: string, problemLine: number, problemColumn?: number): never {
    throw this.scanner.parserErrorContext(contextLine, problem, problemLine, problemColumn);
  }

  /** yaml_parser_set_event_comments: the event takes the pending comments. */
  private takeComments(): void {
    this.scanner.headComment = "";
  }

  /**
   * yaml_parser_split_stem_comment. Its token look-ahead ignores a failure, and yaml.v3
   * then scans on from where the failed token stopped: the error is reported only if
   * no later error replaces it.
   */
  private splitStemComment(stemLen: number): void {
    if (stemLen === 0) return;
    const sc = this.scanner;
    let tok: Token;
    try {
      tok = sc.peek();
    } catch (e) {
      if (e instanceof YamlError) {
        sc.pendingError = e;
        return;
      }
      throw e;
    }
    if (tok.type !== T.BlockSequenceStart && tok.type !== T.BlockMappingStart) return;
    sc.headComment = sc.headComment.length === stemLen ? "" : sc.headComment.slice(stemLen + 1);
  }

  private set(type: E, line: number, column: number): Event {
    const ev = this.event;
    ev.type = type;
    ev.line = line;
    ev.column = column;
    ev.anchor = "";
    ev.tag = "";
    ev.value = "";
    ev.style = 0;
    ev.flow = false;
    return ev;
  }

  /** yaml_parser_parse: produce the next event. */
  next(): Event {
    const sc = this.scanner;
    if (sc.streamEndProduced || this.state === S.End) {
      this.set(E.None, 0, 0);
      return this.event;
    }
    switch (this.state) {
      case S.StreamStart:
        this.parseStreamStart();
        break;
      case S.ImplicitDocumentStart:
        this.parseDocumentStart(true);
        break;
      case S.DocumentStart:
        this.parseDocumentStart(false);
        break;
      case S.DocumentContent:
        this.parseDocumentContent();
        break;
      case S.DocumentEnd:
        this.parseDocumentEnd();
        break;
      case S.BlockNode:
        this.parseNode(true, false);
        break;
      case S.BlockNodeOrIndentlessSequence:
        this.parseNode(true, true);
        break;
      case S.FlowNode:
        this.parseNode(false, false);
        break;
      case S.BlockSequenceFirstEntry:
        this.parseBlockSequenceEntry(true);
        break;
      case S.BlockSequenceEntry:
        this.parseBlockSequenceEntry(false);
        break;
      case S.IndentlessSequenceEntry:
        this.parseIndentlessSequenceEntry();
        break;
      case S.BlockMappingFirstKey:
        this.parseBlockMappingKey(true);
        break;
      case S.BlockMappingKey:
        this.parseBlockMappingKey(false);
        break;
      case S.BlockMappingValue:
        this.parseBlockMappingValue();
        break;
      case S.FlowSequenceFirstEntry:
        this.parseFlowSequenceEntry(true);
        break;
      case S.FlowSequenceEntry:
        this.parseFlowSequenceEntry(false);
        break;
      case S.FlowSequenceEntryMappingKey:
        this.parseFlowSequenceEntryMappingKey();
        break;
      case S.FlowSequenceEntryMappingValue:
        this.parseFlowSequenceEntryMappingValue();
        break;
      case S.FlowSequenceEntryMappingEnd:
        this.parseFlowSequenceEntryMappingEnd();
        break;
      case S.FlowMappingFirstKey:
        this.parseFlowMappingKey(true);
        break;
      case S.FlowMappingKey:
        this.parseFlowMappingKey(false);
        break;
      case S.FlowMappingValue:
        this.parseFlowMappingValue(false);
        break;
      case S.FlowMappingEmptyValue:
        this.parseFlowMappingValue(true);
        break;
    }
    return this.event;
  }

  private popState(): void {
    this.state = this.states.pop()!;
  }

  private parseStreamStart(): void {
    const tok = this.scanner.peek();
    if (tok.type !== T.StreamStart) this.parserError("did not find expected <stream-start>", tok.sl, tok.sc);
    this.state = S.ImplicitDocumentStart;
    this.set(E.StreamStart, tok.sl, tok.sc);
    this.scanner.skipToken();
  }

  private parseDocumentStart(implicit: boolean): void {
    const sc = this.scanner;
    let tok = sc.peek();
    if (!implicit) {
      while (tok.type === T.DocumentEnd) {
        sc.skipToken();
        tok = sc.peek();
      }
    }
    if (
      implicit &&
      tok.type !== T.VersionDirective &&
      tok.type !== T.TagDirective &&
      tok.type !== T.DocumentStart &&
      tok.type !== T.StreamEnd
    ) {
      this.processDirectives();
      this.states.push(S.DocumentEnd);
      this.state = S.BlockNode;
      // Part of a head comment before an empty line goes to the document.
      const hc = sc.headComment;
      for (let i = hc.length - 1; i > 0; i--) {
        if (hc.charCodeAt(i) === 10) {
          if (i === hc.length - 1) {
            sc.headComment = hc.slice(i + 1);
            break;
          } else if (hc.charCodeAt(i - 1) === 10) {
            sc.headComment = hc.slice(i + 1);
            break;
          }
        }
      }
      // The token was peeked before processing directives; it is still at the head.
      this.set(E.DocumentStart, tok.sl, tok.sc);
    } else if (tok.type !== T.StreamEnd) {
      const sl = tok.sl;
      const scol = tok.sc;
      this.processDirectives();
      tok = sc.peek();
      if (tok.type !== T.DocumentStart) this.parserError("did not find expected <document start>", tok.sl, tok.sc);
      this.states.push(S.DocumentEnd);
      this.state = S.DocumentContent;
      this.set(E.DocumentStart, sl, scol);
      sc.skipToken();
    } else {
      this.state = S.End;
      this.set(E.StreamEnd, tok.sl, tok.sc);
      sc.skipToken();
    }
  }

  private parseDocumentContent(): void {
    const tok = this.scanner.peek();
    const t = tok.type;
    if (t === T.VersionDirective || t === T.TagDirective || t === T.DocumentStart || t === T.DocumentEnd || t === T.StreamEnd) {
      this.popState();
      this.emptyScalar(tok.sl, tok.sc);
      return;
    }
    this.parseNode(true, false);
  }

  private parseDocumentEnd(): void {
    const sc = this.scanner;
    const tok = sc.peek();
    const sl = tok.sl;
    const scol = tok.sc;
    if (tok.type === T.DocumentEnd) sc.skipToken();
    this.tagDirectives = [];
    this.state = S.DocumentStart;
    this.set(E.DocumentEnd, sl, scol);
    this.takeComments();
  }

  private parseNode(block: boolean, indentlessSequence: boolean): void {
    const sc = this.scanner;
    let tok = sc.peek();
    if (tok.type === T.Alias) {
      this.popState();
      const ev = this.set(E.Alias, tok.sl, tok.sc);
      ev.anchor = tok.value;
      this.takeComments();
      sc.skipToken();
      return;
    }
    const startLine = tok.sl;
    const startCol = tok.sc;
    let tagToken: Token | null = null;
    let anchor = "";
    let tagLine = 0;
    if (tok.type === T.Anchor) {
      anchor = tok.value;
      sc.skipToken();
      tok = sc.peek();
      if (tok.type === T.Tag) {
        tagToken = tok;
        tagLine = tok.sl;
        sc.skipToken();
        tok = sc.peek();
      }
    } else if (tok.type === T.Tag) {
      tagToken = tok;
      tagLine = tok.sl;
      sc.skipToken();
      tok = sc.peek();
      if (tok.type === T.Anchor) {
        anchor = tok.value;
        sc.skipToken();
        tok = sc.peek();
      }
    }
    let tag = "";
    if (tagToken !== null) {
      if (tagToken.value === "") {
        tag = tagToken.suffix;
      } else {
        for (const d of this.tagDirectives) {
          if (d.handle === tagToken.value) {
            tag = d.prefix + tagToken.suffix;
            break;
          }
        }
        if (tag === "") this.parserErrorContext(startLine, "found undefined tag handle", tagLine);
      }
    }
    if (indentlessSequence && tok.type === T.BlockEntry) {
      this.state = S.IndentlessSequenceEntry;
      const ev = this.set(E.SequenceStart, startLine, startCol);
      ev.anchor = anchor;
      ev.tag = tag;
      return;
    }
    switch (tok.type) {
      case T.Scalar: {
        this.popState();
        const ev = this.set(E.Scalar, startLine, startCol);
        ev.anchor = anchor;
        ev.tag = tag;
        ev.value = tok.value;
        ev.style = tok.style;
        this.takeComments();
        sc.skipToken();
        return;
      }
      case T.FlowSequenceStart: {
        this.state = S.FlowSequenceFirstEntry;
        const ev = this.set(E.SequenceStart, startLine, startCol);
        ev.anchor = anchor;
        ev.tag = tag;
        ev.flow = true;
        this.takeComments();
        return;
      }
      case T.FlowMappingStart: {
        this.state = S.FlowMappingFirstKey;
        const ev = this.set(E.MappingStart, startLine, startCol);
        ev.anchor = anchor;
        ev.tag = tag;
        ev.flow = true;
        this.takeComments();
        return;
      }
    }
    if (block && tok.type === T.BlockSequenceStart) {
      this.state = S.BlockSequenceFirstEntry;
      const ev = this.set(E.SequenceStart, startLine, startCol);
      ev.anchor = anchor;
      ev.tag = tag;
      return;
    }
    if (block && tok.type === T.BlockMappingStart) {
      this.state = S.BlockMappingFirstKey;
      const ev = this.set(E.MappingStart, startLine, startCol);
      ev.anchor = anchor;
      ev.tag = tag;
      return;
    }
    if (anchor !== "" || tag !== "") {
      this.popState();
      const ev = this.set(E.Scalar, startLine, startCol);
      ev.anchor = anchor;
      ev.tag = tag;
      ev.style = SS.Plain;
      return;
    }
    this.parserErrorContext(startLine, "did not find expected node content", tok.sl, tok.sc);
  }

  private parseBlockSequenceEntry(first: boolean): void {
    const sc = this.scanner;
    if (first) {
      const t0 = sc.peek();
      this.marks.push(t0.sl);
      sc.skipToken();
    }
    let tok = sc.peek();
    if (tok.type === T.BlockEntry) {
      const el = tok.el;
      const ec = tok.ec;
      const priorHeadLen = sc.headComment.length;
      sc.skipToken();
      this.splitStemComment(priorHeadLen);
      tok = sc.peek();
      if (tok.type !== T.BlockEntry && tok.type !== T.BlockEnd) {
        this.states.push(S.BlockSequenceEntry);
        this.parseNode(true, false);
      } else {
        this.state = S.BlockSequenceEntry;
        this.emptyScalar(el, ec);
      }
      return;
    }
    if (tok.type === T.BlockEnd) {
      this.popState();
      this.marks.pop();
      this.set(E.SequenceEnd, tok.sl, tok.sc);
      sc.skipToken();
      return;
    }
    const ctx = this.marks.pop()!;
    this.parserErrorContext(ctx, "did not find expected '-' indicator", tok.sl, tok.sc);
  }

  private parseIndentlessSequenceEntry(): void {
    const sc = this.scanner;
    let tok = sc.peek();
    if (tok.type === T.BlockEntry) {
      const el = tok.el;
      const ec = tok.ec;
      const priorHeadLen = sc.headComment.length;
      sc.skipToken();
      this.splitStemComment(priorHeadLen);
      tok = sc.peek();
      if (tok.type !== T.BlockEntry && tok.type !== T.Key && tok.type !== T.Value && tok.type !== T.BlockEnd) {
        this.states.push(S.IndentlessSequenceEntry);
        this.parseNode(true, false);
      } else {
        this.state = S.IndentlessSequenceEntry;
        this.emptyScalar(el, ec);
      }
      return;
    }
    this.popState();
    this.set(E.SequenceEnd, tok.sl, tok.sc);
  }

  private parseBlockMappingKey(first: boolean): void {
    const sc = this.scanner;
    if (first) {
      const t0 = sc.peek();
      this.marks.push(t0.sl);
      sc.skipToken();
    }
    let tok = sc.peek();
    if (tok.type === T.Key) {
      const el = tok.el;
      const ec = tok.ec;
      sc.skipToken();
      tok = sc.peek();
      if (tok.type !== T.Key && tok.type !== T.Value && tok.type !== T.BlockEnd) {
        this.states.push(S.BlockMappingValue);
        this.parseNode(true, true);
      } else {
        this.state = S.BlockMappingValue;
        this.emptyScalar(el, ec);
      }
      return;
    }
    if (tok.type === T.BlockEnd) {
      this.popState();
      this.marks.pop();
      this.set(E.MappingEnd, tok.sl, tok.sc);
      this.takeComments();
      sc.skipToken();
      return;
    }
    const ctx = this.marks.pop()!;
    this.parserErrorContext(ctx, "did not find expected key", tok.sl, tok.sc);
  }

  private parseBlockMappingValue(): void {
    const sc = this.scanner;
    let tok = sc.peek();
    if (tok.type === T.Value) {
      const el = tok.el;
      const ec = tok.ec;
      sc.skipToken();
      tok = sc.peek();
      if (tok.type !== T.Key && tok.type !== T.Value && tok.type !== T.BlockEnd) {
        this.states.push(S.BlockMappingKey);
        this.parseNode(true, true);
      } else {
        this.state = S.BlockMappingKey;
        this.emptyScalar(el, ec);
      }
      return;
    }
    this.state = S.BlockMappingKey;
    this.emptyScalar(tok.sl, tok.sc);
  }

  private parseFlowSequenceEntry(first: boolean): void {
    const sc = this.scanner;
    if (first) {
      const t0 = sc.peek();
      this.marks.push(t0.sl);
      sc.skipToken();
    }
    let tok = sc.peek();
    if (tok.type !== T.FlowSequenceEnd) {
      if (!first) {
        if (tok.type === T.FlowEntry) {
          sc.skipToken();
          tok = sc.peek();
        } else {
          const ctx = this.marks.pop()!;
          this.parserErrorContext(ctx, "did not find expected ',' or ']'", tok.sl, tok.sc);
        }
      }
      if (tok.type === T.Key) {
        this.state = S.FlowSequenceEntryMappingKey;
        const ev = this.set(E.MappingStart, tok.sl, tok.sc);
        ev.flow = true;
        sc.skipToken();
        return;
      } else if (tok.type !== T.FlowSequenceEnd) {
        this.states.push(S.FlowSequenceEntry);
        this.parseNode(false, false);
        return;
      }
    }
    this.popState();
    this.marks.pop();
    this.set(E.SequenceEnd, tok.sl, tok.sc);
    this.takeComments();
    sc.skipToken();
  }

  private parseFlowSequenceEntryMappingKey(): void {
    const sc = this.scanner;
    const tok = sc.peek();
    if (tok.type !== T.Value && tok.type !== T.FlowEntry && tok.type !== T.FlowSequenceEnd) {
      this.states.push(S.FlowSequenceEntryMappingValue);
      this.parseNode(false, false);
      return;
    }
    const el = tok.el;
    const ec = tok.ec;
    sc.skipToken();
    this.state = S.FlowSequenceEntryMappingValue;
    this.emptyScalar(el, ec);
  }

  private parseFlowSequenceEntryMappingValue(): void {
    const sc = this.scanner;
    let tok = sc.peek();
    if (tok.type === T.Value) {
      // yaml.v3 keeps a pointer to the VALUE token's queue slot (its inner `token` is a new
      // variable) and takes an empty value's position from that slot after fetching more
      // tokens, which may by then hold another token if the queue was compacted.
      const slot = sc.tokenSlot();
      sc.skipToken();
      const next = sc.peek();
      if (next.type !== T.FlowEntry && next.type !== T.FlowSequenceEnd) {
        this.states.push(S.FlowSequenceEntryMappingEnd);
        this.parseNode(false, false);
        return;
      }
      tok = slot.arr[slot.idx];
    }
    this.state = S.FlowSequenceEntryMappingEnd;
    this.emptyScalar(tok.sl, tok.sc);
  }

  private parseFlowSequenceEntryMappingEnd(): void {
    const tok = this.scanner.peek();
    this.state = S.FlowSequenceEntry;
    this.set(E.MappingEnd, tok.sl, tok.sc);
  }

  private parseFlowMappingKey(first: boolean): void {
    const sc = this.scanner;
    if (first) {
      const t0 = sc.peek();
      this.marks.push(t0.sl);
      sc.skipToken();
    }
    let tok = sc.peek();
    if (tok.type !== T.FlowMappingEnd) {
      if (!first) {
        if (tok.type === T.FlowEntry) {
          sc.skipToken();
          tok = sc.peek();
        } else {
          const ctx = this.marks.pop()!;
          this.parserErrorContext(ctx, "did not find expected ',' or '}'", tok.sl, tok.sc);
        }
      }
      if (tok.type === T.Key) {
        sc.skipToken();
        tok = sc.peek();
        if (tok.type !== T.Value && tok.type !== T.FlowEntry && tok.type !== T.FlowMappingEnd) {
          this.states.push(S.FlowMappingValue);
          this.parseNode(false, false);
        } else {
          this.state = S.FlowMappingValue;
          this.emptyScalar(tok.sl, tok.sc);
        }
        return;
      } else if (tok.type !== T.FlowMappingEnd) {
        this.states.push(S.FlowMappingEmptyValue);
        this.parseNode(false, false);
        return;
      }
    }
    this.popState();
    this.marks.pop();
    this.set(E.MappingEnd, tok.sl, tok.sc);
    this.takeComments();
    sc.skipToken();
  }

  private parseFlowMappingValue(empty: boolean): void {
    const sc = this.scanner;
    let tok = sc.peek();
    if (empty) {
      this.state = S.FlowMappingKey;
      this.emptyScalar(tok.sl, tok.sc);
      return;
    }
    if (tok.type === T.Value) {
      sc.skipToken();
      tok = sc.peek();
      if (tok.type !== T.FlowEntry && tok.type !== T.FlowMappingEnd) {
        this.states.push(S.FlowMappingKey);
        this.parseNode(false, false);
        return;
      }
    }
    this.state = S.FlowMappingKey;
    this.emptyScalar(tok.sl, tok.sc);
  }

  private emptyScalar(line: number, column: number): void {
    const ev = this.set(E.Scalar, line, column);
    ev.style = SS.Plain;
  }

  private processDirectives(): void {
    const sc = this.scanner;
    let tok = sc.peek();
    let sawVersion = false;
    while (tok.type === T.VersionDirective || tok.type === T.TagDirective) {
      if (tok.type === T.VersionDirective) {
        if (sawVersion) this.parserError("found duplicate %YAML directive", tok.sl, tok.sc);
        if (tok.major !== 1 || tok.minor !== 1) this.parserError("found incompatible YAML document", tok.sl, tok.sc);
        sawVersion = true;
      } else {
        this.appendTagDirective(tok.value, tok.suffix, false, tok.sl);
      }
      sc.skipToken();
      tok = sc.peek();
    }
    for (const d of DEFAULT_TAGS) this.appendTagDirective(d.handle, d.prefix, true, tok.sl);
  }

  private appendTagDirective(handle: string, prefix: string, allowDuplicates: boolean, line: number): void {
    for (const d of this.tagDirectives) {
      if (d.handle === handle) {
        if (allowDuplicates) return;
        this.parserError("found duplicate %TAG directive", line);
      }
    }
    this.tagDirectives.push({ handle, prefix });
  }
}
