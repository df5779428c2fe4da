// TranslateResult is a discriminated union on `ok`, and `config` relates to `output`
// as docs/api.md says: the same values, with the empty objects and lists that the
// output leaves out (Go's omitempty), keys in another order, bigints past 2^53.
import { describe, expect, expectTypeOf, test } from "vitest";
import { translate, type IgnitionConfig, type TranslateResult } from "../../src/api/translate";
import type { IgnitionV3_4 } from "../../src/index";
import { nodeFileSystem } from "../../src/fs/node-fs";
import { recordedCases } from "./cases";

const GOOD = "variant: fcos\nversion: 1.5.0\npasswd:\n  users:\n    - name: core\n";

/** A value with empty objects and lists left out (recursively) and bigints as numbers, keys sorted. */
function withoutEmpty(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(withoutEmpty);
  if (v === null || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = withoutEmpty((v as Record<string, unknown>)[k]);
    if (x === undefined || (x !== null && typeof x === "object" && Object.keys(x).length === 0)) continue;
    out[k] = x;
  }
  return out;
}

describe("TranslateResult", () => {
  test("success: ok, output, a typed config, the report", () => {
    const r = translate(GOOD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expectTypeOf(r.output).toEqualTypeOf<string>();
    expectTypeOf(r.config).toEqualTypeOf<IgnitionConfig>();
    expectTypeOf(r.config.ignition.version).toEqualTypeOf<"3.0.0" | "3.1.0" | "3.2.0" | "3.3.0" | "3.4.0" | "3.5.0" | "3.6.0" | "3.7.0-experimental">();
    expect(r.output).toBe('{"ignition":{"version":"3.4.0"},"passwd":{"users":[{"name":"core"}]}}\n');
    expect(r.config.ignition.version).toBe("3.4.0");
    const v34 = r.config as IgnitionV3_4.Config;
    expect(v34.passwd?.users?.[0]?.name).toBe("core");
    expect(r.error).toBeUndefined();
    expect(r.report).toEqual([]);
  });

  test("failure: ok false, error and report, no output or config", () => {
    const r = translate("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: relative\n");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expectTypeOf(r.error).toEqualTypeOf<string>();
    expectTypeOf(r.output).toEqualTypeOf<undefined>();
    expect(r.error).toBe("config generated was invalid");
    expect(r.report[0]).toMatchObject({ severity: "error", path: "$.storage.files.0.path", line: 5, column: 13 });
    expect("output" in r || "config" in r).toBe(false);
  });

  test("strict with a warning fails with the CLI's text", () => {
    const warns = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/x\n      mode: 644\n";
    expect(translate(warns).ok).toBe(true);
    const r = translate(warns, { strict: true });
    expect([r.ok, r.error, r.report.length]).toEqual([false, "Config produced warnings and --strict was specified", 2]);
  });

  test("code written before the union still compiles and behaves: result.output ?? result.error", () => {
    const read = (r: TranslateResult) => r.output ?? `error: ${r.error}`;
    expect(read(translate(GOOD))).toMatch(/^\{"ignition"/);
    expect(read(translate("variant: fcos\n"))).toBe("error: error parsing version; must be a valid semver");
  });

  test("integers beyond 2^53 are bigints in config and all their digits in output", () => {
    const r = translate("variant: fcos\nversion: 1.5.0\nstorage:\n  disks:\n    - device: /dev/sda\n      partitions:\n        - number: 1\n          size_mib: 9007199254740993\n");
    if (!r.ok) throw new Error(r.error);
    expect(r.output).toContain('"sizeMiB":9007199254740993');
    const size = (r.config as IgnitionV3_4.Config).storage!.disks![0]!.partitions![0]!.sizeMiB as unknown;
    expect(size).toBe(9007199254740993n);
  });
});

describe("config and output", () => {
  const { cases, conformance } = recordedCases();
  test(`hold the same values, but for empty objects and lists (${cases.length} recorded cases${conformance ? "" : "; ../shared absent: golden cases only"})`, () => {
    let compared = 0;
    let hadEmpty = 0;
    for (const c of cases) {
      const { filesDir, cwd } = c.options;
      const r = translate(c.input, { ...c.options, raw: true, strict: false, ...(filesDir ? { readFile: nodeFileSystem({ filesDir, cwd }) } : {}) });
      if (!r.ok) continue;
      compared++;
      const parsed = JSON.parse(r.output) as unknown;
      expect(withoutEmpty(r.config), c.name).toEqual(withoutEmpty(parsed));
      if (JSON.stringify(withoutEmpty(r.config)) !== JSON.stringify(r.config, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v))) hadEmpty++;
    }
    expect(compared).toBeGreaterThan(cases.length / 3);
    expect(hadEmpty).toBeGreaterThan(0); // the difference is real, so the docs must say it
  });
});

describe("browser entry arguments", () => {
  test("a filesDir that is neither a path nor files, or options that are not an object: named errors, never a throw", async () => {
    const browser = await import("../../src/browser");
    const call = browser.translate as (i: unknown, o: unknown) => TranslateResult;
    const callAsync = browser.translateAsync as (i: unknown, o: unknown) => Promise<TranslateResult>;
    const cases: Array<[unknown, string]> = [
      [{ filesDir: 42 }, "invalid option filesDir: expected a path string, a Map or a plain object of files, got number"],
      [{ filesDir: new Set(["x"]) }, "invalid option filesDir: expected a path string, a Map or a plain object of files, got object"],
      [null, "invalid options: expected an object, got null"],
      [[], "invalid options: expected an object, got an array"],
    ];
    for (const [options, message] of cases) {
      for (const r of [call(GOOD, options), await callAsync(GOOD, options)]) expect([r.ok, r.error, r.report]).toEqual([false, message, [{ severity: "error", path: "$", message, code: "BUT004" }]]);
    }
  });
});
