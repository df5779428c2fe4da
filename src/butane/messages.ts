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
