// Ignition spec 3.3.0: kernel arguments, optional link targets, RAID level/devices made optional, Clevis custom pin fields optional.
import { defineVersion } from "./model";
import { v3_2 } from "./v3_2";

export const v3_3 = defineVersion(v3_2, {
  version: "3.3.0",
  features: { linkTargetRequired: true, filesystemFormatNone: true, raidLevelRequired: true, clevisCustomOptional: true },
  structs: {
    Clevis: [
      { key: "custom", type: "ClevisCustom" },
      { key: "tang", type: "Tang[]" },
      { key: "threshold", type: "int", optional: true },
      { key: "tpm2", type: "bool", optional: true },
    ],
    ClevisCustom: [
      { key: "config", type: "string", optional: true },
      { key: "needsNetwork", type: "bool", optional: true },
      { key: "pin", type: "string", optional: true },
    ],
    Config: [
      { key: "ignition", type: "Ignition", always: true },
      { key: "kernelArguments", type: "KernelArguments" },
      { key: "passwd", type: "Passwd" },
      { key: "storage", type: "Storage" },
      { key: "systemd", type: "Systemd" },
    ],
    KernelArguments: [
      { key: "shouldExist", type: "string[]", goType: "[]KernelArgument" },
      { key: "shouldNotExist", type: "string[]", goType: "[]KernelArgument" },
    ],
    Link: [
      { key: "group", type: "NodeGroup", embedded: "Node" },
      { key: "overwrite", type: "bool", optional: true, embedded: "Node" },
      { key: "path", type: "string", always: true, embedded: "Node" },
      { key: "user", type: "NodeUser", embedded: "Node" },
      { key: "hard", type: "bool", optional: true, embedded: "LinkEmbedded1" },
      { key: "target", type: "string", optional: true, embedded: "LinkEmbedded1" },
    ],
    Luks: [
      { key: "clevis", type: "Clevis" },
      { key: "device", type: "string", optional: true },
      { key: "keyFile", type: "Resource" },
      { key: "label", type: "string", optional: true },
      { key: "name", type: "string", always: true },
      { key: "options", type: "string[]", goType: "[]LuksOption" },
      { key: "uuid", type: "string", optional: true },
      { key: "wipeVolume", type: "bool", optional: true },
    ],
    Raid: [
      { key: "devices", type: "string[]", goType: "[]Device" },
      { key: "level", type: "string", optional: true },
      { key: "name", type: "string", always: true },
      { key: "options", type: "string[]", goType: "[]RaidOption" },
      { key: "spares", type: "int", optional: true },
    ],
  },
  removed: ["Custom"],
});
