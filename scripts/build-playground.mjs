#!/usr/bin/env node
// Builds the Butane playground (playground/ + src/ through src/browser.ts) into a static
// folder, playground-dist/ by default, that any static host can serve: index.html,
// app.js (+ lazily loaded chunks: password hashing), app.css, sw.js (offline cache).
// Nothing is fetched from elsewhere at run time.
//
// Also exports what scripts/build.mjs runs after the library's browser bundle
// (afterBrowserBuild: refuse Node built-ins, emit declarations, report sizes) and the
// size measurement that `npm run bench` reports (measureBundle).
//
//   node scripts/build-playground.mjs [--out DIR] [--quiet]
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { builtinModules } from "node:module";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** `import("butane:schema-table")`: the generated Butane schemas folded for completion and hover. */
const schemaTablePlugin = {
  name: "butane-schema-table",
  setup(b) {
    b.onResolve({ filter: /^butane:schema-table$/ }, () => ({ path: "schema-table", namespace: "butane" }));
    b.onLoad({ filter: /.*/, namespace: "butane" }, async () => {
      const { completionTable } = await import("./gen-butane-schemas.mjs");
      return { contents: JSON.stringify(completionTable()), loader: "json", watchFiles: [join(root, "schemas/butane.json")] };
    });
  },
};

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Node built-ins (and files of the Node-only entries) that a browser metafile pulls in. */
export function nodeOnlyImports(metafile) {
  const bad = [];
  for (const [file, input] of Object.entries(metafile.inputs)) {
    if (/^src\/(node\.ts|fs\/node-fs\.ts)$|^src\/cli\//.test(file)) bad.push(`${file} (Node-only source)`);
    for (const imp of input.imports ?? []) {
      if (imp.path.startsWith("node:") || BUILTINS.has(imp.path)) bad.push(`${file} imports ${imp.path}`);
    }
  }
  return bad;
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/**
 * Sizes of a split browser build from its metafile: the entry with the chunks it
 * imports statically ("core": what a page must load before translate() works) and the
 * chunks loaded on demand ("lazy").
 * @param {import("esbuild").Metafile} metafile
 * @param {string} entryOut
 * @param {(f: string) => Uint8Array | undefined} [readOutput]
 */
export function bundleSizes(metafile, entryOut, readOutput = (f) => readFileSync(join(root, f))) {
  const outputs = metafile.outputs;
  const core = new Set();
  const visit = (f) => {
    if (core.has(f)) return;
    core.add(f);
    for (const i of outputs[f]?.imports ?? []) if (i.kind === "import-statement") visit(i.path);
  };
  visit(entryOut);
  const size = (files) => {
    let bytes = 0, gzip = 0;
    for (const f of files) {
      const b = readOutput(f);
      if (b === undefined) throw new Error(`bundleSizes: ${f} is not among the build's outputs`);
      bytes += b.length;
      gzip += gz(b);
    }
    return { files: files.length, bytes, gzip };
  };
  const js = Object.keys(outputs).filter((f) => f.endsWith(".js"));
  return { core: size([...core]), lazy: size(js.filter((f) => !core.has(f))) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/**
 * The library's browser bundle, measured: unminified ("raw"), minified and gzip-9 sizes of
 * the core (compiler, all spec versions, precompiled validators) and of the lazy hash chunk.
 */
export async function measureBundle({ minify = true } = {}) {
  const sizes = {};
  for (const m of minify ? [false, true] : [false]) {
    const r = await build({
      entryPoints: [join(root, "src/browser.ts")],
      bundle: true, format: "esm", target: "es2022", platform: "browser", legalComments: "none",
      splitting: true, outdir: join(root, "dist/.measure"), entryNames: "butane", chunkNames: "chunks/[name]-[hash]",
      minify: m, write: false, metafile: true, logLevel: "warning", absWorkingDir: root,
    });
    const byPath = new Map(r.outputFiles.map((f) => [relative(root, f.path), f.contents]));
    sizes[m ? "min" : "raw"] = bundleSizes(r.metafile, "dist/.measure/butane.js", (f) => byPath.get(f));
  }
  const min = sizes.min ?? { core: {}, lazy: {} };
  return {
    core: { raw: sizes.raw.core.bytes, min: min.core.bytes, gzip: min.core.gzip },
    lazy: { raw: sizes.raw.lazy.bytes, min: min.lazy.bytes, gzip: min.lazy.gzip },
  };
}

export function describeSizes(s) {
  return (
    `core ${kb(s.core.raw)} raw, ${kb(s.core.min)} min, ${kb(s.core.gzip)} gzip (target < 150 KB gzip)` +
    `; password hashing, loaded on first use: ${kb(s.lazy.raw)} raw, ${kb(s.lazy.min)} min, ${kb(s.lazy.gzip)} gzip`
  );
}

/** Run by scripts/build.mjs after building dist/browser/butane.js. */
export async function afterBrowserBuild(outfile, metafile) {
  const bad = nodeOnlyImports(metafile);
  if (bad.length) {
    console.error(`browser bundle: Node-only code must not reach src/browser.ts:\n  ${bad.join("\n  ")}`);
    process.exit(1);
  }
  // Declarations for the browser entry, checked against the DOM library without Node's types.
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  const outDir = join(dirname(join(root, outfile)), "types");
  const r = spawnSync(process.execPath, [
    tsc, "--ignoreConfig", join(root, "src/browser.ts"),
    "--declaration", "--emitDeclarationOnly", "--outDir", outDir, "--rootDir", join(root, "src"),
    "--target", "es2022", "--module", "preserve", "--moduleResolution", "bundler", "--lib", "es2023,dom",
    "--types", "", "--strict", "--skipLibCheck", "--isolatedModules", "--verbatimModuleSyntax",
  ], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error("browser bundle: declarations failed (the browser entry must type-check without Node's types)");
    process.exit(r.status ?? 1);
  }
  const s = bundleSizes(metafile, outfile);
  const raw = await measureBundle({ minify: false });
  const sizes = { core: { raw: raw.core.raw, min: s.core.bytes, gzip: s.core.gzip }, lazy: { raw: raw.lazy.raw, min: s.lazy.bytes, gzip: s.lazy.gzip } };
  writeFileSync(join(root, "dist/browser.size.json"), JSON.stringify(sizes, null, 2) + "\n");
  if (!process.env.BUTANE_QUIET_BUILD) console.log(`browser bundle ${outfile}: ${describeSizes(sizes)}`);
}

function listFiles(dir, base = dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, base));
    else out.push(relative(base, p).split("\\").join("/"));
  }
  return out.sort();
}

/** Builds the playground into `outDir`; returns what it wrote and its sizes. */
export async function buildPlayground({ outDir = join(root, "playground-dist"), quiet = false } = {}) {
  const t0 = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  /** @type {import("esbuild").BuildOptions} */
  const common = {
    bundle: true, format: "esm", target: "es2022", platform: "browser", legalComments: "none",
    minify: true, sourcemap: true, logLevel: "warning", absWorkingDir: root, metafile: true,
  };
  const app = await build({
    ...common,
    entryPoints: { app: join(root, "playground/main.ts") },
    splitting: true, outdir: outDir, entryNames: "[name]", chunkNames: "chunks/[name]-[hash]",
    loader: { ".bu": "text" },
    plugins: [schemaTablePlugin],
  });
  const appMeta = /** @type {import("esbuild").Metafile} */ (app.metafile);
  const bad = nodeOnlyImports(appMeta);
  if (bad.length) throw new Error(`playground: Node-only code in the page:\n  ${bad.join("\n  ")}`);
  // The chunks app.js imports statically are announced in the page, so that the browser
  // fetches them alongside app.js instead of after parsing it.
  const appOut = relative(root, join(outDir, "app.js")).split("\\").join("/");
  const preload = (appMeta.outputs[appOut]?.imports ?? [])
    .filter((i) => i.kind === "import-statement")
    .map((i) => `  <link rel="modulepreload" href="${relative(outDir, join(root, i.path)).split("\\").join("/")}">\n`)
    .join("");
  const html = readFileSync(join(root, "playground/index.html"), "utf8");
  const script = '  <script type="module" src="app.js"></script>\n';
  if (!html.includes(script)) throw new Error("playground/index.html: the app.js script tag is missing");
  writeFileSync(join(outDir, "index.html"), html.replace(script, preload + script));
  copyFileSync(join(root, "playground/icon.svg"), join(outDir, "icon.svg"));

  // The service worker caches exactly the files of this build, under a name that changes
  // with their contents, so a new build replaces the old cache as a whole.
  const files = listFiles(outDir).filter((f) => !f.endsWith(".map"));
  const hash = createHash("sha256");
  for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)));
  const version = hash.digest("hex").slice(0, 16);
  await build({
    ...common,
    metafile: false,
    sourcemap: false,
    entryPoints: [join(root, "playground/sw.ts")],
    outfile: join(outDir, "sw.js"),
    define: { __PRECACHE__: JSON.stringify(["./", ...files]), __CACHE_VERSION__: JSON.stringify(version) },
  });

  const sizes = bundleSizes(appMeta, relative(root, join(outDir, "app.js")));
  const total = files.reduce((n, f) => n + statSync(join(outDir, f)).size, 0);
  const info = { outDir, files: [...files, "sw.js"], version, sizes, total, ms: performance.now() - t0 };
  writeFileSync(join(outDir, "build.json"), JSON.stringify({ version, sizes }, null, 2) + "\n");
  if (!quiet) {
    console.log(
      `playground → ${relative(process.cwd(), outDir) || "."}/ in ${info.ms.toFixed(0)} ms: ` +
        `page ${kb(sizes.core.bytes)} min, ${kb(sizes.core.gzip)} gzip (editor + compiler); ` +
        `hashing ${kb(sizes.lazy.bytes)} min, ${kb(sizes.lazy.gzip)} gzip, loaded on first use`,
    );
  }
  return info;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const o = args.indexOf("--out");
  const outDir = o >= 0 ? join(process.cwd(), args[o + 1]) : undefined;
  await buildPlayground({ ...(outDir ? { outDir } : {}), quiet: args.includes("--quiet") });
  if (args.includes("--sizes")) console.log(`browser library: ${describeSizes(await measureBundle())}`);
}
