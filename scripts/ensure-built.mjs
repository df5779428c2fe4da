#!/usr/bin/env node
// Builds dist/ when it is missing or older than what it is built from, so that the
// commands that run from dist/ (`npm start`, `npm run conformance`) work on a fresh
// clone: `npm install` does not build (a published `prepare` script would run in
// every consumer's install too).
import { existsSync, readdirSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** What the build writes: each must exist and be newer than every input. */
const OUTPUTS = ["dist/node.js", "dist/cli/butane.cjs", "dist/cli/ignition-validate.cjs", "dist/cli/mkpasswd.cjs", "dist/types/node.d.ts", "dist/browser/butane.js"];
const INPUTS = ["src", "scripts", "package.json", "tsconfig.json", "tsconfig.types.json"];

function newest(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(p)) t = Math.max(t, newest(join(p, e)));
  return t;
}

export function staleReason() {
  const missing = OUTPUTS.find((o) => !existsSync(join(root, o)));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...OUTPUTS.map((o) => statSync(join(root, o)).mtimeMs));
  const changed = INPUTS.find((i) => existsSync(join(root, i)) && newest(join(root, i)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const why = staleReason();
  if (why) {
    console.error(`building dist/ (${why})`);
    const r = spawnSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit", cwd: root });
    process.exit(r.status ?? 1);
  }
}
