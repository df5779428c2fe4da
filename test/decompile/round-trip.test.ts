// The round-trip property of Ignition → Butane over every reference output of the
// conformance cases that is an Ignition config: translate(decompile(ign)) has the same
// normal form as ign (normalize.ts: what Ignition's parser keeps of a config).
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { decompile } from "../../src/decompile";
import { normalizeIgnition } from "../../src/decompile/normalize";
import { translate } from "../../src/api/translate";
import { caseDirs, CONFORMANCE_CASES, haveShared } from "../shared";


interface Reference {
  name: string;
  ignition: string;
  variant: string;
}

/** Recorded outputs that are plain Ignition (not MachineConfigs, not failures). */
function references(): Reference[] {
  const out: Reference[] = [];
  for (const dir of caseDirs(CONFORMANCE_CASES)) {
    if (!existsSync(join(dir, "expected.out")) || readFileSync(join(dir, "expected.code"), "utf8").trim() !== "0") continue;
    const text = readFileSync(join(dir, "expected.out"), "utf8");
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      continue;
    }
    if (doc === null || typeof doc !== "object" || !("ignition" in doc)) continue;
    // OpenShift raw outputs are plain Ignition of the fcos version OpenShift builds on;
    // an openshift Butane config also needs metadata no Ignition config carries.
    const declared = /^variant:\s*["']?([a-z0-9]+)/m.exec(readFileSync(join(dir, "input.bu"), "utf8"))?.[1] ?? "fcos";
    out.push({ name: relative(CONFORMANCE_CASES, dir), ignition: text, variant: declared === "openshift" ? "fcos" : declared });
  }
  return out;
}

describe("Ignition → Butane round trip over the conformance reference outputs", () => {
  const refs = haveShared("decompile round trip over the conformance reference outputs", "conformance/cases") ? references() : [];

  test.skipIf(refs.length === 0)("every Ignition reference output decompiles and translates back to itself", () => {
    expect(refs.length).toBeGreaterThan(400);
    const failures: string[] = [];
    const counts = { inline: 0, mountUnits: 0, variants: new Map<string, number>() };
    for (const ref of refs) {
      const r = decompile(ref.ignition, { variant: ref.variant });
      if (!r.ok) {
        failures.push(`${ref.name}: ${r.error} ${JSON.stringify(r.report)}`);
        continue;
      }
      expect(r.yaml.startsWith(`variant: ${ref.variant}\nversion: `)).toBe(true);
      const back = translate(r.yaml);
      if (back.error !== undefined || normalizeIgnition(back.output!) !== normalizeIgnition(ref.ignition)) {
        failures.push(`${ref.name}: translates to ${back.error ?? back.output}`);
        continue;
      }
      counts.inline += r.yaml.match(/^ *inline:/gm)?.length ?? 0;
      counts.mountUnits += r.yaml.match(/with_mount_unit: true/g)?.length ?? 0;
      counts.variants.set(ref.variant, (counts.variants.get(ref.variant) ?? 0) + 1);
    }
    console.log(
      `decompile round trip: ${refs.length - failures.length}/${refs.length} reference outputs exact ` +
        `(${[...counts.variants].map(([v, n]) => `${v} ${n}`).join(", ")}); sugar used: ${counts.inline} inline, ${counts.mountUnits} with_mount_unit`,
    );
    expect(failures).toEqual([]);
    // Sugar is not vacuous: the references are full of both.
    expect(counts.inline).toBeGreaterThan(100);
    expect(counts.mountUnits).toBeGreaterThan(10);
  });

  test("the normal form erases only what Ignition ignores", () => {
    const a = '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/a","mode":420,"overwrite":false}]}}';
    const reordered = '{ "storage": {"files": [{"overwrite": false, "MODE": 420, "path": "/a", "user": {}, "append": []}], "disks": null},\n "ignition": {"version": "3.4.0", "config": {}} }';
    expect(normalizeIgnition(reordered)).toBe(normalizeIgnition(a));
    // A present pointer field is kept even when zero; an absent one is not the same config.
    expect(normalizeIgnition(a.replace(',"overwrite":false', ""))).not.toBe(normalizeIgnition(a));
    expect(normalizeIgnition(a.replace("420", "416"))).not.toBe(normalizeIgnition(a));
  });
});
