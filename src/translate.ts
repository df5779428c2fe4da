// The library's translate(): Butane YAML in, Ignition JSON (or a wrapped config) out,
// with every diagnostic carrying its JSON path and YAML line/column. No Node
// built-ins here: file access for `filesDir` is injected.

import { ERRNO_TEXT, FileAccessError, type FileInfo, type FileSystemAccess } from "./core/files";
import { formatEntryRaw, toDiagnostic, type Diagnostic, type ReportEntry } from "./core/report";
import { runPipeline, type IgnitionChecks } from "./butane/pipeline";
import { listVariants as registeredVariants } from "./butane/registry";
import type { VariantVersion } from "./butane/variants/define";
import { registerBuiltinVariants } from "./butane/variants";
import { ignitionChecks } from "./ignition-checks";
import { OUTCOME, STRICT_FAILURE } from "./butane/messages";

export interface TranslateOptions {
  /** Directory that `local` paths are relative to (`-d/--files-dir`). */
  filesDir?: string;
  /** Treat warnings as errors (`--strict`). */
  strict?: boolean;
  /** Indent the JSON output (`--pretty`). */
  pretty?: boolean;
  /** Never wrap the output (e.g. in an OpenShift MachineConfig) (`--raw`). */
  raw?: boolean;
  /**
   * How files under `filesDir` are read: a function returning the bytes of a path
   * (files-dir-joined, e.g. "files/etc/hostname"), or a full file-system access
   * object (needed for `storage.trees`).
   */
  readFile?: ((path: string) => Uint8Array | string) | FileSystemAccess;
  /** Skip the automatic gzip compression of inline and local contents. */
  noResourceAutoCompression?: boolean;
  /** Working directory for judging files-dir escapes (defaults to a virtual one). */
  cwd?: string;
}

export interface TranslateResult {
  /** Exactly what the CLI would print on standard output (with the final newline). */
  output?: string;
  /** The generated Ignition config as an object. */
  config?: Record<string, unknown>;
  /**
   * Errors and warnings, in the reference's order. When the config could not be read
   * at all (YAML syntax, a type mismatch, a bad variant or version), the problems
   * behind `error` are here too, each with its path, line and column.
   */
  report: Diagnostic[];
  /** Why translation failed (the text the CLI prints after "Error translating config: "). */
  error?: string;
}

export { STRICT_FAILURE } from "./butane/messages";

/** A host reader's failure as the reference words it ("open p: no such file or directory"). */
function hostFailure(op: string, path: string, e: unknown): FileAccessError {
  if (e instanceof FileAccessError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  const text = (typeof code === "string" && ERRNO_TEXT[code]) || (e instanceof Error ? e.message : String(e));
  return new FileAccessError(`${op} ${path}: ${text}`);
}

/** Calls a host-provided method; a throw or a value of the wrong type becomes a located file error. */
function guarded<T>(op: string, name: string, call: (path: string) => unknown, check: (v: unknown) => T | undefined, expected: string) {
  return (path: string): T => {
    let v: unknown;
    try {
      v = call(path);
    } catch (e) {
      throw hostFailure(op, path, e);
    }
    if (v !== null && typeof (v as { then?: unknown } | undefined)?.then === "function") {
      (v as Promise<unknown>).then(undefined, () => {}); // never an unhandled rejection
      throw new FileAccessError(`${op} ${path}: the ${name} option returned a Promise; translate() reads files synchronously (pass a synchronous reader such as fs.readFileSync)`);
    }
    const ok = check(v);
    if (ok === undefined) throw new FileAccessError(`${op} ${path}: the ${name} option returned ${describe(v)}, expected ${expected}`);
    return ok;
  };
}

const bytes = (v: unknown) => (typeof v === "string" ? new TextEncoder().encode(v) : v instanceof Uint8Array ? v : undefined);
const fileInfo = (v: unknown) => (v !== null && typeof v === "object" && typeof (v as FileInfo).kind === "string" ? (v as FileInfo) : undefined);
const names = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : undefined);
const text = (v: unknown) => (typeof v === "string" ? v : undefined);

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : typeof v;
}

function toFileSystem(r: TranslateOptions["readFile"]): FileSystemAccess | undefined {
  if (!r) return undefined;
  if (typeof r === "function") return { readFile: guarded("open", "readFile", r, bytes, "a string or Uint8Array") };
  const fs: FileSystemAccess = { readFile: guarded("open", "readFile.readFile", (p) => r.readFile(p), bytes, "a string or Uint8Array") };
  if (typeof r.stat === "function") fs.stat = guarded("stat", "readFile.stat", (p) => r.stat!(p), fileInfo, "a FileInfo");
  if (typeof r.lstat === "function") fs.lstat = guarded("lstat", "readFile.lstat", (p) => r.lstat!(p), fileInfo, "a FileInfo");
  if (typeof r.readDir === "function") fs.readDir = guarded("open", "readFile.readDir", (p) => r.readDir!(p), names, "an array of names");
  if (typeof r.readLink === "function") fs.readLink = guarded("readlink", "readFile.readLink", (p) => r.readLink!(p), text, "a string");
  return fs;
}

const BOOLEAN_OPTIONS = ["strict", "pretty", "raw", "noResourceAutoCompression"] as const;

/** Why the input or options cannot be used, named plainly; undefined when they can. */
function invalidArguments(input: unknown, options: unknown): string | undefined {
  if (typeof input !== "string" && !(input instanceof Uint8Array)) return `invalid input: expected a string or Uint8Array, got ${describe(input)}`;
  if (options === undefined) return undefined;
  if (options === null || typeof options !== "object" || Array.isArray(options)) return `invalid options: expected an object, got ${describe(options)}`;
  const o = options as Record<string, unknown>;
  for (const k of ["filesDir", "cwd"] as const) {
    if (o[k] !== undefined && typeof o[k] !== "string") return `invalid option ${k}: expected a string, got ${describe(o[k])}`;
  }
  for (const k of BOOLEAN_OPTIONS) {
    if (o[k] !== undefined && typeof o[k] !== "boolean") return `invalid option ${k}: expected a boolean, got ${describe(o[k])}`;
  }
  const r = o.readFile;
  if (r !== undefined && typeof r !== "function") {
    if (r === null || typeof r !== "object") return `invalid option readFile: expected a function or a file system object, got ${describe(r)}`;
    const fs = r as Record<string, unknown>;
    if (typeof fs.readFile !== "function") return "invalid option readFile: a file system object needs a readFile method";
    for (const m of ["stat", "lstat", "readDir", "readLink"]) {
      if (fs[m] !== undefined && typeof fs[m] !== "function") return `invalid option readFile.${m}: expected a function, got ${describe(fs[m])}`;
    }
  }
  return undefined;
}

/** Runs the pipeline and returns internal entries too (for the CLI's formatting). */
export function translateDetailed(input: string | Uint8Array, options: TranslateOptions = {}, checks: IgnitionChecks = ignitionChecks): TranslateResult & { entries: ReportEntry[] } {
  const invalid = invalidArguments(input, options);
  if (invalid !== undefined) return { report: [{ severity: "error", path: "$", message: invalid, code: OUTCOME.invalidArguments.code }], entries: [], error: invalid };
  options ??= {};
  registerBuiltinVariants();
  const fs = toFileSystem(options.readFile);
  const pipelineOptions = {
    filesDir: options.filesDir ?? "",
    pretty: !!options.pretty,
    raw: !!options.raw,
    noResourceAutoCompression: !!options.noResourceAutoCompression,
    ...(fs ? { fs } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  };
  let r: ReturnType<typeof runPipeline>;
  try {
    r = runPipeline(input, pipelineOptions, checks);
  } catch (e) {
    // A bug must still end as a clear error, never a crash with a stack trace.
    const message = e instanceof Error ? e.message : String(e);
    return { report: [], entries: [], error: `internal error: ${message}` };
  }
  const report = r.entries.map(toDiagnostic);
  if (r.fatalEntries) for (const e of r.fatalEntries) report.push(toDiagnostic(e));
  if (r.fatal !== undefined) return { report, entries: r.entries, error: r.fatal };
  if (options.strict && r.entries.length > 0) return { report, entries: r.entries, error: STRICT_FAILURE };
  return { report, entries: r.entries, output: r.output + "\n", ...(r.config ? { config: r.config } : {}) };
}

/** Translates a Butane config to Ignition. */
export function translate(input: string | Uint8Array, options: TranslateOptions = {}): TranslateResult {
  const { entries: _entries, ...result } = translateDetailed(input, options);
  return result;
}

/** Every variant version translate() accepts: the built-in ones and any registered. */
export function listVariants(): VariantVersion[] {
  registerBuiltinVariants();
  return registeredVariants();
}

export { formatEntryRaw };
