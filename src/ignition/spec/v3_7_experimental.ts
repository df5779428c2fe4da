// Ignition spec 3.7.0-experimental: no struct changes yet.
import { defineVersion } from "./model";
import { v3_6 } from "./v3_6";

export const v3_7_experimental = defineVersion(v3_6, {
  version: "3.7.0-experimental",
});
