// Ignition spec 3.6.0: no struct changes; special mode bits are supported and any custom Clevis pin is accepted.
import { defineVersion } from "./model";
import { v3_5 } from "./v3_5";

export const v3_6 = defineVersion(v3_5, {
  version: "3.6.0",
  features: { specialModeBits: true, clevisCustomAnyPin: true },
});
