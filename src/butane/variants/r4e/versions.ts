// RHEL for Edge spec versions: the base spec without the storage and kernel
// argument sections the edge images cannot apply.

import { bases } from "../../base";
import { defineVariantVersions, type VariantVersion } from "../define";
import { EDGE_FILTERS, fieldFilters } from "../filters";

function build(): readonly VariantVersion[] {
  return defineVariantVersions([
    {
      variant: "r4e",
      version: "1.0.0",
      base: bases.v0_4,
      filters: [fieldFilters(EDGE_FILTERS)],
    },
    { version: "1.1.0", base: bases.v0_5 },
    { version: "1.2.0-experimental", base: bases.v0_8_exp },
  ]);
}

let built: readonly VariantVersion[] | undefined;

/** The r4e versions, built on first use (most runs need one variant only). */
export function r4eVersions(): readonly VariantVersion[] {
  return (built ??= build());
}
