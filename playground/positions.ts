// Where a diagnostic goes in the editor. The compiler reports Go's positions: 1-based
// lines and 1-based columns counted in UTF-8 bytes; the editor counts UTF-16 units.
// Errors that stop translation early (YAML syntax, unknown version) carry no position
// but name it in their text ("line 4, column 1", "line 4: cannot unmarshal …").

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

/** The UTF-16 index in `text` of the byte column `column` (1-based). */
export function byteColumnToIndex(text: string, column: number): number {
  let bytes = 0, i = 0;
  while (i < text.length && bytes < column - 1) {
    const cp = text.codePointAt(i)!;
    bytes += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * The span to mark for a position: from the column to the end of the word there (as
 * the CLI underlines it), or the whole line when there is no column.
 */
export function spanAt(doc: TextDoc, line: number | undefined, column: number | undefined): Span | undefined {
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
  const start = byteColumnToIndex(l.text, column);
  const word = /^\S*/.exec(l.text.slice(start))![0].length;
  return { from: l.from + start, to: l.from + start + word, line };
}

/** A position named in an error's text, if any. */
export function positionInMessage(message: string): { line: number; column?: number } | undefined {
  const m = /\bline (\d+)(?:, column (\d+))?/.exec(message);
  if (!m) return undefined;
  return m[2] ? { line: Number(m[1]), column: Number(m[2]) } : { line: Number(m[1]) };
}

/** The line of a top-level key (`variant:`, `version:`) in a Butane document. */
export function topLevelKeyLine(text: string, key: string): number | undefined {
  const lines = text.split("\n");
  const re = new RegExp(`^${key}\\s*:`);
  const i = lines.findIndex((l) => re.test(l));
  return i < 0 ? undefined : i + 1;
}

/** Where an error without a report entry belongs. */
export function fatalErrorLine(text: string, error: string): { line: number; column?: number } | undefined {
  const named = positionInMessage(error);
  if (named) return named;
  if (/\bversion\b/i.test(error)) {
    const l = topLevelKeyLine(text, "version") ?? topLevelKeyLine(text, "variant");
    if (l) return { line: l };
  }
  if (/\bvariant\b/i.test(error)) {
    const l = topLevelKeyLine(text, "variant");
    if (l) return { line: l };
  }
  return text.trim() === "" ? undefined : { line: 1 };
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
