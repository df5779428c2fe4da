// Rendering diagnostics for people: the reference's raw one-line form
// (`--raw-errors`) and its annotated form with the offending source lines and a
// caret underline, optionally coloured.

import { formatEntryRaw, pathString, type ReportEntry } from "../core/report";

const RED = "\x1b[1;31m", YELLOW = "\x1b[1;33m", CYAN = "\x1b[1;36m", BLUE = "\x1b[1;34m", RESET = "\x1b[0m";

const enc = new TextEncoder();
const dec = new TextDecoder();

function paint(text: string, code: string, on: boolean): string {
  return on ? code + text + RESET : text;
}

export function formatRaw(entries: readonly ReportEntry[]): string {
  let s = "";
  for (const e of entries) s += formatEntryRaw(e) + "\n";
  return s;
}

// Unicode White_Space characters (what the reference's unicode.IsSpace matches).
const SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** Byte length of `line` up to its first whitespace character from byte `start`. */
function underlineWidth(lineBytes: Uint8Array, start: number): number {
  const rest = dec.decode(lineBytes.subarray(start));
  const m = SPACE.exec(rest);
  return m ? enc.encode(rest.slice(0, m.index)).length : lineBytes.length - start;
}

function formatPrettyEntry(e: ReportEntry, fileName: string, lines: string[], color: boolean): string {
  if (e.line === undefined || e.column === undefined) return formatEntryRaw(e) + "\n";
  const line = e.line, col = e.column;
  // The reference compares the column with the line's length in bytes.
  if (line < 1 || line > lines.length || col < 1 || col > enc.encode(lines[line - 1]!).length) return formatEntryRaw(e) + "\n";
  const kind = paint(e.severity, e.severity === "error" ? RED : e.severity === "warning" ? YELLOW : CYAN, color);
  const path = e.path.length > 0 ? `[${pathString(e.path)}]` : "";
  let s = `${kind}${path}:\n`;
  s += `  ${paint("-->", BLUE, color)} ${fileName}:${line}:${col}\n`;
  const first = Math.max(1, line - 2), last = Math.min(lines.length, line + 2);
  const gutter = String(last).length;
  const pad = " ".repeat(gutter);
  s += ` ${pad} |\n`;
  for (let n = first; n <= last; n++) {
    const text = lines[n - 1]!;
    s += ` ${paint(String(n).padStart(gutter), BLUE, color)} | ${text}\n`;
    if (n === line) {
      const bytes = enc.encode(text);
      const start = col - 1;
      const width = underlineWidth(bytes, start);
      s += ` ${pad} | ${" ".repeat(start)}${paint("^".repeat(width), BLUE, color)} ${e.message}\n`;
    }
  }
  s += ` ${pad} |\n`;
  return s;
}

/** The annotated form: each entry with two lines of context either side, blank-line separated. */
export function formatPretty(entries: readonly ReportEntry[], fileName: string, source: string, color: boolean): string {
  const lines = source.split("\n");
  return entries.map((e) => formatPrettyEntry(e, fileName, lines, color)).join("\n");
}
