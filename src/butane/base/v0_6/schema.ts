// Base spec 0.6: LUKS with IBM CEX.
import { extendSchema } from "../../schema";
import { schema as previous } from "../v0_5/schema";

export const schema = extendSchema(previous, {
  structs: {
    Cex: [
      { key: "enabled", type: "bool", optional: true },
    ],
    Luks: [
      { key: "cex", type: "Cex" },
      { key: "clevis", type: "Clevis" },
      { key: "device", type: "string", optional: true },
      { key: "discard", type: "bool", optional: true },
      { key: "key_file", type: "Resource" },
      { key: "label", type: "string", optional: true },
      { key: "name", type: "string" },
      { key: "open_options", type: "string[]" },
      { key: "options", type: "string[]" },
      { key: "uuid", type: "string", optional: true },
      { key: "wipe_volume", type: "bool", optional: true },
    ],
  },
});
