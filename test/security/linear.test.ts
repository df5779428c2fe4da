// Checks that compare every entry with every other (as Ignition and yaml.v3 do) are
// computed here in (near) linear time; these tests hold the fast versions to the
// answers of the direct ones, on random inputs, and run sizes that would take minutes
// if anything were quadratic.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { firstOverlap } from "../../src/ignition/validate/semantics";
import { validateConfigSemantics } from "../../src/ignition/index";
import { IGNITION_SPECS } from "../../src/ignition/spec/index";
import { translate } from "../../src/api/translate";
import { FUZZ_SEED } from "../fuzz/arbitraries";
import { clean, isAbs, join } from "../../src/go/path";
import { M } from "../../src/ignition/validate/messages";

const spec = IGNITION_SPECS.find((s) => s.version === "3.4.0")!;

/** Ignition's partitionsOverlap as written: every pair, int64 arithmetic. */
function naiveOverlap(parts: Array<{ startMiB?: number | bigint | null; sizeMiB?: number | bigint | null }>): number {
  const ext = (p: (typeof parts)[number]) => {
    if (p.startMiB == null || p.sizeMiB == null || p.startMiB == 0) return null;
    const s = BigInt.asIntN(64, BigInt(p.startMiB)), z = BigInt.asIntN(64, BigInt(p.sizeMiB));
    return { s, e: z === 0n ? s : BigInt.asIntN(64, s + z - 1n) };
  };
  for (let j = 0; j < parts.length; j++) {
    const p = ext(parts[j]!);
    if (!p) continue;
    for (let i = 0; i < parts.length; i++) {
      const o = ext(parts[i]!);
      if (!o || i === j) continue;
      if ((p.s >= o.s && p.s <= o.e) || (p.e >= o.s && p.e <= o.e) || (p.s < o.s && p.e > o.e)) return i;
    }
  }
  return -1;
}

const intOrBig = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -5, max: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom<number | bigint | null>(null, 0, 9223372036854775807n, -9223372036854775808n, 2n ** 62n) },
);
const partition = fc.record({ startMiB: fc.option(intOrBig, { nil: undefined }), sizeMiB: fc.option(intOrBig, { nil: undefined }) });

describe("linear-time checks give the direct answers", () => {
  test("partitions overlap: small and large lists, negative and int64 sizes", () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(partition, { maxLength: 10 }), fc.array(partition, { minLength: 65, maxLength: 200 })), (parts) => {
        expect(firstOverlap(parts)).toBe(naiveOverlap(parts));
      }),
      { seed: FUZZ_SEED, numRuns: 600 },
    );
  });

  test("partitions overlap over 100,000 partitions", () => {
    const parts = Array.from({ length: 100_000 }, (_, i) => ({ startMiB: 1 + i * 10, sizeMiB: 10 }));
    expect(firstOverlap(parts)).toBe(-1);
    parts.push({ startMiB: 999_995, sizeMiB: 3 });
    expect(firstOverlap(parts)).toBe(100_000);
  });

  test("nodes under links and hard links to directories: the errors of the pairwise check, in order", () => {
    const paths = ["/a", "/a/b", "/a/b/c", "/x", "/x/", "/x//y", "", "/", "a", "/a/b/", "/ab"];
    const node = fc.record({ path: fc.constantFrom(...paths) });
    const link = fc.record({ path: fc.constantFrom(...paths), target: fc.constantFrom("/a", "b", "../x", "/x/", "/a/b"), hard: fc.boolean() });
    fc.assert(
      fc.property(fc.array(node, { maxLength: 6 }), fc.array(node, { maxLength: 6 }), fc.array(link, { maxLength: 6 }), (files, directories, links) => {
        const got = validateConfigSemantics({ ignition: { version: "3.4.0" }, storage: { files, directories, links } }, spec)
          .filter((e) => e.message.includes("includes link in config") || e.message === M.hardLinkToDirectory)
          .map((e) => `${e.path.join(".")}: ${e.message}`);
        // Ignition's storage Validate, pair by pair.
        const want: string[] = [];
        const prefixes = links.map((l) => l.path + "/");
        directories.forEach((d, i) => prefixes.forEach((pre) => d.path.startsWith(pre) && want.push(`storage.directories.${i}: ${M.directoryUsedSymlink}`)));
        files.forEach((f, i) => prefixes.forEach((pre) => f.path.startsWith(pre) && want.push(`storage.files.${i}: ${M.fileUsedSymlink}`)));
        links.forEach((l, i) => {
          prefixes.forEach((pre) => l.path.startsWith(pre) && want.push(`storage.links.${i}: ${M.linkUsedSymlink}`));
          if (!l.hard) return;
          let t = clean(l.target);
          if (!isAbs(t)) t = join(l.path, l.target);
          for (const d of directories) if (t === d.path) want.push(`storage.links.${i}: ${M.hardLinkToDirectory}`);
        });
        expect(got).toEqual(want);
      }),
      { seed: FUZZ_SEED, numRuns: 1000 },
    );
  });

  test("20,000 links, files and directories are checked against each other quickly", () => {
    const n = 20_000;
    const config = {
      ignition: { version: "3.4.0" },
      storage: {
        files: Array.from({ length: n }, (_, i) => ({ path: `/etc/f${i}` })),
        directories: Array.from({ length: n }, (_, i) => ({ path: `/var/d${i}` })),
        links: Array.from({ length: n }, (_, i) => ({ path: `/usr/l${i}`, target: `/var/d${i}`, hard: i % 2 === 0 })),
      },
    };
    const t0 = performance.now();
    const r = validateConfigSemantics(config, spec);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(r.filter((e) => e.message.includes("hard link")).length).toBe(n / 2);
  });

  test("a Butane config with 20,000 links translates", () => {
    let doc = "variant: fcos\nversion: 1.5.0\nstorage:\n  links:\n";
    for (let i = 0; i < 20_000; i++) doc += `    - path: /etc/l${i}\n      target: /x/${i}\n`;
    expect(translate(doc).error).toBeUndefined();
  });
});

describe("locating a fatal error", () => {
  test("walks the tree once, however deep its branches", () => {
    // 90 unknown branches 10,000 levels deep (900,000 nodes) after two type errors,
    // so that a walk from the end meets them first: copying a path per visited node
    // (as this once did) costs 90 x 10,000^2 / 2 element copies, past the test's timeout.
    const branch = "[".repeat(10_000) + "]".repeat(10_000);
    let doc = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /a\n      mode: abc\npasswd: 3\n";
    for (let i = 0; i < 90; i++) doc += `x${i}: ${branch}\n`;
    const timed = (text: string) => {
      const t0 = performance.now();
      const result = translate(text);
      return { result, ms: performance.now() - t0 };
    };
    // The same document without the errors is the baseline: parsing it is most of the work.
    const baseline = timed(doc.replace("mode: abc", "mode: 420").replace("passwd: 3", "passwd: {}"));
    expect(baseline.result.error).toBeUndefined();
    const { result: r, ms } = timed(doc);
    expect(r.report).toEqual([
      { severity: "error", path: "$.storage.files.0.mode", line: 6, column: 13, message: "cannot unmarshal !!str `abc` into int", code: "BUT103" },
      { severity: "error", path: "$.passwd", line: 7, column: 9, message: "cannot unmarshal !!int `3` into v0_5.Passwd", code: "BUT103" },
    ]);
    console.log(`located 2 errors beside 900,000 deep nodes in ${ms.toFixed(0)} ms (${baseline.ms.toFixed(0)} ms without them)`);
    expect(ms).toBeLessThan(3 * baseline.ms);
  });
});
