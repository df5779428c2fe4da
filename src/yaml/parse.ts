// parseYaml: the composer, building yaml.v3's Node tree from the event stream
// (what `var n yaml.Node; yaml.Unmarshal(input, &n)` yields: the first document only).
//
// Resource limits (see SECURITY.md). yaml.v3's own — nesting deeper than 10000 flow
// or indentation levels — is in the scanner with its message. Ours, where yaml.v3
// would only run out of memory, are checked here before the work they guard:
// document size (before decoding starts), number of nodes and mapping key length
// (as each node is made, with the line it starts on).

import { Kind, Style, YamlError, type YamlNode } from "./node";
import { decodeBytes, decodeString } from "./reader";
import { Scanner, SS } from "./scanner";
import { E, Parser, type Event } from "./parser";
import { MAP_TAG, MERGE_TAG, SEQ_TAG, STR_TAG, resolveTag, shortTag } from "./resolve";

/** Largest document accepted: 128 MiB (bytes; for a string, UTF-16 code units). */
export const MAX_DOCUMENT_SIZE = 128 * 1024 * 1024;
/** Most nodes (scalars, aliases, sequences, mappings) in a document. */
export const MAX_NODES = 1_000_000;
/** Longest mapping key, in characters (yaml.v3 already caps implicit keys at 1024). */
export const MAX_KEY_LENGTH = 4096;

/** The 1-based position of an event, for YamlError.mark. */
function markOf(ev: Event): { line: number; column: number } {
  return { line: ev.line + 1, column: ev.column + 1 };
}

function makeNode(kind: Kind, defaultTag: string, ev: Event, value: string): YamlNode {
  let tag = ev.tag;
  let style = 0;
  if (tag !== "" && tag !== "!") {
    tag = shortTag(tag);
    style = Style.Tagged;
  } else if (defaultTag !== "") {
    tag = defaultTag;
  } else if (kind === Kind.Scalar) {
    tag = resolveTag(value);
  } else {
    tag = "";
  }
  return { kind, style, tag, value, anchor: "", alias: null, content: [], line: ev.line + 1, column: ev.column + 1 };
}

/**
 * Parse the first YAML document of `input` into yaml.v3's node tree.
 * Returns the document node, or null for a stream without documents.
 * Throws YamlError with yaml.v3's message for invalid input.
 * A Uint8Array is decoded as libyaml does (UTF-8, or UTF-16 with a BOM);
 * a string is taken as decoded text (a leading U+FEFF is a byte order mark).
 */
export function parseYaml(input: string | Uint8Array): YamlNode | null {
  if (input.length > MAX_DOCUMENT_SIZE) {
    throw new YamlError(`yaml: document is larger than ${MAX_DOCUMENT_SIZE} ${typeof input === "string" ? "characters" : "bytes"} (128 MiB)`);
  }
  const decoded = typeof input === "string" ? decodeString(input) : decodeBytes(input);
  const scanner = new Scanner(decoded);
  const parser = new Parser(scanner);

  const next = (): Event => {
    const ev = parser.next();
    if (scanner.pendingError !== null) throw scanner.pendingError;
    return ev;
  };

  next(); // STREAM-START
  let ev = next();
  if (ev.type === E.StreamEnd) return null;
  if (ev.type !== E.DocumentStart) throw new YamlError(`yaml: expected document start event`);
  const doc = makeNode(Kind.Document, "", ev, "");
  const anchors = new Map<string, YamlNode>();
  const stack: YamlNode[] = [doc];
  let top = doc;
  let nodes = 0;
  for (;;) {
    ev = next();
    if (ev.type === E.Scalar || ev.type === E.Alias || ev.type === E.SequenceStart || ev.type === E.MappingStart) {
      if (++nodes > MAX_NODES) throw new YamlError(`yaml: line ${ev.line + 1}: document has more than ${MAX_NODES} nodes`, ev.line + 1, markOf(ev));
      if (ev.type === E.Scalar && top.kind === Kind.Mapping && top.content.length % 2 === 0 && ev.value.length > MAX_KEY_LENGTH) {
        throw new YamlError(`yaml: line ${ev.line + 1}: mapping key is longer than ${MAX_KEY_LENGTH} characters`, ev.line + 1, markOf(ev));
      }
    }
    let n: YamlNode;
    switch (ev.type) {
      case E.Scalar: {
        let nodeStyle = 0;
        switch (ev.style) {
          case SS.DoubleQuoted:
            nodeStyle = Style.DoubleQuoted;
            break;
          case SS.SingleQuoted:
            nodeStyle = Style.SingleQuoted;
            break;
          case SS.Literal:
            nodeStyle = Style.Literal;
            break;
          case SS.Folded:
            nodeStyle = Style.Folded;
            break;
        }
        const value = ev.value;
        const defaultTag = nodeStyle === 0 ? (value === "<<" ? MERGE_TAG : "") : STR_TAG;
        n = makeNode(Kind.Scalar, defaultTag, ev, value);
        n.style |= nodeStyle;
        if (ev.anchor !== "") {
          n.anchor = ev.anchor;
          anchors.set(ev.anchor, n);
        }
        top.content.push(n);
        break;
      }
      case E.Alias: {
        n = makeNode(Kind.Alias, "", ev, ev.anchor);
        const target = anchors.get(ev.anchor);
        if (target === undefined) throw new YamlError(`yaml: unknown anchor '${ev.anchor}' referenced`, 0, markOf(ev));
        n.alias = target;
        top.content.push(n);
        break;
      }
      case E.SequenceStart:
      case E.MappingStart: {
        const seq = ev.type === E.SequenceStart;
        n = makeNode(seq ? Kind.Sequence : Kind.Mapping, seq ? SEQ_TAG : MAP_TAG, ev, "");
        if (ev.flow) n.style |= Style.Flow;
        if (ev.anchor !== "") {
          n.anchor = ev.anchor;
          anchors.set(ev.anchor, n);
        }
        top.content.push(n);
        stack.push(n);
        top = n;
        continue;
      }
      case E.SequenceEnd:
      case E.MappingEnd:
        stack.pop();
        top = stack[stack.length - 1];
        break;
      default:
        throw new YamlError(`yaml: unexpected event`);
    }
    if (stack.length === 1) break;
  }
  ev = next();
  if (ev.type !== E.DocumentEnd) throw new YamlError(`yaml: expected document end event`);
  return doc;
}
