// Flatcar Container Linux spec versions: the base spec with no sugar of its own;
// Flatcar's Ignition cannot unlock LUKS volumes with Clevis (1.0, 1.1) or CEX.

import { bases } from "../../base";
import { defineVariantVersions, type VariantVersion } from "../define";
import { SUPPORT } from "../../messages";
import { fieldFilters } from "../filters";

const noClevis = fieldFilters({ "storage.luks.clevis": SUPPORT.clevisSupport });
const noCex = fieldFilters({ "storage.luks.cex": SUPPORT.cexNotSupported });

function build(): readonly VariantVersion[] {
  return defineVariantVersions([
    {
      variant: "flatcar",
      version: "1.0.0",
      base: bases.v0_4,
      filters: [noClevis],
    },
    { version: "1.1.0", base: bases.v0_5 },
    {
      version: "1.2.0-experimental",
      base: bases.v0_8_exp,
      // Flatcar's Ignition gained Clevis; CEX it does not have.
      removeFilters: [noClevis],
      addFilters: [noCex],
    },
  ]);
}

let built: readonly VariantVersion[] | undefined;

/** The flatcar versions, built on first use (most runs need one variant only). */
export function flatcarVersions(): readonly VariantVersion[] {
  return (built ??= build());
}
