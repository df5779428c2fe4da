// Base spec 0.3: LUKS with Clevis, partition resize, should_exist for users and groups.
import { extendSchema } from "../../schema";
import { schema as previous } from "../v0_2/schema";

export const schema = extendSchema(previous, {
  structs: {
    Clevis: [
      { key: "custom", type: "Custom", optional: true },
      { key: "tang", type: "Tang[]" },
      { key: "threshold", type: "int", optional: true },
      { key: "tpm2", type: "bool", optional: true },
    ],
    Custom: [
      { key: "config", type: "string" },
      { key: "needs_network", type: "bool", optional: true },
      { key: "pin", type: "string" },
    ],
    Luks: [
      { key: "clevis", type: "Clevis", optional: true },
      { key: "device", type: "string", optional: true },
      { key: "key_file", type: "Resource" },
      { key: "label", type: "string", optional: true },
      { key: "name", type: "string" },
      { key: "options", type: "LuksOption[]" },
      { key: "uuid", type: "string", optional: true },
      { key: "wipe_volume", type: "bool", optional: true },
    ],
    Partition: [
      { key: "guid", type: "string", optional: true },
      { key: "label", type: "string", optional: true },
      { key: "number", type: "int" },
      { key: "resize", type: "bool", optional: true },
      { key: "should_exist", type: "bool", optional: true },
      { key: "size_mib", type: "int", optional: true },
      { key: "start_mib", type: "int", optional: true },
      { key: "type_guid", type: "string", optional: true },
      { key: "wipe_partition_entry", type: "bool", optional: true },
    ],
    PasswdGroup: [
      { key: "gid", type: "int", optional: true },
      { key: "name", type: "string" },
      { key: "password_hash", type: "string", optional: true },
      { key: "should_exist", type: "bool", optional: true },
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
      { key: "should_exist", type: "bool", optional: true },
      { key: "ssh_authorized_keys", type: "SSHAuthorizedKey[]" },
      { key: "shell", type: "string", optional: true },
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
      { key: "trees", type: "Tree[]", skip: true },
    ],
    Tang: [
      { key: "thumbprint", type: "string", optional: true },
      { key: "url", type: "string" },
    ],
  },
  aliases: {
    LuksOption: "string",
  },
});
