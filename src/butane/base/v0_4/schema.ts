// Base spec 0.4: kernel arguments, optional link targets and RAID levels, Clevis custom pins with optional fields.
import { extendSchema } from "../../schema";
import { schema as previous } from "../v0_3/schema";

export const schema = extendSchema(previous, {
  structs: {
    Clevis: [
      { key: "custom", type: "ClevisCustom" },
      { key: "tang", type: "Tang[]" },
      { key: "threshold", type: "int", optional: true },
      { key: "tpm2", type: "bool", optional: true },
    ],
    ClevisCustom: [
      { key: "config", type: "string", optional: true },
      { key: "needs_network", type: "bool", optional: true },
      { key: "pin", type: "string", optional: true },
    ],
    Config: [
      { key: "version", type: "string" },
      { key: "variant", type: "string" },
      { key: "ignition", type: "Ignition" },
      { key: "kernel_arguments", type: "KernelArguments" },
      { key: "passwd", type: "Passwd" },
      { key: "storage", type: "Storage" },
      { key: "systemd", type: "Systemd" },
    ],
    KernelArguments: [
      { key: "should_exist", type: "KernelArgument[]" },
      { key: "should_not_exist", type: "KernelArgument[]" },
    ],
    Link: [
      { key: "group", type: "NodeGroup" },
      { key: "overwrite", type: "bool", optional: true },
      { key: "path", type: "string" },
      { key: "user", type: "NodeUser" },
      { key: "hard", type: "bool", optional: true },
      { key: "target", type: "string", optional: true },
    ],
    Luks: [
      { key: "clevis", type: "Clevis" },
      { key: "device", type: "string", optional: true },
      { key: "key_file", type: "Resource" },
      { key: "label", type: "string", optional: true },
      { key: "name", type: "string" },
      { key: "options", type: "LuksOption[]" },
      { key: "uuid", type: "string", optional: true },
      { key: "wipe_volume", type: "bool", optional: true },
    ],
    Raid: [
      { key: "devices", type: "Device[]" },
      { key: "level", type: "string", optional: true },
      { key: "name", type: "string" },
      { key: "options", type: "RaidOption[]" },
      { key: "spares", type: "int", optional: true },
    ],
  },
  aliases: {
    KernelArgument: "string",
  },
  removed: ["Custom"],
});
