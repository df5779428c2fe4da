#!/usr/bin/env node
// Fails when a committed generated file differs from what its generator produces now
// (edited by hand, or a generator input changed without regenerating). `npm test` runs
// it before the build, because the build regenerates these files and would otherwise
// make the comparison trivially pass. Flags are passed on (`--root DIR`, see
// scripts/gen-files.mjs).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./gen-files.mjs";

/** Every generator of committed files. */
export const GENERATORS = ["gen-schemas", "gen-validators", "gen-hash-wasm", "gen-butane-schemas", "gen-time-zones"];

let failed = 0;
for (const name of GENERATORS) {
  const r = spawnSync(process.execPath, [join(repoRoot, "scripts", `${name}.mjs`), "--check", ...process.argv.slice(2)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
if (failed) process.exit(1);
console.log(`generated files: up to date (${GENERATORS.join(", ")})`);
