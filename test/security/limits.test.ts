// Resource limits on hostile input (SECURITY.md): each limit is refused with a clear
// error — the reference's own where it has one — before time or memory blow up.
import { describe, expect, test } from "vitest";
import { translate } from "../../src/api/translate";
import { MAX_ALIAS_DEPTH, MAX_DECODE_ERRORS } from "../../src/parse/decode";
import { MAX_DOCUMENT_SIZE, MAX_KEY_LENGTH, MAX_NODES, parseYaml, YamlError } from "../../src/yaml";

const HDR = "variant: fcos\nversion: 1.5.0\n";

/**
 * Translates and returns the error, checking that it came quickly. The bounds are
 * generous (a refused bomb takes a second or two here, an accepted one minutes or
 * forever), so that a machine under load does not fail them.
 */
function fails(input: string | Uint8Array, maxMs = 15_000): string {
  const t0 = performance.now();
  const r = translate(input);
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(maxMs);
  expect(r.error).toBeDefined();
  return r.error!;
}

function ok(input: string): void {
  const r = translate(input);
  expect(r.error).toBeUndefined();
}

describe("limits", () => {
  test("the limits have the documented values", () => {
    expect(MAX_DOCUMENT_SIZE).toBe(128 * 1024 * 1024);
    expect(MAX_NODES).toBe(1_000_000);
    expect(MAX_KEY_LENGTH).toBe(4096);
    expect(MAX_ALIAS_DEPTH).toBe(200);
    expect(MAX_DECODE_ERRORS).toBe(10_000);
  });

  test("nesting: 10000 levels pass, 10001 get yaml.v3's error (flow and block)", () => {
    ok(HDR + "x: " + "[".repeat(10000) + "]".repeat(10000) + "\n");
    expect(fails(HDR + "x: " + "[".repeat(10001) + "]".repeat(10001) + "\n")).toBe("Error unmarshaling yaml: yaml: line 3: exceeded max depth of 10000");
    expect(fails(HDR + "x: " + "{a: ".repeat(10001) + "b" + "}".repeat(10001) + "\n")).toBe("Error unmarshaling yaml: yaml: line 3: exceeded max depth of 10000");
    let block = HDR + "x:\n";
    for (let i = 1; i <= 10002; i++) block += " ".repeat(i) + `k${i}:\n`;
    expect(fails(block)).toBe("Error unmarshaling yaml: yaml: line 10003: exceeded max depth of 10000");
  });

  test("document size: over 128 MiB is refused before it is read", () => {
    const big = new Uint8Array(MAX_DOCUMENT_SIZE + 1).fill(0x20);
    expect(fails(big, 3000)).toBe("Error unmarshaling yaml: yaml: document is larger than 134217728 bytes (128 MiB)");
    expect(fails(" ".repeat(MAX_DOCUMENT_SIZE + 1), 3000)).toBe("Error unmarshaling yaml: yaml: document is larger than 134217728 characters (128 MiB)");
  });

  test("number of nodes: the millionth node passes, one more is refused with its line", () => {
    // root mapping, variant/version keys and values, x, the sequence: 7 nodes before the items.
    const items = (n: number) => HDR + "x:\n  [" + Array(n).fill("a").join(",") + "]\n";
    expect(() => parseYaml(items(MAX_NODES - 7))).not.toThrow();
    let thrown: unknown;
    try {
      parseYaml(items(MAX_NODES - 6));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(YamlError);
    expect((thrown as YamlError).message).toBe("yaml: line 4: document has more than 1000000 nodes");
    expect((thrown as YamlError).line).toBe(4);
    expect(fails(items(MAX_NODES - 6))).toBe("Error unmarshaling yaml: yaml: line 4: document has more than 1000000 nodes");
  });

  test("key length: 4096 characters pass, 4097 are refused with the key's line", () => {
    ok(HDR + "? " + "k".repeat(4096) + "\n: v\n");
    expect(fails(HDR + "? " + "k".repeat(4097) + "\n: v\n")).toBe("Error unmarshaling yaml: yaml: line 3: mapping key is longer than 4096 characters");
    // Values may be longer (file contents are).
    ok(HDR + "storage:\n  files:\n    - path: /x\n      contents:\n        inline: " + "v".repeat(100_000) + "\n");
  });

  test("billion laughs: alias expansion is refused cheaply (yaml.v3's ratio)", () => {
    // Ten levels of ten-fold merges: 10^10 nodes if expanded.
    let doc = "x0: &a0 {variant: fcos, version: 1.5.0}\n";
    for (let i = 1; i < 12; i++) doc += `x${i}: &a${i} {<<: [${Array(10).fill(`*a${i - 1}`).join(", ")}]}\n`;
    doc += "<<: *a11\n";
    expect(fails(doc, 3000)).toBe("Error unmarshaling yaml: yaml: document contains excessive aliasing");
    // The same inside a list entry the schema decodes (a File).
    let nested = HDR + "m0: &m0 {path: /x}\n";
    for (let i = 1; i < 12; i++) nested += `m${i}: &m${i} {<<: [${Array(10).fill(`*m${i - 1}`).join(", ")}]}\n`;
    nested += "storage:\n  files:\n    - <<: *m11\n";
    expect(fails(nested, 3000)).toBe("yaml: document contains excessive aliasing");
  });

  test("billion laughs in OpenShift labels (a string map) is refused too", () => {
    let doc = "x0: &a0 {k: v}\n";
    for (let i = 1; i < 12; i++) doc += `x${i}: &a${i} {<<: [${Array(10).fill(`*a${i - 1}`).join(", ")}]}\n`;
    doc += "variant: openshift\nversion: 4.8.0\nmetadata:\n  name: x\n  labels:\n    <<: *a11\n";
    expect(fails(doc, 3000)).toBe("yaml: document contains excessive aliasing");
  });

  test("alias nesting: 200 levels of merges pass, deeper is refused with the alias's line", () => {
    const chain = (n: number) => {
      let s = "a0: &a0 {variant: fcos, version: 1.5.0}\n";
      for (let i = 1; i < n; i++) s += `a${i}: &a${i} {<<: *a${i - 1}}\n`;
      return s + `<<: *a${n - 1}\n`;
    };
    ok(chain(MAX_ALIAS_DEPTH));
    expect(fails(chain(MAX_ALIAS_DEPTH + 1))).toBe("Error unmarshaling yaml: yaml: line 2: aliases nested deeper than 200 levels");
    // The reference follows 20000 levels (slowly); here it is a clear error, not a stack overflow.
    expect(fails(chain(20_000))).toMatch(/^Error unmarshaling yaml: yaml: line \d+: aliases nested deeper than 200 levels$/);
  });

  test("a key repeated n times gives n(n-1)/2 errors, at most 10000 of them", () => {
    const few = fails(HDR + "storage:\n" + "  files: []\n".repeat(3));
    expect(few).toBe(
      "yaml: unmarshal errors:\n  line 5: mapping key \"files\" already defined at line 4\n  line 6: mapping key \"files\" already defined at line 4\n  line 6: mapping key \"files\" already defined at line 5",
    );
    const many = fails(HDR + "storage:\n" + "  files: []\n".repeat(20_000)).split("\n");
    expect(many.length).toBe(1 + MAX_DECODE_ERRORS + 1);
    expect(many[1]).toBe('  line 5: mapping key "files" already defined at line 4');
    expect(many.at(-1)).toBe("  too many errors: stopped after 10000");
  });

  test("a mapping with 100,000 keys is checked in linear time (duplicates and unused keys)", () => {
    let doc = HDR;
    for (let i = 0; i < 100_000; i++) doc += `k${i}: v\n`;
    const r = translate(doc);
    expect(r.error).toBeUndefined();
    expect(r.report.length).toBe(100_000);
    expect(r.report[99_999]).toEqual({ severity: "warning", path: "$.k99999", line: 100_002, column: 1, message: "unused key k99999", code: "BUT120" });
  });
});
