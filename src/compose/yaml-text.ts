// Editing YAML text in place: where each node starts and ends in the source (from
// the scanner's tokens, which the node tree does not keep), how to write a value as
// YAML that reads back as exactly that value, and applying edits. The bundle uses
// these to change only the nodes it must, keeping the rest of the text — comments,
// layout, quoting — as the author wrote it.

import { Kind, Style, parseYaml, resolveTag, type YamlNode } from "../yaml";
import { decodeString } from "../yaml/reader";
import { Scanner, T } from "../yaml/scanner";

/** Thrown when a change cannot be made by editing the text (the caller says so plainly). */
export class TextEditUnsupported extends Error {}

interface Span {
  start: number;
  end: number;
}

/** Offsets of the source text's nodes, from its tokens. */
export class SourceMap {
  readonly text: string;
  private readonly lineStarts: number[] = [0];
  /** Scalar and alias tokens, by start offset → end offset. */
  private readonly leaves = new Map<number, number>();
  /** Flow collection starts → the offset after their closing bracket. */
  private readonly flows = new Map<number, number>();
  /** Sorted start offsets of leaf tokens (for nodes that start with a tag or anchor). */
  private readonly leafStarts: number[] = [];

  constructor(text: string) {
    this.text = decodeString(text).text;
    for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    const scanner = new Scanner(decodeString(text));
    const open: number[] = [];
    try {
      for (;;) {
        const tok = scanner.peek();
        const type = tok.type;
        const start = this.offset(tok.sl + 1, tok.sc + 1);
        const end = this.offset(tok.el + 1, tok.ec + 1);
        scanner.skipToken();
        if (type === T.StreamEnd) break;
        if (type === T.Scalar || type === T.Alias) {
          this.leaves.set(start, end);
          this.leafStarts.push(start);
        } else if (type === T.FlowSequenceStart || type === T.FlowMappingStart) {
          open.push(start);
        } else if (type === T.FlowSequenceEnd || type === T.FlowMappingEnd) {
          const s = open.pop();
          if (s !== undefined) this.flows.set(s, end);
        } else if (type === T.DocumentStart && this.leafStarts.length > 0) {
          break; // only the first document counts
        }
      }
    } catch {
      // A later document's syntax error: the first one, which was parsed, is complete.
    }
  }

  /** UTF-16 offset of a 1-based line and 1-based column (in code points). */
  offset(line: number, column: number): number {
    const ls = this.lineStarts[line - 1];
    if (ls === undefined) return this.text.length;
    let i = ls;
    for (let c = 1; c < column && i < this.text.length; c++) {
      const code = this.text.charCodeAt(i);
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    return i;
  }

  start(n: YamlNode): number {
    return this.offset(n.line, n.column);
  }

  /** The node's text span (a block collection ends where its last value ends). */
  span(n: YamlNode): Span {
    const start = this.start(n);
    return { start, end: this.end(n, start) };
  }

  private end(n: YamlNode, start: number): number {
    if (n.kind === Kind.Scalar || n.kind === Kind.Alias) {
      const e = this.leaves.get(start);
      if (e !== undefined) return e;
      // A tag or anchor comes first: the scalar token follows it.
      const next = this.firstLeafAfter(start);
      if (next !== undefined && n.value !== "" && this.text.slice(start, next).trim().match(/^[!&]/)) return this.leaves.get(next)!;
      return start; // an empty value (`key:`) has no token
    }
    if (n.style & Style.Flow) {
      let e = this.flows.get(start);
      if (e === undefined) {
        // After a tag or anchor.
        const m = /^(?:[!&][^\s]*\s+)+/.exec(this.text.slice(start));
        if (m) e = this.flows.get(start + m[0].length);
      }
      if (e === undefined) throw new TextEditUnsupported("flow collection not found in the text");
      return e;
    }
    const last = n.content[n.content.length - 1];
    return last ? this.end(last, this.start(last)) : start;
  }

  /** The first leaf token starting after `offset` (binary search: the starts are in text order). */
  private firstLeafAfter(offset: number): number | undefined {
    const a = this.leafStarts;
    let lo = 0, hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid]! > offset) hi = mid;
      else lo = mid + 1;
    }
    return a[lo];
  }

  /** The offset at the end of the line holding the last character of a span (before its newline). */
  lineEndAfter(end: number): number {
    let p = end;
    while (p > 0 && /[ \t\r\n]/.test(this.text[p - 1]!)) p--;
    const nl = this.text.indexOf("\n", p);
    if (nl === -1) return this.text.length;
    return nl > p && this.text[nl - 1] === "\r" ? nl - 1 : nl;
  }

  lineStartOf(offset: number): number {
    const nl = this.text.lastIndexOf("\n", offset - 1);
    return nl + 1;
  }
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits; insertions at the same offset keep the order they were made in. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = "";
  let at = 0;
  let lastEnd = -1;
  for (const e of ordered) {
    if (e.start < at || (e.start < lastEnd)) {
      if (!(e.start === e.end && e.start === at)) throw new TextEditUnsupported("overlapping edits");
    }
    out += text.slice(at, e.start) + e.text;
    at = Math.max(at, e.end);
    lastEnd = e.end;
  }
  return out + text.slice(at);
}

// ---- writing values ------------------------------------------------------------

/** Characters a YAML reader (libyaml) takes as they are, outside line breaks. */
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A double-quoted YAML scalar; reads back as exactly `s`. */
export function doubleQuoted(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

/** A plain scalar when `s` reads back as itself (a string, on one line); else undefined. */
function plain(s: string): string | undefined {
  if (s === "" || !/^[A-Za-z0-9_/.~+=@][A-Za-z0-9_/.~+=@ ,:()-]*$/.test(s)) return undefined;
  if (/\s$/.test(s) || s.includes(": ") || s.includes(" #") || s.endsWith(":")) return undefined;
  return resolveTag(s) === "!!str" ? s : undefined;
}

/**
 * `s` as a YAML value at a mapping key whose entries are indented by `indent`
 * spaces: plain when it can be, a literal block (`|`) for text of several lines,
 * double-quoted otherwise. `body` goes on the lines after the key (empty unless block).
 */
export function scalarValue(s: string, indent: number, block: boolean): { header: string; body: string } {
  const p = plain(s);
  if (p !== undefined) return { header: p, body: "" };
  if (block && s.includes("\n") && !UNPRINTABLE.test(s) && !s.includes("\r") && !s.includes("\u0085")) {
    const chomp = !s.endsWith("\n") ? "-" : s.endsWith("\n\n") ? "+" : "";
    const content = s.endsWith("\n") ? s.slice(0, -1) : s;
    const pad = " ".repeat(indent + 2);
    const body = content.split("\n").map((l) => (l === "" ? "\n" : "\n" + pad + l)).join("");
    // An explicit indentation indicator (relative to the key's indentation) when the text starts with spaces.
    for (const header of [`|${chomp}`, `|2${chomp}`]) if (readBackIndented(header, body, indent) === s) return { header, body };
  }
  return { header: doubleQuoted(s), body: "" };
}

/** readBack for a key indented by `indent` spaces (an indentation indicator is relative to it). */
function readBackIndented(header: string, body: string, indent: number): string | undefined {
  try {
    const pad = " ".repeat(indent);
    const doc = parseYaml(`${pad}k: ${header}${body}\n`);
    const v = doc?.content[0]?.content[1];
    return v && v.kind === Kind.Scalar ? v.value : undefined;
  } catch {
    return undefined;
  }
}

/** A value to write: strings, numbers (modes in octal), lists, mappings. */
export type Value = string | number | boolean | { octal: number } | Value[] | { [k: string]: Value };

function isOctal(v: Value): v is { octal: number } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { octal?: unknown }).octal === "number" && Object.keys(v).length === 1;
}

/** A one-line (flow) rendering, valid anywhere. */
export function flowValue(v: Value): string {
  if (typeof v === "string") return plain(v) ?? doubleQuoted(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (isOctal(v)) return "0" + v.octal.toString(8);
  if (Array.isArray(v)) return `[${v.map(flowValue).join(", ")}]`;
  return `{${Object.entries(v).map(([k, x]) => `${k}: ${flowValue(x)}`).join(", ")}}`;
}

/** Block lines for `key: value` entries of a mapping at `indent` spaces (no trailing newline, each line indented). */
export function blockEntries(obj: { [k: string]: Value }, indent: number): string {
  const pad = " ".repeat(indent);
  const lines: string[] = [];
  for (const [k, v] of Object.entries(obj)) lines.push(pad + k + ":" + blockValue(v, indent));
  return lines.join("\n");
}

/** The text after `key:` for a value whose key is indented by `indent`. */
export function blockValue(v: Value, indent: number): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return " []";
    return "\n" + blockItems(v, indent + 2);
  }
  if (typeof v === "object" && !isOctal(v)) {
    if (Object.keys(v).length === 0) return " {}";
    return "\n" + blockEntries(v, indent + 2);
  }
  if (typeof v === "string") {
    const s = scalarValue(v, indent, true);
    return " " + s.header + s.body;
  }
  return " " + flowValue(v);
}

/** Block sequence items (`- ...`) with the dash at `indent` spaces. */
export function blockItems(items: readonly Value[], indent: number): string {
  const pad = " ".repeat(indent);
  return items
    .map((item) => {
      if (typeof item === "object" && !Array.isArray(item) && !isOctal(item) && Object.keys(item).length > 0) {
        const inner = blockEntries(item, indent + 2);
        return pad + "- " + inner.slice(indent + 2);
      }
      if (Array.isArray(item)) return pad + "- " + flowValue(item);
      return pad + "-" + blockValue(item, indent);
    })
    .join("\n");
}
