// Spec versions are deltas of the one before: features by name, and steps, filters
// and struct fields added or removed the way rules and structs are.
import { describe, expect, test } from "vitest";
import { bases } from "../../src/butane/base";
import { withFields } from "../../src/butane/schema";
import { defineVariantVersion, type TranslateStep } from "../../src/butane/variants/define";
import { fieldFilters } from "../../src/butane/variants/filters";
import { listVariants } from "../../src/api/translate";

const on = (flags: object) => Object.entries(flags).filter(([k, v]) => k !== "spec" && v === true).map(([k]) => k).sort();

describe("base versions", () => {
  test("each has the translation features its table names, and targets its Ignition version", () => {
    const table = Object.fromEntries(Object.entries(bases).map(([name, b]) => [name, [b.features.spec.version, ...on(b.features)]]));
    const v0_2 = ["mountUnits", "resources", "trees"];
    expect(table).toEqual({
      v0_1: ["3.0.0", "inlineOnly"],
      v0_2: ["3.1.0", ...v0_2],
      v0_3: ["3.2.0", "mountUnits", "mountUnitsRemote", "resources", "trees"],
      v0_4: ["3.3.0", "kernelArguments", "mountUnits", "mountUnitsRemote", "mountUnitsSwap", "resources", "trees"],
      v0_5: ["3.4.0", "kernelArguments", "localContents", "mountUnits", "mountUnitsRemote", "mountUnitsSwap", "resources", "trees"],
      v0_6: ["3.5.0", "kernelArguments", "localContents", "mountUnits", "mountUnitsRemote", "mountUnitsSwap", "resources", "trees"],
      v0_7: ["3.6.0", "kernelArguments", "localContents", "mountUnits", "mountUnitsRemote", "mountUnitsSwap", "resources", "treeOwnership", "trees"],
      v0_8_exp: ["3.7.0-experimental", "kernelArguments", "localContents", "mountUnits", "mountUnitsRemote", "mountUnitsSwap", "quadlets", "resources", "treeOwnership", "trees"],
    });
  });

  test("the fcos versions name the boot device features they have", () => {
    const fcos = listVariants().filter((v) => v.variant === "fcos");
    expect(Object.fromEntries(fcos.map((v) => [v.version, on(v.features ?? {})]))).toEqual({
      "1.0.0": [],
      "1.1.0": [],
      "1.2.0": [],
      "1.3.0": ["rootPartitionChecks"],
      "1.4.0": ["rootPartitionChecks"],
      "1.5.0": ["bootDeviceLuksDiscard", "rootPartitionChecks"],
      "1.6.0": ["bootDeviceLuksDiscard", "bootDeviceS390x", "rootPartitionChecks"],
      "1.7.0": ["bootDeviceLuksDiscard", "bootDeviceS390x", "rootPartitionChecks"],
      "1.8.0-experimental": ["bootDeviceLuksDiscard", "bootDeviceS390x", "rootPartitionChecks"],
    });
    // 1.5 added a field to the end of BootDeviceLuks and a top-level field; 1.6 reordered it.
    const luks = (version: string) => fcos.find((v) => v.version === version)!.schema.structs.BootDeviceLuks!.map((f) => f.key);
    expect(luks("1.4.0")).toEqual(["tang", "threshold", "tpm2"]);
    expect(luks("1.5.0")).toEqual(["tang", "threshold", "tpm2", "discard"]);
    expect(luks("1.6.0")).toEqual(["cex", "discard", "device", "tang", "threshold", "tpm2"]);
    expect(fcos.find((v) => v.version === "1.5.0")!.schema.structs.Config!.slice(-2).map((f) => f.key)).toEqual(["boot_device", "grub"]);
  });
});

describe("variant deltas", () => {
  const a: TranslateStep = (_c, _cfg, r) => r;
  const b: TranslateStep = (_c, _cfg, r) => r;
  const c: TranslateStep = (_c, _cfg, r) => r;
  const f1 = fieldFilters({ "storage.luks.clevis": "no clevis" });
  const f2 = fieldFilters({ "storage.luks.cex": "no cex" });
  const v1 = defineVariantVersion(null, {
    variant: "delta-test",
    version: "1.0.0",
    pkg: "v1_0",
    base: bases.v0_5,
    configFields: [{ key: "motd", type: "Motd" }],
    structs: { Motd: [{ key: "text", type: "string" }, { key: "color", type: "string" }] },
    steps: [a, b],
    filters: [f1],
    features: { shiny: true, dull: true },
  });

  test("add and remove steps, filters, fields and features, keeping the rest", () => {
    const v2 = defineVariantVersion(v1, {
      version: "1.1.0",
      pkg: "v1_1",
      removeSteps: [a],
      addSteps: [c],
      removeFilters: [f1],
      addFilters: [f2],
      fields: { Motd: { remove: ["color"], add: [{ key: "lines", type: "int" }] }, Config: { add: [{ key: "banner", type: "string" }] } },
      features: { dull: false, fresh: true },
    });
    expect(v2.steps).toEqual([b, c]);
    expect(v2.filters).toEqual([f2]);
    expect(v2.schema.structs.Motd!.map((f) => f.key)).toEqual(["text", "lines"]);
    expect(v2.schema.structs.Config!.slice(-2).map((f) => f.key)).toEqual(["motd", "banner"]);
    expect(on(v2.features ?? {})).toEqual(["fresh", "shiny"]);
    // What a delta does not mention carries over.
    const v3 = defineVariantVersion(v2, { version: "1.2.0", pkg: "v1_2", base: bases.v0_8_exp });
    expect([v3.steps, v3.filters, v3.features]).toEqual([v2.steps, v2.filters, v2.features]);
    expect(v3.schema.structs.Motd).toEqual(v2.schema.structs.Motd);
  });

  test("a field delta must name fields that exist (or not yet)", () => {
    expect(() => withFields([{ key: "a", type: "string" }], { remove: ["b"] })).toThrow("no field b to remove");
    expect(() => withFields([{ key: "a", type: "string" }], { add: [{ key: "a", type: "int" }] })).toThrow("field a is already there");
    expect(() => defineVariantVersion(v1, { version: "1.1.0", pkg: "v1_1", fields: { Nope: { add: [] } } })).toThrow("no variant struct Nope");
  });
});

describe("Ignition spec versions", () => {
  test("each names the validation features it has", async () => {
    const { IGNITION_SPECS } = await import("../../src/ignition/spec");
    expect(Object.fromEntries(IGNITION_SPECS.map((s) => [s.version, on(s.features)]))).toEqual({
      "3.0.0": [],
      "3.1.0": ["hashSha256", "requiredSources"],
      "3.2.0": ["hashSha256", "requiredSources", "urlSchemeGs"],
      "3.3.0": ["clevisCustomOptional", "filesystemFormatNone", "hashSha256", "linkTargetRequired", "raidLevelRequired", "requiredSources", "urlSchemeGs"],
      "3.4.0": ["clevisCustomOptional", "filesystemFormatNone", "hashSha256", "linkTargetRequired", "raidLevelRequired", "requiredSources", "tangAdvertisement", "urlSchemeArn", "urlSchemeGs"],
      "3.5.0": ["clevisCustomOptional", "filesystemFormatNone", "hashSha256", "linkTargetRequired", "luksCex", "raidLevelRequired", "requiredSources", "tangAdvertisement", "urlSchemeArn", "urlSchemeGs"],
      "3.6.0": ["clevisCustomAnyPin", "clevisCustomOptional", "filesystemFormatNone", "hashSha256", "linkTargetRequired", "luksCex", "raidLevelRequired", "requiredSources", "specialModeBits", "tangAdvertisement", "urlSchemeArn", "urlSchemeGs"],
      "3.7.0-experimental": ["clevisCustomAnyPin", "clevisCustomOptional", "filesystemFormatNone", "hashSha256", "linkTargetRequired", "luksCex", "raidLevelRequired", "requiredSources", "specialModeBits", "tangAdvertisement", "urlSchemeArn", "urlSchemeGs"],
    });
  });
});

describe("through the public API", () => {
  test("a variant's versions from a list of deltas, a step switched on by a named feature", async () => {
    const api = await import("../../src/index");
    const banner: TranslateStep = (ctx, _cfg, result) => {
      if (!ctx.features.banner) return result;
      const storage = (result.config.storage ??= {}) as { files?: unknown[] };
      (storage.files ??= []).push({ path: "/etc/banner", contents: { source: api.makeDataUrl(new TextEncoder().encode("hi"), undefined, false).url } });
      return result;
    };
    const versions = api.defineVariantVersions([
      { variant: "deltas-api", version: "1.0.0", base: api.baseVersions.v0_5, steps: [banner] },
      { version: "1.1.0-experimental", base: api.baseVersions.v0_8_exp, features: { banner: true } },
    ]);
    expect(versions.map((v) => [v.version, v.schema.variantPkg])).toEqual([["1.0.0", "v1_0"], ["1.1.0-experimental", "v1_1_exp"]]);
    for (const v of versions) api.registerVariant(v);
    const out = (version: string) => api.translate(`variant: deltas-api\nversion: ${version}\n`).config as { storage?: { files?: { path: string }[] } };
    expect(out("1.0.0").storage?.files).toBeUndefined();
    expect(out("1.1.0-experimental").storage?.files?.map((f) => f.path)).toEqual(["/etc/banner"]);
  });
});
