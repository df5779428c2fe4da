// What every generator shares: the command line (`--check`, `--root DIR`) and how its
// in-memory output is written or compared with the committed files.
//
//   node scripts/gen-X.mjs                 write the files whose content changed
//   node scripts/gen-X.mjs --check         exit 1, naming each file, if a committed file
//                                          differs from what the generator produces now
//   node scripts/gen-X.mjs --check --root DIR
//                                          compare against the files under DIR instead of
//                                          this checkout (the inputs are still read from
//                                          this checkout); used by the staleness test
import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (generators read their inputs from here). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Imports TypeScript source of this repository (bundled in memory by esbuild), so that
 * a generator reads the very tables the code uses. `entry` is a path relative to the
 * root, or `{ contents, resolveDir }` for a few export lines of one's own.
 * @param {string | { contents: string, resolveDir: string }} entry
 * @returns {Promise<any>}
 */
export async function importTs(entry) {
  const where = typeof entry === "string" ? { entryPoints: [join(repoRoot, entry)] } : { stdin: { contents: entry.contents, resolveDir: join(repoRoot, entry.resolveDir), loader: /** @type {const} */ ("ts") } };
  const r = await build({ ...where, bundle: true, format: "esm", platform: "neutral", write: false, logLevel: "silent" });
  return import("data:text/javascript;base64," + Buffer.from(r.outputFiles[0].text).toString("base64"));
}

/**
 * Parses a generator's flags.
 * @param {string[]} argv
 * @returns {{ check: boolean, root: string }}
 */
export function genArgs(argv = process.argv.slice(2)) {
  const i = argv.indexOf("--root");
  const root = i >= 0 ? argv[i + 1] : undefined;
  if (i >= 0 && (root === undefined || root.startsWith("--"))) throw new Error("--root needs a directory");
  return { check: argv.includes("--check"), root: root === undefined ? repoRoot : resolve(root) };
}

/**
 * Writes the files whose content changed under `root`; returns the paths (relative to the
 * root) that differed. With `check`, writes nothing.
 * @param {Map<string, string>} files path relative to the root -> content
 * @param {{ check?: boolean, root?: string }} [opts]
 * @returns {string[]}
 */
export function writeFiles(files, { check = false, root = repoRoot } = {}) {
  const stale = [];
  for (const [rel, content] of files) {
    const p = join(root, rel);
    if (existsSync(p) && readFileSync(p, "utf8") === content) continue;
    stale.push(rel);
    if (!check) {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
  }
  return stale;
}

/**
 * Runs a generator's output through `writeFiles` and reports: with `--check`, every
 * stale file by name and exit status 1; otherwise the count of files written.
 * @param {string} name the generator, e.g. "gen-schemas"
 * @param {Map<string, string>} files
 * @param {{ check: boolean, root: string }} args
 */
export function finish(name, files, args) {
  const stale = writeFiles(files, args);
  if (args.check) {
    if (stale.length === 0) return;
    const where = args.root === repoRoot ? "" : ` (under ${args.root})`;
    console.error(`${name}: generated file(s) differ from what scripts/${name}.mjs produces${where}:`);
    for (const rel of stale) console.error(`  ${rel}${existsSync(join(args.root, rel)) ? "" : " (missing)"}`);
    console.error(`Do not edit generated files by hand: change the generator or its inputs, then run node scripts/${name}.mjs`);
    process.exitCode = 1;
  } else if (stale.length) {
    console.log(`${name}: wrote ${stale.join(", ")}`);
  }
}
