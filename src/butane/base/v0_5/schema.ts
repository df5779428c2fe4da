// Base spec 0.5: contents_local for units and dropins, ssh_authorized_keys_local, LUKS discard/open options, Tang advertisement.
import { extendSchema } from "../../schema";
import { schema as previous } from "../v0_4/schema";

export const schema = extendSchema(previous, {
  structs: {
    Dropin: [
      { key: "contents", type: "string", optional: true },
      { key: "contents_local", type: "string", optional: true },
      { key: "name", type: "string" },
    ],
    Luks: [
      { key: "clevis", type: "Clevis" },
      { key: "device", type: "string", optional: true },
      { key: "discard", type: "bool", optional: true },
      { key: "key_file", type: "Resource" },
      { key: "label", type: "string", optional: true },
      { key: "name", type: "string" },
      { key: "open_options", type: "string[]" },
      { key: "options", type: "string[]" },
      { key: "uuid", type: "string", optional: true },
      { key: "wipe_volume", type: "bool", optional: true },
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
      { key: "ssh_authorized_keys_local", type: "string[]" },
      { key: "shell", type: "string", optional: true },
      { key: "system", type: "bool", optional: true },
      { key: "uid", type: "int", optional: true },
    ],
    Raid: [
      { key: "devices", type: "Device[]" },
      { key: "level", type: "string", optional: true },
      { key: "name", type: "string" },
      { key: "options", type: "string[]" },
      { key: "spares", type: "int", optional: true },
    ],
    Tang: [
      { key: "thumbprint", type: "string", optional: true },
      { key: "url", type: "string" },
      { key: "advertisement", type: "string", optional: true },
    ],
    Unit: [
      { key: "contents", type: "string", optional: true },
      { key: "contents_local", type: "string", optional: true },
      { key: "dropins", type: "Dropin[]" },
      { key: "enabled", type: "bool", optional: true },
      { key: "mask", type: "bool", optional: true },
      { key: "name", type: "string" },
    ],
  },
  removed: ["FilesystemOption", "LuksOption", "RaidOption"],
});
