// Messages Butane itself reports (the reference's wording, kept verbatim so that
// tools matching on them keep working).

export const MSG = {
  noVariant: "error parsing variant; must be specified",
  invalidVersion: "error parsing version; must be a valid semver",
  invalidSourceConfig: "source config is invalid",
  invalidGeneratedConfig: "config generated was invalid",
  rhcosRemoved: "rhcos variant has been removed; use openshift variant instead: https://coreos.github.io/butane/upgrading-openshift/",

  tooManyResourceSources: "only one of the following can be set: inline, local, source",
  treeNoLocal: "local is required",
  decimalMode: "unreasonable mode would be reasonable if specified in octal; remember to add a leading zero",
  tooManySystemdSources: "only one of the following can be set: contents, contents_local",
  quadletBadExtension: "unsupported file extension for quadlet: must be one of .container, .volume, .network, .kube, .image, .build, .pod, or .artifact",
  templateInstanceCannotHaveContents: "template instances cannot have contents or contents_local",

  mountUnitNoPath: "path is required if with_mount_unit is true and format is not swap",
  mountUnitNoFormat: "format is required if with_mount_unit is true",
  mountPointForbidden: "path must be under /etc or /var if with_mount_unit is true",

  unknownBootDeviceLayout: "layout must be one of: aarch64, ppc64le, s390x-eckd, s390x-virt, s390x-zfcp, x86_64",
  unknownBootDeviceLayoutLegacy: "layout must be one of: aarch64, ppc64le, x86_64",
  tooFewMirrorDevices: "mirroring requires at least two devices",
  mirrorRequiresLayout: "boot_device.layout should be specified when boot_device.mirror is specified",
  noLuksBootDevice: "device is required for layouts: s390x-eckd, s390x-zfcp",
  mirrorNotSupport: "mirroring not supported on layouts: s390x-eckd, s390x-zfcp, s390x-virt",
  luksBootDeviceBadName: "device name must start with /dev/dasd on s390x-eckd layout or /dev/sd on s390x-zfcp layout",
  cexArchitectureMismatch: "when using cex the targeted architecture must match s390x",
  cexNotSupported: "cex is not currently supported on the target platform",
  noLuksMethodSpecified: "no method specified for luks",
  cexWithClevis: "cannot use cex with clevis",

  reuseByLabel: "partitions cannot be reused by label; number must be specified except on boot disk (/dev/disk/by-id/coreos-boot-disk) or when wipe_table is true",
  wrongPartitionNumber: "incorrect partition number; a new partition will be created using reserved label",
  rootTooSmall: "root should have 8GiB of space assigned",
  rootConstrained: "root partition cannot expand; it is set to fill available space but is followed by an auto-positioned partition",

  grubUserNameNotSpecified: 'field "name" is required',
  grubPasswordNotSpecified: 'field "password_hash" is required',
} as const;

/** "No translator exists for variant X with version Y". */
export function unknownVersionMessage(variant: string, version: string): string {
  return `No translator exists for variant ${variant} with version ${version}`;
}

// ---- acos: ALT Container OS (src/variants-ext/acos) --------------------------------
// Messages of the `acos` variant's sugar and checks, each with its stable code. The
// variant imports them through the package entry, like any outside package would.

const ACOS_DAYS_HINT = "Mon, Tue, Wed, Thu, Fri, Sat, Sun (or the full English names)";

export const ACOS_MESSAGES = {
  strategyUnknown: { code: "acos.updates.strategy-unknown", text: "strategy must be one of: immediate, periodic, fleet_lock" },
  strategyMissing: { code: "acos.updates.strategy-missing", text: (field: string) => `${field} needs a strategy (periodic or fleet_lock)` },
  fieldNeedsStrategy: { code: "acos.updates.field-needs-strategy", text: (field: string, strategy: string) => `${field} applies only to strategy ${strategy}` },
  windowsMissing: { code: "acos.updates.windows-missing", text: "strategy periodic needs at least one entry in windows" },
  baseUrlMissing: { code: "acos.updates.base-url-missing", text: "strategy fleet_lock needs base_url, the FleetLock server's URL" },
  baseUrlInvalid: { code: "acos.updates.base-url-invalid", text: (why: string) => `base_url must be an http or https URL: ${why}` },
  groupInvalid: { code: "acos.updates.group-invalid", text: "group may contain only letters, digits, dots and dashes (zincati checks ^[a-zA-Z0-9.-]+$)" },
  rolloutWarinessRange: { code: "acos.updates.rollout-wariness-range", text: "rollout_wariness must be a number from 0.0 (eager) to 1.0 (cautious)" },
  daysMissing: { code: "acos.updates.days-missing", text: `days must name at least one day: ${ACOS_DAYS_HINT}` },
  dayUnknown: { code: "acos.updates.day-unknown", text: (day: string) => `unknown day ${JSON.stringify(day)}: use ${ACOS_DAYS_HINT}` },
  startTimeInvalid: { code: "acos.updates.start-time-invalid", text: (time: string) => `start_time ${JSON.stringify(time)} is not a 24-hour time HH:MM (00:00 to 23:59)` },
  lengthRange: { code: "acos.updates.length-range", text: "length_minutes must be from 1 to 10080 (one week)" },
  timeZoneUnknown: {
    code: "acos.updates.time-zone-unknown",
    text: (zone: string, release: string, suggestion?: string) =>
      `unknown time zone ${JSON.stringify(zone)}: use localtime or a name of the IANA tz database (${release}), e.g. Europe/Moscow` +
      (suggestion ? `; did you mean ${suggestion}?` : ""),
  },
  fileConflict: {
    code: "acos.updates.file-conflict",
    text: (file: string) => `${file} is generated from updates, and the config also sets it in storage; keep only one of them`,
  },
  passwordHashNotCrypt: {
    code: "acos.users.password-hash-not-crypt",
    text: (user: string) =>
      `password_hash of user ${JSON.stringify(user)} does not look like a crypt(3) hash ($y$, $2b$, $6$, $5$ or $1$) or a lock (! or *); ` +
      "a plain password here is written to the host as is, and nobody can log in with it (make a hash with butane-mkpasswd, or use password: {prompt: true})",
  },
  groupsDropDefaults: {
    code: "acos.users.groups-drop-defaults",
    text: (missing: string) =>
      `groups replaces the supplementary groups of the acos user, which are wheel (sudo) and docker on ACOS; this list drops ${missing} (add it to keep it)`,
  },
  passwordPromptConflict: { code: "acos.users.password-prompt-conflict", text: "password.prompt and password_hash cannot both be set" },
  passwordNotEntered: {
    code: "acos.users.password-not-entered",
    text: (user: string) =>
      `the password of user ${JSON.stringify(user)} is to be entered when compiling (password.prompt), but none was given: ` +
      "run butane on a terminal with the config as a file argument, or pass its hash in the passwordHashes variant option",
  },
  passwordOptionNotCrypt: {
    code: "acos.users.password-option-not-crypt",
    text: (user: string) => `the passwordHashes option for user ${JSON.stringify(user)} is not a crypt(3) hash; it is not written into the config`,
  },
} as const;
