// Every message Butane itself reports, grouped by area as the reference's
// config/common/errors.go groups them, each with a stable code. The wording is the
// reference's, kept verbatim so that tools matching on it keep working; the code is
// what tools should match on instead (docs/diagnostics.md lists them all).
//
// Codes: BUT0xx the translation's outcome, BUT1xx reading the config (YAML, types,
// variant and version), BUT2xx validation of the Butane source, BUT3xx translation
// (local files, trees, generated sections), BUT4xx what a variant cannot apply
// (field filters and support checks). Ignition's own messages are IGNxxx
// (src/ignition/validate/messages.ts). A code is never reused for another meaning.

import { fixed, template, type Message } from "../core/catalogue";
import type { PathPart, Report, ReportEntry, Severity } from "../core/report";

export type { Message, Template } from "../core/catalogue";


/** Reports `m` as an error at `path`, stamped with its code. */
export function errorAt(report: Report, path: readonly PathPart[], m: Message, extra?: Partial<ReportEntry>): void {
  report.error(path, m.message, { ...extra, code: m.code });
}

/** Reports `m` as a warning at `path`, stamped with its code. */
export function warnAt(report: Report, path: readonly PathPart[], m: Message, extra?: Partial<ReportEntry>): void {
  report.warn(path, m.message, { ...extra, code: m.code });
}

/** A report entry for `m` (for checks that build their entry lists themselves). */
export function entryOf(severity: Severity, m: Message, path: readonly PathPart[], extra?: Partial<ReportEntry>): ReportEntry {
  return { severity, message: m.message, path: [...path], ...extra, code: m.code };
}

// ---- the translation's outcome: the text after "Error translating config: " ----------

export const OUTCOME = {
  invalidSourceConfig: fixed("BUT001", "source config is invalid"),
  invalidGeneratedConfig: fixed("BUT002", "config generated was invalid"),
  strictFailure: fixed("BUT003", "Config produced warnings and --strict was specified"),
  /** translate() was called with input or options it cannot use (a library error; the command never has it). */
  invalidArguments: template<[problem: string]>("BUT004", "invalid {argument}: {problem}", (p) => p),
} as const;

// ---- reading the config ------------------------------------------------------------

export const READ = {
  /** A YAML syntax error, in libyaml's words (e.g. "did not find expected key"). */
  yamlSyntax: template<[problem: string]>("BUT101", "{problem}", (p) => p),
  /** A document YAML can parse but not decode: aliases, anchors, merge keys, !!binary. */
  yamlStructure: template<[problem: string]>("BUT102", "{problem}", (p) => p),
  typeMismatch: template<[found: string, type: string]>("BUT103", "cannot unmarshal {found} into {type}", (f, t) => `cannot unmarshal ${f} into ${t}`),
  tooManyErrors: template<[limit: number]>("BUT104", "too many errors: stopped after {limit}", (n) => `too many errors: stopped after ${n}`),
  duplicateKey: template<[key: string, line: number]>("BUT105", "mapping key {key} already defined at line {line}", (k, l) => `mapping key ${k} already defined at line ${l}`),

  noVariant: fixed("BUT110", "error parsing variant; must be specified"),
  invalidVersion: fixed("BUT111", "error parsing version; must be a valid semver"),
  unknownVersion: template<[variant: string, version: string]>(
    "BUT112",
    "No translator exists for variant {variant} with version {version}",
    (variant, version) => `No translator exists for variant ${variant} with version ${version}`,
  ),
  rhcosRemoved: fixed("BUT113", "rhcos variant has been removed; use openshift variant instead: https://coreos.github.io/butane/upgrading-openshift/"),

  unusedKey: template<[key: string]>("BUT120", "unused key {key}", (k) => `unused key ${k}`),
  contextMismatch: template<[path: string]>(
    "BUT121",
    "context tree does not match content tree at {path}. Line and column reporting may be inconsistent. Unused keys may not be reported",
    (p) => `context tree does not match content tree at ${p}. Line and column reporting may be inconsistent. Unused keys may not be reported`,
  ),
} as const;

// ---- validation of the source --------------------------------------------------------

export const VALIDATE = {
  // resources and trees
  tooManyResourceSources: fixed("BUT201", "only one of the following can be set: inline, local, source"),
  treeNoLocal: fixed("BUT202", "local is required"),
  // filesystem nodes
  decimalMode: fixed("BUT203", "unreasonable mode would be reasonable if specified in octal; remember to add a leading zero"),
  // systemd and quadlets
  tooManySystemdSources: fixed("BUT204", "only one of the following can be set: contents, contents_local"),
  quadletBadExtension: fixed("BUT205", "unsupported file extension for quadlet: must be one of .container, .volume, .network, .kube, .image, .build, .pod, or .artifact"),
  templateInstanceCannotHaveContents: fixed("BUT206", "template instances cannot have contents or contents_local"),

  // mount units
  mountUnitNoPath: fixed("BUT210", "path is required if with_mount_unit is true and format is not swap"),
  mountUnitNoFormat: fixed("BUT211", "format is required if with_mount_unit is true"),
  mountPointForbidden: fixed("BUT212", "path must be under /etc or /var if with_mount_unit is true"),

  // boot device (fcos)
  unknownBootDeviceLayout: fixed("BUT220", "layout must be one of: aarch64, ppc64le, s390x-eckd, s390x-virt, s390x-zfcp, x86_64"),
  unknownBootDeviceLayoutLegacy: fixed("BUT221", "layout must be one of: aarch64, ppc64le, x86_64"),
  tooFewMirrorDevices: fixed("BUT222", "mirroring requires at least two devices"),
  mirrorRequiresLayout: fixed("BUT223", "boot_device.layout should be specified when boot_device.mirror is specified"),
  noLuksBootDevice: fixed("BUT224", "device is required for layouts: s390x-eckd, s390x-zfcp"),
  mirrorNotSupport: fixed("BUT225", "mirroring not supported on layouts: s390x-eckd, s390x-zfcp, s390x-virt"),
  luksBootDeviceBadName: fixed("BUT226", "device name must start with /dev/dasd on s390x-eckd layout or /dev/sd on s390x-zfcp layout"),
  cexArchitectureMismatch: fixed("BUT227", "when using cex the targeted architecture must match s390x"),
  cexWithClevis: fixed("BUT228", "cannot use cex with clevis"),
  noLuksMethodSpecified: fixed("BUT229", "no method specified for luks"),

  // GRUB (fcos)
  grubUserNameNotSpecified: fixed("BUT230", 'field "name" is required'),
  grubPasswordNotSpecified: fixed("BUT231", 'field "password_hash" is required'),

  // partitions (fcos)
  reuseByLabel: fixed("BUT235", "partitions cannot be reused by label; number must be specified except on boot disk (/dev/disk/by-id/coreos-boot-disk) or when wipe_table is true"),

  // OpenShift metadata and openshift section
  nameRequired: fixed("BUT240", "metadata.name is required"),
  roleRequired: fixed("BUT241", "machineconfiguration.openshift.io/role label is required"),
  invalidKernelType: fixed("BUT242", 'must be empty, "default", or "realtime"'),
  missingKernelArgumentCex: fixed("BUT243", "'rd.luks.key=/etc/luks/cex.key' must be set as kernel argument when CEX is enabled for the boot device"),
} as const;

// ---- translation ---------------------------------------------------------------------

export const TRANSLATE = {
  // local files
  noFilesDir: fixed("BUT301", "local file paths are relative to a files directory that must be specified with -d/--files-dir"),
  filesDirEscape: fixed("BUT302", "local file path traverses outside the files directory"),
  /** A file the config names could not be read (e.g. "open files/x: no such file or directory"). */
  fileAccess: template<[problem: string]>("BUT303", "{operation} {path}: {reason}", (p) => p),
  // trees and generated files
  nodeExists: fixed("BUT304", "matching filesystem node has existing contents or different type"),
  treeFileType: fixed("BUT305", "trees may only contain files, directories, and symlinks"),
  treeNotDirectory: fixed("BUT306", "root of tree must be a directory"),
  // embedded Ignition configs ("unkown" is the reference's spelling)
  unknownEmbeddedVersion: fixed("BUT307", "skipping validation for the merge/replace ignition config due to an unkown version"),

  // partitions on the boot disk (fcos)
  wrongPartitionNumber: fixed("BUT310", "incorrect partition number; a new partition will be created using reserved label"),
  rootTooSmall: fixed("BUT311", "root should have 8GiB of space assigned"),
  rootConstrained: fixed("BUT312", "root partition cannot expand; it is set to fill available space but is followed by an auto-positioned partition"),
} as const;

// ---- what a variant cannot apply -----------------------------------------------------

export const SUPPORT = {
  // field filters of flatcar, r4e, fiot
  clevisSupport: fixed("BUT401", "clevis is not supported in this spec version"),
  cexNotSupported: fixed("BUT402", "cex is not currently supported on the target platform"),
  generalKernelArgumentSupport: fixed("BUT403", "kernel argument customization is not supported in this spec version"),
  diskSupport: fixed("BUT404", "disk customization is not supported in this spec version"),
  filesystemSupport: fixed("BUT405", "filesystem customization is not supported in this spec version"),
  luksSupport: fixed("BUT406", "luks is not supported in this spec version"),
  raidSupport: fixed("BUT407", "raid is not supported in this spec version"),

  // OpenShift: what RHCOS and the Machine Config Operator cannot apply
  fieldElided: fixed("BUT420", "field ignored in raw mode"),
  btrfsSupport: fixed("BUT421", "btrfs is not supported in this spec version"),
  filesystemNoneSupport: fixed("BUT422", 'format "none" is not supported in this spec version'),
  fileSchemeSupport: fixed("BUT423", "file contents source must be data URL in this spec version"),
  fileAppendSupport: fixed("BUT424", "appending to files is not supported in this spec version"),
  fileCompressionSupport: fixed("BUT425", "file compression is not supported in this spec version"),
  fileHeaderSupport: fixed("BUT426", "file HTTP headers are not supported in this spec version"),
  fileSpecialModeSupport: fixed("BUT427", "special mode bits are not supported in this spec version"),
  groupSupport: fixed("BUT428", "groups are not supported in this spec version"),
  userFieldSupport: fixed("BUT429", 'fields other than "name", "ssh_authorized_keys", and "password_hash" (4.13.0+) are not supported in this spec version'),
  userNameSupport: fixed("BUT430", 'users other than "core" are not supported in this spec version'),
  kernelArgumentSupport: fixed("BUT431", "this section cannot be used for kernel arguments in this spec version; use openshift.kernel_arguments instead"),
  directorySupport: fixed("BUT432", "directories are not supported in this spec version"),
  linkSupport: fixed("BUT433", "links are not supported in this spec version"),
} as const;

/** Every Butane message, by area: the catalogue docs/diagnostics.md documents. */
export const BUTANE_MESSAGES = { OUTCOME, READ, VALIDATE, TRANSLATE, SUPPORT } as const;

/** The `--strict` failure: the text after "Error translating config: ". */
export const STRICT_FAILURE = OUTCOME.strictFailure.message;

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
