// The library's translate(): Butane YAML in, Ignition JSON (or a wrapped config) out,
// with every diagnostic carrying its JSON path and YAML line/column. No Node
// built-ins here: file access for `filesDir` is injected.

import type { FileSystemAccess } from "./core/files";
import { formatEntryRaw, toDiagnostic, type Diagnostic, type ReportEntry } from "./core/report";
import { runPipeline, type IgnitionChecks } from "./butane/pipeline";
import { listVariants as registeredVariants } from "./butane/registry";
import type { VariantVersion } from "./butane/variants/define";
import { registerBuiltinVariants } from "./butane/variants";
import { ignitionChecks } from "./ignition-checks";

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

export const STRICT_FAILURE = "Config produced warnings and --strict was specified";

function toFileSystem(r: TranslateOptions["readFile"]): FileSystemAccess | undefined {
  if (!r) return undefined;
  if (typeof r === "function") {
    return {
      readFile: (p) => {
        const v = r(p);
        return typeof v === "string" ? new TextEncoder().encode(v) : v;
      },
    };
  }
  return r;
}

/** Runs the pipeline and returns internal entries too (for the CLI's formatting). */
export function translateDetailed(input: string | Uint8Array, options: TranslateOptions = {}, checks: IgnitionChecks = ignitionChecks): TranslateResult & { entries: ReportEntry[] } {
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
