// The browser bundle (dist/browser/, built by scripts/build.mjs): no Node built-ins in
// its module graph, no eval, hashing split off into a lazily loaded chunk, the core
// under its size budget, declarations present, and the same results as the Node entry.
import { spawnSync } from "node:child_process";
import { builtinModules } from "node:module";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { translate as nodeTranslate } from "../../src/node";
import { verifyPassword } from "../../src/hash/index";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dist = join(root, "dist/browser");
const CORE_GZIP_BUDGET = 150 * 1024;

let meta: Metafile;

beforeAll(() => {
  // `npm test` builds first; a lone `vitest run` of this file builds if needed.
  if (!existsSync(join(root, "dist/browser.meta.json")) || !existsSync(join(dist, "butane.js"))) {
    const r = spawnSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  }
  meta = JSON.parse(readFileSync(join(root, "dist/browser.meta.json"), "utf8")) as Metafile;
}, 120_000);

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Output files statically reachable from the entry (what a page loads before translate() runs). */
function coreOutputs(m: Metafile): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of m.outputs[f]?.imports ?? []) if (i.kind === "import-statement") visit(i.path);
  };
  visit("dist/browser/butane.js");
  return [...seen];
}

describe("browser bundle", () => {
  it("pulls in no Node built-in and no Node-only source", () => {
    const inputs = Object.keys(meta.inputs);
    expect(inputs).toContain("src/browser.ts");
    expect(inputs).toContain("src/api/translate.ts");
    expect(inputs.some((f) => f.startsWith("src/ignition/"))).toBe(true);
    expect(inputs.some((f) => f.startsWith("src/hash/"))).toBe(true);
    const offending: string[] = [];
    for (const [file, input] of Object.entries(meta.inputs)) {
      if (/^src\/(node\.ts|fs\/node-fs\.ts)$|^src\/cli\//.test(file)) offending.push(file);
      for (const imp of input.imports) if (imp.path.startsWith("node:") || builtins.has(imp.path)) offending.push(`${file} → ${imp.path}`);
    }
    for (const out of Object.values(meta.outputs)) for (const imp of out.imports) if (imp.external) offending.push(`external ${imp.path}`);
    expect(offending).toEqual([]);
  });

  it("fails to build when something imports a Node built-in (platform browser)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "butane-bundle-"));
    try {
      const entry = join(dir, "entry.ts");
      writeFileSync(entry, `export * from ${JSON.stringify(join(root, "src/browser.ts"))};\nimport { readFileSync } from "node:fs";\nexport const x = readFileSync;\n`);
      await expect(
        build({ entryPoints: [entry], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" }),
      ).rejects.toThrow(/node:fs/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("needs no eval or Function constructor", () => {
    const files = ["butane.js", ...readdirSync(join(dist, "chunks")).filter((f) => f.endsWith(".js")).map((f) => `chunks/${f}`)];
    for (const f of files) {
      const js = readFileSync(join(dist, f), "utf8");
      expect(js, f).not.toMatch(/(?<![\w$.])eval\s*\(|new\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*["'`]/);
    }
  });

  it("keeps hashing in a chunk loaded on first use, and the core under 150 KB gzip", () => {
    const core = coreOutputs(meta);
    const coreInputs = core.flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
    expect(coreInputs.filter((f) => f.startsWith("src/hash/"))).toEqual([]);
    const lazy = Object.keys(meta.outputs).filter((f) => f.endsWith(".js") && !core.includes(f));
    expect(lazy.some((f) => Object.keys(meta.outputs[f]!.inputs).includes("src/hash/yescrypt.ts"))).toBe(true);
    const gzip = core.reduce((n, f) => n + gzipSync(readFileSync(join(root, f)), { level: 9 }).length, 0);
    expect(gzip).toBeLessThan(CORE_GZIP_BUDGET);
    // Every spec version's validator is in the core.
    expect(coreInputs.some((f) => f.includes("ignition/generated/validators"))).toBe(true);
  });

  it("ships declarations, and no source map unless asked for (BUTANE_SOURCEMAP=1)", () => {
    expect(readFileSync(join(dist, "butane.js"), "utf8")).not.toMatch(/sourceMappingURL/);
    expect(existsSync(join(dist, "butane.js.map"))).toBe(false);
    const dts = readFileSync(join(dist, "types/browser.d.ts"), "utf8");
    expect(dts).toMatch(/export declare function translate\(/);
    expect(dts).toMatch(/memoryFileSystem/);
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.exports["."].browser).toEqual({ types: "./dist/browser/types/browser.d.ts", default: "./dist/browser/butane.js" });
  });

  it("translates, validates and hashes like the Node entry (loaded as a module, no Node APIs used)", async () => {
    const lib = await import(pathToFileURL(join(dist, "butane.js")).href);
    for (const f of readdirSync(join(root, "examples")).filter((f) => f.endsWith(".bu"))) {
      const text = readFileSync(join(root, "examples", f), "utf8");
      expect(lib.translate(text, { pretty: true }), f).toEqual(nodeTranslate(text, { pretty: true }));
    }
    const v = lib.validateIgnition('{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"x"}]}}');
    expect(v.valid).toBe(false);
    expect(v.report[0]).toMatchObject({ path: "$.storage.files.0.path", line: 1 });
    const hash: string = await lib.hashPassword("secret", { method: "yescrypt" });
    expect(await verifyPassword("secret", hash)).toBe(true);
    expect(await lib.verifyPassword("secret", hash)).toBe(true);
    expect(lib.listVariants().some((x: { variant: string; version: string }) => x.variant === "fcos" && x.version === "1.5.0")).toBe(true);
  });
});
