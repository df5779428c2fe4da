#!/usr/bin/env node
// Generates the Butane JSON Schemas from the variant registry (src/schemas/generate.ts):
//   schemas/butane/<variant>-<version>.json   one per registered variant version
//   schemas/butane.json                       dispatches on variant + version
//   schemas/ignition.json                     dispatches on ignition.version (for *.ign)
// Output is deterministic; rerun after adding or changing a variant version.
//
// Usage: node scripts/gen-butane-schemas.mjs [--check]
//   --check: write nothing; fail naming every file that differs from what would be
//            generated (or that is in schemas/butane/ but no longer generated).
import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Bundles src/schemas/generate.ts in memory and returns its module. */
export async function loadGenerator() {
  const r = await build({
    entryPoints: [join(root, "src/schemas/generate.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  const code = r.outputFiles[0].text;
  return import("data:text/javascript;base64," + Buffer.from(code).toString("base64"));
}

async function main() {
  const check = process.argv.includes("--check");
  const { generateButaneSchemas } = await loadGenerator();
  const { files, undocumented } = generateButaneSchemas();
  if (undocumented.length) {
    console.error(`gen-butane-schemas: fields without documentation in src/schemas/butane-fields.ts:\n  ${undocumented.join("\n  ")}`);
  }
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
  const dir = join(root, "schemas/butane");
  const extra = existsSync(dir) ? readdirSync(dir).map((f) => `schemas/butane/${f}`).filter((rel) => !files.has(rel)).sort() : [];
  if (check) {
    if (stale.length || extra.length) {
      const lines = [...stale.map((f) => `${f} (differs from the generator's output)`), ...extra.map((f) => `${f} (no longer generated)`)];
      console.error(`gen-butane-schemas: stale files; run node scripts/gen-butane-schemas.mjs\n  ${lines.join("\n  ")}`);
      process.exit(1);
    }
    return;
  }
  for (const rel of extra) rmSync(join(root, rel));
  if (stale.length || extra.length) console.log(`gen-butane-schemas: wrote ${stale.length} file(s), removed ${extra.length}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
