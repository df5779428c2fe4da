// Fedora CoreOS spec versions, each a delta of the one before.

import { base as base0_1 } from "../../base/v0_1";
import { base as base0_2 } from "../../base/v0_2";
import { base as base0_3 } from "../../base/v0_3";
import { base as base0_4 } from "../../base/v0_4";
import { base as base0_5 } from "../../base/v0_5";
import { base as base0_6 } from "../../base/v0_6";
import { base as base0_7 } from "../../base/v0_7";
import { base as base0_8 } from "../../base/v0_8_exp";
import { defineVariantVersion, type VariantVersion } from "../define";
import { bootDeviceLuksRule, bootDeviceRule, bootDeviceRuleLegacy, configRule, grubUserRule, mirrorRule } from "./rules";
import { bootDeviceStep, grubStep, partitionChecks } from "./steps";

function build(): readonly VariantVersion[] {
  const v1_0 = defineVariantVersion(null, {
    variant: "fcos",
    version: "1.0.0",
    pkg: "v1_0",
    base: base0_1,
    steps: [partitionChecks(false)],
  });
  const v1_1 = defineVariantVersion(v1_0, { version: "1.1.0", pkg: "v1_1", base: base0_2 });
  const v1_2 = defineVariantVersion(v1_1, { version: "1.2.0", pkg: "v1_2", base: base0_3 });

  // 1.3: boot_device (LUKS with Clevis, mirrored boot disk).
  const v1_3 = defineVariantVersion(v1_2, {
    version: "1.3.0",
    pkg: "v1_3",
    configFields: [{ key: "boot_device", type: "BootDevice" }],
    structs: {
      BootDevice: [
        { key: "layout", type: "string", optional: true },
        { key: "luks", type: "BootDeviceLuks" },
        { key: "mirror", type: "BootDeviceMirror" },
      ],
      BootDeviceLuks: [
        { key: "tang", type: "Tang[]" },
        { key: "threshold", type: "int", optional: true },
        { key: "tpm2", type: "bool", optional: true },
      ],
      BootDeviceMirror: [{ key: "devices", type: "string[]" }],
    },
    rules: { BootDevice: bootDeviceRuleLegacy, BootDeviceMirror: mirrorRule },
    steps: [bootDeviceStep(3), partitionChecks(true)],
  });
  const v1_4 = defineVariantVersion(v1_3, { version: "1.4.0", pkg: "v1_4", base: base0_4 });

  // 1.5: LUKS discard, GRUB superusers.
  const v1_5 = defineVariantVersion(v1_4, {
    version: "1.5.0",
    pkg: "v1_5",
    base: base0_5,
    configFields: [
      { key: "boot_device", type: "BootDevice" },
      { key: "grub", type: "Grub" },
    ],
    structs: {
      BootDeviceLuks: [
        { key: "tang", type: "Tang[]" },
        { key: "threshold", type: "int", optional: true },
        { key: "tpm2", type: "bool", optional: true },
        { key: "discard", type: "bool", optional: true },
      ],
      Grub: [{ key: "users", type: "GrubUser[]" }],
      GrubUser: [
        { key: "name", type: "string" },
        { key: "password_hash", type: "string", optional: true },
      ],
    },
    rules: { GrubUser: grubUserRule },
    steps: [bootDeviceStep(5), partitionChecks(true), grubStep],
  });

  // 1.6: s390x layouts, LUKS on CEX, a device for s390x LUKS; checks on reused
  // partitions and mount unit locations.
  const v1_6 = defineVariantVersion(v1_5, {
    version: "1.6.0",
    pkg: "v1_6",
    base: base0_6,
    structs: {
      BootDeviceLuks: [
        { key: "cex", type: "Cex" },
        { key: "discard", type: "bool", optional: true },
        { key: "device", type: "string", optional: true },
        { key: "tang", type: "Tang[]" },
        { key: "threshold", type: "int", optional: true },
        { key: "tpm2", type: "bool", optional: true },
      ],
    },
    rules: { Config: configRule, BootDevice: bootDeviceRule(false) },
    steps: [bootDeviceStep(6), partitionChecks(true), grubStep],
  });

  // 1.7: a mirror without a layout is an error; a LUKS device needs a method.
  const v1_7 = defineVariantVersion(v1_6, {
    version: "1.7.0",
    pkg: "v1_7",
    base: base0_7,
    rules: { BootDevice: bootDeviceRule(true), BootDeviceLuks: bootDeviceLuksRule },
  });
  const v1_8 = defineVariantVersion(v1_7, { version: "1.8.0-experimental", pkg: "v1_8_exp", base: base0_8 });

  return [v1_0, v1_1, v1_2, v1_3, v1_4, v1_5, v1_6, v1_7, v1_8];
}

let built: readonly VariantVersion[] | undefined;

/** The fcos versions, built on first use (most runs need one variant only). */
export function fcosVersions(): readonly VariantVersion[] {
  return (built ??= build());
}
