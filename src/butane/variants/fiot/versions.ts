// Fedora IoT spec versions: like RHEL for Edge, the base spec without the storage
// and kernel argument sections.

import { bases } from "../../base";
import { defineVariantVersions, type VariantVersion } from "../define";
import { EDGE_FILTERS, fieldFilters } from "../filters";

function build(): readonly VariantVersion[] {
  return defineVariantVersions([
    {
      variant: "fiot",
      version: "1.0.0",
      base: bases.v0_5,
      filters: [fieldFilters(EDGE_FILTERS)],
    },
    { version: "1.1.0-experimental", base: bases.v0_8_exp },
  ]);
}

let built: readonly VariantVersion[] | undefined;

/** The fiot versions, built on first use (most runs need one variant only). */
export function fiotVersions(): readonly VariantVersion[] {
  return (built ??= build());
}
