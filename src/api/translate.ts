// The library's translate(): Butane YAML in, Ignition JSON (or a wrapped config) out,
// with every diagnostic carrying its JSON path and YAML line/column. No Node
// built-ins here: file access for `filesDir` is injected.

import { ERRNO_TEXT, FileAccessError, type FileInfo, type FileSystemAccess } from "../core/files";
import { formatEntryRaw, toDiagnostic, type Diagnostic, type ReportEntry } from "../core/report";
import { runPipeline } from "../butane/pipeline";
import { listVariants as registeredVariants, lookupVariant } from "../butane/registry";
import type { VariantVersion } from "../butane/variants/define";
import { registerBuiltinVariants } from "../butane/variants";
import type { IgnitionConfigByVersion } from "../ignition/types/index";
import { mergeLocalCompose } from "../compose/merge-fragments";
import type { TranslationDebug } from "../butane/translate/translation-set";

export type { TranslationDebug, TranslationEntry } from "../butane/translate/translation-set";

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
  /**
   * Options for a variant's own translation steps; each variant documents the keys it
   * reads and ignores the others (e.g. acos `passwordHashes`, see docs/acos.md).
   */
  variantOptions?: Readonly<Record<string, unknown>>;
  /**
   * Extension: merge `ignition.config.merge`/`replace` entries whose `local` is a `.bu`
   * file into this config at compile time (see docs/compose.md). Off: the reference's
   * behaviour (the file is embedded as a data URL).
   */
  mergeLocal?: boolean;
  /** With mergeLocal: further Butane configs merged over this one, in order (the CLI's extra file arguments). */
  mergeInputs?: { name: string; contents: string | Uint8Array }[];
  /** With mergeLocal: the input's own path, so that a fragment naming it is reported as a cycle. */
  inputName?: string;
  /**
   * Also return `translations`: which YAML path each output path came from, and the
   * output fields with none (what `butane -D` prints). Off: nothing extra is computed.
   */
  debugTranslations?: boolean;
}

/**
 * The Ignition config of any spec version Butane can produce, with `ignition.version`
 * naming which one (the per-version types are exported as IgnitionV3_0 … IgnitionV3_7_experimental).
 */
export type IgnitionConfig = {
  [V in keyof IgnitionConfigByVersion]: IgnitionConfigByVersion[V] & { ignition: { version: V } };
}[keyof IgnitionConfigByVersion];

/** A translation that produced a config. */
export interface TranslateSuccess {
  ok: true;
  /** Exactly what the CLI would print on standard output (with the final newline). */
  output: string;
  /**
   * The generated Ignition config (for a wrapped output such as an OpenShift
   * MachineConfig, the config inside it). It holds the same values as `output` but is
   * not its parse: fields the output leaves out because they are empty are here as
   * empty objects (`"user": {}`), keys are not in the output's order, and an integer
   * beyond Number.MAX_SAFE_INTEGER is a bigint. `JSON.parse(output)` gives the output's tree.
   */
  config: IgnitionConfig;
  /** The warnings, in the reference's order (with `strict`, any warning fails the translation instead). */
  report: Diagnostic[];
  error?: undefined;
  /** With `debugTranslations`: the translation set and its coverage check. */
  translations?: TranslationDebug;
}

/** A translation that failed. */
export interface TranslateFailure {
  ok: false;
  /** Why translation failed (the text the CLI prints after "Error translating config: "). */
  error: string;
  /**
   * Errors and warnings, in the reference's order. When the config could not be read
   * at all (YAML syntax, a type mismatch, a bad variant or version), the problems
   * behind `error` are here too, each with its path, line and column.
   */
  report: Diagnostic[];
  output?: undefined;
  config?: undefined;
  /** With `debugTranslations`, when the translation itself succeeded and a later check failed. */
  translations?: TranslationDebug;
}

/** The result of translate(): test `ok` (or `error === undefined`) before using `output`. */
export type TranslateResult = TranslateSuccess | TranslateFailure;

export { STRICT_FAILURE } from "../butane/messages";
import { OUTCOME, STRICT_FAILURE } from "../butane/messages";

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
      throw new FileAccessError(`${op} ${path}: the ${name} option returned a Promise; translate() reads files synchronously (use translateAsync() for an async reader, or pass a synchronous one such as fs.readFileSync)`);
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

export function toFileSystem(r: TranslateOptions["readFile"]): FileSystemAccess | undefined {
  if (!r) return undefined;
  if (typeof r === "function") return { readFile: guarded("open", "readFile", r, bytes, "a string or Uint8Array") };
  const fs: FileSystemAccess = { readFile: guarded("open", "readFile.readFile", (p) => r.readFile(p), bytes, "a string or Uint8Array") };
  if (typeof r.stat === "function") fs.stat = guarded("stat", "readFile.stat", (p) => r.stat!(p), fileInfo, "a FileInfo");
  if (typeof r.lstat === "function") fs.lstat = guarded("lstat", "readFile.lstat", (p) => r.lstat!(p), fileInfo, "a FileInfo");
  if (typeof r.readDir === "function") fs.readDir = guarded("open", "readFile.readDir", (p) => r.readDir!(p), names, "an array of names");
  if (typeof r.readLink === "function") fs.readLink = guarded("readlink", "readFile.readLink", (p) => r.readLink!(p), text, "a string");
  return fs;
}

const BOOLEAN_OPTIONS = ["strict", "pretty", "raw", "noResourceAutoCompression", "mergeLocal", "debugTranslations"] as const;

/** Why the input or options cannot be used, named plainly; undefined when they can. */
function invalidArguments(input: unknown, options: unknown): string | undefined {
  if (typeof input !== "string" && !(input instanceof Uint8Array)) return `invalid input: expected a string or Uint8Array, got ${describe(input)}`;
  if (options === undefined) return undefined;
  if (options === null || typeof options !== "object" || Array.isArray(options)) return `invalid options: expected an object, got ${describe(options)}`;
  const o = options as Record<string, unknown>;
  for (const k of ["filesDir", "cwd", "inputName"] as const) {
    if (o[k] !== undefined && typeof o[k] !== "string") return `invalid option ${k}: expected a string, got ${describe(o[k])}`;
  }
  for (const k of BOOLEAN_OPTIONS) {
    if (o[k] !== undefined && typeof o[k] !== "boolean") return `invalid option ${k}: expected a boolean, got ${describe(o[k])}`;
  }
  const vo = o.variantOptions;
  if (vo !== undefined && (vo === null || typeof vo !== "object" || Array.isArray(vo))) return `invalid option variantOptions: expected an object, got ${describe(vo)}`;
  const mi = o.mergeInputs;
  if (mi !== undefined && !(Array.isArray(mi) && mi.every((x) => x !== null && typeof x === "object" && typeof x.name === "string" && (typeof x.contents === "string" || x.contents instanceof Uint8Array)))) {
    return "invalid option mergeInputs: expected an array of { name: string, contents: string | Uint8Array }";
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

const failure = (error: string, report: Diagnostic[], entries: ReportEntry[] = []): TranslateFailure & { entries: ReportEntry[] } => ({ ok: false, error, report, entries });

/** Runs the pipeline and returns internal entries too (for the CLI's formatting). */
export function translateDetailed(input: string | Uint8Array, options: TranslateOptions = {}): TranslateResult & { entries: ReportEntry[]; sources?: Map<string, string> } {
  const invalid = invalidArguments(input, options);
  if (invalid !== undefined) return failure(invalid, [{ severity: "error", path: "$", message: invalid, code: OUTCOME.invalidArguments.code }]);
  options ??= {};
  registerBuiltinVariants();
  const fs = toFileSystem(options.readFile);
  const composeState = { sources: new Map<string, string>() };
  const compose = options.mergeLocal ? mergeLocalCompose({ mainName: options.inputName, inputs: options.mergeInputs }, composeState) : undefined;
  const pipelineOptions = {
    filesDir: options.filesDir ?? "",
    pretty: !!options.pretty,
    raw: !!options.raw,
    noResourceAutoCompression: !!options.noResourceAutoCompression,
    ...(fs ? { fs } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.variantOptions ? { variantOptions: options.variantOptions } : {}),
    ...(compose ? { compose } : {}),
    ...(options.debugTranslations ? { debugTranslations: true } : {}),
  };
  let r: ReturnType<typeof runPipeline>;
  try {
    r = runPipeline(input, pipelineOptions);
  } catch (e) {
    // A bug must still end as a clear error, never a crash with a stack trace.
    const message = e instanceof Error ? e.message : String(e);
    return failure(`internal error: ${message}`, []);
  }
  const report = r.entries.map(toDiagnostic);
  if (r.fatalEntries) for (const e of r.fatalEntries) report.push(toDiagnostic(e));
  // Fragment files merged at compile time (mergeLocal), for showing their diagnostics; -D's translations.
  const extra = { ...(composeState.sources.size ? { sources: composeState.sources } : {}), ...(r.translations ? { translations: r.translations } : {}) };
  if (r.fatal !== undefined) return { ...failure(r.fatal, report, r.entries), ...extra };
  if (options.strict && r.entries.length > 0) return { ...failure(STRICT_FAILURE, report, r.entries), ...extra };
  if (r.output === undefined || r.config === undefined) return { ...failure("internal error: no output", report, r.entries), ...extra };
  return { ok: true, output: r.output + "\n", config: r.config as unknown as IgnitionConfig, report, entries: r.entries, ...extra };
}

/** Translates a Butane config to Ignition. */
export function translate(input: string | Uint8Array, options: TranslateOptions = {}): TranslateResult {
  const { entries: _entries, sources: _sources, ...result } = translateDetailed(input, options);
  return result;
}

/** A value, or a Promise of it. */
export type MaybePromise<T> = T | PromiseLike<T>;

/** File access for translateAsync(): like FileSystemAccess, but each method may return a Promise. */
export interface AsyncFileSystemAccess {
  readFile(path: string): MaybePromise<Uint8Array | string>;
  stat?(path: string): MaybePromise<FileInfo>;
  lstat?(path: string): MaybePromise<FileInfo>;
  readDir?(path: string): MaybePromise<string[]>;
  readLink?(path: string): MaybePromise<string>;
}

export interface TranslateAsyncOptions extends Omit<TranslateOptions, "readFile"> {
  /**
   * As for translate(), but the reader may be asynchronous: `fs.promises.readFile`, or
   * an object whose methods return Promises. Synchronous readers work too.
   */
  readFile?: ((path: string) => MaybePromise<Uint8Array | string>) | AsyncFileSystemAccess;
}

const FS_METHODS = ["readFile", "stat", "lstat", "readDir", "readLink"] as const;
type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Thrown for a read whose answer is still on its way (that translation is discarded). */
class PendingRead extends FileAccessError {}

const isThenable = (v: unknown): v is PromiseLike<unknown> => v !== null && (typeof v === "object" || typeof v === "function") && typeof (v as { then?: unknown }).then === "function";

/**
 * translate() with a reader that may answer asynchronously. The pipeline itself is
 * synchronous, so it runs against the answers known so far: a read still pending fails
 * that run, which is discarded; once the pending reads have settled the pipeline runs
 * again, until a run needs nothing new. Each path is read once; a synchronous answer is
 * used at once, so with a synchronous reader this is one run, the same as translate().
 */
export function translateAsync(input: string | Uint8Array, options: TranslateAsyncOptions = {}): Promise<TranslateResult> {
  return translateAsyncWith(translate, input, options);
}

/** translateAsync() over a given synchronous translate (the Node and browser entries add their file access). */
export async function translateAsyncWith(
  run: (input: string | Uint8Array, options: TranslateOptions) => TranslateResult,
  input: string | Uint8Array,
  options: TranslateAsyncOptions = {},
): Promise<TranslateResult> {
  const invalid = invalidArguments(input, options);
  const reader = options?.readFile;
  if (invalid !== undefined || reader === undefined) return run(input, options as TranslateOptions);
  const answers = new Map<string, Settled>();
  const pending = new Map<string, PromiseLike<unknown>>();
  const answer = (method: string, path: string, call: () => unknown): unknown => {
    const key = `${method}\u0000${path}`;
    let known = answers.get(key);
    if (known === undefined) {
      if (pending.has(key)) throw new PendingRead(`${method} ${path}: pending`);
      try {
        const v = call();
        if (isThenable(v)) {
          pending.set(key, v);
          throw new PendingRead(`${method} ${path}: pending`);
        }
        known = { ok: true, value: v };
      } catch (e) {
        if (e instanceof PendingRead) throw e;
        known = { ok: false, error: e };
      }
      answers.set(key, known);
    }
    if (!known.ok) throw known.error;
    return known.value;
  };
  let syncReader: TranslateOptions["readFile"];
  if (typeof reader === "function") {
    syncReader = (p: string) => answer("readFile", p, () => reader(p)) as Uint8Array;
  } else {
    const methods: Record<string, (p: string) => unknown> = {};
    for (const m of FS_METHODS) {
      const f = (reader as unknown as Record<string, unknown>)[m];
      if (typeof f === "function") methods[m] = (p: string) => answer(m, p, () => f.call(reader, p));
    }
    syncReader = methods as unknown as FileSystemAccess;
  }
  for (;;) {
    const result = run(input, { ...(options as TranslateOptions), readFile: syncReader });
    if (pending.size === 0) return result;
    const waiting = [...pending];
    pending.clear();
    await Promise.all(
      waiting.map(async ([key, promise]) => {
        try {
          answers.set(key, { ok: true, value: await promise });
        } catch (e) {
          answers.set(key, { ok: false, error: e });
        }
      }),
    );
  }
}

/** Every variant version translate() accepts: the built-in ones and any registered. */
export function listVariants(): VariantVersion[] {
  registerBuiltinVariants();
  return registeredVariants();
}

/**
 * One registered variant version (built-in or not), e.g. to derive a new variant from
 * it; undefined when there is none. Builds only that variant's versions.
 */
export function getVariant(variant: string, version: string): VariantVersion | undefined {
  registerBuiltinVariants();
  return lookupVariant(variant, version);
}

export { formatEntryRaw };
