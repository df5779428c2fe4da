// The package's Node entry: the platform-neutral API, plus default file access for
// `filesDir` backed by node:fs (confined to the files directory).

import { translate as coreTranslate, translateAsyncWith, type TranslateAsyncOptions, type TranslateOptions, type TranslateResult } from "./api/translate";
import { nodeFileSystem } from "./fs/node-fs";
// Variants shipped beyond the reference's (acos), registered through the public API.
import { registerShippedVariants } from "./variants-ext/register";

registerShippedVariants(); // a call, not a bare import: package.json marks modules side-effect free
import { bundle as coreBundle, type BundleOptions, type BundleResult } from "./compose/bundle";

export * from "./index";
export { nodeFileSystem } from "./fs/node-fs";
export { validateIgnition, type ValidateIgnitionOptions, type ValidateIgnitionResult } from "./ignition/index";
export { hashPassword, verifyPassword, crypt, HASH_METHODS, PasswordHashError, DEFAULT_COST_LIMITS, NO_COST_LIMITS, type HashMethod, type HashOptions, type CryptOptions, type CostLimits } from "./hash/index";

/** translate(), reading `filesDir` from disk unless a reader is given. */
export function translate(input: string | Uint8Array, options: TranslateOptions = {}): TranslateResult {
  // Anything but an options object is named by the core's argument check.
  if (options === null || typeof options !== "object" || Array.isArray(options)) return coreTranslate(input, options);
  const opts = { cwd: process.cwd(), ...options };
  if (opts.filesDir && !opts.readFile) opts.readFile = nodeFileSystem({ filesDir: opts.filesDir });
  return coreTranslate(input, opts);
}

/** translateAsync(): translate() with a reader that may return Promises (`fs.promises.readFile`); `filesDir` alone reads from disk as translate() does. */
export function translateAsync(input: string | Uint8Array, options: TranslateAsyncOptions = {}): Promise<TranslateResult> {
  return translateAsyncWith(translate, input, options);
}

/** bundle() (docs/compose.md), reading `filesDir` from disk unless a reader is given. */
export function bundle(input: string | Uint8Array, options: BundleOptions = {}): BundleResult {
  const opts = { cwd: process.cwd(), ...options };
  if (opts.filesDir && !opts.readFile) opts.readFile = nodeFileSystem({ filesDir: opts.filesDir });
  return coreBundle(input, opts);
}
