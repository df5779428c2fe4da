// Many inputs per run: 1,000 fcos conformance inputs through one
// `butane --out-dir DIR …` against one `butane -o FILE input` process per input (the
// Go-compatible form), both measured here, on the same files. The separate runs are
// sampled: BATCH_SEPARATE (default 100) invocations, scaled to 1,000; BATCH_SEPARATE=1000
// measures them all.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin/butane.js");
const TOTAL = 1000;
const SEPARATE = Math.min(TOTAL, Number(process.env.BATCH_SEPARATE ?? "100") || 100);

/** fcos inputs the reference translates without a files directory (what a CI job would feed). */
function collect() {
  const cases = join(root, "../shared/conformance/cases");
  const out = [];
  const walk = (d) => {
    if (existsSync(join(d, "input.bu"))) {
      const text = readFileSync(join(d, "input.bu"), "utf8");
      const args = existsSync(join(d, "args")) ? readFileSync(join(d, "args"), "utf8") : "";
      const code = existsSync(join(d, "expected.code")) ? readFileSync(join(d, "expected.code"), "utf8").trim() : "";
      if (/^variant:\s*fcos\b/m.test(text) && code === "0" && !/(^|\s)(-d|--files-dir)/.test(args)) out.push(text);
      return;
    }
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) if (e.isDirectory() && e.name !== "files") walk(join(d, e.name));
  };
  if (existsSync(cases)) walk(cases);
  else for (const f of readdirSync(join(root, "examples")).sort()) if (f.endsWith(".bu")) out.push(readFileSync(join(root, "examples", f), "utf8"));
  return out;
}

const sources = collect();
const work = mkdtempSync(join(tmpdir(), "butane-batch-bench-"));
const names = [];
for (let i = 0; i < TOTAL; i++) {
  const name = `c${String(i).padStart(4, "0")}.bu`;
  writeFileSync(join(work, name), sources[i % sources.length]);
  names.push(name);
}
mkdirSync(join(work, "batch"));
mkdirSync(join(work, "single"));

// Wall time, and where GNU time is installed the CPU time (user + system), which other
// load on this shared machine disturbs much less.
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
function run(args) {
  const t0 = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync(gnuTime, ["-f", "%U %S", process.execPath, ...args], { cwd: work, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" })
    : spawnSync(process.execPath, args, { cwd: work, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`butane ${args.slice(1, 4).join(" ")} … exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  let cpuMs = NaN;
  if (gnuTime) {
    const [u, sys] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
    cpuMs = (u + sys) * 1000;
  }
  return { wallMs, cpuMs };
}

try {
  // One warm-up of each form (V8's code cache, the file system cache).
  run([bin, "--out-dir", "batch", ...names.slice(0, 10)]);
  run([bin, "-o", "single/warm.ign", names[0]]);
  const batchRuns = [];
  let separateMs = 0, separateCpu = 0;
  // Interleaved, so that load on the machine affects both alike.
  const step = TOTAL / SEPARATE;
  for (let i = 0; i < SEPARATE; i++) {
    if (i % Math.ceil(SEPARATE / 3) === 0) batchRuns.push(run([bin, "--out-dir", "batch", ...names]));
    const name = names[Math.floor(i * step)];
    const r = run([bin, "-o", join("single", name.replace(/\.bu$/, ".ign")), name]);
    separateMs += r.wallMs;
    separateCpu += r.cpuMs;
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const batchMs = median(batchRuns.map((r) => r.wallMs));
  const batchCpu = median(batchRuns.map((r) => r.cpuMs));
  const separateTotal = (separateMs / SEPARATE) * TOTAL;
  const separateCpuTotal = (separateCpu / SEPARATE) * TOTAL;
  // The batch writes exactly what the separate runs write.
  for (const f of readdirSync(join(work, "single"))) {
    if (f === "warm.ign") continue;
    if (readFileSync(join(work, "single", f), "utf8") !== readFileSync(join(work, "batch", f), "utf8")) throw new Error(`batch output differs for ${f}`);
  }
  console.log(`${TOTAL} fcos conformance inputs (${sources.length} distinct, no files dir):`);
  const cpu = (ms) => (gnuTime ? `, ${ms.toFixed(0)} ms CPU` : "");
  console.log(`  one --out-dir run (median of ${batchRuns.length}): ${batchMs.toFixed(0)} ms wall${cpu(batchCpu)}; ${(batchMs / TOTAL).toFixed(2)} ms/config  (target < 3000 ms wall)`);
  console.log(
    `  separate runs, ${SEPARATE} measured${SEPARATE < TOTAL ? ` and scaled to ${TOTAL}` : ""}: ${separateTotal.toFixed(0)} ms wall${cpu(separateCpuTotal)} (${(separateMs / SEPARATE).toFixed(1)} ms each)`,
  );
  console.log(`  ratio: the batch is ${(separateTotal / batchMs).toFixed(1)}x faster (wall)${gnuTime ? `, ${(separateCpuTotal / batchCpu).toFixed(1)}x (CPU)` : ""}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
