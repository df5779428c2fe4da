// The reference material in ../shared beside this checkout (recorded conformance cases,
// Ignition's own schemas, password-hash vectors). Suites that need it skip without it,
// and each says so in one line: a run on a bare clone must not pass for a full one.
import { existsSync, readdirSync, statSync } from "node:fs";
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

/** The recorded conformance cases: one folder per case, grouped (fcos/…, errors/…). */
export const CONFORMANCE_CASES = join(SHARED_DIR, "conformance/cases");

/**
 * Every case folder (one holding an `input.bu`) under `root`, in name order, group by
 * group; none when `root` does not exist. A case's own `files/` is not searched.
 */
export function caseDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!statSync(dir).isDirectory()) continue;
    if (existsSync(join(dir, "input.bu"))) out.push(dir);
    else out.push(...caseDirs(dir));
  }
  return out;
}
