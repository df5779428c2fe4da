// What Ignition → Butane reports, in one place (codes: "decompile.*").

import type { VariantVersion } from "../butane/variants/define";

const name = (vv: VariantVersion) => `${vv.variant} ${vv.version}`;

export const DECOMPILE_MSG = {
  invalidIgnition: "the input is not a valid Ignition config",
  unknownVariant: (variant: string, known: string) => `unknown variant ${JSON.stringify(variant)} (known: ${known})`,
  noVariantVersion: (variant: string, ignition: string, versions: readonly VariantVersion[]) =>
    `no ${variant} version translates to Ignition ${ignition}; ${variant} versions target ` +
    versions.map((v) => `${v.base.features.spec.version} (${v.version})`).join(", "),
  noInput: (key: string, vv: VariantVersion) => `${name(vv)} has no Butane field that translates to "${key}"`,
  notExpressible: (vv: VariantVersion) => `the config cannot be expressed as a ${name(vv)} Butane config`,
  translationFails: (vv: VariantVersion, message: string) => `as ${name(vv)}: ${message}`,
  roundTripDiffers: (vv: VariantVersion) => `the ${name(vv)} config would not translate back to the same Ignition config`,
};
