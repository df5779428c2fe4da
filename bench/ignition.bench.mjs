// Ignition validation: start-up and per-document cost.
//
// Start-up: a fresh `node` process running a one-file program (bundled here with esbuild
// from src/ignition, minified, as the ignition-validate CLI is) that validates one config,
// against a bare `node -e 0` timed in the same run, interleaved. The program is timed as
// an ES module and as CommonJS (Node's ES module loader alone costs a few ms).
//
// Per document: every Ignition config the reference butane produced in the conformance
// recordings (../shared/conformance; skipped when absent) through
//   semantics+dups   validateConfigSemantics + validateDuplicates on the object (what the
//                    translator calls on each generated config)
//   schema           the precompiled schema validator alone
//   validateIgnition the full check of the JSON text (parse, schema, semantics, positions)
//
//   node bench/run.mjs ignition     (IGNITION_BENCH_RUNS=N: start-up sample size)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { parse as parseYaml } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.IGNITION_BENCH_RUNS ?? 31);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const dir = mkdtempSync(join(tmpdir(), "ignition-bench-"));
try {
  const entry = join(root, "src/ignition/index.ts");
  /** @type {import("esbuild").BuildOptions} */
  const common = { bundle: true, platform: "neutral", target: "es2022", minify: true, logLevel: "warning" };
  // The library, for the in-process measurements below.
  await build({ ...common, entryPoints: [entry], format: "esm", outfile: join(dir, "ignition.mjs") });

  // ---- Start-up ----
  // One single-file program (like the ignition-validate CLI bundle): import the library,
  // validate one config.
  const doc = JSON.stringify({ ignition: { version: "3.4.0" }, storage: { files: [{ path: "/etc/motd", contents: { source: "data:,hello" }, mode: 420 }] } });
  // Each process reports the CPU time it used (user + system, all threads): unlike wall
  // time, that hardly depends on what else the machine is doing.
  const report = `process.stdout.write(String(process.cpuUsage().user + process.cpuUsage().system));`;
  const program = `import { validateIgnition } from ${JSON.stringify(entry)};\nif (!validateIgnition(${JSON.stringify(doc)}).valid) throw new Error("invalid");\n${report}\n`;
  await build({ ...common, stdin: { contents: program, resolveDir: root, loader: "ts" }, format: "esm", outfile: join(dir, "esm.mjs") });
  await build({ ...common, stdin: { contents: program, resolveDir: root, loader: "ts" }, format: "cjs", outfile: join(dir, "cjs.cjs") });
  const time = (args) => {
    const t = performance.now();
    const out = execFileSync(process.execPath, args, { cwd: dir, encoding: "utf8" });
    return { wall: performance.now() - t, cpu: Number(out) / 1000 };
  };
  /** @type {Record<"base" | "esm" | "cjs", { wall: number, cpu: number }[]>} */
  const samples = { base: [], esm: [], cjs: [] };
  const baseArgs = ["-e", report];
  for (let i = 0; i < 3; i++) time(baseArgs);
  for (let i = 0; i < RUNS; i++) {
    samples.base.push(time(baseArgs));
    samples.esm.push(time(["esm.mjs"]));
    samples.cjs.push(time(["cjs.cjs"]));
  }
  const med = (k, f) => median(samples[k].map((x) => x[f]));
  console.log(`start-up (median of ${RUNS} fresh processes; load + first validateIgnition)`);
  console.log(`                               wall time           CPU time (user+sys)`);
  const row = (label, k) => {
    const w = med(k, "wall");
    const c = med(k, "cpu");
    const dw = k === "base" ? "" : `(+${fmt(w - med("base", "wall"))})`;
    const dc = k === "base" ? "" : `(+${fmt(c - med("base", "cpu"))})`;
    console.log(`  ${label.padEnd(27)}  ${fmt(w).padStart(9)} ${dw.padEnd(10)}  ${fmt(c).padStart(9)} ${dc}`);
  };
  row("node -e 0", "base");
  row("ES module program", "esm");
  row("CommonJS program", "cjs");

  // In-process: import and first call, without process start-up.
  const t0 = performance.now();
  const m = await import(pathToFileURL(join(dir, "ignition.mjs")).href);
  const t1 = performance.now();
  m.validateIgnition(doc);
  const t2 = performance.now();
  console.log(`  in this process: import ${fmt(t1 - t0)}, first validation ${fmt(t2 - t1)}`);

  // ---- Per document ----
  const cases = join(root, "../shared/conformance/cases");
  if (!existsSync(cases)) {
    console.log("per-document: ../shared/conformance not found; skipped");
  } else {
    const docs = [];
    for (const group of readdirSync(cases)) {
      if (!statSync(join(cases, group)).isDirectory()) continue;
      for (const name of readdirSync(join(cases, group))) {
        const d = join(cases, group, name);
        if (!existsSync(join(d, "expected.out")) || readFileSync(join(d, "expected.code"), "utf8").trim() !== "0") continue;
        const text = readFileSync(join(d, "expected.out"), "utf8");
        if (!text.trim()) continue;
        const config = text.trimStart().startsWith("{") ? JSON.parse(text) : parseYaml(text)?.spec?.config;
        const spec = config && m.getIgnitionSpec(config.ignition?.version);
        if (spec) docs.push({ config, json: JSON.stringify(config), spec });
      }
    }
    const measure = (label, fn) => {
      for (let w = 0; w < 3; w++) for (const d of docs) fn(d); // warm up
      const per = [];
      const rounds = 20;
      for (let r = 0; r < rounds; r++) {
        const t = performance.now();
        for (const d of docs) fn(d);
        per.push(((performance.now() - t) / docs.length) * 1000);
      }
      console.log(`  ${label.padEnd(28)} ${median(per).toFixed(1)} µs/doc`);
    };
    const bytes = docs.reduce((n, d) => n + d.json.length, 0) / docs.length;
    console.log(`per document (${docs.length} conformance outputs, mean ${bytes.toFixed(0)} bytes of JSON; median of 20 rounds)`);
    measure("semantics+dups", (d) => {
      m.validateConfigSemantics(d.config, d.spec);
      m.validateDuplicates(d.config, d.spec);
    });
    measure("schema", (d) => m.schemaValidator(d.spec)(d.config));
    measure("validateIgnition (text)", (d) => m.validateIgnition(d.json));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
