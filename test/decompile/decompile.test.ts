// Ignition → Butane: which sugar is used (only where exact), how values are written,
// and the errors for what cannot be expressed, each positioned in the .ign text.
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { decompile } from "../../src/decompile";
import { normalizeIgnition } from "../../src/decompile/normalize";
import { translate } from "../../src/api/translate";
import { listVariants } from "../../src/api/translate";
import { registerVariant } from "../../src/butane/registry";
import { extendSchema } from "../../src/butane/schema";
import { gzipGo } from "../../src/compress";

const ign = (version: string, rest: object = {}) => JSON.stringify({ ignition: { version }, ...rest });

function ok(input: string | object, variant?: string): string {
  const r = decompile(input, variant ? { variant } : {});
  if (!r.ok) throw new Error(`${r.error}: ${JSON.stringify(r.report)}`);
  const back = translate(r.yaml);
  expect(back.error).toBeUndefined();
  expect(normalizeIgnition(back.output!)).toBe(normalizeIgnition(typeof input === "string" ? input : JSON.stringify(input)));
  return r.yaml;
}

function fails(input: string | object, variant?: string) {
  const r = decompile(input, variant ? { variant } : {});
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error("unreachable");
  return r;
}

const file = (contents: object, extra: object = {}) => ({ storage: { files: [{ path: "/etc/x", contents, ...extra }] } });

describe("variant versions", () => {
  test("the lowest version of the variant whose Ignition target is the input's", () => {
    const cases: Array<[string, string, string]> = [
      ["3.0.0", "fcos", "1.0.0"], ["3.1.0", "fcos", "1.1.0"], ["3.2.0", "fcos", "1.2.0"], ["3.3.0", "fcos", "1.4.0"],
      ["3.4.0", "fcos", "1.5.0"], ["3.5.0", "fcos", "1.6.0"], ["3.6.0", "fcos", "1.7.0"], ["3.7.0-experimental", "fcos", "1.8.0-experimental"],
      ["3.3.0", "flatcar", "1.0.0"], ["3.4.0", "r4e", "1.1.0"], ["3.7.0-experimental", "fiot", "1.1.0-experimental"],
    ];
    for (const [ignition, variant, version] of cases) {
      expect(ok(ign(ignition), variant)).toBe(`variant: ${variant}\nversion: ${version}\n`);
    }
  });

  test("a variant with no version for the input's spec is an error at ignition.version", () => {
    const text = '{\n  "ignition": {\n    "version": "3.5.0"\n  }\n}';
    const r = fails(text, "flatcar");
    expect(r.report).toContainEqual(expect.objectContaining({ path: "$.ignition.version", line: 3, column: 16, severity: "error" }));
    expect(r.report.find((d) => d.path === "$.ignition.version")!.message).toMatch(/no flatcar version translates to Ignition 3\.5\.0; flatcar versions target 3\.3\.0 \(1\.0\.0\)/);
  });

  test("unknown variants are named", () => {
    expect(fails(ign("3.4.0"), "nope").error).toMatch(/^unknown variant "nope" \(known: .*fcos/);
  });

  test("fields a variant refuses are errors at their path", () => {
    const text = ign("3.4.0", { storage: { disks: [{ device: "/dev/sdb", wipeTable: true }] } });
    const r = fails(text, "r4e");
    expect(r.error).toBe("the config cannot be expressed as a r4e 1.1.0 Butane config");
    const d = r.report.find((x) => x.path === "$.storage.disks")!;
    expect(d).toMatchObject({ severity: "error", line: 1, column: text.indexOf('"disks"') + 10 }); // just inside the "[" (Go's offset)
  });
});

describe("invalid input", () => {
  test("invalid Ignition gets Ignition's positioned diagnostics", () => {
    const text = '{"ignition":{"version":"3.4.0"},\n"storage":{"files":[{"path":"relative"}]}}';
    const r = fails(text);
    expect(r.error).toBe("the input is not a valid Ignition config");
    expect(r.report).toContainEqual(expect.objectContaining({ path: "$.storage.files.0.path", line: 2, message: "path not absolute" }));
  });

  test("a field of a newer spec than the input's version is named", () => {
    const r = fails(ign("3.2.0", { kernelArguments: { shouldExist: ["a"] } }));
    expect(r.report).toContainEqual(expect.objectContaining({ path: "$.kernelArguments", severity: "error" }));
  });

  test("syntax errors, wrong argument types and bad options never throw", () => {
    expect(fails("{").report[0]).toMatchObject({ severity: "error", line: 1 });
    expect(fails("").ok).toBe(false);
    expect(decompile(42 as never).ok).toBe(false);
    expect(decompile(null as never).ok).toBe(false);
    expect(decompile(ign("3.4.0"), null as never).ok).toBe(false);
    expect(decompile(ign("3.4.0"), { variant: 3 } as never)).toMatchObject({ ok: false, error: "invalid option variant: expected a string, got number" });
  });

  test("OpenShift needs metadata that no Ignition config carries: a clear error, not a guess", () => {
    const r = fails(ign("3.2.0"), "openshift");
    expect(r.error).toBe("the config cannot be expressed as a openshift 4.8.0 Butane config");
    expect(r.report.map((d) => d.message)).toContain("as openshift 4.8.0: metadata.name is required");
  });

  test("a variant without a Butane field for an Ignition field names the path", () => {
    const fcos = listVariants().find((v) => v.variant === "fcos" && v.version === "1.5.0")!;
    const config = fcos.schema.structs.Config!.filter((f) => f.key !== "kernel_arguments");
    registerVariant({ ...fcos, variant: "test-no-kargs", schema: extendSchema(fcos.schema, { structs: { Config: config }, variant: true }) });
    const text = ign("3.4.0", { kernelArguments: { shouldExist: ["quiet"] } });
    const r = fails(text, "test-no-kargs");
    expect(r.report).toEqual([
      { severity: "error", path: "$.kernelArguments", line: 1, column: text.indexOf("{", text.indexOf("kernelArguments")) + 2, message: 'test-no-kargs 1.5.0 has no Butane field that translates to "kernelArguments"', code: "decompile.no-butane-field" },
    ]);
  });
});

describe("values", () => {
  test("modes in octal, other integers in decimal, int64 beyond 2^53 exactly", () => {
    const text = ign("3.4.0", { storage: { files: [{ path: "/a", mode: 420 }], directories: [{ path: "/d", mode: 1023, user: { id: 1 } }] } }).replace('"id":1', '"id":9007199254740993');
    const y = ok(text);
    expect(translate(y).output).toContain('"id":9007199254740993');
    expect(y).toContain("mode: 0644");
    expect(y).toContain("mode: 01777");
    expect(y).toContain("id: 9007199254740993");
    expect(ok(ign("3.4.0", { passwd: { users: [{ name: "u", uid: 1000000 }] } }))).toContain("uid: 1000000");
  });

  test("multi-line text as block scalars; text a block cannot carry stays exact", () => {
    const unit = (contents: string) => ign("3.4.0", { systemd: { units: [{ name: "a.service", contents }] } });
    expect(ok(unit("[Service]\nExecStart=/bin/true\n"))).toContain("contents: |\n        [Service]\n        ExecStart=/bin/true\n");
    for (const s of ["a\r\nb\n", "\ufeffx\n", "  lead\n", "trail  \nx", "a\n\n\n", "\u0085x\ny", "tab\there\n", "\u2028", "\u0000\u0007", "é\n😀\n"]) ok(unit(s));
  });

  test("zero-valued non-pointer fields and empty lists are left out; present pointers are kept", () => {
    const y = ok(ign("3.4.0", { storage: { files: [{ path: "/a", overwrite: false, append: [], contents: {} }], disks: [] } }));
    expect(y).toBe("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /a\n      overwrite: false\n");
  });
});

describe("inline sugar", () => {
  test("percent-encoded and base64 data URLs become inline text when re-encoding gives the same URL", () => {
    expect(ok(ign("3.4.0", file({ compression: "", source: "data:,hello%20world%0A" })))).toContain("inline: |\n          hello world\n");
    const b64 = translate("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/x\n      contents:\n        inline: \"\\u00e9\\u00e9\\u00e9\\u00e9\"\n").output!;
    expect(b64).toContain(";base64,");
    expect(ok(b64)).toContain("inline: éééé");
  });

  test("gzip-compressed contents back to text when the translator's gzip gives the same bytes", () => {
    const text = "line of text that repeats\n".repeat(40);
    const source = "data:;base64," + Buffer.from(gzipGo(new TextEncoder().encode(text))).toString("base64");
    expect(ok(ign("3.4.0", file({ compression: "gzip", source })))).toContain("inline: |\n          line of text that repeats\n");
    // Another compressor's bytes for the same text: kept as they are.
    const other = "data:;base64," + gzipSync(text, { level: 1 }).toString("base64");
    const y = ok(ign("3.4.0", file({ compression: "gzip", source: other })));
    expect(y).toContain(`source: ${other}`);
    expect(y).not.toContain("inline");
  });

  test("no sugar where it would not be exact", () => {
    const keep = [
      file({ source: "data:,hello" }), // no compression field: inline would add compression ""
      file({ compression: "", source: "data:text/plain,hello" }), // a media type
      file({ compression: "", source: "data:,h%65llo" }), // percent-encoding of an unreserved character
      file({ compression: "", source: "data:;base64,aGk=" }), // "hi" is shorter percent-encoded
      file({ compression: "", source: "data:;base64,/w==" }), // not UTF-8
      file({ compression: "", source: "https://example.com/x" }),
    ];
    for (const k of keep) expect(ok(ign("3.4.0", k))).not.toContain("inline");
  });

  test("Ignition 3.0 (fcos 1.0): inline is always percent-encoded and compression is copied", () => {
    expect(ok(ign("3.0.0", file({ source: "data:,a%20b" })))).toContain("inline: a b");
    expect(ok(ign("3.0.0", file({ source: "data:;base64,YSBi" })))).not.toContain("inline");
  });

  test("inline Ignition configs under ignition.config when they validate", () => {
    const text = translate("variant: fcos\nversion: 1.5.0\nignition:\n  config:\n    merge:\n      - inline: '{\"ignition\":{\"version\":\"3.4.0\"}}'\n").output!;
    expect(text).toContain("base64");
    const y = ok(text);
    expect(y).toContain("inline: '{\"ignition\":{\"version\":\"3.4.0\"}}'");
    // Contents butane would reject as an inline config stay a data URL; the sugar elsewhere stays.
    const bad = ign("3.4.0", { ignition: { version: "3.4.0", config: { merge: [{ compression: "", source: "data:,not%20json" }] } }, ...file({ compression: "", source: "data:,x" }) });
    const kept = ok(bad);
    expect(kept).toContain("source: data:,not%20json");
    expect(kept).toContain("inline: x");
  });
});

describe("mount units", () => {
  const fcos = (bu: string) => translate("variant: fcos\nversion: 1.5.0\n" + bu).output!;

  test("generated units become with_mount_unit again", () => {
    const text = fcos("storage:\n  filesystems:\n    - device: /dev/sdb\n      path: /var/data\n      format: xfs\n      with_mount_unit: true\n    - device: /dev/sdc\n      format: swap\n      with_mount_unit: true\nsystemd:\n  units:\n    - name: x.service\n      mask: true\n");
    const y = ok(text);
    expect(y.match(/with_mount_unit: true/g)).toHaveLength(2);
    expect(y).not.toContain("Generated by Butane");
    expect(y).toContain("- name: x.service");
  });

  test("a unit merged with the user's drop-ins keeps the drop-ins", () => {
    const text = fcos("storage:\n  filesystems:\n    - device: /dev/sdb\n      path: /var/data\n      format: xfs\n      with_mount_unit: true\nsystemd:\n  units:\n    - name: var-data.mount\n      dropins:\n        - name: x.conf\n          contents: \"[Mount]\\n\"\n");
    const y = ok(text);
    expect(y).toContain("with_mount_unit: true");
    expect(y).toContain("- name: var-data.mount\n      dropins:");
  });

  test("units that only look generated stay plain units", () => {
    const base = JSON.parse(fcos("storage:\n  filesystems:\n    - device: /dev/sdb\n      path: /var/data\n      format: xfs\n      with_mount_unit: true\n"));
    // Not first in the list: the translator would put it first.
    const moved = structuredClone(base);
    moved.systemd.units.unshift({ name: "a.service", mask: true });
    expect(ok(moved)).not.toContain("with_mount_unit");
    // Contents edited by hand.
    const edited = structuredClone(base);
    edited.systemd.units[0].contents += "\n";
    expect(ok(edited)).not.toContain("with_mount_unit");
  });

  test("fcos 1.6 forbids with_mount_unit outside /etc and /var: such units stay plain", () => {
    const text = translate("variant: fcos\nversion: 1.5.0\nstorage:\n  filesystems:\n    - device: /dev/sdb\n      path: /srv\n      format: xfs\n      with_mount_unit: true\n").output!;
    const y = ok(text.replace('"3.4.0"', '"3.5.0"'));
    expect(y).toContain("version: 1.6.0");
    expect(y).not.toContain("with_mount_unit");
    expect(y).toContain("name: srv.mount");
  });
});
