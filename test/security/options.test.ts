// translate() on wrong arguments and misbehaving readers: a clear, named error (or a
// located file error) in `error` and `report`, never a throw and never "internal error".
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { translate } from "../../src/api/translate";

const LOCAL = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/x\n      contents:\n        local: x.txt\n";

describe("translate() arguments", () => {
  test("non-string input and wrongly typed options are named errors", () => {
    const cases: Array<[unknown, unknown, string]> = [
      [null, undefined, "invalid input: expected a string or Uint8Array, got null"],
      [42, undefined, "invalid input: expected a string or Uint8Array, got number"],
      ["variant: fcos", null, "invalid options: expected an object, got null"],
      ["variant: fcos", { filesDir: 42 }, "invalid option filesDir: expected a string, got number"],
      ["variant: fcos", { filesDir: {} }, "invalid option filesDir: expected a string, got an object"],
      ["variant: fcos", { readFile: {} }, "invalid option readFile: a file system object needs a readFile method"],
      ["variant: fcos", { readFile: 1 }, "invalid option readFile: expected a function or a file system object, got number"],
      ["variant: fcos", { pretty: "yes" }, "invalid option pretty: expected a boolean, got string"],
    ];
    for (const [input, options, message] of cases) {
      const r = (translate as (i: unknown, o: unknown) => ReturnType<typeof translate>)(input, options);
      expect(r.error).toBe(message);
      expect(r.report).toEqual([{ severity: "error", path: "$", message, code: "BUT004" }]);
      expect(r.output).toBeUndefined();
    }
  });

  test("a reader that throws ENOENT gives the CLI's located error", () => {
    const r = translate(LOCAL, { filesDir: "files", readFile: (p) => readFileSync(`/nonexistent-butane-dir/${p}`) });
    expect(r.output).toBeUndefined();
    const e = r.report.find((d) => d.severity === "error")!;
    expect(e.message).toBe("open files/x.txt: no such file or directory");
    expect([e.path, e.line, e.column]).toEqual(["$.storage.files.0.contents.local", 7, 16]);
  });

  test("an async reader given to the synchronous translate() is an error, never empty contents", () => {
    const r = translate(LOCAL, { filesDir: "files", readFile: (async () => "x") as unknown as () => string });
    expect(r.output).toBeUndefined();
    expect(r.report.find((d) => d.severity === "error")!.message).toMatch(/^open files\/x\.txt: the readFile option returned a Promise/);
  });

  test("a reader returning null or a number is a located error", () => {
    for (const v of [null, 42, {}]) {
      const r = translate(LOCAL, { filesDir: "files", readFile: () => v as unknown as string });
      expect(r.output).toBeUndefined();
      expect(r.report.find((d) => d.severity === "error")!.message).toMatch(/^open files\/x\.txt: the readFile option returned (null|number|an object), expected a string or Uint8Array$/);
    }
  });

  test("random option objects never throw and never give an internal error", () => {
    const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.object(), fc.constant(() => "x"), fc.constant(() => null), fc.constant(() => { throw new Error("boom"); }));
    const options = fc.record(
      { filesDir: value, strict: value, pretty: value, raw: value, noResourceAutoCompression: value, cwd: value, readFile: fc.oneof(value, fc.record({ readFile: value, stat: value, readDir: value })) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.constant(LOCAL), value), options, (input, opts) => {
        const r = (translate as (i: unknown, o: unknown) => ReturnType<typeof translate>)(input, opts);
        expect(r.error ?? "").not.toMatch(/internal error/);
        if (r.output === undefined) expect(r.report.some((d) => d.severity === "error") || r.error !== undefined).toBe(true);
      }),
      { seed: 20261204, numRuns: 400 },
    );
  });
});
