// A third-party variant, registered through the extension point: "acme", an
// appliance OS whose single experimental spec version is the base spec 0.8 plus a
// `motd` section (written to /etc/motd) and no LUKS support. Nothing in src/ knows
// about it.

// Only the package's public entry is used: what a third party has.
import { baseVersions, defineVariantVersion, fieldFilters, makeDataUrl, registerVariant, type StructRule, type TranslateStep, type VariantVersion } from "../../../src/index";

const MOTD_EMPTY = "motd text must not be empty";
const NO_LUKS = "acme appliances have no disks to encrypt";

const motdRule: StructRule = (v, path, report) => {
  if (v.text === "") report.error([...path, "text"], MOTD_EMPTY);
};

/** motd.text → /etc/motd, recording that every part of the new file came from motd.text. */
const motdStep: TranslateStep = (ctx, cfg, result) => {
  const text = (cfg.motd as { text?: string } | undefined)?.text;
  if (text === undefined) return result;
  const storage = (result.config.storage ??= {}) as Record<string, unknown>;
  const files = (storage.files ??= []) as Record<string, unknown>[];
  const d = makeDataUrl(new TextEncoder().encode(text), undefined, !ctx.options.noResourceAutoCompression);
  const file = { path: "/etc/motd", mode: 0o644, contents: { source: d.url, ...(d.compression !== undefined ? { compression: d.compression } : {}) } };
  result.ts.addFromCommonSource(["motd", "text"], ["storage", "files", files.length], file, ctx.spec, "File");
  files.push(file);
  return result;
};

export const ACME_1_0_EXP: VariantVersion = defineVariantVersion(null, {
  variant: "acme",
  version: "1.0.0-experimental",
  pkg: "v1_0_exp",
  base: baseVersions.v0_8_exp,
  configFields: [{ key: "motd", type: "Motd" }],
  structs: { Motd: [{ key: "text", type: "string", optional: true }] },
  rules: { Motd: motdRule },
  steps: [motdStep],
  filters: [fieldFilters({ "storage.luks": NO_LUKS })],
});

export const MESSAGES = { MOTD_EMPTY, NO_LUKS };

export function registerAcme(): void {
  registerVariant(ACME_1_0_EXP);
}
