// Diagnostics: what every stage (parse, validate, translate) reports.
//
// Internally an entry carries its path as a list of parts (keys and indexes), so that
// it can be re-rooted and mapped between the Butane (YAML) and Ignition (JSON) trees;
// the public Diagnostic has the rendered "$.a.0.b" path and a line/column.

export type Severity = "error" | "warning" | "info";
export type PathPart = string | number;

export interface ReportEntry {
  severity: Severity;
  message: string;
  /** Logical location; empty parts means the document root. */
  path: readonly PathPart[];
  /** The entry points at the mapping key at the end of `path`, not at its value. */
  atKey?: boolean;
  /** Which tree the path refers to: the Butane source ("yaml") or the generated Ignition ("json"). */
  tag?: "yaml" | "json";
  /** Source position, filled in when the entry is correlated with a source tree. */
  line?: number;
  column?: number;
  /** Stable identifier of the kind of problem (see src/butane/messages.ts); the message text may change, the code does not. */
  code?: string;
  /**
   * The file the entry is about, when it is not the main input: a Butane fragment merged
   * at compile time (src/compose). Its path, line and column are in that file.
   */
  file?: string;
}

/** The public diagnostic shape returned by the library API. */
export interface Diagnostic {
  severity: Severity;
  /** "$" or "$.storage.files.0.path" */
  path: string;
  line?: number;
  column?: number;
  message: string;
  /** Stable identifier of the kind of problem, for tools (SARIF rule ids, editor code actions). */
  code?: string;
  /** The file the diagnostic is in, when it is not the main input (a merged fragment). */
  file?: string;
}

export function pathString(parts: readonly PathPart[]): string {
  let s = "$";
  for (const p of parts) s += "." + String(p);
  return s;
}

/** An ordered list of entries; order is the order the reference tool reports them. */
export class Report {
  readonly entries: ReportEntry[] = [];

  add(severity: Severity, path: readonly PathPart[], message: string, extra?: Partial<ReportEntry>): void {
    this.entries.push({ severity, message, path: [...path], ...extra });
  }
  error(path: readonly PathPart[], message: string, extra?: Partial<ReportEntry>): void {
    this.add("error", path, message, extra);
  }
  warn(path: readonly PathPart[], message: string, extra?: Partial<ReportEntry>): void {
    this.add("warning", path, message, extra);
  }
  info(path: readonly PathPart[], message: string, extra?: Partial<ReportEntry>): void {
    this.add("info", path, message, extra);
  }
  merge(other: Report | readonly ReportEntry[]): void {
    const list = other instanceof Report ? other.entries : other;
    for (const e of list) this.entries.push(e);
  }
  /** Appends other's entries with `prefix` put in front of each path. */
  mergePrefixed(prefix: readonly PathPart[], other: Report | readonly ReportEntry[]): void {
    const list = other instanceof Report ? other.entries : other;
    for (const e of list) this.entries.push({ ...e, path: [...prefix, ...e.path] });
  }
  isFatal(): boolean {
    return this.entries.some((e) => e.severity === "error");
  }
  get length(): number {
    return this.entries.length;
  }
}

/**
 * Renders an entry the way `--raw-errors` prints it: `error at $.path, line L col C: message`.
 * An entry about another file (a merged fragment) says so after the severity:
 * `error in files/users.bu at $.path, line L col C: message`.
 */
export function formatEntryRaw(e: ReportEntry): string {
  const hasPos = e.line !== undefined && e.column !== undefined;
  const hasPath = e.path.length > 0;
  let at = "";
  if (hasPos && hasPath) at = ` at ${pathString(e.path)}, line ${e.line} col ${e.column}`;
  else if (hasPos) at = ` at line ${e.line} col ${e.column}`;
  else if (hasPath) at = ` at ${pathString(e.path)}`;
  const file = e.file !== undefined ? ` in ${e.file}` : "";
  return `${e.severity}${file}${at}: ${e.message}`;
}

export function toDiagnostic(e: ReportEntry): Diagnostic {
  const d: Diagnostic = { severity: e.severity, path: pathString(e.path), message: e.message };
  if (e.line !== undefined) d.line = e.line;
  if (e.column !== undefined) d.column = e.column;
  if (e.code !== undefined) d.code = e.code;
  if (e.file !== undefined) d.file = e.file;
  return d;
}
