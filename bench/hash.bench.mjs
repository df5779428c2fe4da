// Password hashing: our implementation (src/hash, bundled here with esbuild exactly as a
// consumer's bundler would) against libxcrypt's C (through perl's crypt(), timed in a
// loop inside perl) and against bcryptjs, all in the same run. Prints medians and ratios,
// then the memory the process gained.
//
//   node bench/run.mjs hash         (HASH_BENCH_RUNS=N to change the sample size)
import { spawnSync } from "node:child_process";
import { pbkdf2Sync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import bcryptjs from "bcryptjs";
import v8 from "node:v8";
import vm from "node:vm";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.HASH_BENCH_RUNS ?? 21);

const dir = mkdtempSync(join(tmpdir(), "hash-bench-"));
const outfile = join(dir, "hash.mjs");
await build({
  entryPoints: [join(root, "src/hash/index.ts")],
  outfile,
  bundle: true,
  format: "esm",
  platform: "neutral",
  mainFields: ["module", "main"],
  target: "es2022",
  logLevel: "warning",
});
const { crypt } = await import(pathToFileURL(outfile).href);
rmSync(dir, { recursive: true, force: true });

const PW = "correct horse battery staple";
const cases = [
  { name: "yescrypt $y$j9T$ (default, 16 MiB)", setting: "$y$j9T$Z7H1fP.wumMakky5LwNc..", c: true },
  { name: "bcrypt cost 10", setting: "$2b$10$Yy3KM24oI0hbsHBynBgATu", c: true, bcryptjs: true },
  { name: "sha512crypt 5000 rounds", setting: "$6$de.v0sLrI2AFGIEd", c: true },
  { name: "GRUB pbkdf2 10000 iterations", setting: "grub.pbkdf2.sha512.10000." + "A5".repeat(64), openssl: true },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};
async function timeOurs(setting, runs) {
  await crypt(PW, setting); // warm (caches, tier-up), as the perl loop warms up
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await crypt(PW, setting);
    ts.push(performance.now() - t);
  }
  return ts;
}

// libxcrypt through perl: one warm-up call, then `runs` timed calls inside perl.
const PERL = String.raw`
use Time::HiRes qw(time);
my ($pw, $setting, $runs) = @ARGV;
my $h = crypt($pw, $setting);
print "HASH $h\n";
for (1..$runs) { my $t = time; crypt($pw, $setting); printf "%.6f\n", (time - $t) * 1000; }
`;
function timeC(setting, runs, expected) {
  const r = spawnSync("perl", ["-e", PERL, PW, setting, String(runs)], { encoding: "utf8" });
  if (r.status !== 0) return null;
  const lines = r.stdout.trim().split("\n");
  const hash = (lines.shift() ?? "").slice(5);
  if (hash !== expected) return { error: `perl crypt gave ${hash.slice(0, 20)}… (no libxcrypt ${setting.slice(0, 4)} support?)` };
  return { ts: lines.map(Number) };
}

function timeBcryptjs(setting, runs) {
  bcryptjs.hashSync(PW, setting);
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    bcryptjs.hashSync(PW, setting);
    ts.push(performance.now() - t);
  }
  return ts;
}

// Memory: WebAssembly memories are not in memoryUsage().arrayBuffers, so RSS is what
// shows them; a forced GC (v8 flag, Node-only) makes "freed" observable.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");
gc();
const rss0 = process.memoryUsage.rss();
const ab0 = process.memoryUsage().arrayBuffers;
const rssAfter = {};
const rows = [];
// Samples are taken in small interleaved batches (ours, C, bcryptjs, ours, C, ...) so
// that load from other processes falls on all implementations alike.
const BATCH = 3;
for (const k of cases) {
  const runs = k.name.startsWith("bcrypt") ? Math.max(5, Math.ceil(RUNS / 2)) : RUNS;
  const expected = await crypt(PW, k.setting);
  if (k.bcryptjs && bcryptjs.hashSync(PW, k.setting) !== expected) throw new Error("bcryptjs disagrees with us");
  /** @type {{ ours: number[], c: number[], bcryptjs: number[] }} */
  const ts = { ours: [], c: [], bcryptjs: [] };
  let note;
  const salt = Buffer.from("A5".repeat(64), "hex");
  for (let done = 0; done < runs; done += BATCH) {
    const n = Math.min(BATCH, runs - done);
    ts.ours.push(...(await timeOurs(k.setting, n)));
    if (k.c && !note) {
      const c = timeC(k.setting, n, expected);
      if (c?.ts) ts.c.push(...c.ts);
      else note = c?.error ?? "perl not available";
    }
    if (k.openssl) {
      // no libxcrypt for GRUB: OpenSSL's PBKDF2 through node:crypto is the native reference
      pbkdf2Sync(PW, salt, 10000, 64, "sha512");
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        pbkdf2Sync(PW, salt, 10000, 64, "sha512");
        ts.c.push(performance.now() - t);
      }
      note = "(native column: OpenSSL PBKDF2 via node:crypto)";
    }
    if (k.bcryptjs) ts.bcryptjs.push(...timeBcryptjs(k.setting, n));
  }
  gc();
  rssAfter[k.name] = process.memoryUsage.rss();
  const stat = (xs) => (xs.length ? { median: median(xs), min: Math.min(...xs) } : undefined);
  rows.push({ name: k.name, runs, ours: stat(ts.ours), c: stat(ts.c), bcryptjs: stat(ts.bcryptjs), note });
}

const ms = (x) => (x === undefined ? "—" : `${x.median.toFixed(2)} (${x.min.toFixed(2)})`);
const ratio = (a, b) => (a === undefined || b === undefined ? "—" : (a.median / b.median).toFixed(2) + "x");
console.log(`ms: median (min) of N runs; C = libxcrypt via perl crypt(); load average ${(await import("node:os")).loadavg()[0].toFixed(2)}`);
console.log("| scheme | N | ours | libxcrypt C | ours / C | bcryptjs | ours / bcryptjs |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(`| ${r.name} | ${r.runs} | ${ms(r.ours)} | ${ms(r.c)} | ${ratio(r.ours, r.c)} | ${ms(r.bcryptjs)} | ${ratio(r.ours, r.bcryptjs)} |${r.note ? " " + r.note : ""}`);
}

const mib = (b) => (b / 2 ** 20).toFixed(1) + " MiB";
const yes = cases[0].name;
console.log(`process RSS growth (after GC): ${mib(rssAfter[yes] - rss0)} after the yescrypt runs (one 16 MiB instance is kept for reuse), ` +
  `${mib(process.memoryUsage.rss() - rss0)} at the end of the timed runs; arrayBuffers ${mib(process.memoryUsage().arrayBuffers - ab0)}`);
const before8 = process.memoryUsage.rss();
let peak = before8;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
await crypt(PW, "$y$jCT$ZvyLpE49x7Otlt6aI7tmm1"); // count 8: 128 MiB
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());
// V8 unmaps a collected WebAssembly memory from a background thread: give it a moment.
for (let i = 0; i < 20 && process.memoryUsage.rss() - before8 > 16 * 2 ** 20; i++) {
  gc();
  await new Promise((r) => setTimeout(r, 25));
}
console.log(`one $y$jCT$ (128 MiB) hash: RSS +${mib(peak - before8)} at its peak, +${mib(process.memoryUsage.rss() - before8)} after GC (memories above 32 MiB are not kept)`);
