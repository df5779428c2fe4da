// Rendering diagnostics for people: the reference's raw one-line form
// (`--raw-errors`) and its annotated form with the offending source lines and a
// caret underline, optionally coloured.

import { formatEntryRaw, pathString, type ReportEntry } from "../core/report";

const RED = "\x1b[1;31m", YELLOW = "\x1b[1;33m", CYAN = "\x1b[1;36m", BLUE = "\x1b[1;34m", RESET = "\x1b[0m";

const enc = new TextEncoder();
const dec = new TextDecoder("utf-8", { ignoreBOM: true });

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

// Source lines longer than this (in UTF-16 code units) are shown as a window around the
// column, so that many diagnostics on one huge line (a long flow collection) do not
// print that line again for each of them. The reference prints them whole; no config
// written by hand comes near this.
export const MAX_SHOWN_LINE = 4096;
const WINDOW = 200;

/** A long line's part around (0-based) character `at`, with "..." where cut; and where `at` lands in it. */
function windowOf(text: string, at: number): { text: string; at: number } {
  const from = Math.max(0, at - WINDOW), to = Math.min(text.length, at + WINDOW);
  const head = from > 0 ? "..." : "", tail = to < text.length ? "..." : "";
  return { text: head + text.slice(from, to) + tail, at: at - from + head.length };
}

class Lines {
  private readonly byteLengths = new Map<number, number>();
  constructor(readonly lines: string[]) {}
  /** UTF-8 length of line n (1-based), computed once. */
  bytes(n: number): number {
    let b = this.byteLengths.get(n);
    if (b === undefined) this.byteLengths.set(n, (b = enc.encode(this.lines[n - 1]!).length));
    return b;
  }
}

function formatPrettyEntry(e: ReportEntry, fileName: string, src: Lines, color: boolean): string {
  if (e.line === undefined || e.column === undefined) return formatEntryRaw(e) + "\n";
  const lines = src.lines;
  const line = e.line, col = e.column;
  // The reference compares the column with the line's length in bytes.
  if (line < 1 || line > lines.length || col < 1 || col > src.bytes(line)) return formatEntryRaw(e) + "\n";
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
    if (text.length > MAX_SHOWN_LINE) {
      const w = windowOf(text, n === line ? col - 1 : 0);
      s += ` ${paint(String(n).padStart(gutter), BLUE, color)} | ${w.text}\n`;
      if (n === line) {
        const bytes = enc.encode(w.text);
        const width = Math.min(underlineWidth(bytes, w.at), WINDOW);
        s += ` ${pad} | ${" ".repeat(w.at)}${paint("^".repeat(width), BLUE, color)} ${e.message}\n`;
      }
      continue;
    }
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

/**
 * The annotated form: each entry with two lines of context either side, blank-line
 * separated. An entry about another file (`file`, a merged fragment) is shown in that
 * file's text from `others`, under its name.
 */
export function formatPretty(entries: readonly ReportEntry[], fileName: string, source: string, color: boolean, others?: ReadonlyMap<string, string>): string {
  const lines = new Lines(source.split("\n"));
  const otherLines = new Map<string, Lines>();
  const linesOf = (file: string): Lines | undefined => {
    let l = otherLines.get(file);
    const text = others?.get(file);
    if (l === undefined && text !== undefined) otherLines.set(file, (l = new Lines(text.split("\n"))));
    return l;
  };
  return entries
    .map((e) => {
      if (e.file === undefined) return formatPrettyEntry(e, fileName, lines, color);
      const l = linesOf(e.file);
      return l ? formatPrettyEntry(e, e.file, l, color) : formatEntryRaw(e) + "\n";
    })
    .join("\n");
}
