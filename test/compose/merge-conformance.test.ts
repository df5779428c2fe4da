// Compile-time merge over real configs: for pairs of recorded conformance inputs of
// the same variant and version (no files needed, plain Ignition output), merging the
// second over the first with --merge-local gives exactly Ignition's merge of their two
// translations, emitted as the translator emits a config.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translate } from "../../src/index";
import { mergeConfigs } from "../../src/ignition/merge";
import { getIgnitionSpec } from "../../src/ignition/spec";
import { emitStruct } from "../../src/emit/json";
import { caseDirs, CONFORMANCE_CASES, haveShared } from "../shared";

/** The inputs of the cases that need no files. */
const all = (haveShared("merge-local over conformance inputs", "conformance/cases") ? caseDirs(CONFORMANCE_CASES) : [])
  .filter((p) => !existsSync(join(p, "files")))
  .map((p) => readFileSync(join(p, "input.bu"), "utf8"));

describe.skipIf(all.length === 0)("merge-local over conformance inputs", () => {
  it("equals Ignition's merge of the two translations", () => {
    // Successful, unwrapped translations grouped by variant and version.
    const groups = new Map<string, { text: string; config: Record<string, unknown>; spec: string }[]>();
    for (const text of all) {
      const r = translate(text, { raw: true });
      if (r.error !== undefined || !r.config || !/^variant: *(fcos|flatcar|fiot|r4e)\b/m.test(text)) continue;
      const key = /^variant: *(\S+)/m.exec(text)![1] + " " + /^version: *(\S+)/m.exec(text)![1];
      const spec = (r.config.ignition as { version: string }).version;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push({ text, config: r.config as unknown as Record<string, unknown>, spec });
    }
    let pairs = 0, merged = 0, rejected = 0;
    for (const list of groups.values()) {
      for (let i = 0; i + 1 < list.length && i < 24; i++) {
        const a = list[i]!, b = list[i + 1]!;
        pairs++;
        const r = translate(a.text, { raw: true, mergeLocal: true, mergeInputs: [{ name: "b.bu", contents: b.text }] });
        const spec = getIgnitionSpec(a.spec)!;
        const want = emitStruct(mergeConfigs(a.config, b.config, spec).result, spec, "Config", false) + "\n";
        if (r.error === undefined) {
          expect(r.output, `${a.text}\n---\n${b.text}`).toBe(want);
          merged++;
        } else {
          // Ignition's checks may reject a merged config (two fragments' entries now clash): then every error is located.
          expect(r.report.filter((d) => d.severity === "error").every((d) => d.line !== undefined), JSON.stringify(r.report)).toBe(true);
          rejected++;
          if (process.env.SHOW_REJECTED && rejected < 3) console.log(JSON.stringify(r.report, null, 1));
        }
      }
    }
    console.log(`merge-local: ${pairs} pairs of conformance inputs, ${merged} equal Ignition's merge byte for byte, ${rejected} rejected by Ignition's checks on the merged config (located)`);
    expect(merged).toBeGreaterThan(100);
  });
});
