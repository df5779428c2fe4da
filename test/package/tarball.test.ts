// What `npm publish` would ship: the files, the manifest, and the dependencies, which
// must be exactly the packages the shipped code imports at run time (none today: the
// bundles carry everything). No source maps, no code caches, no install-time scripts.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, posix } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { pack, removeTemporary, temporary, type Packed } from "./packed";

let packed: Packed;
let unpacked: string;
let manifest: {
  dependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  engines?: { node?: string };
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  main: string;
  types: string;
  license: string;
  sideEffects?: unknown;
  keywords?: string[];
};
let paths: Set<string>;

beforeAll(() => {
  packed = pack();
  unpacked = temporary("butane-ts-unpacked-");
  const r = spawnSync("tar", ["-xzf", packed.tarball, "-C", unpacked]);
  if (r.status !== 0) throw new Error(`tar: ${r.stderr}`);
  unpacked = join(unpacked, "package");
  manifest = JSON.parse(readFileSync(join(unpacked, "package.json"), "utf8"));
  paths = new Set(packed.files.map((f) => f.path));
  console.log(`tarball: ${(packed.size / 1024).toFixed(1)} KB, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked, ${packed.files.length} files`);
}, 120_000);
afterAll(removeTemporary);

const BUILTIN = new Set(builtinModules);
const isBuiltin = (s: string) => s.startsWith("node:") || BUILTIN.has(s.split("/")[0]!);
const packageName = (s: string) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!);

test("dependencies are exactly the packages the shipped code imports", () => {
  const imported = new Set<string>();
  const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;
  for (const p of paths) {
    if (!/\.(c|m)?js$/.test(p)) continue;
    for (const m of readFileSync(join(unpacked, p), "utf8").matchAll(SPEC)) {
      const spec = m[1]!;
      if (spec.startsWith(".") || spec.startsWith("/") || isBuiltin(spec)) continue;
      imported.add(packageName(spec));
    }
  }
  expect([...imported].sort()).toEqual(Object.keys(manifest.dependencies ?? {}).sort());
});

test("no source maps, code caches, build metadata or tests; the legal and project files are there", () => {
  const unwanted = [...paths].filter((p) => /\.map$|\.cache$|meta\.json$|size\.json$|^src\/|^test\/|\.tgz$/.test(p));
  expect(unwanted).toEqual([]);
  for (const f of ["LICENSE", "README.md", "CHANGELOG.md", "SECURITY.md", "package.json", "dist/node.js", "dist/types/node.d.ts", "dist/types/ignition/generated/validators.d.ts", "dist/browser/butane.js", "dist/browser/types/browser.d.ts"]) {
    expect(paths.has(f), f).toBe(true);
  }
  expect(readFileSync(join(unpacked, "LICENSE"), "utf8")).toMatch(/Apache License\s+Version 2\.0, January 2004/);
  expect(manifest.license).toBe("Apache-2.0");
  expect(packed.size).toBeLessThan(1024 * 1024);
});

test("no script runs in a consumer's install; engines as tested", () => {
  for (const s of ["preinstall", "install", "postinstall", "prepare"]) expect(manifest.scripts?.[s], s).toBeUndefined();
  expect(manifest.engines?.node).toBe(">=20.19");
  // Nothing shipped has side effects on import (the patterns name only the playground, which is not shipped).
  expect(manifest.sideEffects).toEqual(["*.css", "./playground/**"]);
  expect(manifest.keywords).toEqual(expect.arrayContaining(["butane", "ignition"]));
});

test("every file the manifest names is shipped", () => {
  const targets: string[] = [manifest.main, manifest.types, ...Object.values(manifest.bin)];
  const walk = (v: unknown): void => {
    if (typeof v === "string") targets.push(v);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(manifest.exports);
  for (const t of targets) expect(paths.has(posix.normalize(t)), t).toBe(true);
  for (const launcher of Object.values(manifest.bin)) {
    const name = /launch\.js"\)\("([^"]+)"\)/.exec(readFileSync(join(unpacked, launcher), "utf8"))?.[1];
    expect(paths.has(`dist/cli/${name}.cjs`), launcher).toBe(true);
  }
});

test("every relative import of a shipped declaration file names a shipped declaration file", () => {
  const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']*)["']/g;
  const problems: string[] = [];
  for (const p of paths) {
    if (!p.endsWith(".d.ts")) continue;
    for (const m of readFileSync(join(unpacked, p), "utf8").matchAll(SPEC)) {
      const target = posix.join(posix.dirname(p), m[1]!).replace(/\.js$/, ".d.ts");
      if (!m[1]!.endsWith(".js") || !paths.has(target)) problems.push(`${p}: ${m[1]}`);
    }
  }
  expect(problems).toEqual([]);
  expect(existsSync(join(dirname(unpacked), "package"))).toBe(true);
});
