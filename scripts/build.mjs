#!/usr/bin/env node
// Builds everything that runs from dist/: the CLI bundles (one file each, so that
// start-up reads one module), the Node library entry and the browser bundle.
// Steps that generate sources (precompiled validators) run first.
import { build } from "esbuild";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fixDeclarations } from "./declarations.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

// Generated sources (each step is skipped until its script exists).
for (const step of ["scripts/gen-validators.mjs", "scripts/gen-hash-wasm.mjs"]) {
  if (!existsSync(step)) continue;
  const r = spawnSync(process.execPath, [step], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Source maps are opt-in (BUTANE_SOURCEMAP=1): the package ships without them.
const sourcemap = process.env.BUTANE_SOURCEMAP === "1";
/** @type {import("esbuild").BuildOptions} */
const common = { bundle: true, format: "esm", target: "es2022", logLevel: "warning", legalComments: "none" };
const nodeBanner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };

/** @type {{ entry: string, out: string, platform: import("esbuild").Platform, minify?: boolean, sourcemap?: boolean, metafile?: boolean, cjs?: boolean, esbuild?: import("esbuild").BuildOptions }[]} */
const targets = [
  // CLIs: single-file CommonJS bundles for fast start (no ES module loader; bin/launch.js
  // runs them with V8's code cache).
  { entry: "src/cli/bin/butane.ts", out: "dist/cli/butane.cjs", platform: "node", minify: true, cjs: true },
  { entry: "src/cli/bin/mkpasswd.ts", out: "dist/cli/mkpasswd.cjs", platform: "node", minify: true, cjs: true },
  { entry: "src/cli/bin/ignition-validate.ts", out: "dist/cli/ignition-validate.cjs", platform: "node", minify: true, cjs: true },
  // The language server, with vscode-languageserver bundled in (so the package keeps no
  // runtime dependency for it).
  { entry: "src/lsp/main.ts", out: "dist/cli/butane-language-server.cjs", platform: "node", minify: true, cjs: true },
  // Password hashing for `butane` (acos password.prompt), loaded only when a config asks.
  { entry: "src/hash/index.ts", out: "dist/cli/hash.cjs", platform: "node", minify: true, cjs: true },
  // Library, Node flavour (adds a files-dir reader backed by node:fs).
  { entry: "src/node.ts", out: "dist/node.js", platform: "node", sourcemap },
  // Library, browser flavour: no Node built-ins allowed (platform "browser" makes any
  // `node:` import a build error). Hashing is a lazily imported chunk beside it.
  { entry: "src/browser.ts", out: "dist/browser/butane.js", platform: "browser", minify: true, sourcemap, metafile: true,
    esbuild: { splitting: true, outdir: "dist/browser", entryNames: "butane", chunkNames: "chunks/[name]-[hash]" } },
];

mkdirSync("dist", { recursive: true });
rmSync("dist/node.js.map", { force: true });
for (const t of targets) {
  if (!existsSync(t.entry)) continue;
  if (t.esbuild?.outdir) rmSync(t.esbuild.outdir, { recursive: true, force: true });
  const result = await build({
    ...common,
    entryPoints: [t.entry],
    ...(t.esbuild?.outdir ? {} : { outfile: t.out }),
    platform: t.platform,
    minify: !!t.minify,
    sourcemap: !!t.sourcemap,
    metafile: !!t.metafile,
    ...(t.cjs ? { format: "cjs" } : {}),
    banner: t.platform === "node" && !t.cjs ? nodeBanner : undefined,
    // Prefer packages' ES module builds on Node too (hash-wasm's default "main" is a
    // UMD bundle of every algorithm, which defeats tree shaking).
    ...(t.platform === "node" ? { mainFields: ["module", "main"] } : {}),
    ...t.esbuild,
  });
  if (t.metafile) writeFileSync(`dist/${t.platform}.meta.json`, JSON.stringify(result.metafile));
  if (t.platform === "browser") await import("./build-playground.mjs").then((m) => m.afterBrowserBuild(t.out, result.metafile));
}

// Code caches for the commands: one representative run of each (see bin/launch.js),
// made from scratch: V8 would accept an old cache for a new source of the same length.
const sampleIgnition = '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/etc/motd","mode":420}]}}';
for (const [bin, name, args, input] of /** @type {[string, string, string[], string][]} */ ([
  ["bin/butane.js", "butane", ["examples/acos.bu"], ""],
  ["bin/ignition-validate.js", "ignition-validate", [], sampleIgnition],
  ["bin/butane-mkpasswd.js", "mkpasswd", ["--method=yescrypt", "--stdin"], "password\n"],
])) {
  rmSync(`dist/cli/${name}.cjs.cache`, { force: true });
  spawnSync(process.execPath, [bin, ...args], { input, stdio: ["pipe", "ignore", "ignore"], env: { ...process.env, BUTANE_WRITE_CODE_CACHE: "1" } });
}

// Type declarations for the Node entry (the browser ones are written by the
// playground step above).
{
  rmSync("dist/types", { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.types.json"], { stdio: "inherit" });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
// Explicit `.js` specifiers in every declaration, so that they resolve under node16,
// nodenext, bundler and node10 alike (see scripts/declarations.mjs).
for (const dir of ["dist/types", "dist/browser/types"]) {
  if (!existsSync(dir)) continue;
  const problems = fixDeclarations(dir, "src");
  if (problems.length) {
    console.error(`declarations in ${dir}:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
}
