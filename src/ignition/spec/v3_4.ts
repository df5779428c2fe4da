// Ignition spec 3.4.0: LUKS discard and open options, Tang advertisement; ignition.version always written
// (and required by the schema); noProxy items no longer nullable in the schema.
import { defineVersion } from "./model";
import { v3_3 } from "./v3_3";

export const v3_4 = defineVersion(v3_3, {
  version: "3.4.0",
  features: { urlSchemeArn: true, tangAdvertisement: true },
  structs: {
    Ignition: [
      { key: "config", type: "IgnitionConfig" },
      { key: "proxy", type: "Proxy" },
      { key: "security", type: "Security" },
      { key: "timeouts", type: "Timeouts" },
      { key: "version", type: "string", always: true },
    ],
    Luks: [
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
    Proxy: [
      { key: "httpProxy", type: "string", optional: true },
      { key: "httpsProxy", type: "string", optional: true },
      { key: "noProxy", type: "string[]", goType: "[]NoProxyItem" },
    ],
    Tang: [
      { key: "advertisement", type: "string", optional: true },
      { key: "thumbprint", type: "string", optional: true },
      { key: "url", type: "string" },
    ],
  },
});
