// Ignition's error and warning texts (config/shared/errors and the Validate methods of
// Ignition v2.26.0), each with a stable code: IGN1xx parsing and versions, IGN2xx
// resources, IGN3xx filesystem nodes, IGN4xx storage devices, IGN5xx LUKS, IGN6xx
// systemd, IGN7xx duplicates, IGN8xx the JSON Schema checks of ignition-validate. docs/diagnostics.md lists them all.

import { fixed, template } from "../../core/catalogue";


/** Ignition's fixed messages, by area. */
export const IGNITION_FIXED = {
  // parsing and versions
  invalid: fixed("IGN101", "config is not valid"),
  empty: fixed("IGN102", "not a config (empty)"),
  invalidVersion: fixed("IGN103", "invalid config version (couldn't parse)"),
  unknownVersion: fixed("IGN104", "unsupported config version"),
  // resources, URLs, hashes, proxies
  sourceRequired: fixed("IGN201", "source is required"),
  invalidScheme: fixed("IGN202", "invalid url scheme"),
  invalidUrl: fixed("IGN203", "unable to parse url"),
  invalidHTTPHeader: fixed("IGN204", "unable to parse HTTP header"),
  emptyHTTPHeaderName: fixed("IGN205", "HTTP header name can't be empty"),
  unsupportedSchemeForHTTPHeaders: fixed("IGN206", "cannot use HTTP headers with this source scheme"),
  hashMalformed: fixed("IGN207", "malformed hash specifier"),
  hashWrongSize: fixed("IGN208", "incorrect size for hash sum"),
  hashUnrecognized: fixed("IGN209", "unrecognized hash function"),
  invalidS3ARN: fixed("IGN210", "invalid S3 ARN format"),
  invalidS3ObjectVersionId: fixed("IGN211", "invalid S3 object VersionId"),
  compressionInvalid: fixed("IGN212", "invalid compression method"),
  overwriteAndNilSource: fixed("IGN213", "overwrite must be false if source is unspecified"),
  verificationAndNilSource: fixed("IGN214", "source must be specified if verification is specified"),
  invalidProxy: fixed("IGN215", "proxies must be http(s)"),
  insecureProxy: fixed("IGN216", "insecure plaintext HTTP proxy specified for HTTPS resources"),
  // files, directories, links
  noPath: fixed("IGN301", "path not specified"),
  pathRelative: fixed("IGN302", "path not absolute"),
  dirtyPath: fixed("IGN303", "path is not fully simplified"),
  fileIllegalMode: fixed("IGN304", "illegal file mode"),
  modeSpecialBits: fixed("IGN305", "setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0"),
  bothIDAndNameSet: fixed("IGN306", "cannot set both id and name"),
  fileUsedSymlink: fixed("IGN307", "file path includes link in config"),
  directoryUsedSymlink: fixed("IGN308", "directory path includes link in config"),
  linkUsedSymlink: fixed("IGN309", "link path includes link in config"),
  linkTargetRequired: fixed("IGN310", "link target is required"),
  hardLinkToDirectory: fixed("IGN311", "hard link target is a directory"),
  hardLinkSpecifiesOwner: fixed("IGN312", "user/group ignored for hard link"),
  pathConflictsSystemd: fixed("IGN313", "path conflicts with systemd unit or dropin"),
  // disks, partitions, filesystems, RAID
  diskDeviceRequired: fixed("IGN401", "disk device is required"),
  partitionNumbersCollide: fixed("IGN402", "partition numbers collide"),
  partitionsOverlap: fixed("IGN403", "partitions overlap"),
  shouldNotExistWithOthers: fixed("IGN404", "shouldExist specified false with other options also specified"),
  zeroesWithShouldNotExist: fixed("IGN405", "shouldExist is false for a partition and other partition(s) has start or size 0"),
  needLabelOrNumber: fixed("IGN406", "a partition number >= 1 or a label must be specified"),
  duplicateLabels: fixed("IGN407", "cannot use the same partition label twice"),
  labelTooLong: fixed("IGN408", "partition labels may not exceed 36 characters"),
  doesntMatchGUIDRegex: fixed("IGN409", 'doesn\'t match the form "01234567-89AB-CDEF-EDCB-A98765432101"'),
  labelContainsColon: fixed("IGN410", "partition label will be truncated to text before the colon"),
  filesystemInvalidFormat: fixed("IGN411", "invalid filesystem format"),
  labelNeedsFormat: fixed("IGN412", "filesystem must specify format if label is specified"),
  formatNilWithOthers: fixed("IGN413", "format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified"),
  ext4LabelTooLong: fixed("IGN414", "filesystem labels cannot be longer than 16 characters when using ext4"),
  btrfsLabelTooLong: fixed("IGN415", "filesystem labels cannot be longer than 256 characters when using btrfs"),
  xfsLabelTooLong: fixed("IGN416", "filesystem labels cannot be longer than 12 characters when using xfs"),
  swapLabelTooLong: fixed("IGN417", "filesystem labels cannot be longer than 15 characters when using swap"),
  vfatLabelTooLong: fixed("IGN418", "filesystem labels cannot be longer than 11 characters when using vfat"),
  partitionsOverwritten: fixed("IGN419", "filesystem overwrites partitioned device"),
  filesystemImplicitWipe: fixed("IGN420", "device matches disk with wipeTable enabled; filesystem will be wiped"),
  raidLevelRequired: fixed("IGN421", "raid level is required"),
  sparesUnsupportedForLevel: fixed("IGN422", "spares unsupported for linear and raid0 arrays"),
  unrecognizedRaidLevel: fixed("IGN423", "unrecognized raid level"),
  raidDevicesRequired: fixed("IGN424", "raid devices required"),
  // LUKS, Clevis, CEX
  luksLabelTooLong: fixed("IGN501", "luks device labels cannot be longer than 47 characters"),
  luksNameContainsSlash: fixed("IGN502", "device names cannot contain slashes"),
  invalidLuksKeyFile: fixed("IGN503", "invalid key-file source"),
  clevisPinRequired: fixed("IGN504", "missing required custom clevis pin"),
  unknownClevisPin: fixed("IGN505", "unsupported clevis pin"),
  clevisConfigRequired: fixed("IGN506", "missing required custom clevis config"),
  clevisCustomWithOthers: fixed("IGN507", "cannot use custom clevis config with tpm2, tang, or threshold"),
  tangThumbprintRequired: fixed("IGN508", "thumbprint is required"),
  invalidTangAdvertisement: fixed("IGN509", "advertisement is not valid JSON"),
  cexWithClevis: fixed("IGN510", "cannot use cex with clevis"),
  cexWithKeyFile: fixed("IGN511", "cannot use key file with cex"),
  // systemd
  invalidSystemdExt: fixed("IGN601", "invalid systemd unit extension"),
  invalidSystemdDropinExt: fixed("IGN602", "invalid systemd drop-in extension"),
  // duplicates
  duplicate: fixed("IGN701", "duplicate entry defined"),
} as const;

/** Ignition's messages with variable parts. */
export const IGNITION_TEMPLATES = {
  /** Go's JSON syntax error, e.g. "unexpected end of JSON input". */
  jsonSyntax: template<[problem: string]>("IGN105", "{problem}", (p) => p),
  /** Go's JSON type error, e.g. "json: cannot unmarshal string into Go struct field …". */
  jsonDecode: template<[problem: string]>("IGN106", "{problem}", (p) => p),
  unusedKey: template<[key: string]>("IGN110", "unused key {key}", (k) => `unused key ${k}`),
  contextMismatch: template<[path: string]>(
    "IGN111",
    "context tree does not match content tree at {path}. Line and column reporting may be inconsistent. Unused keys may not be reported",
    (p) => `context tree does not match content tree at ${p}. Line and column reporting may be inconsistent. Unused keys may not be reported`,
  ),
  /** A data URL that does not parse, in Go's dataurl package's words. */
  invalidDataUrl: template<[problem: string]>("IGN217", "{problem}", (p) => p),
  invalidUnitContent: template<[problem: string]>("IGN603", "invalid unit content: {problem}", (p) => `invalid unit content: ${p}`),
  unitNoInstall: template<[unit: string]>(
    "IGN604",
    "unit {unit} is enabled, but has no install section so enable does nothing",
    (u) => `unit ${u} is enabled, but has no install section so enable does nothing`,
  ),
  templateNoInstall: template<[template: string, instance: string]>(
    "IGN605",
    "template unit {template} for {instance} doesn't have Install section",
    (t, i) => `template unit ${t} for ${i} doesn't have Install section`,
  ),
  // JSON Schema checks (ignition-validate only; not Ignition's own wording)
  schemaType: template<[type: string]>("IGN801", "must be {type}", (t) => `must be ${t}`),
  schemaRequired: template<[property: string]>("IGN802", 'missing required property "{property}"', (p) => `missing required property "${p}"`),
  schemaOther: template<[problem: string]>("IGN803", "{problem}", (p) => p),
} as const;

/** Ignition's message texts by name (the public IGNITION_MESSAGES). */
export const M = Object.fromEntries(Object.entries(IGNITION_FIXED).map(([k, v]) => [k, v.message])) as {
  readonly [K in keyof typeof IGNITION_FIXED]: (typeof IGNITION_FIXED)[K]["message"];
};

const byText = new Map<string, string>(Object.values(IGNITION_FIXED).map((m) => [m.message, m.code]));

/**
 * The code of one of Ignition's fixed texts (the validators pass texts around, as
 * Ignition's Go code passes its error values); undefined for any other text.
 */
export function ignitionCode(message: string): string | undefined {
  return byText.get(message);
}
