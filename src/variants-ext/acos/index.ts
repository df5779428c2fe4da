// The `acos` variant: ALT Container OS. It is built outside the core, through the
// package's public entry only (as a third-party package would build a variant):
// each acos version is an fcos version (found with getVariant) plus
//   - `updates:` sugar, zincati's update strategy as a drop-in (updates.ts);
//   - checks on the ACOS users and `password: {prompt: true}` (users.ts).
// See docs/acos.md.

import { defineVariantVersion, getVariant, registerVariantLoader, type VariantVersion } from "../../index";
import { UPDATES_STRUCTS, updatesRule, updatesStep, windowRule } from "./updates";
import { PASSWORD_FIELD, PASSWORD_STRUCTS, passwordStep, userRule } from "./users";

export type { AcosVariantOptions } from "./users";
export { UPDATES_FILE, renderUpdatesToml } from "./updates";

/**
 * acos version → the fcos version it extends. 1.0.0 reads as Ignition spec 3.4.0 (fcos
 * 1.5.0), the spec ACOS's Ignition has read since its first images; the experimental
 * version follows the newest base.
 */
export const ACOS_VERSIONS: readonly { version: string; pkg: string; fcos: string }[] = [
  { version: "1.0.0", pkg: "v1_0", fcos: "1.5.0" },
  { version: "1.1.0-experimental", pkg: "v1_1_exp", fcos: "1.8.0-experimental" },
];

function acosVersion(version: string, pkg: string, fcosVersion: string): VariantVersion {
  const fcos = getVariant("fcos", fcosVersion);
  if (!fcos) throw new Error(`acos ${version} extends fcos ${fcosVersion}, which is not registered`);
  const fcosFields = fcos.schema.structs.Config!.slice(fcos.base.schema.structs.Config!.length);
  return defineVariantVersion(fcos, {
    variant: "acos",
    version,
    pkg,
    configFields: [...fcosFields, { key: "updates", type: "Updates" }],
    structs: {
      ...UPDATES_STRUCTS,
      ...PASSWORD_STRUCTS,
      PasswdUser: [...fcos.schema.structs.PasswdUser!, PASSWORD_FIELD],
    },
    rules: { Updates: updatesRule, UpdatesWindow: windowRule, PasswdUser: userRule(fcos.rules.PasswdUser) },
    steps: [...fcos.steps, passwordStep, updatesStep],
  });
}

/** Every acos version (built when a config first names the variant). */
export function acosVersions(): VariantVersion[] {
  return ACOS_VERSIONS.map((v) => acosVersion(v.version, v.pkg, v.fcos));
}

/** Makes `variant: acos` available; its versions are built on first use. */
export function registerAcos(): void {
  registerVariantLoader("acos", acosVersions);
}
