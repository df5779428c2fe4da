// Fedora CoreOS spec versions, each a delta of the one before.

import { bases } from "../../base";
import { defineVariantVersions, type VariantVersion } from "../define";
import { bootDeviceLuksRule, bootDeviceRule, bootDeviceRuleLegacy, configRule, grubUserRule, mirrorRule } from "./rules";
import { bootDeviceStep, grubStep, partitionChecks } from "./steps";

function build(): readonly VariantVersion[] {
  return defineVariantVersions([
    {
      variant: "fcos",
      version: "1.0.0",
      base: bases.v0_1,
      steps: [partitionChecks],
    },
    { version: "1.1.0", base: bases.v0_2 },
    { version: "1.2.0", base: bases.v0_3 },
    // 1.3: boot_device (LUKS with Clevis, mirrored boot disk).
    {
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
    },
    { version: "1.4.0", base: bases.v0_4 },
    // 1.5: LUKS discard, GRUB superusers.
    {
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
    },
    // 1.6: s390x layouts, LUKS on CEX, a device for s390x LUKS; checks on reused
    // partitions and mount unit locations. (The reference's BootDeviceLuks is
    // reordered here, so it is given whole.)
    {
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
    },
    // 1.7: a mirror without a layout is an error; a LUKS device needs a method.
    {
      version: "1.7.0",
      base: bases.v0_7,
      rules: { BootDevice: bootDeviceRule(true), BootDeviceLuks: bootDeviceLuksRule },
    },
    { version: "1.8.0-experimental", base: bases.v0_8_exp },
  ]);
}

let built: readonly VariantVersion[] | undefined;

/** The fcos versions, built on first use (most runs need one variant only). */
export function fcosVersions(): readonly VariantVersion[] {
  return (built ??= build());
}
