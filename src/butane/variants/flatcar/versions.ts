// Flatcar Container Linux spec versions: the base spec with no sugar of its own;
// Flatcar's Ignition cannot unlock LUKS volumes with Clevis (1.0, 1.1) or CEX.

import { base as base0_4 } from "../../base/v0_4";
import { base as base0_5 } from "../../base/v0_5";
import { base as base0_8 } from "../../base/v0_8_exp";
import { defineVariantVersion, type VariantVersion } from "../define";
import { SUPPORT } from "../../messages";
import { fieldFilters } from "../filters";

function build(): readonly VariantVersion[] {
  const v1_0 = defineVariantVersion(null, {
    variant: "flatcar",
    version: "1.0.0",
    pkg: "v1_0",
    base: base0_4,
    filters: [fieldFilters({ "storage.luks.clevis": SUPPORT.clevisSupport })],
  });
  const v1_1 = defineVariantVersion(v1_0, { version: "1.1.0", pkg: "v1_1", base: base0_5 });
  const v1_2 = defineVariantVersion(v1_1, {
    version: "1.2.0-experimental",
    pkg: "v1_2_exp",
    base: base0_8,
    filters: [fieldFilters({ "storage.luks.cex": SUPPORT.cexNotSupported })],
  });

  return [v1_0, v1_1, v1_2];
}

let built: readonly VariantVersion[] | undefined;

/** The flatcar versions, built on first use (most runs need one variant only). */
export function flatcarVersions(): readonly VariantVersion[] {
  return (built ??= build());
}
