// validateIgnition and embedded Ignition configs on hostile JSON: nesting up to Go's
// limit (10000 levels) is read without exhausting the JS stack, beyond it is Go's
// error; objects given directly may be deep or contain themselves.
import { describe, expect, test } from "vitest";
import { validateIgnition } from "../../src/ignition/index";
import { translate } from "../../src/api/translate";

const arr = (d: number) => "[".repeat(d) + "]".repeat(d);
const obj = (d: number) => '{"a":'.repeat(d) + "1" + "}".repeat(d);
const wrap = (x: string) => `{"ignition":{"version":"3.4.0"},"x":${x}}`;

describe("hostile JSON", () => {
  test("9999 levels are parsed (an unknown key), deeper is Go's error", () => {
    for (const v of [arr(9998), obj(9998)]) {
      const r = validateIgnition(wrap(v), { unusedKeys: "warning" });
      expect(r.valid).toBe(true);
      expect(r.report.map((d) => d.message)).toEqual(["unused key x"]);
    }
    expect(validateIgnition(wrap(arr(10000))).report[0]!.message).toBe("invalid character '[' exceeded max depth");
    expect(validateIgnition(arr(9999)).report[0]!.message).toBe("json: cannot unmarshal array into Go value of type util.versionStub");
  });

  test("a deep Tang advertisement is checked without recursion", () => {
    const doc = { ignition: { version: "3.4.0" }, storage: { luks: [{ name: "x", device: "/dev/sda", clevis: { tang: [{ url: "http://t", thumbprint: "x", advertisement: obj(9000) }] } }] } };
    expect(validateIgnition(JSON.stringify(doc)).valid).toBe(true);
  });

  test("an embedded (inline merge) config nested 9000 levels deep", () => {
    const inline = wrap(arr(9000)).replace(/'/g, "''");
    const r = translate(`variant: fcos\nversion: 1.5.0\nignition:\n  config:\n    merge:\n      - inline: '${inline}'\n`);
    expect(r.error).toBeUndefined();
    expect(r.report.map((d) => d.message)).toEqual(["unused key x"]);
  });

  test("a sparse array is read as JSON reads it (holes are null), never a TypeError", () => {
    // eslint-disable-next-line no-sparse-arrays
    const r = validateIgnition({ ignition: { version: "3.4.0" }, storage: { files: [, { path: "/a" }] } });
    expect(r.valid).toBe(false);
    expect(r.report.length).toBeGreaterThan(0);
    const same = validateIgnition('{"ignition":{"version":"3.4.0"},"storage":{"files":[null,{"path":"/a"}]}}');
    expect(r.report.map((d) => d.message)).toEqual(same.report.map((d) => d.message));
  });

  test("objects: deep ones and ones that contain themselves are errors, not crashes", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    const r = validateIgnition({ ignition: { version: "3.4.0" }, x: deep });
    expect(r.valid).toBe(false);
    expect(r.report[0]!.message).toBe("json: exceeded max depth of 10000");
    const cyclic: Record<string, unknown> = { ignition: { version: "3.4.0" } };
    cyclic.self = cyclic;
    expect(validateIgnition(cyclic).report[0]!.message).toBe("json: exceeded max depth of 10000");
  });
});
