// Where the cursor is in a Butane document that is being typed: the path of mapping
// keys and list entries above it, read from indentation alone. While someone types
// a key the document is rarely valid YAML ("    ov" has no colon yet), so this does
// not parse the document; it reads each line's shape (list markers, a key and its
// value) and walks up to the lines that contain the cursor's line. Block-style YAML
// only (what people write by hand); inside flow collections it finds nothing.
// Columns here are LSP ones: 0-based UTF-16 offsets within a line.

import type { PathPart } from "../core/report";

export type Token =
  | { kind: "item"; col: number }
  | { kind: "key"; col: number; key: string; end: number; value: string; valueCol: number }
  | { kind: "scalar"; col: number; text: string; end: number };

/** The tokens of one line, left to right; none for blank and comment-only lines. */
export function lineTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (text[i] === " ") i++;
  for (;;) {
    if (text[i] === "-" && (text[i + 1] === " " || text[i + 1] === undefined || text[i + 1] === "\t")) {
      tokens.push({ kind: "item", col: i });
      i++;
      while (text[i] === " " || text[i] === "\t") i++;
      continue;
    }
    break;
  }
  if (i >= text.length || text[i] === "#") return tokens;
  const rest = text.slice(i);
  const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[][^#]*?)[ \t]*:(?=[ \t]|$)/.exec(rest);
  if (key) {
    const raw = key[1]!;
    const name = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    let v = key[0].length;
    while (rest[v] === " " || rest[v] === "\t") v++;
    const value = stripComment(rest.slice(v));
    tokens.push({ kind: "key", col: i, key: name, end: i + raw.length, value, valueCol: i + v });
    return tokens;
  }
  const scalar = stripComment(rest);
  tokens.push({ kind: "scalar", col: i, text: scalar, end: i + scalar.length });
  return tokens;
}

function stripComment(s: string): string {
  const m = /(^|[ \t])#/.exec(s);
  return (m ? s.slice(0, m.index) : s).trimEnd();
}

/** Unquoted text of a scalar value. */
export function unquote(v: string): string {
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\(.)/g, "$1");
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

const BLOCK_SCALAR = /^[|>][-+0-9]*$/;

/**
 * The path of the node that a token at `col` on line `line` belongs to, given the
 * tokens left of it on its own line (`left`). `isItem`: the token is a list entry
 * marker. Undefined when the position is inside a scalar (a block scalar's text, a
 * continued plain scalar), where there are no keys to offer.
 */
export function parentPath(lines: readonly string[], line: number, left: readonly Token[], col: number, isItem: boolean): PathPart[] | undefined {
  const path: PathPart[] = [];
  let cur = col;
  let item = isItem;
  let index = 0;
  const visit = (t: Token): "skip" | "done" | "inside" => {
    if (t.kind === "item" && item && t.col === cur) {
      index++;
      return "skip";
    }
    const parentKey = t.kind === "key" && (t.col < cur || (item && t.col === cur));
    if (t.col >= cur && !parentKey) return "skip";
    if (item) path.push(index);
    if (t.kind === "key") {
      if (t.value !== "") return "inside";
      path.push(t.key);
      cur = t.col;
      item = false;
      index = 0;
      return "done";
    }
    if (t.kind === "item") {
      cur = t.col;
      item = true;
      index = 0;
      return "done";
    }
    return "inside";
  };
  for (let n = line, toks: readonly Token[] = left; n >= 0; n--, toks = n >= 0 ? lineTokens(lines[n]!) : []) {
    if (n < line && /^(---|\.\.\.)(\s|$)/.test(lines[n]!)) break;
    // Right to left: a line's earlier tokens are checked against the column just found.
    for (let k = toks.length - 1; k >= 0; k--) if (visit(toks[k]!) === "inside") return undefined;
    if (cur === 0 && !item && path.length > 0 && n < line) {
      // Reached a top-level key: nothing above can contain it.
      break;
    }
  }
  if (item) path.push(index);
  return path.reverse();
}

export type CursorContext =
  | { kind: "key"; path: PathPart[]; prefix: string; start: number; col: number; line: number }
  | { kind: "value"; path: PathPart[]; key: string; prefix: string; start: number; line: number };

/** What is being typed at the cursor: a key of the mapping at `path`, or the value of `path`. */
export function cursorContext(lines: readonly string[], line: number, character: number): CursorContext | undefined {
  const text = (lines[line] ?? "").slice(0, character);
  const tokens = lineTokens(text);
  const last = tokens[tokens.length - 1];
  const items = tokens.filter((t) => t.kind === "item");
  if (!last || last.kind === "item") {
    // Only indentation or list markers so far: a key of a (new) mapping.
    if (last && !/[ \t]$/.test(text)) return undefined;
    const col = text.length - text.trimStart().length + (last ? text.trimStart().length : 0);
    const at = last ? character : col;
    const path = parentPath(lines, line, items, at, false);
    return path && { kind: "key", path, prefix: "", start: character, col: at, line };
  }
  if (last.kind === "scalar") {
    if (/\s/.test(last.text) || /[ \t]$/.test(text)) return undefined; // keys have no spaces
    const path = parentPath(lines, line, items, last.col, false);
    return path && { kind: "key", path, prefix: last.text, start: last.col, col: last.col, line };
  }
  // A key with (part of) a value after it.
  if (BLOCK_SCALAR.test(last.value)) return undefined;
  const parent = parentPath(lines, line, items, last.col, false);
  if (!parent) return undefined;
  const valueStart = last.value === "" ? character : last.valueCol;
  if (last.value === "" && !/[ \t]$/.test(text)) return undefined; // right after the colon
  return { kind: "value", path: [...parent, last.key], key: last.key, prefix: last.value, start: valueStart, line };
}

/** The key (and its path) under the cursor, for hover and go-to-definition. */
export function keyAt(lines: readonly string[], line: number, character: number): { path: PathPart[]; key: string; token: Extract<Token, { kind: "key" }>; onValue: boolean } | undefined {
  const tokens = lineTokens(lines[line] ?? "");
  const key = tokens.find((t): t is Extract<Token, { kind: "key" }> => t.kind === "key");
  if (!key) return undefined;
  if (character < key.col) return undefined;
  const parent = parentPath(lines, line, tokens.filter((t) => t.kind === "item"), key.col, false);
  if (!parent) return undefined;
  return { path: [...parent, key.key], key: key.key, token: key, onValue: character > key.end };
}

/** Keys already present in the mapping whose keys start at `col` around line `line`. */
export function siblingKeys(lines: readonly string[], line: number, col: number): Set<string> {
  const keys = new Set<string>();
  const keyAtCol = (toks: Token[]) => toks.find((t): t is Extract<Token, { kind: "key" }> => t.kind === "key" && t.col === col);
  // Upwards to the line that starts the mapping (its entry marker) or leaves it.
  if (!lineTokens(lines[line] ?? "").some((t) => t.kind === "item" && t.col < col)) {
    for (let n = line - 1; n >= 0; n--) {
      const toks = lineTokens(lines[n]!);
      if (toks.length === 0) continue;
      const k = keyAtCol(toks);
      if (k) keys.add(k.key);
      if (toks[0]!.col < col) break;
    }
  }
  // Downwards until a line starts left of the mapping (the next entry, or a parent's key).
  for (let n = line + 1; n < lines.length; n++) {
    const toks = lineTokens(lines[n]!);
    if (toks.length === 0) continue;
    if (toks[0]!.col < col) break;
    const k = keyAtCol(toks);
    if (k) keys.add(k.key);
  }
  return keys;
}

/** The declared `variant` and `version` (top-level keys), as written. */
export function readHeader(lines: readonly string[]): { variant?: string; version?: string } {
  const h: { variant?: string; version?: string } = {};
  for (const l of lines) {
    const m = /^(variant|version)[ \t]*:[ \t]*(.*)$/.exec(l);
    if (m) h[m[1] as "variant" | "version"] = unquote(stripComment(m[2]!));
  }
  return h;
}
