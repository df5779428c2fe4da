// Fedora CoreOS spec versions, each a delta of the one before.

import { bases } from "../../base";
import { defineVariantVersion, type VariantVersion } from "../define";
import { bootDeviceLuksRule, bootDeviceRule, bootDeviceRuleLegacy, configRule, grubUserRule, mirrorRule } from "./rules";
import { bootDeviceStep, grubStep, partitionChecks } from "./steps";

function build(): readonly VariantVersion[] {
  const v1_0 = defineVariantVersion(null, {
    variant: "fcos",
    version: "1.0.0",
    base: bases.v0_1,
    steps: [partitionChecks],
  });
  const v1_1 = defineVariantVersion(v1_0, { version: "1.1.0", base: bases.v0_2 });
  const v1_2 = defineVariantVersion(v1_1, { version: "1.2.0", base: bases.v0_3 });

  // 1.3: boot_device (LUKS with Clevis, mirrored boot disk).
  const v1_3 = defineVariantVersion(v1_2, {
    version: "1.3.0",
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
    // The boot device is desugared before the partition checks see the disks.
    steps: [bootDeviceStep, partitionChecks],
    features: { rootPartitionChecks: true },
  });
  const v1_4 = defineVariantVersion(v1_3, { version: "1.4.0", base: bases.v0_4 });

  // 1.5: LUKS discard, GRUB superusers.
  const v1_5 = defineVariantVersion(v1_4, {
    version: "1.5.0",
    base: bases.v0_5,
    fields: {
      Config: { add: [{ key: "grub", type: "Grub" }] },
      BootDeviceLuks: { add: [{ key: "discard", type: "bool", optional: true }] },
    },
    structs: {
      Grub: [{ key: "users", type: "GrubUser[]" }],
      GrubUser: [
        { key: "name", type: "string" },
        { key: "password_hash", type: "string", optional: true },
      ],
    },
    rules: { GrubUser: grubUserRule },
    addSteps: [grubStep],
    features: { bootDeviceLuksDiscard: true },
  });

  // 1.6: s390x layouts, LUKS on CEX, a device for s390x LUKS; checks on reused
  // partitions and mount unit locations. (The reference's BootDeviceLuks is
  // reordered here, so it is given whole.)
  const v1_6 = defineVariantVersion(v1_5, {
    version: "1.6.0",
    base: bases.v0_6,
    features: { bootDeviceS390x: true },
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
  });

  // 1.7: a mirror without a layout is an error; a LUKS device needs a method.
  const v1_7 = defineVariantVersion(v1_6, {
    version: "1.7.0",
    base: bases.v0_7,
    rules: { BootDevice: bootDeviceRule(true), BootDeviceLuks: bootDeviceLuksRule },
  });
  const v1_8 = defineVariantVersion(v1_7, { version: "1.8.0-experimental", base: bases.v0_8_exp });

  return [v1_0, v1_1, v1_2, v1_3, v1_4, v1_5, v1_6, v1_7, v1_8];
}

let built: readonly VariantVersion[] | undefined;

/** The fcos versions, built on first use (most runs need one variant only). */
export function fcosVersions(): readonly VariantVersion[] {
  return (built ??= build());
}
