// Ignition spec 3.2.0: LUKS volumes with Clevis (Tang, TPM2, custom pins), partition resize, shouldExist for users and groups.
import { defineVersion } from "./model";
import { v3_1 } from "./v3_1";

export const v3_2 = defineVersion(v3_1, {
  version: "3.2.0",
  features: { urlSchemeGs: true },
  structs: {
    Clevis: [
      { key: "custom", type: "Custom", optional: true },
      { key: "tang", type: "Tang[]" },
      { key: "threshold", type: "int", optional: true },
      { key: "tpm2", type: "bool", optional: true },
    ],
    Custom: [
      { key: "config", type: "string", always: true },
      { key: "needsNetwork", type: "bool", optional: true },
      { key: "pin", type: "string", always: true },
    ],
    Luks: [
      { key: "clevis", type: "Clevis", optional: true },
      { key: "device", type: "string", optional: true },
      { key: "keyFile", type: "Resource" },
      { key: "label", type: "string", optional: true },
      { key: "name", type: "string", always: true },
      { key: "options", type: "string[]", goType: "[]LuksOption" },
      { key: "uuid", type: "string", optional: true },
      { key: "wipeVolume", type: "bool", optional: true },
    ],
    Partition: [
      { key: "guid", type: "string", optional: true },
      { key: "label", type: "string", optional: true },
      { key: "number", type: "int" },
      { key: "resize", type: "bool", optional: true },
      { key: "shouldExist", type: "bool", optional: true },
      { key: "sizeMiB", type: "int", optional: true },
      { key: "startMiB", type: "int", optional: true },
      { key: "typeGuid", type: "string", optional: true },
      { key: "wipePartitionEntry", type: "bool", optional: true },
    ],
    PasswdGroup: [
      { key: "gid", type: "int", optional: true },
      { key: "name", type: "string", always: true },
      { key: "passwordHash", type: "string", optional: true },
      { key: "shouldExist", type: "bool", optional: true },
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
      { key: "shouldExist", type: "bool", optional: true },
      { key: "system", type: "bool", optional: true },
      { key: "uid", type: "int", optional: true },
    ],
    Storage: [
      { key: "directories", type: "Directory[]" },
      { key: "disks", type: "Disk[]" },
      { key: "files", type: "File[]" },
      { key: "filesystems", type: "Filesystem[]" },
      { key: "links", type: "Link[]" },
      { key: "luks", type: "Luks[]" },
      { key: "raid", type: "Raid[]" },
    ],
    Tang: [
      { key: "thumbprint", type: "string", optional: true },
      { key: "url", type: "string" },
    ],
  },
});
