// Where a diagnostic goes in the editor. The compiler reports Go's positions: 1-based
// lines, and 1-based columns counted in characters (code points) in YAML, as yaml.v3
// counts them, but in UTF-8 bytes in JSON, as Go's JSON decoder counts them. The
// editor counts UTF-16 units.

export type ColumnUnit = "chars" | "bytes";

export interface Span {
  from: number;
  to: number;
  line: number;
}

export interface TextDoc {
  readonly lines: number;
  line(n: number): { from: number; to: number; text: string };
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** The UTF-16 index in `text` of the 1-based `column`, counted in `unit`. */
export function columnToIndex(text: string, column: number, unit: ColumnUnit): number {
  let counted = 0, i = 0;
  while (i < text.length && counted < column - 1) {
    const cp = text.codePointAt(i)!;
    counted += unit === "bytes" ? utf8Length(cp) : 1;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * The span to mark for a position: from the column to the end of the word there (as
 * the CLI underlines it), or the whole line when there is no column.
 */
export function spanAt(doc: TextDoc, line: number | undefined, column: number | undefined, unit: ColumnUnit): Span | undefined {
  if (line === undefined || !Number.isInteger(line) || line < 1) return undefined;
  if (line > doc.lines) {
    const last = doc.line(doc.lines);
    return { from: last.to, to: last.to, line: doc.lines };
  }
  const l = doc.line(line);
  if (column === undefined || column < 1) {
    const indent = /^\s*/.exec(l.text)![0].length;
    return { from: l.from + indent, to: l.to, line };
  }
  const start = columnToIndex(l.text, column, unit);
  const word = /^\S*/.exec(l.text.slice(start))![0].length;
  return { from: l.from + start, to: l.from + start + word, line };
}

/** The variant and version a Butane document declares at its top level. */
export function declaredVersion(text: string): { variant?: string; version?: string } {
  const out: { variant?: string; version?: string } = {};
  for (const key of ["variant", "version"] as const) {
    const m = new RegExp(`^${key}\\s*:\\s*["']?([^"'#\\s]+)["']?\\s*(?:#.*)?$`, "m").exec(text);
    if (m) out[key] = m[1];
  }
  return out;
}

/** The document with its top-level variant and version set (added at the top if absent). */
export function withVersion(text: string, variant: string, version: string): string {
  let t = text;
  const set = (key: string, value: string) => {
    const re = new RegExp(`^${key}\\s*:.*$`, "m");
    if (re.test(t)) t = t.replace(re, `${key}: ${value}`);
    else return false;
    return true;
  };
  const hasVariant = set("variant", variant);
  const hasVersion = set("version", version);
  if (!hasVersion) {
    if (hasVariant) t = t.replace(/^variant\s*:.*$/m, (l) => `${l}\nversion: ${version}`);
    else t = `variant: ${variant}\nversion: ${version}\n` + t;
  } else if (!hasVariant) {
    t = t.replace(/^version\s*:.*$/m, (l) => `variant: ${variant}\n${l}`);
  }
  return t;
}
