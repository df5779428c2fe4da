// The playground turns the compiler's columns into editor offsets: YAML columns count
// characters (yaml.v3), JSON columns count UTF-8 bytes (Go's JSON decoder).
import { describe, expect, test } from "vitest";
import { columnToIndex } from "../../playground/positions";
import { translate, validateIgnition } from "../../src/node";

describe("diagnostic columns in the playground", () => {
  test("a YAML column after non-ASCII text counts characters", () => {
    const line = '    - {path: "/é😀", bogus: 1}';
    const r = translate(`variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n${line}\n`);
    const d = r.report.find((x) => x.message === "unused key bogus")!;
    expect(d.column).toBe(21);
    expect(line.slice(columnToIndex(line, d.column!, "chars"))).toMatch(/^bogus/);
  });

  test("a JSON column after non-ASCII text counts bytes", () => {
    const line = '{"ignition": {"version": "3.4.0"}, "x": "é😀", "bogus": 1}';
    const r = validateIgnition(line);
    const d = r.report.find((x) => x.path === "$.bogus")!;
    expect(d.column).toBe(51); // 50 bytes (47 characters, 48 UTF-16 units) before the key
    expect(columnToIndex(line, d.column!, "bytes")).toBe(line.indexOf('"bogus"'));
  });
});
