// Go's encoding/json as Ignition uses it: the syntax check with Go's exact messages
// (checkValid), a tree of the document with the offsets vcontext correlates against,
// and helpers for byte-based line/column positions.

export interface JsonSyntaxError {
  message: string;
  /** Byte offset Go reports (bytes read, including the offending one). */
  offset: number;
}

// ---- Syntax check: Go's scanner state machine, byte for byte. ----

const enum S {
  BeginValue, BeginValueOrEmpty, BeginStringOrEmpty, BeginString, EndValue, EndTop,
  InString, InStringEsc, EscU, EscU1, EscU12, EscU123,
  Neg, One, Zero, Dot, Dot0, E, ESign, E0,
  T, Tr, Tru, F, Fa, Fal, Fals, N, Nu, Nul,
}
const P_OBJ_KEY = 0;
const P_OBJ_VALUE = 1;
const P_ARRAY = 2;
const MAX_DEPTH = 10000;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/** Go's quoteChar: how the scanner shows the offending byte. */
function quoteChar(c: number): string {
  if (c === 39) return "'\\''";
  if (c === 34) return "'\"'";
  if (c >= 0x20 && c < 0x7f && c !== 92) return `'${String.fromCharCode(c)}'`;
  if (c === 92) return "'\\\\'";
  const esc: Record<number, string> = { 7: "\\a", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v" };
  if (esc[c]) return `'${esc[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, "0")}'`;
  // A byte >= 0x80 is shown as the rune with that value.
  if (c <= 0x9f || c === 0xa0 || c === 0xad) return `'\\u${c.toString(16).padStart(4, "0")}'`;
  return `'${String.fromCharCode(c)}'`;
}

/** UTF-8 bytes of the code point starting at text[i] (only the first is ever inspected). */
function firstByte(cp: number): number {
  if (cp < 0x80) return cp;
  if (cp < 0x800) return 0xc0 | (cp >> 6);
  if (cp < 0x10000) return 0xe0 | (cp >> 12);
  return 0xf0 | (cp >> 18);
}
function utf8Len(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** checkValid: null when the text is one valid JSON value, else Go's SyntaxError. */
export function checkJsonSyntax(text: string): JsonSyntaxError | null {
  const stack: number[] = [];
  let step: S = S.BeginValue;
  let endTop = false;
  let bytes = 0;
  let err: string | null = null;

  const fail = (c: number, context: string): void => {
    err = `invalid character ${quoteChar(c)} ${context}`;
  };

  // Returns false when an error was recorded.
  const run = (c: number): boolean => {
    for (;;) {
      switch (step) {
        case S.BeginValueOrEmpty:
          if (isSpace(c)) return true;
          if (c === 93) {
            step = S.EndValue;
            continue;
          }
          step = S.BeginValue;
          continue;
        case S.BeginValue:
          if (isSpace(c)) return true;
          switch (c) {
            case 123:
              stack.push(P_OBJ_KEY);
              if (stack.length > MAX_DEPTH) return fail(c, "exceeded max depth"), false;
              step = S.BeginStringOrEmpty;
              return true;
            case 91:
              stack.push(P_ARRAY);
              if (stack.length > MAX_DEPTH) return fail(c, "exceeded max depth"), false;
              step = S.BeginValueOrEmpty;
              return true;
            case 34: step = S.InString; return true;
            case 45: step = S.Neg; return true;
            case 48: step = S.Zero; return true;
            case 116: step = S.T; return true;
            case 102: step = S.F; return true;
            case 110: step = S.N; return true;
          }
          if (c >= 49 && c <= 57) {
            step = S.One;
            return true;
          }
          return fail(c, "looking for beginning of value"), false;
        case S.BeginStringOrEmpty:
          if (isSpace(c)) return true;
          if (c === 125) {
            stack[stack.length - 1] = P_OBJ_VALUE;
            step = S.EndValue;
            continue;
          }
          step = S.BeginString;
          continue;
        case S.BeginString:
          if (isSpace(c)) return true;
          if (c === 34) {
            step = S.InString;
            return true;
          }
          return fail(c, "looking for beginning of object key string"), false;
        case S.EndValue: {
          const n = stack.length;
          if (n === 0) {
            step = S.EndTop;
            endTop = true;
            continue;
          }
          if (isSpace(c)) return true;
          const ps = stack[n - 1];
          if (ps === P_OBJ_KEY) {
            if (c === 58) {
              stack[n - 1] = P_OBJ_VALUE;
              step = S.BeginValue;
              return true;
            }
            return fail(c, "after object key"), false;
          }
          if (ps === P_OBJ_VALUE) {
            if (c === 44) {
              stack[n - 1] = P_OBJ_KEY;
              step = S.BeginString;
              return true;
            }
            if (c === 125) {
              stack.pop();
              step = stack.length === 0 ? S.EndTop : S.EndValue;
              if (stack.length === 0) endTop = true;
              return true;
            }
            return fail(c, "after object key:value pair"), false;
          }
          if (c === 44) {
            step = S.BeginValue;
            return true;
          }
          if (c === 93) {
            stack.pop();
            step = stack.length === 0 ? S.EndTop : S.EndValue;
            if (stack.length === 0) endTop = true;
            return true;
          }
          return fail(c, "after array element"), false;
        }
        case S.EndTop:
          if (!isSpace(c)) return fail(c, "after top-level value"), false;
          return true;
        case S.InString:
          if (c === 34) {
            step = S.EndValue;
            return true;
          }
          if (c === 92) {
            step = S.InStringEsc;
            return true;
          }
          if (c < 0x20) return fail(c, "in string literal"), false;
          return true;
        case S.InStringEsc:
          switch (c) {
            case 98: case 102: case 110: case 114: case 116: case 92: case 47: case 34:
              step = S.InString;
              return true;
            case 117:
              step = S.EscU;
              return true;
          }
          return fail(c, "in string escape code"), false;
        case S.EscU:
        case S.EscU1:
        case S.EscU12:
        case S.EscU123:
          if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)) {
            step = step === S.EscU123 ? S.InString : step + 1;
            return true;
          }
          return fail(c, "in \\u hexadecimal character escape"), false;
        case S.Neg:
          if (c === 48) {
            step = S.Zero;
            return true;
          }
          if (c >= 49 && c <= 57) {
            step = S.One;
            return true;
          }
          return fail(c, "in numeric literal"), false;
        case S.One:
          if (c >= 48 && c <= 57) return true;
          step = S.Zero;
          continue;
        case S.Zero:
          if (c === 46) {
            step = S.Dot;
            return true;
          }
          if (c === 101 || c === 69) {
            step = S.E;
            return true;
          }
          step = S.EndValue;
          continue;
        case S.Dot:
          if (c >= 48 && c <= 57) {
            step = S.Dot0;
            return true;
          }
          return fail(c, "after decimal point in numeric literal"), false;
        case S.Dot0:
          if (c >= 48 && c <= 57) return true;
          if (c === 101 || c === 69) {
            step = S.E;
            return true;
          }
          step = S.EndValue;
          continue;
        case S.E:
          if (c === 43 || c === 45) {
            step = S.ESign;
            return true;
          }
          step = S.ESign;
          continue;
        case S.ESign:
          if (c >= 48 && c <= 57) {
            step = S.E0;
            return true;
          }
          return fail(c, "in exponent of numeric literal"), false;
        case S.E0:
          if (c >= 48 && c <= 57) return true;
          step = S.EndValue;
          continue;
        default:
          return literal(c);
      }
    }
  };

  const LIT: Record<number, [number, string, S]> = {
    [S.T]: [114, "in literal true (expecting 'r')", S.Tr],
    [S.Tr]: [117, "in literal true (expecting 'u')", S.Tru],
    [S.Tru]: [101, "in literal true (expecting 'e')", S.EndValue],
    [S.F]: [97, "in literal false (expecting 'a')", S.Fa],
    [S.Fa]: [108, "in literal false (expecting 'l')", S.Fal],
    [S.Fal]: [115, "in literal false (expecting 's')", S.Fals],
    [S.Fals]: [101, "in literal false (expecting 'e')", S.EndValue],
    [S.N]: [117, "in literal null (expecting 'u')", S.Nu],
    [S.Nu]: [108, "in literal null (expecting 'l')", S.Nul],
    [S.Nul]: [108, "in literal null (expecting 'l')", S.EndValue],
  };
  function literal(c: number): boolean {
    const [want, ctx, nextStep] = LIT[step]!;
    if (c === want) {
      step = nextStep;
      return true;
    }
    fail(c, ctx);
    return false;
  }

  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const len = utf8Len(cp);
    if (cp < 0x80) {
      bytes++;
      if (!run(cp)) return { message: err!, offset: bytes };
    } else {
      // Only strings accept non-ASCII bytes; elsewhere the first byte is the error.
      bytes++;
      if (!run(firstByte(cp))) return { message: err!, offset: bytes };
      bytes += len - 1;
    }
    i += size;
  }
  // eof
  if (endTop) return null;
  if (run(32) && endTop) return null;
  if (err) return { message: err, offset: bytes };
  return { message: "unexpected end of JSON input", offset: bytes };
}

// ---- Document tree (valid input only), with go-json's marker offsets. ----

export type JNode = JObject | JArray | JLiteral;

export interface JObject {
  kind: "object";
  /** Character index just after "{" (go-json's Start), or -1 when not from text. */
  start: number;
  /** Key/value pairs in document order, duplicates included. */
  pairs: Array<{ key: string; keyStart: number; value: JNode }>;
  /** The last value for each key, as go-json's map keeps it. */
  map: Map<string, JNode>;
  /** The key marker for each key (last occurrence). */
  keyStarts: Map<string, number>;
}
export interface JArray {
  kind: "array";
  start: number;
  items: JNode[];
}
export interface JLiteral {
  kind: "string" | "number" | "bool" | "null";
  start: number;
  /** Character index just after the literal (where Go's decoder reports type errors). */
  end: number;
  value: string | number | boolean | null;
  /** The number's text as written. */
  raw?: string;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Parses text already accepted by checkJsonSyntax. */
export function parseJsonTree(text: string): JNode {
  let i = 0;
  const ws = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else return;
    }
  };
  const str = (): string => {
    const s = i;
    i++;
    let simple = true;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) {
        simple = false;
        i += 2;
      } else i++;
    }
    i++;
    const raw = text.slice(s, i);
    let v = simple ? raw.slice(1, -1) : (JSON.parse(raw) as string);
    if (!simple || /[\ud800-\udfff]/.test(v)) v = v.replace(LONE_SURROGATE, "\ufffd");
    return v;
  };
  // Iterative (Go allows 10000 levels, more than a JS call stack may take): `open`
  // holds the containers being filled, innermost last, with an object's pending key.
  const open: Array<{ node: JObject | JArray; key: string; keyStart: number }> = [];
  const nextKey = (slot: { key: string; keyStart: number }): void => {
    ws();
    slot.keyStart = i;
    slot.key = str();
    ws();
    i++; // ':'
  };
  for (;;) {
    ws();
    const c = text.charCodeAt(i);
    let v: JNode;
    if (c === 123) {
      i++;
      const node: JObject = { kind: "object", start: i, pairs: [], map: new Map(), keyStarts: new Map() };
      ws();
      if (text.charCodeAt(i) === 125) {
        i++;
        v = node;
      } else {
        const slot = { node, key: "", keyStart: -1 };
        nextKey(slot);
        open.push(slot);
        continue;
      }
    } else if (c === 91) {
      i++;
      const node: JArray = { kind: "array", start: i, items: [] };
      ws();
      if (text.charCodeAt(i) === 93) {
        i++;
        v = node;
      } else {
        open.push({ node, key: "", keyStart: -1 });
        continue;
      }
    } else {
      const start = i;
      if (c === 34) {
        const sv = str();
        v = { kind: "string", start, end: i, value: sv };
      } else if (c === 116) {
        i += 4;
        v = { kind: "bool", start, end: i, value: true };
      } else if (c === 102) {
        i += 5;
        v = { kind: "bool", start, end: i, value: false };
      } else if (c === 110) {
        i += 4;
        v = { kind: "null", start, end: i, value: null };
      } else {
        while (i < text.length) {
          const d = text.charCodeAt(i);
          if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) i++;
          else break;
        }
        const raw = text.slice(start, i);
        v = { kind: "number", start, end: i, value: Number(raw), raw };
      }
    }
    // Hand the value to its container; close the containers that end here.
    for (;;) {
      const top = open[open.length - 1];
      if (!top) return v;
      if (top.node.kind === "object") {
        top.node.pairs.push({ key: top.key, keyStart: top.keyStart, value: v });
        top.node.map.set(top.key, v);
        top.node.keyStarts.set(top.key, top.keyStart);
      } else {
        top.node.items.push(v);
      }
      ws();
      const d = text.charCodeAt(i++);
      if (d === 125 || d === 93) {
        open.pop();
        v = top.node;
        continue;
      }
      if (top.node.kind === "object") nextKey(top);
      break;
    }
  }
}

/** A value nested deeper than Go's decoder allows (or one that contains itself). */
export class JsonDepthError extends Error {
  constructor() {
    super(`exceeded max depth of ${MAX_DEPTH}`);
  }
}

/**
 * A tree for an in-memory value (no positions). Iterative; a value nested deeper than
 * Go's JSON decoder would read (10000 levels), which includes one that contains
 * itself, throws JsonDepthError.
 */
export function treeFromValue(root: unknown): JNode {
  const leaf = (v: unknown): JNode | null => {
    if (v === null || v === undefined) return { kind: "null", start: -1, end: -1, value: null };
    switch (typeof v) {
      case "string":
        return { kind: "string", start: -1, end: -1, value: v.replace(LONE_SURROGATE, "\ufffd") };
      case "number":
        return { kind: "number", start: -1, end: -1, value: v, raw: JSON.stringify(v) };
      case "boolean":
        return { kind: "bool", start: -1, end: -1, value: v };
      case "object":
        return null;
    }
    return { kind: "null", start: -1, end: -1, value: null };
  };
  // Containers still being filled: their node and the entries not yet converted.
  const work: Array<{ node: JObject | JArray; entries: Array<[string, unknown]>; next: number }> = [];
  const open = (v: object): JObject | JArray => {
    if (work.length >= MAX_DEPTH) throw new JsonDepthError();
    if (Array.isArray(v)) {
      const node: JArray = { kind: "array", start: -1, items: [] };
      // Array.from, not map: map keeps the holes of a sparse array, which JSON (and
      // so Ignition) reads as null.
      work.push({ node, entries: Array.from(v, (x, i): [string, unknown] => [String(i), x]), next: 0 });
      return node;
    }
    const node: JObject = { kind: "object", start: -1, pairs: [], map: new Map(), keyStarts: new Map() };
    work.push({ node, entries: Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined), next: 0 });
    return node;
  };
  const top = leaf(root) ?? open(root as object);
  while (work.length > 0) {
    const w = work[work.length - 1]!;
    if (w.next >= w.entries.length) {
      work.pop();
      continue;
    }
    const [key, val] = w.entries[w.next++]!;
    const child = leaf(val) ?? open(val as object);
    if (w.node.kind === "array") w.node.items.push(child);
    else {
      w.node.pairs.push({ key, keyStart: -1, value: child });
      w.node.map.set(key, child);
      w.node.keyStarts.set(key, -1);
    }
  }
  return top;
}

/** Maps character indexes of a text to Go's 1-based line and byte column. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }
  /** Position of a character index; undefined past the end (Go leaves those unset). */
  at(index: number): { line: number; column: number } | undefined {
    if (index < 0 || index >= this.text.length) return undefined;
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    let col = 1;
    for (let k = this.lineStarts[lo]!; k < index; ) {
      const cp = this.text.codePointAt(k)!;
      col += utf8Len(cp);
      k += cp > 0xffff ? 2 : 1;
    }
    return { line: lo + 1, column: col };
  }
  /** The position just past the last character. */
  end(): { line: number; column: number } {
    const last = this.lineStarts.length - 1;
    let col = 1;
    for (let k = this.lineStarts[last]!; k < this.text.length; ) {
      const cp = this.text.codePointAt(k)!;
      col += utf8Len(cp);
      k += cp > 0xffff ? 2 : 1;
    }
    return { line: last + 1, column: col };
  }
  /** Position of a Go byte offset (which may fall inside a multi-byte character). */
  atByte(offset: number): { line: number; column: number } | undefined {
    let bytes = 0;
    let line = 1;
    let col = 1;
    for (let k = 0; k < this.text.length; ) {
      const cp = this.text.codePointAt(k)!;
      const len = utf8Len(cp);
      if (offset < bytes + len) return { line, column: col + (offset - bytes) };
      bytes += len;
      col += len;
      if (cp === 10) {
        line++;
        col = 1;
      }
      k += cp > 0xffff ? 2 : 1;
    }
    return undefined;
  }
}
