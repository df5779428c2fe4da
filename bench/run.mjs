#!/usr/bin/env node
// Runs every bench/*.bench.mjs in name order. Each file measures one area and prints
// its own table; ratios are always against a baseline measured in the same run.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
for (const f of readdirSync(here).filter((f) => f.endsWith(".bench.mjs")).sort()) {
  if (only && !f.includes(only)) continue;
  console.log(`\n## ${f.replace(/\.bench\.mjs$/, "")}`);
  await import(pathToFileURL(join(here, f)).href);
}
