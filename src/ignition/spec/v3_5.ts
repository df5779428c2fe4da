// Ignition spec 3.5.0: LUKS with IBM CEX.
import { defineVersion } from "./model";
import { v3_4 } from "./v3_4";

export const v3_5 = defineVersion(v3_4, {
  version: "3.5.0",
  features: { luksCex: true },
  structs: {
    Cex: [
      { key: "enabled", type: "bool", optional: true },
    ],
    Luks: [
      { key: "cex", type: "Cex" },
      { key: "clevis", type: "Clevis" },
      { key: "device", type: "string", optional: true },
      { key: "discard", type: "bool", optional: true },
      { key: "keyFile", type: "Resource" },
      { key: "label", type: "string", optional: true },
      { key: "name", type: "string", always: true },
      { key: "openOptions", type: "string[]", goType: "[]OpenOption" },
      { key: "options", type: "string[]", goType: "[]LuksOption" },
      { key: "uuid", type: "string", optional: true },
      { key: "wipeVolume", type: "bool", optional: true },
    ],
  },
});
