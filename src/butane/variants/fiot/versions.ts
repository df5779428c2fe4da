// Fedora IoT spec versions: like RHEL for Edge, the base spec without the storage
// and kernel argument sections.

import { bases } from "../../base";
import { defineVariantVersion, type VariantVersion } from "../define";
import { EDGE_FILTERS, fieldFilters } from "../filters";

function build(): readonly VariantVersion[] {
  const v1_0 = defineVariantVersion(null, {
    variant: "fiot",
    version: "1.0.0",
    base: bases.v0_5,
    filters: [fieldFilters(EDGE_FILTERS)],
  });
  const v1_1 = defineVariantVersion(v1_0, { version: "1.1.0-experimental", base: bases.v0_8_exp });

  return [v1_0, v1_1];
}

let built: readonly VariantVersion[] | undefined;

/** The fiot versions, built on first use (most runs need one variant only). */
export function fiotVersions(): readonly VariantVersion[] {
  return (built ??= build());
}
