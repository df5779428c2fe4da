// Base spec 0.2: resources become one type with local/inline sugar, HTTP headers and proxies; trees; mount units; filesystem mount options.
import { extendSchema } from "../../schema";
import { schema as previous } from "../v0_1/schema";

export const schema = extendSchema(previous, {
  structs: {
    File: [
      { key: "group", type: "NodeGroup" },
      { key: "overwrite", type: "bool", optional: true },
      { key: "path", type: "string" },
      { key: "user", type: "NodeUser" },
      { key: "append", type: "Resource[]" },
      { key: "contents", type: "Resource" },
      { key: "mode", type: "int", optional: true },
    ],
    Filesystem: [
      { key: "device", type: "string" },
      { key: "format", type: "string", optional: true },
      { key: "label", type: "string", optional: true },
      { key: "mount_options", type: "string[]" },
      { key: "options", type: "string[]" },
      { key: "path", type: "string", optional: true },
      { key: "uuid", type: "string", optional: true },
      { key: "wipe_filesystem", type: "bool", optional: true },
      { key: "with_mount_unit", type: "bool", optional: true, skip: true },
    ],
    HTTPHeader: [
      { key: "name", type: "string" },
      { key: "value", type: "string", optional: true },
    ],
    Ignition: [
      { key: "config", type: "IgnitionConfig" },
      { key: "proxy", type: "Proxy" },
      { key: "security", type: "Security" },
      { key: "timeouts", type: "Timeouts" },
    ],
    IgnitionConfig: [
      { key: "merge", type: "Resource[]" },
      { key: "replace", type: "Resource" },
    ],
    Proxy: [
      { key: "http_proxy", type: "string", optional: true },
      { key: "https_proxy", type: "string", optional: true },
      { key: "no_proxy", type: "string[]" },
    ],
    Resource: [
      { key: "compression", type: "string", optional: true },
      { key: "http_headers", type: "HTTPHeaders" },
      { key: "source", type: "string", optional: true },
      { key: "inline", type: "string", optional: true },
      { key: "local", type: "string", optional: true },
      { key: "verification", type: "Verification" },
    ],
    Storage: [
      { key: "directories", type: "Directory[]" },
      { key: "disks", type: "Disk[]" },
      { key: "files", type: "File[]" },
      { key: "filesystems", type: "Filesystem[]" },
      { key: "links", type: "Link[]" },
      { key: "raid", type: "Raid[]" },
      { key: "trees", type: "Tree[]", skip: true },
    ],
    TLS: [
      { key: "certificate_authorities", type: "Resource[]" },
    ],
    Tree: [
      { key: "local", type: "string" },
      { key: "path", type: "string", optional: true },
    ],
  },
  aliases: {
    HTTPHeaders: "HTTPHeader[]",
  },
  removed: ["CaReference", "ConfigReference", "FileContents"],
});
