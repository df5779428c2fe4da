// The package's browser entry (the `browser` condition of its exports): the
// platform-neutral API, a files directory held in memory, Ignition validation and,
// loaded on first use, password hashing. No Node built-ins anywhere in this graph;
// the build fails if one creeps in.

import { translate as coreTranslate, translateAsyncWith, type TranslateAsyncOptions, type TranslateOptions, type TranslateResult } from "./api/translate";
import { bundle as coreBundle, type BundleResult } from "./compose/bundle";
import { OUTCOME } from "./butane/messages";
import { memoryFileSystem, isMemoryFiles, MemoryFilesError, type MemoryFiles } from "./fs/memory-fs";
import type { CryptOptions, HashOptions } from "./hash/index";
// Variants shipped beyond the reference's (acos), registered through the public API.
import { registerShippedVariants } from "./variants-ext/register";

registerShippedVariants(); // a call, not a bare import: package.json marks modules side-effect free

export * from "./index";
export { memoryFileSystem, MemoryFilesError, type MemoryFiles, type MemoryEntry, type MemoryFileSystemOptions } from "./fs/memory-fs";
export { readPickedFiles, type PickedFile, type PickedFolder } from "./browser/file-list";
export { validateIgnition, type ValidateIgnitionOptions, type ValidateIgnitionResult } from "./ignition/index";
export type { CostLimits, CryptOptions, HashMethod, HashMethodInfo, HashOptions } from "./hash/index";

export interface BrowserTranslateOptions extends Omit<TranslateOptions, "filesDir"> {
  /**
   * The files directory: a path string (read through `readFile`, as in the
   * platform-neutral API), or the files themselves, in memory — a Map or record from
   * paths relative to the directory to bytes, text or entries (see memoryFileSystem).
   * Messages then name paths relative to it ("open etc/hostname: no such file or directory").
   */
  filesDir?: string | MemoryFiles;
}

/** translate(), with `filesDir` also accepting the files themselves. */
export function translate(input: string | Uint8Array, options: BrowserTranslateOptions = {}): TranslateResult {
  // Anything but an options object is named by the core's argument check.
  if (options === null || typeof options !== "object" || Array.isArray(options)) return coreTranslate(input, options as TranslateOptions);
  const core = coreOptions(options);
  return typeof core === "string" ? optionError(core) : coreTranslate(input, core);
}

/** The core's options for `filesDir` given as a path or as files in memory; a string names what is wrong. */
function coreOptions(options: BrowserTranslateOptions): TranslateOptions | string {
  const { filesDir, ...rest } = options;
  if (filesDir === undefined) return rest;
  if (typeof filesDir === "string") return { ...rest, filesDir };
  if (!isMemoryFiles(filesDir)) return `invalid option filesDir: expected a path string, a Map or a plain object of files, got ${filesDir === null ? "null" : Array.isArray(filesDir) ? "an array" : typeof filesDir}`;
  try {
    return { ...rest, filesDir: ".", readFile: memoryFileSystem(filesDir) };
  } catch (e) {
    if (e instanceof MemoryFilesError) return `invalid option filesDir: ${e.message}`;
    throw e;
  }
}

/** A named option error, as translate() gives for its own options. */
function optionError(message: string): TranslateResult {
  return { ok: false, error: message, report: [{ severity: "error", path: "$", message, code: OUTCOME.invalidArguments.code }] };
}

export interface BrowserTranslateAsyncOptions extends Omit<TranslateAsyncOptions, "filesDir"> {
  /** As for translate(): a path string, or the files themselves in memory. */
  filesDir?: string | MemoryFiles;
}

/** translateAsync(): translate() with a reader that may return Promises (e.g. one that fetches files). */
export function translateAsync(input: string | Uint8Array, options: BrowserTranslateAsyncOptions = {}): Promise<TranslateResult> {
  if (options === null || typeof options !== "object" || Array.isArray(options)) return Promise.resolve(coreTranslate(input, options as TranslateOptions));
  const { filesDir, ...rest } = options;
  if (filesDir !== undefined && typeof filesDir !== "string") return Promise.resolve(translate(input, options as BrowserTranslateOptions));
  return translateAsyncWith(coreTranslate, input, filesDir === undefined ? rest : { ...rest, filesDir });
}

/** bundle() (docs/compose.md), with `filesDir` also accepting the files themselves. */
export function bundle(input: string | Uint8Array, options: BrowserTranslateOptions = {}): BundleResult {
  if (options === null || typeof options !== "object" || Array.isArray(options)) return coreBundle(input, options as TranslateOptions);
  const core = coreOptions(options);
  return typeof core === "string" ? optionError(core) : coreBundle(input, core);
}

/**
 * The password-hash module (yescrypt, bcrypt, SHA-crypt, GRUB PBKDF2). It is a separate
 * chunk, fetched on first use, so that pages that only translate stay small. Hashing
 * uses WebAssembly: under a Content-Security-Policy the page needs 'wasm-unsafe-eval'.
 */
export function loadHash(): Promise<typeof import("./hash/index")> {
  return import("./hash/index");
}

/** Hashes a password (default yescrypt), as `mkpasswd` would; loads the hash module on first use. */
export async function hashPassword(password: string | Uint8Array, options?: HashOptions): Promise<string> {
  return (await loadHash()).hashPassword(password, options);
}

/** Checks a password against a crypt(3) or GRUB hash; loads the hash module on first use. */
export async function verifyPassword(password: string | Uint8Array, hash: string, options?: CryptOptions): Promise<boolean> {
  return (await loadHash()).verifyPassword(password, hash, options);
}

/** crypt(3) with a setting or complete hash; loads the hash module on first use. */
export async function crypt(password: string | Uint8Array, setting: string, options?: CryptOptions): Promise<string> {
  return (await loadHash()).crypt(password, setting, options);
}
