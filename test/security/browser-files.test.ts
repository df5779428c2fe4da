// The browser entry's in-memory files directory under odd and hostile maps: every one
// is a named option error or a located diagnostic, never a throw; lookups in deep
// trees stay linear in the path length.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { memoryFileSystem, MemoryFilesError, translate } from "../../src/browser";
import { FUZZ_SEED } from "../fuzz/arbitraries";

const withLocal = (path: string) => `variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/x\n      contents:\n        local: ${JSON.stringify(path)}\n`;
const withTree = (path: string) => `variant: fcos\nversion: 1.5.0\nstorage:\n  trees:\n    - local: ${JSON.stringify(path)}\n`;

describe("odd files maps are option errors", () => {
  const cases: [string, unknown, RegExp][] = [
    ["a key that climbs out", { "../x": "a" }, /invalid option filesDir: memory files: key "..\/x" must be a relative path inside the files directory/],
    ["an absolute key", { "/abs": "a" }, /key "\/abs" must be a relative path/],
    ["a file that is also a directory prefix", { a: "1", "a/b": "2" }, /"a" is both a file and a directory/],
    ["a number value", { a: 42 }, /"a" has a value that is not bytes, text or an entry \(got number\)/],
    ["a null value", { a: null }, /"a" has a value that is not bytes, text or an entry \(got null\)/],
    ["an object value", { a: { size: 3 } }, /got an object without contents or symlink/],
    ["a non-string key", new Map<unknown, unknown>([[7, "x"]]), /keys must be path strings \(got number\)/],
    ["filesDir 42", 42, /invalid option filesDir: expected a path string, a Map or a plain object of files, got number/],
    ["filesDir null", null, /got null/],
    ["filesDir an array", ["a"], /got an array/],
  ];
  for (const [name, filesDir, message] of cases) {
    test(name, () => {
      const r = translate(withLocal("a"), { filesDir: filesDir as never });
      expect(r.error).toMatch(message);
      expect(r.report).toEqual([{ severity: "error", path: "$", message: r.error, code: "BUT004" }]);
    });
  }

  test("memoryFileSystem itself throws a MemoryFilesError, never a TypeError or RangeError", () => {
    expect(() => memoryFileSystem({ a: null as never })).toThrow(MemoryFilesError);
    expect(() => memoryFileSystem(5 as never)).toThrow(MemoryFilesError);
  });

  test("a 20,000-level key works (no recursion)", () => {
    const key = Array.from({ length: 20_000 }, () => "d").join("/") + "/f";
    const r = translate(withLocal(key), { filesDir: { [key]: "deep" } });
    expect(r.error).toBeUndefined();
    expect(r.output).toContain("data:,deep");
  });

  test("random maps: translate never throws and always explains a failure", () => {
    const value = fc.oneof(fc.string(), fc.constant(null), fc.integer(), fc.uint8Array({ maxLength: 4 }), fc.record({ symlink: fc.string() }), fc.record({ contents: fc.string() }), fc.record({ directory: fc.constant(true) }), fc.object({ maxDepth: 1 }));
    const key = fc.oneof(fc.string(), fc.constantFrom("a", "a/b", "../a", "/a", "a/", "./a", "a//b", "a/../b", ".", ""));
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), fc.constantFrom("a", "a/b", "b", "."), fc.boolean(), (files, local, tree) => {
        const r = translate(tree ? withTree(local) : withLocal(local), { filesDir: files as never });
        if (r.error !== undefined) expect(r.report.some((d) => d.severity === "error")).toBe(true);
        else expect(typeof r.output).toBe("string");
      }),
      { seed: FUZZ_SEED, numRuns: 1500 },
    );
  });
});

describe("deep trees in memory", () => {
  /** Translation time of a tree that is one chain of `depth` directories with a file at each level. */
  function treeTime(depth: number): number {
    const files: Record<string, string> = {};
    let dir = "t";
    for (let i = 0; i < depth; i++) {
      dir += "/d";
      files[dir + "/f"] = String(i);
    }
    const start = performance.now();
    const r = translate(withTree("t"), { filesDir: files });
    const ms = performance.now() - start;
    expect(r.error).toBeUndefined();
    expect(r.output!.match(/"path":"\/d/g)!.length).toBe(depth);
    return ms;
  }

  test("lookups cost the path's length: depth 400 is a small multiple of depth 100", () => {
    treeTime(50); // warm-up
    const t100 = Math.max(treeTime(100), 1);
    const t400 = treeTime(400);
    // The tree's output itself is quadratic in depth (every file names its whole path),
    // so 16x is the floor; cubic lookups took 25x here and 49 s for a 2 KB key.
    console.log(`in-memory tree: depth 100 ${t100.toFixed(1)} ms, depth 400 ${t400.toFixed(1)} ms (${(t400 / t100).toFixed(1)}x)`);
    expect(t400).toBeLessThan(1000);
  });

  test("a single 2 KB path resolves at once", () => {
    const key = Array.from({ length: 1024 }, () => "a").join("/");
    const start = performance.now();
    const r = translate(withLocal(key), { filesDir: { [key]: "x" } });
    expect(r.error).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
