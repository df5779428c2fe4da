// Ignition spec 3.6.0: no struct changes (new semantic rules only).
import { defineVersion } from "./model";
import { v3_5 } from "./v3_5";

export const v3_6 = defineVersion(v3_5, {
  version: "3.6.0",
});
