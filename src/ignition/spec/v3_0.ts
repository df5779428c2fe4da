// Ignition spec 3.0.0: the first version of the v3 config format.
import { defineVersion } from "./model";

export const v3_0 = defineVersion(null, {
  version: "3.0.0",
  structs: {
    CaReference: [
      { key: "source", type: "string", always: true },
      { key: "verification", type: "Verification" },
    ],
    Config: [
      { key: "ignition", type: "Ignition", always: true },
      { key: "passwd", type: "Passwd" },
      { key: "storage", type: "Storage" },
      { key: "systemd", type: "Systemd" },
    ],
    ConfigReference: [
      { key: "source", type: "string", optional: true, always: true },
      { key: "verification", type: "Verification" },
    ],
    Directory: [
      { key: "group", type: "NodeGroup", embedded: "Node" },
      { key: "overwrite", type: "bool", optional: true, embedded: "Node" },
      { key: "path", type: "string", always: true, embedded: "Node" },
      { key: "user", type: "NodeUser", embedded: "Node" },
      { key: "mode", type: "int", optional: true, embedded: "DirectoryEmbedded1" },
    ],
    Disk: [
      { key: "device", type: "string", always: true },
      { key: "partitions", type: "Partition[]" },
      { key: "wipeTable", type: "bool", optional: true },
    ],
    Dropin: [
      { key: "contents", type: "string", optional: true },
      { key: "name", type: "string", always: true },
    ],
    File: [
      { key: "group", type: "NodeGroup", embedded: "Node" },
      { key: "overwrite", type: "bool", optional: true, embedded: "Node" },
      { key: "path", type: "string", always: true, embedded: "Node" },
      { key: "user", type: "NodeUser", embedded: "Node" },
      { key: "append", type: "FileContents[]", embedded: "FileEmbedded1" },
      { key: "contents", type: "FileContents", embedded: "FileEmbedded1" },
      { key: "mode", type: "int", optional: true, embedded: "FileEmbedded1" },
    ],
    FileContents: [
      { key: "compression", type: "string", optional: true },
      { key: "source", type: "string", optional: true },
      { key: "verification", type: "Verification" },
    ],
    Filesystem: [
      { key: "device", type: "string", always: true },
      { key: "format", type: "string", optional: true },
      { key: "label", type: "string", optional: true },
      { key: "options", type: "string[]", goType: "[]FilesystemOption" },
      { key: "path", type: "string", optional: true },
      { key: "uuid", type: "string", optional: true },
      { key: "wipeFilesystem", type: "bool", optional: true },
    ],
    Ignition: [
      { key: "config", type: "IgnitionConfig" },
      { key: "security", type: "Security" },
      { key: "timeouts", type: "Timeouts" },
      { key: "version", type: "string" },
    ],
    IgnitionConfig: [
      { key: "merge", type: "ConfigReference[]" },
      { key: "replace", type: "ConfigReference" },
    ],
    Link: [
      { key: "group", type: "NodeGroup", embedded: "Node" },
      { key: "overwrite", type: "bool", optional: true, embedded: "Node" },
      { key: "path", type: "string", always: true, embedded: "Node" },
      { key: "user", type: "NodeUser", embedded: "Node" },
      { key: "hard", type: "bool", optional: true, embedded: "LinkEmbedded1" },
      { key: "target", type: "string", always: true, embedded: "LinkEmbedded1" },
    ],
    NodeGroup: [
      { key: "id", type: "int", optional: true },
      { key: "name", type: "string", optional: true },
    ],
    NodeUser: [
      { key: "id", type: "int", optional: true },
      { key: "name", type: "string", optional: true },
    ],
    Partition: [
      { key: "guid", type: "string", optional: true },
      { key: "label", type: "string", optional: true },
      { key: "number", type: "int" },
      { key: "shouldExist", type: "bool", optional: true },
      { key: "sizeMiB", type: "int", optional: true },
      { key: "startMiB", type: "int", optional: true },
      { key: "typeGuid", type: "string", optional: true },
      { key: "wipePartitionEntry", type: "bool", optional: true },
    ],
    Passwd: [
      { key: "groups", type: "PasswdGroup[]" },
      { key: "users", type: "PasswdUser[]" },
    ],
    PasswdGroup: [
      { key: "gid", type: "int", optional: true },
      { key: "name", type: "string", always: true },
      { key: "passwordHash", type: "string", optional: true },
      { key: "system", type: "bool", optional: true },
    ],
    PasswdUser: [
      { key: "gecos", type: "string", optional: true },
      { key: "groups", type: "string[]", goType: "[]Group" },
      { key: "homeDir", type: "string", optional: true },
      { key: "name", type: "string", always: true },
      { key: "noCreateHome", type: "bool", optional: true },
      { key: "noLogInit", type: "bool", optional: true },
      { key: "noUserGroup", type: "bool", optional: true },
      { key: "passwordHash", type: "string", optional: true },
      { key: "primaryGroup", type: "string", optional: true },
      { key: "sshAuthorizedKeys", type: "string[]", goType: "[]SSHAuthorizedKey" },
      { key: "shell", type: "string", optional: true },
      { key: "system", type: "bool", optional: true },
      { key: "uid", type: "int", optional: true },
    ],
    Raid: [
      { key: "devices", type: "string[]", always: true, goType: "[]Device" },
      { key: "level", type: "string", always: true },
      { key: "name", type: "string", always: true },
      { key: "options", type: "string[]", goType: "[]RaidOption" },
      { key: "spares", type: "int", optional: true },
    ],
    Security: [
      { key: "tls", type: "TLS" },
    ],
    Storage: [
      { key: "directories", type: "Directory[]" },
      { key: "disks", type: "Disk[]" },
      { key: "files", type: "File[]" },
      { key: "filesystems", type: "Filesystem[]" },
      { key: "links", type: "Link[]" },
      { key: "raid", type: "Raid[]" },
    ],
    Systemd: [
      { key: "units", type: "Unit[]" },
    ],
    TLS: [
      { key: "certificateAuthorities", type: "CaReference[]", itemNullable: true },
    ],
    Timeouts: [
      { key: "httpResponseHeaders", type: "int", optional: true },
      { key: "httpTotal", type: "int", optional: true },
    ],
    Unit: [
      { key: "contents", type: "string", optional: true },
      { key: "dropins", type: "Dropin[]" },
      { key: "enabled", type: "bool", optional: true },
      { key: "mask", type: "bool", optional: true },
      { key: "name", type: "string", always: true },
    ],
    Verification: [
      { key: "hash", type: "string", optional: true },
    ],
  },
});
