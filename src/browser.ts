// The package's browser entry (the `browser` condition of its exports): the
// platform-neutral API, a files directory held in memory, Ignition validation and,
// loaded on first use, password hashing. No Node built-ins anywhere in this graph;
// the build fails if one creeps in.

import { translate as coreTranslate, type TranslateOptions, type TranslateResult } from "./api/translate";
import { memoryFileSystem, isMemoryFiles, type MemoryFiles } from "./fs/memory-fs";
import type { HashOptions } from "./hash/index";

export * from "./index";
export { memoryFileSystem, type MemoryFiles, type MemoryEntry, type MemoryFileSystemOptions } from "./fs/memory-fs";
export { readPickedFiles, type PickedFile, type PickedFolder } from "./browser/file-list";
export { validateIgnition, type ValidateIgnitionOptions, type ValidateIgnitionResult } from "./ignition/index";
export type { HashMethod, HashMethodInfo, HashOptions } from "./hash/index";

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
  const { filesDir, ...rest } = options;
  if (filesDir !== undefined && typeof filesDir !== "string") {
    if (!isMemoryFiles(filesDir)) throw new TypeError("filesDir must be a path string, a Map or a plain object of files");
    return coreTranslate(input, { ...rest, filesDir: ".", readFile: memoryFileSystem(filesDir) });
  }
  return coreTranslate(input, filesDir === undefined ? rest : { ...rest, filesDir });
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
export async function verifyPassword(password: string | Uint8Array, hash: string): Promise<boolean> {
  return (await loadHash()).verifyPassword(password, hash);
}

/** crypt(3) with a setting or complete hash; loads the hash module on first use. */
export async function crypt(password: string | Uint8Array, setting: string): Promise<string> {
  return (await loadHash()).crypt(password, setting);
}
