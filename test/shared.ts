// The reference material in ../shared beside this checkout (recorded conformance cases,
// Ignition's own schemas, password-hash vectors). Suites that need it skip without it,
// and each says so in one line: a run on a bare clone must not pass for a full one.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const SHARED_DIR = fileURLToPath(new URL("../../shared/", import.meta.url));

/**
 * Whether every path (relative to ../shared) exists. When one does not, prints one
 * `SKIPPED` line naming the suite and the missing material, and returns false.
 */
export function haveShared(suite: string, ...paths: string[]): boolean {
  const missing = paths.filter((p) => !existsSync(join(SHARED_DIR, p)));
  if (missing.length === 0) return true;
  console.log(
    `SKIPPED suite "${suite}": ${missing.map((p) => `../shared/${p}`).join(", ")} not found (reference material kept beside the checkout); it compared nothing`,
  );
  return false;
}
