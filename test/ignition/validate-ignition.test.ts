// validateIgnition: the full check of an Ignition config, on good and bad documents.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { validateIgnition } from "../../src/ignition/index";
import { haveShared } from "../shared";

const ok = (version: string, rest = "") => `{"ignition":{"version":"${version}"}${rest}}`;

describe("validateIgnition", () => {
  it("accepts a valid config of every spec version", () => {
    for (const v of ["3.0.0", "3.1.0", "3.2.0", "3.3.0", "3.4.0", "3.5.0", "3.6.0", "3.7.0-experimental"]) {
      const r = validateIgnition(ok(v, ',"storage":{"files":[{"path":"/etc/motd","contents":{"source":"data:,hi"},"mode":420}]}'));
      expect(r).toEqual({ valid: true, report: [], version: v });
    }
  });

  it("rejects fields of a later spec version (unknown keys are errors), or warns on request", () => {
    const text = '{\n  "ignition": {\n    "version": "3.0.0",\n    "proxy": {"httpProxy": "http://p"}\n  }\n}';
    expect(validateIgnition(text)).toEqual({
      valid: false,
      version: "3.0.0",
      report: [{ severity: "error", path: "$.ignition.proxy", line: 4, column: 5, message: "unused key proxy", code: "IGN110" }],
    });
    expect(validateIgnition(text, { unusedKeys: "warning" })).toMatchObject({ valid: true, report: [{ severity: "warning", message: "unused key proxy" }] });
  });

  it("reports JSON syntax errors with Go's messages and positions (just after the offending byte, as Go does)", () => {
    expect(validateIgnition('{\n  "ignition": {"version": "3.4.0"},\n  "storage": {,}\n}').report).toEqual([
      { severity: "error", path: "$", line: 3, column: 16, message: "invalid character ',' looking for beginning of object key string", code: "IGN105" },
    ]);
    // Go has no position for a text that ends too early; we point just past its end.
    expect(validateIgnition('{"ignition":').report).toEqual([{ severity: "error", path: "$", line: 1, column: 13, message: "unexpected end of JSON input", code: "IGN105" }]);
    expect(validateIgnition("")).toEqual({ valid: false, report: [{ severity: "error", path: "$", message: "not a config (empty)", code: "IGN102" }] });
  });

  it("reports version problems at ignition.version", () => {
    expect(validateIgnition('{"ignition":{"version":"3.99.0"}}').report).toEqual([
      { severity: "error", path: "$.ignition.version", line: 1, column: 24, message: "unsupported config version", code: "IGN104" },
    ]);
    expect(validateIgnition('{"ignition":{}}').report).toEqual([
      { severity: "error", path: "$.ignition.version", line: 1, column: 14, message: "invalid config version (couldn't parse)", code: "IGN103" },
    ]);
    expect(validateIgnition('{"ignition":{"version":3}}').report).toEqual([
      { severity: "error", path: "$", line: 1, column: 25, message: "json: cannot unmarshal number into Go struct field .Ignition.Version of type string", code: "IGN106" },
    ]);
  });

  it("reports a wrong type once: Go's decode error at the schema's path", () => {
    const r = validateIgnition(ok("3.4.0", ',"storage":{"files":[{"path":"/a","mode":"0644","overwrite":1}]}'));
    expect(r.valid).toBe(false);
    expect(r.report.map((d) => [d.path, d.message])).toEqual([
      ["$.storage.files.0.overwrite", "must be boolean or null"],
      ["$.storage.files.0.mode", "json: cannot unmarshal string into Go struct field File.storage.files.FileEmbedded1.mode of type int"],
    ]);
  });

  it("reports what the schema forbids and Ignition's semantics, in that order", () => {
    const r = validateIgnition(ok("3.4.0", ',"storage":{"files":[{"path":null},{"contents":{}}]}'));
    expect(r.report.map((d) => [d.path, d.message])).toEqual([
      ["$.storage.files.0.path", "must be string"],
      ["$.storage.files.1", 'missing required property "path"'],
      ["$.storage.files.0.path", "path not specified"],
      ["$.storage.files.1.path", "path not specified"],
      ["$.storage.files.1", "duplicate entry defined"],
    ]);
  });

  it("keeps warnings without failing", () => {
    const r = validateIgnition(ok("3.4.0", ',"systemd":{"units":[{"name":"a.service","enabled":true,"contents":"[Service]\\nExecStart=/bin/true"}]}'));
    expect(r.valid).toBe(true);
    expect(r.report).toEqual([
      { severity: "warning", path: "$.systemd.units.0.contents", line: 1, column: 99, message: 'unit "a.service" is enabled, but has no install section so enable does nothing', code: "IGN604" },
    ]);
  });

  it("accepts objects (no positions)", () => {
    expect(validateIgnition({ ignition: { version: "3.3.0" }, kernelArguments: { shouldExist: ["a", "a"] } })).toEqual({
      valid: false,
      version: "3.3.0",
      report: [{ severity: "error", path: "$.kernelArguments.shouldExist.1", message: "duplicate entry defined", code: "IGN701" }],
    });
  });
});

const cases = join(__dirname, "../../../shared/conformance/cases");

describe.skipIf(!haveShared("validateIgnition on the reference's own outputs", "conformance/cases"))("validateIgnition on the reference's own outputs", () => {
  it("finds every Ignition config butane produced valid", () => {
    const problems: string[] = [];
    let n = 0;
    for (const group of readdirSync(cases)) {
      if (!statSync(join(cases, group)).isDirectory()) continue;
      for (const name of readdirSync(join(cases, group))) {
        const dir = join(cases, group, name);
        if (!existsSync(join(dir, "expected.out")) || readFileSync(join(dir, "expected.code"), "utf8").trim() !== "0") continue;
        const text = readFileSync(join(dir, "expected.out"), "utf8");
        if (!text.trim()) continue;
        const input = text.trimStart().startsWith("{") ? text : (parseYaml(text) as { spec?: { config?: object } })?.spec?.config;
        if (!input) continue;
        n++;
        const r = validateIgnition(input);
        if (!r.valid) problems.push(`${group}/${name}: ${JSON.stringify(r.report)}`);
      }
    }
    expect(n).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });
});
