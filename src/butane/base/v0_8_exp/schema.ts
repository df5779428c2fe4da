// Base spec 0.8 (experimental): Podman quadlets.
import { extendSchema } from "../../schema";
import { schema as previous } from "../v0_7/schema";

export const schema = extendSchema(previous, {
  structs: {
    Quadlet: [
      { key: "contents", type: "string", optional: true },
      { key: "contents_local", type: "string", optional: true },
      { key: "name", type: "string" },
      { key: "rootful", type: "bool" },
      { key: "dropins", type: "Dropin[]" },
    ],
    Systemd: [
      { key: "units", type: "Unit[]" },
      { key: "quadlets", type: "Quadlet[]", skip: true },
    ],
  },
});
