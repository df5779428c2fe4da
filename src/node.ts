// The package's Node entry: the platform-neutral API, plus default file access for
// `filesDir` backed by node:fs (confined to the files directory).

import { translate as coreTranslate, type TranslateOptions, type TranslateResult } from "./api/translate";
import { nodeFileSystem } from "./fs/node-fs";

export * from "./index";
export { nodeFileSystem } from "./fs/node-fs";
export { validateIgnition, type ValidateIgnitionOptions, type ValidateIgnitionResult } from "./ignition/index";
export { hashPassword, verifyPassword, crypt, HASH_METHODS, PasswordHashError, type HashMethod, type HashOptions } from "./hash/index";

/** translate(), reading `filesDir` from disk unless a reader is given. */
export function translate(input: string | Uint8Array, options: TranslateOptions = {}): TranslateResult {
  const opts = { cwd: process.cwd(), ...options };
  if (opts.filesDir && !opts.readFile) opts.readFile = nodeFileSystem({ filesDir: opts.filesDir });
  return coreTranslate(input, opts);
}
