// Base spec 0.1 (fcos 1.0): the Ignition 3.0.0 structs plus inline file contents.
import { extendSchema } from "../../schema";

export const schema = extendSchema(null, {
  structs: {
    CaReference: [
      { key: "source", type: "string" },
      { key: "verification", type: "Verification" },
    ],
    Config: [
      { key: "version", type: "string" },
      { key: "variant", type: "string" },
      { key: "ignition", type: "Ignition" },
      { key: "passwd", type: "Passwd" },
      { key: "storage", type: "Storage" },
      { key: "systemd", type: "Systemd" },
    ],
    ConfigReference: [
      { key: "source", type: "string", optional: true },
      { key: "verification", type: "Verification" },
    ],
    Directory: [
      { key: "group", type: "NodeGroup" },
      { key: "overwrite", type: "bool", optional: true },
      { key: "path", type: "string" },
      { key: "user", type: "NodeUser" },
      { key: "mode", type: "int", optional: true },
    ],
    Disk: [
      { key: "device", type: "string" },
      { key: "partitions", type: "Partition[]" },
      { key: "wipe_table", type: "bool", optional: true },
    ],
    Dropin: [
      { key: "contents", type: "string", optional: true },
      { key: "name", type: "string" },
    ],
    File: [
      { key: "group", type: "NodeGroup" },
      { key: "overwrite", type: "bool", optional: true },
      { key: "path", type: "string" },
      { key: "user", type: "NodeUser" },
      { key: "append", type: "FileContents[]" },
      { key: "contents", type: "FileContents" },
      { key: "mode", type: "int", optional: true },
    ],
    FileContents: [
      { key: "compression", type: "string", optional: true },
      { key: "source", type: "string", optional: true },
      { key: "inline", type: "string", optional: true },
      { key: "verification", type: "Verification" },
    ],
    Filesystem: [
      { key: "device", type: "string" },
      { key: "format", type: "string", optional: true },
      { key: "label", type: "string", optional: true },
      { key: "options", type: "FilesystemOption[]" },
      { key: "path", type: "string", optional: true },
      { key: "uuid", type: "string", optional: true },
      { key: "wipe_filesystem", type: "bool", optional: true },
    ],
    Ignition: [
      { key: "config", type: "IgnitionConfig" },
      { key: "security", type: "Security" },
      { key: "timeouts", type: "Timeouts" },
    ],
    IgnitionConfig: [
      { key: "merge", type: "ConfigReference[]" },
      { key: "replace", type: "ConfigReference" },
    ],
    Link: [
      { key: "group", type: "NodeGroup" },
      { key: "overwrite", type: "bool", optional: true },
      { key: "path", type: "string" },
      { key: "user", type: "NodeUser" },
      { key: "hard", type: "bool", optional: true },
      { key: "target", type: "string" },
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
      { key: "should_exist", type: "bool", optional: true },
      { key: "size_mib", type: "int", optional: true },
      { key: "start_mib", type: "int", optional: true },
      { key: "type_guid", type: "string", optional: true },
      { key: "wipe_partition_entry", type: "bool", optional: true },
    ],
    Passwd: [
      { key: "groups", type: "PasswdGroup[]" },
      { key: "users", type: "PasswdUser[]" },
    ],
    PasswdGroup: [
      { key: "gid", type: "int", optional: true },
      { key: "name", type: "string" },
      { key: "password_hash", type: "string", optional: true },
      { key: "system", type: "bool", optional: true },
    ],
    PasswdUser: [
      { key: "gecos", type: "string", optional: true },
      { key: "groups", type: "Group[]" },
      { key: "home_dir", type: "string", optional: true },
      { key: "name", type: "string" },
      { key: "no_create_home", type: "bool", optional: true },
      { key: "no_log_init", type: "bool", optional: true },
      { key: "no_user_group", type: "bool", optional: true },
      { key: "password_hash", type: "string", optional: true },
      { key: "primary_group", type: "string", optional: true },
      { key: "ssh_authorized_keys", type: "SSHAuthorizedKey[]" },
      { key: "shell", type: "string", optional: true },
      { key: "system", type: "bool", optional: true },
      { key: "uid", type: "int", optional: true },
    ],
    Raid: [
      { key: "devices", type: "Device[]" },
      { key: "level", type: "string" },
      { key: "name", type: "string" },
      { key: "options", type: "RaidOption[]" },
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
      { key: "certificate_authorities", type: "CaReference[]" },
    ],
    Timeouts: [
      { key: "http_response_headers", type: "int", optional: true },
      { key: "http_total", type: "int", optional: true },
    ],
    Unit: [
      { key: "contents", type: "string", optional: true },
      { key: "dropins", type: "Dropin[]" },
      { key: "enabled", type: "bool", optional: true },
      { key: "mask", type: "bool", optional: true },
      { key: "name", type: "string" },
    ],
    Verification: [
      { key: "hash", type: "string", optional: true },
    ],
  },
  aliases: {
    Device: "string",
    FilesystemOption: "string",
    Group: "string",
    RaidOption: "string",
    SSHAuthorizedKey: "string",
  },
});
