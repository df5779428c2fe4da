// `butane --report=json`: every diagnostic as data, for CI scripts and editors. One
// JSON document, written to standard error in place of the human-readable diagnostics
// (standard output keeps the Ignition config). Positions are 1-based; columns count
// characters (code points), as the human-readable output does; `endColumn` is the
// column just after the flagged text.
//
// The reference tool reports only where a problem starts. The end is found here from
// the source text: the extent of the YAML token that starts there (a key, a scalar, a
// quoted or block scalar, a flow collection, an alias).

import type { Diagnostic, Severity } from "../core/report";
import { PACKAGE_VERSION, REFERENCE_VERSION } from "../core/version";

export interface SourceEnd {
  endLine: number;
  endColumn: number;
}

/** A proposed replacement for the text a diagnostic points at (see --suggest). */
export interface Fix {
  message: string;
  /** Path of the text to replace ("$.storage.files.0.overwite", "$.variant"). */
  path: string;
  /** The text to put in place of line:column – endLine:endColumn. */
  replacement: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportItem {
  severity: Severity;
  code: string;
  message: string;
  path: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fix?: Fix;
}

export interface JsonReport {
  /** Version of this document's shape. */
  format: "butane-report";
  formatVersion: 1;
  tool: { name: string; version: string; reference: string };
  /** The input file as given on the command line; absent for standard input. */
  file?: string;
  /** Whether translation succeeded (the exit status is 0 exactly when it did). */
  success: boolean;
  /** Why it failed: the last line the plain output prints ("Error translating config: …", a read error, the --strict failure). */
  error?: string;
  diagnostics: ReportItem[];
}

/**
 * The diagnostic's stable code (src/butane/messages.ts, docs/diagnostics.md), or, for
 * an entry that has none (a registered variant's own messages), one derived from the
 * message's words without the parts that vary (quoted text, numbers, paths, names).
 */
export function diagnosticCode(d: Pick<Diagnostic, "code" | "message">): string {
  if (d.code) return d.code;
  const words = d.message
    .replace(/`[^`]*`|"[^"]*"|'[^']*'|\([^)]*\)/g, " ")
    .split(/[\s:;,]+/)
    .filter((w) => /^[A-Za-z]+$/.test(w))
    .slice(0, 6)
    .map((w) => w.toLowerCase());
  return "derived." + (words.join("-") || "unknown");
}

const isSpace = (c: string | undefined) => c === " " || c === "\t";

/**
 * Where the YAML token starting at `line`:`column` (1-based, column in code points)
 * ends: just after its last character. Undefined when the position is outside the text.
 */
export function tokenEnd(lines: readonly string[], line: number, column: number): SourceEnd | undefined {
  const text = lines[line - 1];
  if (text === undefined) return undefined;
  const chars = Array.from(text);
  let i = column - 1;
  if (i < 0 || i > chars.length) return undefined;
  const same = (end: number): SourceEnd => ({ endLine: line, endColumn: end + 1 });
  // Properties (anchor, tag) come before the node they belong to: include them and the node.
  while (chars[i] === "&" || chars[i] === "!") {
    while (i < chars.length && !isSpace(chars[i])) i++;
    while (isSpace(chars[i])) i++;
    if (i >= chars.length) return same(i);
  }
  const c = chars[i];
  if (c === undefined) return same(i);
  if (c === '"' || c === "'") return quotedEnd(lines, line, chars, i, c);
  if (c === "[" || c === "{") return flowEnd(lines, line, chars, i);
  if (c === "|" || c === ">") return blockScalarEnd(lines, line, chars, i);
  if (c === "*") {
    let j = i + 1;
    while (j < chars.length && !isSpace(chars[j]) && !",]}".includes(chars[j]!)) j++;
    return same(j);
  }
  if (c === "-" && (isSpace(chars[i + 1]) || i + 1 === chars.length)) {
    // A block sequence: point at its first entry marker.
    return same(i + 1);
  }
  // A plain scalar (a key, or a value): up to ": ", " #" or the end of the line, without trailing spaces.
  let j = i;
  while (j < chars.length) {
    if (chars[j] === ":" && (j + 1 === chars.length || isSpace(chars[j + 1]))) break;
    if (chars[j] === "#" && isSpace(chars[j - 1])) break;
    j++;
  }
  while (j > i && isSpace(chars[j - 1])) j--;
  return same(j);
}

function quotedEnd(lines: readonly string[], line: number, first: string[], start: number, q: string): SourceEnd {
  let chars = first;
  let i = start + 1;
  for (let n = line; ; ) {
    while (i < chars.length) {
      const c = chars[i]!;
      if (q === '"' && c === "\\") {
        i += 2;
        continue;
      }
      if (c === q) {
        if (q === "'" && chars[i + 1] === "'") {
          i += 2;
          continue;
        }
        return { endLine: n, endColumn: i + 2 };
      }
      i++;
    }
    // Unterminated on this line: quoted scalars may continue on the next.
    if (n >= lines.length) return { endLine: n, endColumn: chars.length + 1 };
    n++;
    chars = Array.from(lines[n - 1]!);
    i = 0;
  }
}

function flowEnd(lines: readonly string[], line: number, first: string[], start: number): SourceEnd {
  let depth = 0;
  let quote = "";
  let chars = first;
  let i = start;
  for (let n = line; ; ) {
    while (i < chars.length) {
      const c = chars[i]!;
      if (quote) {
        if (quote === '"' && c === "\\") i++;
        else if (c === quote) quote = "";
      } else if (c === '"' || c === "'") quote = c;
      else if (c === "#" && (i === 0 || isSpace(chars[i - 1]))) break;
      else if (c === "[" || c === "{") depth++;
      else if (c === "]" || c === "}") {
        depth--;
        if (depth === 0) return { endLine: n, endColumn: i + 2 };
      }
      i++;
    }
    if (n >= lines.length) return { endLine: n, endColumn: chars.length + 1 };
    n++;
    chars = Array.from(lines[n - 1]!);
    i = 0;
  }
}

/** A `|` or `>` scalar runs over the following lines that are blank or indented deeper than its key's line. */
function blockScalarEnd(lines: readonly string[], line: number, chars: string[], start: number): SourceEnd {
  let end: SourceEnd = { endLine: line, endColumn: start + 2 };
  const indentOf = (s: string) => s.length - s.trimStart().length;
  const owner = lines[line - 1]!;
  // The owning line's indentation, counting "- " entry markers as indentation.
  const ownerIndent = /^[ ]*(?:- +)*/.exec(owner)![0].length;
  const contentIndent = (() => {
    for (let n = line + 1; n <= lines.length; n++) if (lines[n - 1]!.trim() !== "") return indentOf(lines[n - 1]!);
    return 0;
  })();
  if (contentIndent <= ownerIndent) return { endLine: line, endColumn: chars.length + 1 };
  for (let n = line + 1; n <= lines.length; n++) {
    const t = lines[n - 1]!;
    if (t.trim() === "") continue;
    if (indentOf(t) < contentIndent) break;
    end = { endLine: n, endColumn: Array.from(t).length + 1 };
  }
  return end;
}

/** Splits source text into lines the way the reference counts them. */
export function sourceLines(source: string): string[] {
  return source.split(/\r?\n/);
}

/** Diagnostics as report items: stable code and, where the text is known, the end of what each one flags. */
export function reportItems(diagnostics: readonly Diagnostic[], source: string, fixes?: ReadonlyMap<Diagnostic, Fix>): ReportItem[] {
  const lines = sourceLines(source);
  return diagnostics.map((d) => {
    const item: ReportItem = { severity: d.severity, code: diagnosticCode(d), message: d.message, path: d.path };
    if (d.line !== undefined && d.column !== undefined) {
      item.line = d.line;
      item.column = d.column;
      const end = tokenEnd(lines, d.line, d.column);
      if (end) Object.assign(item, end);
    }
    const fix = fixes?.get(d);
    if (fix) item.fix = fix;
    return item;
  });
}

export interface ReportInput {
  file?: string;
  source: string;
  diagnostics: readonly Diagnostic[];
  error?: string;
  fixes?: ReadonlyMap<Diagnostic, Fix>;
}

export function jsonReport(r: ReportInput): JsonReport {
  return {
    format: "butane-report",
    formatVersion: 1,
    tool: { name: "butane-ts", version: PACKAGE_VERSION, reference: REFERENCE_VERSION },
    ...(r.file !== undefined ? { file: r.file } : {}),
    success: r.error === undefined,
    ...(r.error !== undefined ? { error: r.error } : {}),
    diagnostics: reportItems(r.diagnostics, r.source, r.fixes),
  };
}

export function formatJsonReport(r: ReportInput): string {
  return JSON.stringify(jsonReport(r), null, 2) + "\n";
}
