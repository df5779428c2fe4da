#!/usr/bin/env node
// Runs the recorded-reference conformance check when ../shared/conformance exists (it
// does on project machines and in CI). Every case must pass except those named in
// KNOWN_FAILURES, each with the reason it cannot; a listed case that passes again is
// an error too, so the list cannot go stale. `npm run conformance -- FLAGS` explores
// (check.mjs's own flags, no list).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

/** Case folders, relative to the cases folder, expected to fail: { case: reason }. */
const KNOWN_FAILURES = {};

const explore = process.argv.includes("--explore");
const args = process.argv.slice(2).filter((a) => a !== "--explore");
const check = "../shared/conformance/check.mjs";
if (!existsSync(check)) {
  console.log(`CONFORMANCE SKIPPED: ${check} not found (the recorded reference cases live in ../shared beside this checkout); nothing was compared`);
  process.exit(explore ? 1 : 0);
}
if (explore) {
  const r = spawnSync(process.execPath, [check, ...args], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const dir = mkdtempSync(join(tmpdir(), "butane-conformance-"));
const json = join(dir, "results.json");
const r = spawnSync(process.execPath, [check, "--json", json, ...args], { stdio: "inherit" });
if (!existsSync(json)) process.exit(r.status || 1);
const { results } = JSON.parse(readFileSync(json, "utf8"));
rmSync(dir, { recursive: true, force: true });
const casesDir = join(process.cwd(), "../shared/conformance/cases");
const failing = new Set(results.filter((x) => !x.pass).map((x) => relative(casesDir, x.case)));
const problems = [];
for (const c of failing) if (!(c in KNOWN_FAILURES)) problems.push(`fails and is not a known failure: ${c}`);
for (const c of Object.keys(KNOWN_FAILURES)) {
  if (results.some((x) => relative(casesDir, x.case) === c && x.pass)) problems.push(`passes but is listed in KNOWN_FAILURES: ${c}`);
}
if (problems.length > 0) {
  for (const p of problems) console.error(`conformance: ${p}`);
  process.exit(1);
}
console.log(`conformance: ${results.length - failing.size}/${results.length} pass; ${failing.size} known failures`);
