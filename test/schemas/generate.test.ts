// The Butane schema generator: its output is what is committed, it is deterministic,
// every field is documented, a variant registered later gets its schema, and the
// version patterns accept exactly the spellings the compiler normalizes to a version.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateButaneSchemas } from "../../src/schemas/generate";
import { versionPattern } from "../../src/schemas/butane-schema";
import { normalizeSemver } from "../../src/go/semver";
import { listVariants, registerVariant } from "../../src/index";

const root = join(__dirname, "../..");

describe("gen-butane-schemas", () => {
  it("generates the committed files, deterministically, with every field documented", () => {
    const a = generateButaneSchemas();
    const b = generateButaneSchemas();
    expect([...a.files.entries()]).toEqual([...b.files.entries()]);
    expect(a.undocumented).toEqual([]);
    const builtin = listVariants().map((v) => `schemas/butane/${v.variant}-${v.version}.json`);
    expect([...a.files.keys()].filter((f) => f.startsWith("schemas/butane/")).sort()).toEqual(builtin.sort());
    for (const [rel, content] of a.files) expect(readFileSync(join(root, rel), "utf8"), rel).toBe(content);
  });

  it("marks the fields a variant refuses, as its compiler does, version by version", () => {
    const { files } = generateButaneSchemas();
    const schema = (name: string) => JSON.parse(files.get(`schemas/butane/${name}.json`)!);
    const r4e = schema("r4e-1.1.0").properties;
    expect(r4e.storage.properties.disks).toMatchObject({ maxItems: 0 });
    expect(r4e.storage.properties.disks.description).toMatch(/^Not supported by r4e: disk customization is not supported/);
    expect(r4e.storage.properties.files.maxItems).toBeUndefined();
    // OpenShift users may have a password hash from 4.13 on.
    const user = (v: string) => schema(`openshift-${v}`).properties.passwd.properties.users.items.properties;
    expect(user("4.12.0").password_hash).toMatchObject({ enum: [null] });
    expect(user("4.13.0").password_hash.enum).toBeUndefined();
    expect(user("4.13.0").name.enum).toBeUndefined(); // checked (only "core"), not refused
    // fcos refuses nothing.
    expect(JSON.stringify(schema("fcos-1.6.0"))).not.toContain("Not supported by");
  });

  it("covers a variant registered through registerVariant", () => {
    const fcos = listVariants().find((v) => v.variant === "fcos" && v.version === "1.6.0")!;
    registerVariant({ ...fcos, variant: "acme", version: "1.0.0" });
    const { files } = generateButaneSchemas();
    const acme = JSON.parse(files.get("schemas/butane/acme-1.0.0.json")!);
    expect(acme.properties.variant.const).toBe("acme");
    expect(Object.keys(acme.properties)).toEqual(expect.arrayContaining(["storage", "boot_device", "grub"]));
    expect(acme.properties.grub.markdownDescription).toMatch(/Since acme 1\.0\.0\./);
    const dispatcher = JSON.parse(files.get("schemas/butane.json")!);
    expect(dispatcher.properties.variant.enum).toContain("acme");
    expect(JSON.stringify(dispatcher.allOf)).toContain("./butane/acme-1.0.0.json");
  });

  it("gives every field of every Ignition schema a description", () => {
    const files = readdirSync(join(root, "schemas")).filter((f) => /^ignition-v3_.*\.json$/.test(f));
    expect(files).toHaveLength(8);
    for (const f of files) {
      const s = JSON.parse(readFileSync(join(root, "schemas", f), "utf8"));
      const bare: string[] = [];
      for (const [name, def] of [["Config", s], ...Object.entries(s.definitions)] as [string, { properties?: Record<string, { description?: string }> }][]) {
        for (const [key, prop] of Object.entries(def.properties ?? {})) if (!prop.description) bare.push(`${name}.${key}`);
      }
      expect(bare, f).toEqual([]);
    }
  });

  it("matches a version's spellings exactly as go-semver normalizes them", () => {
    const spellings = ["1.6.0", "01.6.0", "1.06.0", "1.6.00", "001.006.000", "1.6.0-experimental", "1.6", "1.6.0+meta", "+1.6.0", "1.6.0 ", "v1.6.0", "1.60.0", "11.6.0", "0.0.0", "00.0.0", "1.8.0-experimental", "01.08.0-experimental", "1.8.0-Experimental"];
    for (const version of ["1.6.0", "1.8.0-experimental", "0.0.0"]) {
      const re = new RegExp(versionPattern(version));
      for (const s of spellings) expect(re.test(s), `${s} vs ${version}`).toBe(normalizeSemver(s) === version);
    }
  });
});
