// Ignition spec 3.1.0: file contents, CAs and config references become one Resource type with HTTP headers and compression; proxies; filesystem mount options.
import { defineVersion } from "./model";
import { v3_0 } from "./v3_0";

export const v3_1 = defineVersion(v3_0, {
  version: "3.1.0",
  features: { requiredSources: true, hashSha256: true },
  structs: {
    File: [
      { key: "group", type: "NodeGroup", embedded: "Node" },
      { key: "overwrite", type: "bool", optional: true, embedded: "Node" },
      { key: "path", type: "string", always: true, embedded: "Node" },
      { key: "user", type: "NodeUser", embedded: "Node" },
      { key: "append", type: "Resource[]", embedded: "FileEmbedded1" },
      { key: "contents", type: "Resource", embedded: "FileEmbedded1" },
      { key: "mode", type: "int", optional: true, embedded: "FileEmbedded1" },
    ],
    Filesystem: [
      { key: "device", type: "string", always: true },
      { key: "format", type: "string", optional: true },
      { key: "label", type: "string", optional: true },
      { key: "mountOptions", type: "string[]", goType: "[]MountOption" },
      { key: "options", type: "string[]", goType: "[]FilesystemOption" },
      { key: "path", type: "string", optional: true },
      { key: "uuid", type: "string", optional: true },
      { key: "wipeFilesystem", type: "bool", optional: true },
    ],
    HTTPHeader: [
      { key: "name", type: "string", always: true },
      { key: "value", type: "string", optional: true },
    ],
    Ignition: [
      { key: "config", type: "IgnitionConfig" },
      { key: "proxy", type: "Proxy" },
      { key: "security", type: "Security" },
      { key: "timeouts", type: "Timeouts" },
      { key: "version", type: "string" },
    ],
    IgnitionConfig: [
      { key: "merge", type: "Resource[]" },
      { key: "replace", type: "Resource" },
    ],
    Proxy: [
      { key: "httpProxy", type: "string", optional: true },
      { key: "httpsProxy", type: "string", optional: true },
      { key: "noProxy", type: "string[]", goType: "[]NoProxyItem", itemNullable: true },
    ],
    Resource: [
      { key: "compression", type: "string", optional: true },
      { key: "httpHeaders", type: "HTTPHeader[]", goType: "HTTPHeaders" },
      { key: "source", type: "string", optional: true },
      { key: "verification", type: "Verification" },
    ],
    TLS: [
      { key: "certificateAuthorities", type: "Resource[]" },
    ],
  },
  removed: ["CaReference", "ConfigReference", "FileContents"],
});
