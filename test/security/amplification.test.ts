// Output and memory stay linear with a small constant in the size of the input, even
// where one input value is repeated many times in generated content (mount units name
// their device four times, escaped twice).
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { unitNamePathEscape } from "../../src/butane/translate/sugar/mount-units";
import { FUZZ_SEED } from "../fuzz/arbitraries";

const root = join(__dirname, "../..");

/** systemd-escape --path as written in systemd and the reference: one character at a time. */
function naiveEscape(s: string): string {
  let out = "";
  let inSlashes = false;
  let start = true;
  for (const c of new TextEncoder().encode(s)) {
    if (c === 47) {
      inSlashes = true;
      continue;
    } else if (inSlashes) {
      inSlashes = false;
      if (!start) out += "-";
    }
    const ok = c === 58 || c === 95 || c === 46 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    out += (start && c === 46) || !ok ? "\\x" + c.toString(16) : String.fromCharCode(c);
    start = false;
  }
  return out === "" ? "-" : out;
}

/**
 * Peak resident memory (bytes) of a fresh process that translates the YAML `make`
 * builds (JavaScript source of an expression), less that of one that only builds it.
 */
function peakRssGrowth(make: string): number {
  const script = (work: boolean) => `
    const { translate } = await import(${JSON.stringify(join(root, "dist/node.js"))});
    const yaml = ${make};
    const r = ${work ? "translate(yaml)" : "{ report: [] }"};
    process.stdout.write(JSON.stringify({ rss: process.resourceUsage().maxRSS * 1024, n: r.report.length }));`;
  const run = (work: boolean) => {
    const p = spawnSync(process.execPath, ["--input-type=module", "-e", script(work)], { encoding: "utf8", maxBuffer: 1 << 20 });
    expect(p.status, p.stderr).toBe(0);
    return JSON.parse(p.stdout) as { rss: number; n: number };
  };
  const base = run(false);
  const work = run(true);
  expect(work.n).toBeGreaterThan(0); // the over-long unit line is reported
  return work.rss - base.rss;
}

describe("amplification", () => {
  test("systemd path escaping: the chunked version gives systemd's answer", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("/", "a", "-", ".", "é", "\\", " ", "Z", "9", ":", "_") }), (s) => {
        expect(unitNamePathEscape(s)).toBe(naiveEscape(s));
      }),
      { seed: FUZZ_SEED, numRuns: 2000 },
    );
    expect(unitNamePathEscape("")).toBe("-");
    expect(unitNamePathEscape("/")).toBe("-");
  });

  test("a mount unit from an 8 MB device and an 8 MB path costs under 10x the input in memory", () => {
    const n = 8_000_000;
    const make = `"variant: fcos\\nversion: 1.5.0\\nstorage:\\n  filesystems:\\n    - device: /dev/" + "a".repeat(${n}) + "\\n      path: /var/" + "b".repeat(${n}) + "\\n      format: xfs\\n      with_mount_unit: true\\n"`;
    // Before the escaping was chunked this took 38x (a rope node per escaped byte).
    const growth = peakRssGrowth(make);
    console.log(`mount unit amplification: ${(growth / (2 * n)).toFixed(1)}x the input in peak memory`);
    expect(growth).toBeLessThan(10 * 2 * n);
  });
});
