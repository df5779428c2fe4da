// Completion and hover data for the playground, from the generated Butane schemas
// (folded into one table by completionTable() in scripts/gen-butane-schemas.mjs), and
// the YAML context at a cursor: which mapping the cursor is in, found from the lines'
// indentation so that it works on the half-typed (often invalid) text of an editor.
// No CodeMirror here, so it is testable in Node.

export interface TableNode {
  /** object, string map, array, string, integer, boolean */
  k: "o" | "m" | "a" | "s" | "i" | "b";
  /** Index of the markdown documentation in `docs`. */
  d?: number;
  /** Properties of an object: key → node index. */
  p?: Record<string, number>;
  /** Allowed string values. */
  e?: string[];
  /** Items of an array: node index. */
  i?: number;
  /** The variant refuses this field (only an empty value is accepted): not offered. */
  x?: 1;
}

export interface SchemaTable {
  docs: string[];
  nodes: TableNode[];
  /** "fcos 1.6.0" → root node index. */
  versions: Record<string, number>;
}

/** Where the cursor is, in terms of the YAML structure around it. */
export type CursorContext =
  | { kind: "key"; path: string[]; prefix: string; from: number; siblings: string[] }
  | { kind: "value"; path: string[]; key: string; prefix: string; from: number };

interface LineInfo {
  /** Column of the "- " of a list item on this line, if any. */
  dash?: number;
  /** Column and text of the mapping key on this line, if any. */
  keyCol?: number;
  key?: string;
}

const KEY_LINE = /^(\s*)((?:-\s+)*)([^\s#:'"{}[\],&*!|>%@`-][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s|$)/;
const DASH_LINE = /^(\s*)((?:-\s+)+|-$)/;

function unquote(k: string): string {
  return /^(["']).*\1$/.test(k) ? k.slice(1, -1) : k;
}

function lineInfo(text: string): LineInfo {
  const m = KEY_LINE.exec(text);
  if (m) {
    const info: LineInfo = { keyCol: m[1]!.length + m[2]!.length, key: unquote(m[3]!.trim()) };
    if (m[2]) info.dash = m[1]!.length + m[2]!.length - (m[2]!.match(/-\s+$/)?.[0].length ?? 0);
    return info;
  }
  const d = DASH_LINE.exec(text);
  if (d) return { dash: d[1]!.length + d[2]!.length - (d[2]!.match(/-\s*$/)?.[0].length ?? 0) };
  return {};
}

const blank = (l: string) => /^\s*(#.*)?$/.test(l);

/** Which lines are the text of a block scalar (`contents: |`), where nothing is a key. */
export function blockScalarLines(lines: readonly string[]): boolean[] {
  const inBlock: boolean[] = [];
  let blockIndent = -1; // indentation of the line that opened the block; -1: not in one
  for (const l of lines) {
    const indent = /^\s*/.exec(l)![0].length;
    if (blockIndent >= 0 && (blank(l) || indent > blockIndent)) {
      inBlock.push(true);
      continue;
    }
    blockIndent = -1;
    inBlock.push(false);
    if (/:\s*[|>][-+0-9]*\s*(#.*)?$/.test(l) || /^\s*(-\s+)+[|>][-+0-9]*\s*$/.test(l)) blockIndent = indent;
  }
  return inBlock;
}

/**
 * The keys of the mappings enclosing column `col` of line `lineNo` (0-based), outermost
 * first, and the keys already present in the mapping at that column. `newItem`: the
 * mapping at `col` starts on this line after a "- " at column `col`'s dash (no
 * siblings above; the list's key is found from the dash).
 */
export function enclosingPath(lines: readonly string[], lineNo: number, col: number, newItem = false): { path: string[]; siblings: string[] } {
  const path: string[] = [];
  const siblings: string[] = [];
  const skip = blockScalarLines(lines.slice(0, lineNo));
  let c = col;
  let inItem = newItem; // the mapping at c is a list item: its list's key may sit at the dash's column
  let collectSiblings = !newItem;
  for (let n = lineNo - 1; n >= 0; n--) {
    const text = lines[n]!;
    if (blank(text) || skip[n]) continue;
    const info = lineInfo(text);
    const indent = /^\s*/.exec(text)![0].length;
    if (!inItem && info.keyCol === c && info.key !== undefined) {
      if (collectSiblings) siblings.push(info.key);
      if (info.dash !== undefined) {
        // The first key of a list item: the mapping ends here; its list's key is above.
        c = info.dash;
        inItem = true;
        collectSiblings = false;
      }
      continue;
    }
    if (inItem && info.dash === c) continue; // an earlier item of the same list
    if (inItem && info.keyCol !== undefined && info.keyCol > c) continue; // inside an earlier item
    if (info.dash !== undefined && info.keyCol === undefined && info.dash < c) {
      c = info.dash;
      inItem = true;
      collectSiblings = false;
      continue;
    }
    if (info.keyCol !== undefined && info.key !== undefined && (info.keyCol < c || (inItem && info.keyCol === c && info.dash === undefined))) {
      path.unshift(info.key);
      collectSiblings = false;
      if (info.dash !== undefined) {
        c = info.dash;
        inItem = true;
      } else {
        c = info.keyCol;
        inItem = false;
      }
      continue;
    }
    if (indent < c && info.keyCol === undefined) break; // flow text or a document marker: stop here
  }
  return { path, siblings };
}

/** The context at offset `pos` of `text`. */
export function cursorContext(text: string, pos: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  const before = text.slice(lineStart, pos);
  const lines = text.slice(0, lineStart).split("\n");
  lines.pop(); // the empty string after the last newline
  if (blockScalarLines([...lines, before]).at(-1)) return undefined; // inside `contents: |` text
  const allLines = [...lines, before];
  const last = allLines.length - 1;
  // A value: "key: partial" (also in a list item: "- key: partial").
  const v = /^(\s*)(-\s+)?([A-Za-z_][\w.-]*)\s*:\s+(["']?)([^\s"'#]*)$/.exec(before);
  if (v) {
    const { path } = v[2] ? enclosingPath(allLines, last, v[1]!.length, true) : enclosingPath(allLines, last, v[1]!.length);
    return { kind: "value", path, key: v[3]!, prefix: v[5]!, from: pos - v[5]!.length };
  }
  const k = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)?$/.exec(before);
  if (k) {
    const col = k[1]!.length + (k[2]?.length ?? 0);
    const prefix = k[3] ?? "";
    const { path, siblings } = k[2] ? enclosingPath(allLines, last, k[1]!.length, true) : enclosingPath(allLines, last, col);
    // Keys after the cursor's line in the same mapping are siblings too.
    const after = text.slice(pos).split("\n").slice(1);
    for (const l of after) {
      if (blank(l)) continue;
      const info = lineInfo(l);
      const indent = /^\s*/.exec(l)![0].length;
      if (indent < col || info.dash !== undefined) break;
      if (info.keyCol === col && info.key !== undefined) siblings.push(info.key);
    }
    return { kind: "key", path, prefix, from: pos - prefix.length, siblings };
  }
  return undefined;
}

/** The node at a key path (lists are looked through), or undefined. */
export function nodeAt(table: SchemaTable, root: number, path: readonly string[]): TableNode | undefined {
  let n: TableNode | undefined = table.nodes[root];
  const through = (x: TableNode | undefined) => {
    while (x && x.k === "a" && x.i !== undefined) x = table.nodes[x.i];
    return x;
  };
  for (const key of path) {
    n = through(n);
    const idx: number | undefined = n?.k === "o" ? n.p?.[key] : undefined;
    if (idx === undefined) return undefined;
    n = table.nodes[idx];
  }
  return n;
}

/** The variant and version a document declares (top-level keys), as a table key. */
export function declaredKey(text: string): string | undefined {
  const get = (key: string) => new RegExp(`^${key}[ \\t]*:[ \\t]*["']?([^"'#\\s]+)["']?[ \\t]*(?:#.*)?$`, "m").exec(text)?.[1];
  const variant = get("variant"), version = get("version");
  return variant && version ? `${variant} ${version}` : undefined;
}

export interface Suggestion {
  label: string;
  /** Text inserted in place of the typed prefix. */
  apply: string;
  type: "property" | "enum" | "keyword";
  /** Markdown documentation. */
  info?: string;
  detail?: string;
}

const KIND_WORD: Record<TableNode["k"], string> = { o: "object", m: "map", a: "list", s: "string", i: "integer", b: "boolean" };

/** What to offer at `pos`: keys of the mapping there, or values of the key there. */
export function suggestions(table: SchemaTable, text: string, pos: number): { from: number; options: Suggestion[] } | undefined {
  const ctx = cursorContext(text, pos);
  if (!ctx) return undefined;
  const key = declaredKey(text);
  const root = key !== undefined ? table.versions[key] : undefined;
  if (ctx.kind === "value") {
    if (ctx.path.length === 0 && ctx.key === "variant") {
      const variants = [...new Set(Object.keys(table.versions).map((k) => k.split(" ")[0]!))];
      return { from: ctx.from, options: variants.map((v) => ({ label: v, apply: v, type: "enum" })) };
    }
    if (ctx.path.length === 0 && ctx.key === "version") {
      const variant = /^variant[ \t]*:[ \t]*["']?([^"'#\s]+)/m.exec(text)?.[1];
      const versions = Object.keys(table.versions).filter((k) => k.startsWith(`${variant} `)).map((k) => k.split(" ")[1]!);
      return { from: ctx.from, options: versions.map((v) => ({ label: v, apply: v, type: "enum" })) };
    }
    if (root === undefined) return undefined;
    const n = nodeAt(table, root, [...ctx.path, ctx.key]);
    if (!n) return undefined;
    const values = n.k === "b" ? ["true", "false"] : (n.e ?? []).filter((v) => v !== "");
    if (!values.length) return undefined;
    return { from: ctx.from, options: values.map((v) => ({ label: v, apply: v, type: n.k === "b" ? "keyword" : "enum" })) };
  }
  if (root === undefined) {
    if (ctx.path.length) return undefined;
    const top = ["variant", "version"].filter((k) => !ctx.siblings.includes(k));
    return { from: ctx.from, options: top.map((k) => ({ label: k, apply: `${k}: `, type: "property" })) };
  }
  let n = nodeAt(table, root, ctx.path);
  while (n && n.k === "a" && n.i !== undefined) n = table.nodes[n.i];
  if (n?.k !== "o" || !n.p) return undefined;
  const options: Suggestion[] = [];
  for (const [k, idx] of Object.entries(n.p)) {
    if (ctx.siblings.includes(k)) continue;
    const child = table.nodes[idx]!;
    if (child.x) continue;
    const s: Suggestion = { label: k, apply: `${k}: `, type: "property", detail: KIND_WORD[child.k] };
    if (child.d !== undefined) s.info = table.docs[child.d]!;
    options.push(s);
  }
  return { from: ctx.from, options };
}

/** Documentation of the key under `pos`, with the key's extent. */
export function hoverDoc(table: SchemaTable, text: string, pos: number): { from: number; to: number; markdown: string } | undefined {
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  const lineEnd = text.indexOf("\n", pos) === -1 ? text.length : text.indexOf("\n", pos);
  const line = text.slice(lineStart, lineEnd);
  const info = lineInfo(line);
  if (info.keyCol === undefined || info.key === undefined) return undefined;
  const keyText = /^("[^"]*"|'[^']*'|[^:]*?)\s*:/.exec(line.slice(info.keyCol))![1]!;
  const from = lineStart + info.keyCol, to = from + keyText.length;
  if (pos < from || pos > to) return undefined;
  const key = declaredKey(text);
  const root = key !== undefined ? table.versions[key] : undefined;
  if (root === undefined) return undefined;
  const lines = text.slice(0, lineStart).split("\n");
  lines.pop();
  const { path } = enclosingPath([...lines, line], lines.length, info.keyCol);
  const n = nodeAt(table, root, [...path, info.key]);
  if (!n || n.d === undefined) return undefined;
  return { from, to, markdown: `**${[...path, info.key].join(".")}**\n\n${table.docs[n.d]}` };
}
