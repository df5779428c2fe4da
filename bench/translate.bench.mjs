// Translation speed, in process and as a command.
//  - in-process: every fcos input of the conformance set (or examples/ when that set
//    is absent), translated repeatedly after a warm-up; mean and p95 per config.
//  - CLI wall time on examples/acos.bu as a ratio to a bare `node -e 0`, both
//    measured here, interleaved, so machine load affects both alike.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lib = await import(pathToFileURL(join(root, "dist/node.js")).href);

function collectInputs() {
  const casesDir = join(root, "../shared/conformance/cases");
  const inputs = [];
  if (existsSync(casesDir)) {
    const walk = (d) => {
      if (existsSync(join(d, "input.bu"))) {
        const text = readFileSync(join(d, "input.bu"), "utf8");
        if (/^variant:\s*fcos\b/m.test(text)) {
          const args = existsSync(join(d, "args")) ? readFileSync(join(d, "args"), "utf8") : "";
          const filesDir = /(^|\s)(-d|--files-dir)[ =]?files/.test(args) ? join(d, "files") : undefined;
          inputs.push({ name: d, text, filesDir });
        }
        return;
      }
      for (const e of readdirSync(d, { withFileTypes: true })) if (e.isDirectory() && e.name !== "files") walk(join(d, e.name));
    };
    walk(casesDir);
  } else {
    for (const f of readdirSync(join(root, "examples"))) if (f.endsWith(".bu")) inputs.push({ name: f, text: readFileSync(join(root, "examples", f), "utf8") });
  }
  return inputs;
}

const inputs = collectInputs();
const opts = (i) => (i.filesDir ? { filesDir: i.filesDir } : {});
for (let r = 0; r < 3; r++) for (const i of inputs) lib.translate(i.text, opts(i));
const ROUNDS = 20;
const perConfig = [];
for (const i of inputs) {
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < ROUNDS; r++) lib.translate(i.text, opts(i));
  perConfig.push(Number(process.hrtime.bigint() - t0) / 1e6 / ROUNDS);
}
perConfig.sort((a, b) => a - b);
const meanMs = perConfig.reduce((a, b) => a + b, 0) / perConfig.length;
const p95 = perConfig[Math.min(perConfig.length - 1, Math.floor(perConfig.length * 0.95))];
console.log(`in-process translation over ${inputs.length} fcos configs (${ROUNDS} rounds each, after warm-up):`);
console.log(`  mean ${meanMs.toFixed(3)} ms/config, p95 ${p95.toFixed(3)} ms, max ${perConfig[perConfig.length - 1].toFixed(3)} ms  (target: mean < 0.8 ms)`);

// Each run is timed on the wall clock and, where GNU time is installed, by its CPU
// time (user + system), which other load on the machine disturbs much less.
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
function timed(args) {
  const t0 = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync(gnuTime, ["-f", "%U %S", process.execPath, ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" })
    : spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "ignore"] });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
  let cpuMs = NaN;
  if (gnuTime) {
    const [u, sys] = (String(r.stderr).trim().split("\n").pop() ?? "").split(" ").map(Number);
    cpuMs = (u + sys) * 1000;
  }
  return { wallMs, cpuMs };
}
const N = 21;
const bare = [], cli = [];
for (let k = 0; k < N; k++) {
  bare.push(timed(["-e", "0"]));
  cli.push(timed([join(root, "bin/butane.js"), join(root, "examples/acos.bu")]));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const mb = median(bare.map((x) => x.wallMs)), mc = median(cli.map((x) => x.wallMs));
console.log(`CLI start-up, ${N} runs each, interleaved:`);
console.log(`  wall (median): node -e 0 ${mb.toFixed(1)} ms; butane examples/acos.bu ${mc.toFixed(1)} ms; ratio ${(mc / mb).toFixed(2)}x  (target <= 1.4x)`);
if (gnuTime) {
  const cb = mean(bare.map((x) => x.cpuMs)), cc = mean(cli.map((x) => x.cpuMs));
  console.log(`  CPU (mean, 10 ms ticks): node -e 0 ${cb.toFixed(1)} ms; butane ${cc.toFixed(1)} ms; ratio ${(cc / cb).toFixed(2)}x`);
}
