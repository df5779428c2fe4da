// How translation grows with the size of a config (see SECURITY.md): time and peak
// memory for 2,000 vs 20,000 files, and for a 5 MB vs a 50 MB inline file, with the
// ratios computed in this run. Each measurement runs in a fresh process; the time is
// of translate() alone, after a small warm-up translation in the same process, and
// "memory" is the peak RSS less the RSS just before translate() (with the document
// already built). Linear growth means a ratio near 10; the
// bar for files is 12x or less. Nothing here is asserted: it is reported.
//
//   node bench/scale.bench.mjs            (or: npm run bench -- scale)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), "..");

/** N files with inline contents, plus N/10 directories and N/10 links beside them. */
function filesConfig(n) {
  const out = ["variant: fcos", "version: 1.5.0", "storage:", "  files:"];
  for (let i = 0; i < n; i++) {
    out.push(`    - path: /etc/app/d${i % 100}/f${i}.conf`, "      mode: 0644", "      contents:", `        inline: "key${i} = value ${i}\\nenabled = ${i % 2 === 0}\\n"`);
  }
  out.push("  directories:");
  for (let i = 0; i < n / 10; i++) out.push(`    - path: /var/lib/app/d${i}`, "      mode: 0755");
  out.push("  links:");
  for (let i = 0; i < n / 10; i++) out.push(`    - path: /usr/local/bin/l${i}`, `      target: /opt/app/bin/t${i}`);
  return out.join("\n") + "\n";
}

/** One file whose inline contents are `mb` megabytes of log-like text (a literal block). */
function inlineConfig(mb) {
  let x = 12345;
  const rnd = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  const words = ["alpha", "beta", "gamma", "delta", "server", "config", "value", "enabled", "path", "/etc/x"];
  const lines = [];
  let size = 0;
  while (size < mb * 1e6) {
    const l = `${rnd() % 100000} ${words[rnd() % 10]}=${words[rnd() % 10]} ${rnd().toString(36)}`;
    lines.push("          " + l);
    size += l.length + 1;
  }
  return "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /var/big.log\n      contents:\n        inline: |\n" + lines.join("\n") + "\n";
}

if (process.env.SCALE_BENCH_CHILD) {
  // Child: read the document (built by the parent, so that building it leaves no
  // garbage here), warm up, translate once, report.
  const [kind, file] = process.env.SCALE_BENCH_CHILD.split(":");
  const lib = await import(pathToFileURL(join(root, "dist/node.js")).href);
  lib.translate(kind === "files" ? filesConfig(200) : inlineConfig(0.05));
  const text = readFileSync(file, "latin1");
  globalThis.gc?.();
  const baseMiB = process.memoryUsage().rss / 1048576;
  const t0 = process.hrtime.bigint();
  const r = lib.translate(text);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error !== undefined) throw new Error(`translation failed: ${r.error}`);
  process.stdout.write(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, baseMiB, inBytes: text.length, outBytes: r.output.length }));
} else {
  const dir = mkdtempSync(join(tmpdir(), "butane-scale-"));
  const docs = new Map();
  const docFor = (kind, size) => {
    const key = `${kind}-${size}`;
    if (!docs.has(key)) {
      const file = join(dir, `${key}.bu`);
      writeFileSync(file, kind === "files" ? filesConfig(size) : inlineConfig(size));
      docs.set(key, file);
    }
    return docs.get(key);
  };
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const measure = (kind, size) => {
    const r = spawnSync(process.execPath, ["--expose-gc", here], { env: { ...process.env, SCALE_BENCH_CHILD: `${kind}:${docFor(kind, size)}` }, encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`${kind} ${size}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const run = (label, kind, small, large, rounds) => {
    const a = [], b = [];
    for (let k = 0; k < rounds; k++) {
      a.push(measure(kind, small));
      b.push(measure(kind, large));
    }
    const ta = median(a.map((x) => x.ms)), tb = median(b.map((x) => x.ms));
    // Peak memory of the translation: peak RSS less the RSS just before it (the
    // process with the document built and the library warm).
    const ma = median(a.map((x) => x.rssMiB - x.baseMiB)), mb = median(b.map((x) => x.rssMiB - x.baseMiB));
    const mib = (n) => (n / 1048576).toFixed(1);
    console.log(`${label} (median of ${rounds}, interleaved):`);
    console.log(`  ${String(small).padStart(6)}: ${ta.toFixed(0).padStart(6)} ms, memory ${ma.toFixed(0)} MiB (input ${mib(a[0].inBytes)} MiB, output ${mib(a[0].outBytes)} MiB)`);
    console.log(`  ${String(large).padStart(6)}: ${tb.toFixed(0).padStart(6)} ms, memory ${mb.toFixed(0)} MiB (input ${mib(b[0].inBytes)} MiB, output ${mib(b[0].outBytes)} MiB)`);
    console.log(`  ratio: time ${(tb / ta).toFixed(1)}x, memory ${(mb / ma).toFixed(1)}x for ${large / small}x the size`);
    return tb / ta;
  };
  const files = run("files (N files with inline contents + N/10 directories + N/10 links)", "files", 2000, 20000, 3);
  console.log(`  => 20,000 files within 12x of 2,000: ${files <= 12 ? "yes" : "NO"}`);
  run("one inline file of N MB (log-like text; gzip wins)", "inline", 5, 50, 2);
}
