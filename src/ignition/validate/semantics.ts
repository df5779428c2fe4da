// Ignition's semantic validation: vcontext's validate walk over a typed config, calling
// each struct's Validate method (then its fields, in declaration order) exactly as
// Ignition v2.26.0 does for every spec version, with the same messages and paths.

import type { LooseObj as Obj } from "../../core/obj";
import type { PathPart, ReportEntry, Severity } from "../../core/report";
import type { IgnitionFeatures, SpecVersion } from "../spec/model";
import { clean, ext, isAbs, join } from "../../go/path";
import { parseURL, queryValues } from "../../go/url";
import { dataURLError } from "../../go/dataurl";
import { parseUnit, type UnitParse } from "../../go/unit";
import { goQuote } from "../../go/quote";
import { parseSemver, type SemVer } from "../../go/semver";
import { checkJsonSyntax, parseJsonTree, type JNode } from "../../go/json";
import { EMPTY, Kind, planFor, type Plan, type StructPlan } from "./plan";
import { ignitionCode, IGNITION_TEMPLATES as T, M } from "./messages";
import type { Message } from "../../core/catalogue";

interface Sink {
  out: ReportEntry[];
  path: PathPart[];
  /** What the spec version has (src/ignition/spec: features). */
  has: Readonly<IgnitionFeatures>;
  /** The spec version text (a config with exactly this version needs no semver parse). */
  version: string;
  max: SemVer;
  units: Map<string, UnitParse> | null;
}

type Rule = (o: Obj, s: Sink) => void;

/** A finding: one of Ignition's fixed texts (its code is looked up) or a templated Message. */
type Finding = string | Message;

function add(s: Sink, severity: Severity, m: Finding, a?: PathPart, b?: PathPart, c?: PathPart, d?: PathPart): void {
  const path = s.path.slice();
  if (a !== undefined) path.push(a);
  if (b !== undefined) path.push(b);
  if (c !== undefined) path.push(c);
  if (d !== undefined) path.push(d);
  const message = typeof m === "string" ? m : m.message;
  const code = typeof m === "string" ? ignitionCode(m) : m.code;
  s.out.push(code === undefined ? { severity, message, path, tag: "json" } : { severity, message, path, tag: "json", code });
}

function error(s: Sink, message: Finding | null, a?: PathPart, b?: PathPart, c?: PathPart, d?: PathPart): void {
  if (message !== null) add(s, "error", message, a, b, c, d);
}

function warn(s: Sink, message: Finding | null, a?: PathPart, b?: PathPart, c?: PathPart, d?: PathPart): void {
  if (message !== null) add(s, "warning", message, a, b, c, d);
}

// ---- Go helpers (util.NilOrEmpty & co). ----

const isNil = (v: unknown): boolean => v === undefined || v === null;
const nilOrEmpty = (v: unknown): boolean => v === undefined || v === null || v === "";
const notEmpty = (v: unknown): boolean => v !== undefined && v !== null && v !== "";
const isTrue = (v: unknown): boolean => v === true;
const isFalse = (v: unknown): boolean => v === false;
const str = (v: unknown): string => (typeof v === "string" ? v : "");
/** An optional string: null/undefined stay nil; anything else not a string (never in a typed config) is stringified. */
const ostr = (v: unknown): string | undefined => (typeof v === "string" ? v : v === undefined || v === null ? undefined : String(v));
const list = (v: unknown): readonly any[] => (Array.isArray(v) ? v : NONE);
const obj = (v: unknown): Obj => (v !== null && typeof v === "object" ? (v as Obj) : EMPTY);
const NONE: readonly any[] = Object.freeze([]);

/** Go's len() of a string: its UTF-8 byte length. */
function byteLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      if (c < 0x800) n += 1;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        n += 2;
        i++;
      } else n += 2;
    }
  }
  return n;
}

// ---- Shared validators (path.go, url.go, mode.go, …). ----

export function validatePath(p: string): string | null {
  if (p === "") return M.noPath;
  if (!isAbs(p)) return M.pathRelative;
  if (clean(p) !== p) return M.dirtyPath;
  return null;
}

function validatePathNilOK(p: unknown): string | null {
  return nilOrEmpty(p) ? null : validatePath(ostr(p)!);
}

/** validateURL for a spec version (its accepted schemes grew over time). */
export function validateURL(s: string, has: Readonly<IgnitionFeatures>): Finding | null {
  const u = parseURL(s);
  if (u === null) return M.invalidUrl;
  switch (u.scheme) {
    case "http":
    case "https":
    case "tftp":
      return null;
    case "gs":
      return has.urlSchemeGs ? null : M.invalidScheme;
    case "s3":
      return versionIdError(u.rawQuery);
    case "arn": {
      if (!has.urlSchemeArn) return M.invalidScheme;
      const full = "arn:" + u.opaque;
      // arn.IsARN, then arn.Parse (which cannot fail once IsARN holds).
      let colons = 0;
      for (let i = 0; i < full.length; i++) if (full.charCodeAt(i) === 58) colons++;
      if (colons < 5) return M.invalidS3ARN;
      const sections = splitN(full, ":", 6);
      if (sections[2] !== "s3") return M.invalidS3ARN;
      const resource = sections[5]!;
      const parts = full.split("/").length;
      if (resource.startsWith("accesspoint/") && parts < 3) return M.invalidS3ARN;
      else if (parts < 2) return M.invalidS3ARN;
      return versionIdError(u.rawQuery);
    }
    case "data": {
      const e = dataURLError(s);
      return e === null ? null : T.invalidDataUrl(e);
    }
    default:
      return M.invalidScheme;
  }
}

function versionIdError(rawQuery: string): string | null {
  const v = queryValues(rawQuery, "versionId");
  if (v !== undefined && (v.length === 0 || v[0] === "")) return M.invalidS3ObjectVersionId;
  return null;
}

function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

function validateURLNilOK(v: unknown, has: Readonly<IgnitionFeatures>): Finding | null {
  return nilOrEmpty(v) ? null : validateURL(ostr(v)!, has);
}

/** An int of the config: a number, or a bigint beyond 2^53 (exact int64 from Butane). */
const isInt = (v: unknown): v is number | bigint => (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";

/** Go's int64 value of an int of the config. */
function i64(v: number | bigint): bigint {
  return BigInt.asIntN(64, typeof v === "bigint" ? v : BigInt(v));
}

function validateMode(m: unknown): string | null {
  return isInt(m) && (m < 0 || m > 0o7777) ? M.fileIllegalMode : null;
}

function validateModeSpecialBits(m: unknown): string | null {
  return isInt(m) && (i64(m) & 0o7000n) !== 0n ? M.modeSpecialBits : null;
}

function validateCompression(c: unknown): string | null {
  return isNil(c) || c === "" || c === "gzip" ? null : M.compressionInvalid;
}

/** Resource.validateRequiredSource (and the 3.0 CA/config reference equivalents). */
function validateRequiredSource(res: Obj, has: Readonly<IgnitionFeatures>): Finding | null {
  if (nilOrEmpty(res.source)) return M.sourceRequired;
  return validateURL(ostr(res.source)!, has);
}

function parseUnitCached(s: Sink, contents: string): UnitParse {
  let cache = s.units;
  if (cache === null) cache = s.units = new Map();
  let r = cache.get(contents);
  if (r === undefined) {
    r = parseUnit(contents);
    cache.set(contents, r);
  }
  return r;
}

function hasInstall(p: UnitParse): boolean {
  return p.sections!.includes("Install");
}

const GUID = /^(|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$/;
const INSTANCE_UNIT = /^([^\n]+?)@([^\n]+?)\.service$/;
const UNIT_EXTS = new Set([".service", ".socket", ".device", ".mount", ".automount", ".swap", ".target", ".path", ".timer", ".snapshot", ".slice", ".scope"]);
const RAID_LEVELS = new Set(["raid1", "1", "mirror", "raid4", "4", "raid5", "5", "raid6", "6", "raid10", "10"]);
const RAID_NO_SPARES = new Set(["linear", "raid0", "0", "stripe"]);

// ---- Validate methods, by struct. ----

const configRule: Rule = (o, s) => {
  const units = list(obj(o.systemd).units);
  const storage = obj(o.storage);
  const files = list(storage.files);
  const dirs = list(storage.directories);
  const links = list(storage.links);
  if (units.length === 0 || files.length + dirs.length + links.length === 0) return;
  const unitPaths = new Set<string>();
  for (const u of units) {
    const name = str(u?.name);
    if (notEmpty(u?.contents)) unitPaths.add("/etc/systemd/system/" + name);
    for (const d of list(u?.dropins)) {
      if (notEmpty(d?.contents)) unitPaths.add("/etc/systemd/system/" + name + ".d/" + str(d?.name));
    }
  }
  if (unitPaths.size === 0) return;
  for (let i = 0; i < files.length; i++) if (unitPaths.has(str(files[i]?.path))) error(s, M.pathConflictsSystemd, "storage", "files", i, "path");
  for (let i = 0; i < dirs.length; i++) if (unitPaths.has(str(dirs[i]?.path))) error(s, M.pathConflictsSystemd, "storage", "directories", i, "path");
  for (let i = 0; i < links.length; i++) if (unitPaths.has(str(links[i]?.path))) error(s, M.pathConflictsSystemd, "storage", "links", i, "path");
};

const ignitionRule: Rule = (o, s) => {
  if (o.version === s.version) return;
  const v = parseSemver(str(o.version));
  if (v === null) return error(s, M.invalidVersion, "version");
  const m = s.max;
  if (v.major !== m.major || v.minor !== m.minor || v.patch !== m.patch || v.preRelease !== m.preRelease || v.metadata !== m.metadata) {
    error(s, M.unknownVersion, "version");
  }
};

const ignitionConfigRule: Rule = (o, s) => {
  const merge = list(o.merge);
  for (let i = 0; i < merge.length; i++) error(s, validateRequiredSource(obj(merge[i]), s.has), "merge", i);
};

const tlsRule: Rule = (o, s) => {
  const cas = list(o.certificateAuthorities);
  for (let i = 0; i < cas.length; i++) error(s, validateRequiredSource(obj(cas[i]), s.has), "certificateAuthorities", i);
};

const caReferenceRule: Rule = (o, s) => {
  error(s, validateURL(str(o.source), s.has), "source");
};

const configReferenceRule: Rule = (o, s) => {
  error(s, validateURLNilOK(o.source, s.has), "source");
};

const fileContentsRule: Rule = (o, s) => {
  error(s, validateCompression(o.compression), "compression");
  error(s, !isNil(obj(o.verification).hash) && isNil(o.source) ? M.verificationAndNilSource : null, "verification", "hash");
  error(s, validateURLNilOK(o.source, s.has), "source");
};

const resourceRule: Rule = (o, s) => {
  fileContentsRule(o, s);
  const headers = list(o.httpHeaders);
  if (headers.length < 1) return;
  let e: string | null;
  if (nilOrEmpty(o.source)) e = M.invalidUrl;
  else {
    const u = parseURL(ostr(o.source)!);
    e = u === null ? M.invalidUrl : u.scheme === "http" || u.scheme === "https" ? null : M.unsupportedSchemeForHTTPHeaders;
  }
  error(s, e, "httpHeaders");
};

const httpHeaderRule: Rule = (o, s) => {
  error(s, str(o.name) === "" ? M.emptyHTTPHeaderName : null, "name");
  error(s, o.value === "" ? M.invalidHTTPHeader : null, "value");
};

function proxyURL(s: Sink, v: unknown, key: string, httpOk: boolean): void {
  if (isNil(v)) return;
  const u = parseURL(ostr(v)!);
  if (u === null) return error(s, M.invalidUrl, key);
  if (u.scheme !== "https" && u.scheme !== "http") return error(s, M.invalidProxy, key);
  if (u.scheme === "http" && !httpOk) warn(s, M.insecureProxy, key);
}

const proxyRule: Rule = (o, s) => {
  proxyURL(s, o.httpProxy, "httpProxy", true);
  proxyURL(s, o.httpsProxy, "httpsProxy", false);
};

const verificationRule: Rule = (o, s) => {
  const h = ostr(o.hash);
  if (h === undefined) return;
  const dash = h.indexOf("-");
  if (dash < 0) return error(s, M.hashMalformed, "hash");
  const fn = h.slice(0, dash);
  let size: number;
  if (fn === "sha512") size = 128;
  else if (fn === "sha256" && s.has.hashSha256) size = 64;
  else return error(s, M.hashUnrecognized, "hash");
  if (byteLen(h.slice(dash + 1)) !== size) error(s, M.hashWrongSize, "hash");
};

/**
 * How many links have a path that, with "/" added, starts `p` (each is one error for
 * `p`: Ignition compares every node with every link). Counted over the "/" positions
 * of `p`, so the check is linear in the total length of the paths.
 */
function linkPrefixCounter(links: readonly any[]): (p: string) => number {
  const count = new Map<string, number>();
  const lengths = new Set<number>();
  for (const l of links) {
    const pre = str(l?.path) + "/";
    count.set(pre, (count.get(pre) ?? 0) + 1);
    lengths.add(pre.length);
  }
  return (p) => {
    let n = 0;
    for (let k = p.indexOf("/"); k >= 0; k = p.indexOf("/", k + 1)) {
      if (lengths.has(k + 1)) n += count.get(p.slice(0, k + 1)) ?? 0;
    }
    return n;
  };
}

const storageRule: Rule = (o, s) => {
  const dirs = list(o.directories);
  const files = list(o.files);
  const links = list(o.links);
  if (links.length > 0) {
    const underLinks = linkPrefixCounter(links);
    for (let i = 0; i < dirs.length; i++) {
      for (let n = underLinks(str(dirs[i]?.path)); n > 0; n--) error(s, M.directoryUsedSymlink, "directories", i);
    }
    for (let i = 0; i < files.length; i++) {
      for (let n = underLinks(str(files[i]?.path)); n > 0; n--) error(s, M.fileUsedSymlink, "files", i);
    }
    let dirPaths: Map<string, number> | null = null;
    for (let i = 0; i < links.length; i++) {
      const l = obj(links[i]);
      const lp = str(l.path);
      for (let n = underLinks(lp); n > 0; n--) error(s, M.linkUsedSymlink, "links", i);
      let target: string;
      if (s.has.linkTargetRequired) {
        if (nilOrEmpty(l.target)) {
          error(s, M.linkTargetRequired, "links", i, "target");
          continue;
        }
        target = ostr(l.target)!;
      } else target = str(l.target);
      if (!isTrue(l.hard)) continue;
      let t = clean(target);
      if (!isAbs(t)) t = join(lp, target);
      if (dirPaths === null) {
        dirPaths = new Map();
        for (const d of dirs) dirPaths.set(str(d?.path), (dirPaths.get(str(d?.path)) ?? 0) + 1);
      }
      for (let n = dirPaths.get(t) ?? 0; n > 0; n--) error(s, M.hardLinkToDirectory, "links", i);
      const user = obj(l.user);
      const group = obj(l.group);
      if (!isNil(user.id)) warn(s, M.hardLinkSpecifiesOwner, "links", i, "user", "id");
      if (!isNil(user.name)) warn(s, M.hardLinkSpecifiesOwner, "links", i, "user", "name");
      if (!isNil(group.id)) warn(s, M.hardLinkSpecifiesOwner, "links", i, "group", "id");
      if (!isNil(group.name)) warn(s, M.hardLinkSpecifiesOwner, "links", i, "group", "name");
    }
  }
  const filesystems = list(o.filesystems);
  const disks = list(o.disks);
  if (filesystems.length > 0 && disks.length > 0) {
    const byDevice = new Map<string, Obj>();
    for (const d of disks) byDevice.set(str(d?.device), obj(d));
    for (let i = 0; i < filesystems.length; i++) {
      const f = obj(filesystems[i]);
      const disk = byDevice.get(str(f.device));
      if (!disk) continue;
      if (list(disk.partitions).length > 0) warn(s, M.partitionsOverwritten, "filesystems", i, "device");
      else if (!isTrue(f.wipeFilesystem) && isTrue(disk.wipeTable)) warn(s, M.filesystemImplicitWipe, "filesystems", i, "device");
    }
  }
};

const nodeRule: Rule = (o, s) => {
  error(s, validatePath(str(o.path)), "path");
};

const directoryRule: Rule = (o, s) => {
  nodeRule(o, s);
  error(s, validateMode(o.mode), "mode");
  if (!s.has.specialModeBits) warn(s, validateModeSpecialBits(o.mode), "mode");
};

const fileRule: Rule = (o, s) => {
  nodeRule(o, s);
  error(s, validateMode(o.mode), "mode");
  if (!s.has.specialModeBits) warn(s, validateModeSpecialBits(o.mode), "mode");
  error(s, isTrue(o.overwrite) && isNil(obj(o.contents).source) ? M.overwriteAndNilSource : null, "overwrite");
};

const idOrNameRule: Rule = (o, s) => {
  if (!isNil(o.id) && notEmpty(o.name)) error(s, M.bothIDAndNameSet);
};

const deviceRule = (d: unknown, s: Sink, i: number): void => {
  error(s, validatePath(str(d)), i);
};

const num = (v: unknown): number => (typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : 0);

const diskRule: Rule = (o, s) => {
  const device = str(o.device);
  if (device.length === 0) return error(s, M.diskDeviceRequired, "device");
  error(s, validatePath(device), "device");
  const parts = list(o.partitions);
  if (parts.length === 0) return;
  // partitionNumbersCollide (Go iterates a map: the first colliding number found wins).
  const byNumber = new Map<number | bigint, number[]>();
  for (let i = 0; i < parts.length; i++) {
    const v = parts[i]?.number;
    const n = typeof v === "bigint" ? v : num(v);
    if (n !== 0) {
      const l = byNumber.get(n);
      if (l) l.push(i);
      else byNumber.set(n, [i]);
    }
  }
  for (const idx of byNumber.values()) {
    if (idx.length > 1) {
      error(s, M.partitionNumbersCollide, "partitions", idx[1]!);
      break;
    }
  }
  // partitionsOverlap
  const overlapping = firstOverlap(parts);
  if (overlapping >= 0) error(s, M.partitionsOverlap, "partitions", overlapping);
  // partitionsMixZeroesAndNonexistence
  let hasZero = false;
  let hasShouldNotExist = false;
  for (const p of parts) {
    hasShouldNotExist ||= isFalse(p?.shouldExist);
    hasZero ||= num(p?.number) === 0;
  }
  if (hasZero && hasShouldNotExist) error(s, M.zeroesWithShouldNotExist, "partitions");
  // partitionLabelsCollide
  const labels = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    const l = parts[i]?.label;
    if (!isNil(l)) {
      if (labels.has(l)) {
        error(s, M.duplicateLabels, "partitions", i);
        break;
      }
      labels.add(l);
    }
  }
};

/** A partition's placed extent [start, end] (Go int64 arithmetic), or null when it is not checked. */
interface Extent {
  start: bigint;
  end: bigint;
}

function extentOf(p: any): Extent | null {
  const ps = p?.startMiB, pz = p?.sizeMiB;
  // Starts of 0 are placed by sgdisk; unset start or size is not checked either.
  if (!isInt(ps) || !isInt(pz) || ps == 0) return null;
  const start = i64(ps), size = i64(pz);
  return { start, end: size === 0n ? start : BigInt.asIntN(64, start + size - 1n) };
}

/** Ignition's test of partition p against o (not symmetric when a size is negative). */
function overlaps(p: Extent, o: Extent): boolean {
  return (p.start >= o.start && p.start <= o.end) || (p.end >= o.start && p.end <= o.end) || (p.start < o.start && p.end > o.end);
}

/**
 * partitionsOverlap: for the first partition p (in order) that overlaps another, the
 * index of the first partition o it overlaps; -1 if none. Go compares every pair; the
 * same answer is found here in O(n log n): p overlaps some o when a placed o contains
 * p's start or p's end (a stabbing query over the extents sorted by start, skipping p
 * itself), or lies strictly inside p (the smallest end among extents starting after p).
 */
export function firstOverlap(parts: readonly any[]): number {
  const ext: (Extent | null)[] = parts.map(extentOf);
  const placed: number[] = [];
  for (let i = 0; i < ext.length; i++) if (ext[i]) placed.push(i);
  if (placed.length < 2) return -1;
  const firstFor = (j: number): number => {
    for (let i = 0; i < ext.length; i++) if (i !== j && ext[i] && overlaps(ext[j]!, ext[i]!)) return i;
    return -1;
  };
  if (placed.length <= 64) {
    for (const j of placed) {
      const i = firstFor(j);
      if (i >= 0) return i;
    }
    return -1;
  }
  const byStart = placed.slice().sort((a, b) => (ext[a]!.start < ext[b]!.start ? -1 : ext[a]!.start > ext[b]!.start ? 1 : a - b));
  const n = byStart.length;
  // Top two ends (the first with its partition's index) among the first k+1 extents by start.
  const max1: bigint[] = new Array(n), max2: (bigint | null)[] = new Array(n), arg1: number[] = new Array(n);
  let m1: bigint | null = null, m2: bigint | null = null, a1 = -1;
  for (let k = 0; k < n; k++) {
    const e = ext[byStart[k]!]!.end;
    if (m1 === null || e > m1) {
      m2 = m1;
      m1 = e;
      a1 = byStart[k]!;
    } else if (m2 === null || e > m2) {
      m2 = e;
    }
    max1[k] = m1;
    max2[k] = m2;
    arg1[k] = a1;
  }
  // Smallest end among extents from position k on.
  const minEnd: bigint[] = new Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const e = ext[byStart[k]!]!.end;
    minEnd[k] = k === n - 1 || e < minEnd[k + 1]! ? e : minEnd[k + 1]!;
  }
  // Number of extents with start <= x (or < x when strict).
  const countStarts = (x: bigint, strict: boolean): number => {
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const st = ext[byStart[mid]!]!.start;
      if (strict ? st < x : st <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Whether some extent other than j starting at or before x ends at or after x.
  const stabbed = (x: bigint, j: number): boolean => {
    const k = countStarts(x, false) - 1;
    if (k < 0) return false;
    const best = arg1[k] === j ? max2[k]! : max1[k]!;
    return best !== null && best >= x;
  };
  for (const j of placed) {
    const p = ext[j]!;
    const after = countStarts(p.start, false);
    if (stabbed(p.start, j) || stabbed(p.end, j) || (after < n && minEnd[after]! < p.end)) {
      const i = firstFor(j);
      if (i >= 0) return i;
    }
  }
  return -1;
}

const partitionRule: Rule = (o, s) => {
  if (isFalse(o.shouldExist) && (!isNil(o.label) || notEmpty(o.typeGuid) || notEmpty(o.guid) || !isNil(o.startMiB) || !isNil(o.sizeMiB))) {
    error(s, M.shouldNotExistWithOthers);
  }
  if (num(o.number) === 0 && isNil(o.label)) error(s, M.needLabelOrNumber);
  if (!isNil(o.label)) {
    const l = ostr(o.label)!;
    error(s, byteLen(l) > 36 ? M.labelTooLong : l.includes(":") ? M.labelContainsColon : null, "label");
  }
  error(s, !isNil(o.guid) && !GUID.test(o.guid) ? M.doesntMatchGUIDRegex : null, "guid");
  error(s, !isNil(o.typeGuid) && !GUID.test(o.typeGuid) ? M.doesntMatchGUIDRegex : null, "typeGuid");
};

const FS_LABEL_MAX: Record<string, [number, string]> = {
  ext4: [16, M.ext4LabelTooLong],
  btrfs: [256, M.btrfsLabelTooLong],
  xfs: [12, M.xfsLabelTooLong],
  swap: [15, M.swapLabelTooLong],
  vfat: [11, M.vfatLabelTooLong],
};

const filesystemRule: Rule = (o, s) => {
  error(s, validatePathNilOK(o.path), "path");
  error(s, validatePath(str(o.device)), "device");
  let fe: string | null = null;
  if (nilOrEmpty(o.format)) {
    if (notEmpty(o.path) || notEmpty(o.label) || notEmpty(o.uuid) || isTrue(o.wipeFilesystem) || list(o.mountOptions).length !== 0 || list(o.options).length !== 0) {
      fe = M.formatNilWithOthers;
    }
  } else {
    const f = ostr(o.format)!;
    if (!Object.hasOwn(FS_LABEL_MAX, f) && !(f === "none" && s.has.filesystemFormatNone)) fe = M.filesystemInvalidFormat;
  }
  error(s, fe, "format");
  if (nilOrEmpty(o.label)) return;
  if (nilOrEmpty(o.format)) return error(s, M.labelNeedsFormat, "label");
  const lim = Object.hasOwn(FS_LABEL_MAX, ostr(o.format)!) ? FS_LABEL_MAX[ostr(o.format)!] : undefined;
  if (lim && byteLen(ostr(o.label)!) > lim[0]) error(s, lim[1], "label");
};

const raidRule: Rule = (o, s) => {
  let le: string | null = null;
  let level: string;
  if (s.has.raidLevelRequired && nilOrEmpty(o.level)) le = M.raidLevelRequired;
  else {
    level = str(o.level);
    if (RAID_NO_SPARES.has(level)) {
      if (!isNil(o.spares) && o.spares !== 0) le = M.sparesUnsupportedForLevel;
    } else if (!RAID_LEVELS.has(level)) le = M.unrecognizedRaidLevel;
  }
  error(s, le, "level");
  if (list(o.devices).length === 0) error(s, M.raidDevicesRequired, "devices");
};

const unitRule: Rule = (o, s) => {
  const name = str(o.name);
  error(s, UNIT_EXTS.has(ext(name)) ? null : M.invalidSystemdExt, "name");
  if (isNil(o.contents)) return;
  const p = parseUnitCached(s, ostr(o.contents)!);
  if (p.error !== undefined) return error(s, T.invalidUnitContent(p.error), "contents");
  if (isTrue(o.enabled) && o.contents !== "" && !hasInstall(p)) {
    warn(s, T.unitNoInstall(goQuote(name)), "contents");
  }
};

const dropinRule: Rule = (o, s) => {
  if (!isNil(o.contents)) {
    const p = parseUnitCached(s, ostr(o.contents)!);
    if (p.error !== undefined) error(s, T.invalidUnitContent(p.error), "contents");
  }
  if (ext(str(o.name)) !== ".conf") error(s, M.invalidSystemdDropinExt, "name");
};

const systemdRule: Rule = (o, s) => {
  const units = list(o.units);
  if (units.length === 0) return;
  let byName: Map<string, Obj> | null = null;
  for (let index = 0; index < units.length; index++) {
    const u = obj(units[index]);
    const name = str(u.name);
    if (!isTrue(u.enabled)) continue;
    const m = INSTANCE_UNIT.exec(name);
    if (!m) continue;
    if (byName === null) {
      byName = new Map();
      for (const d of units) byName.set(str(d?.name), obj(d));
    }
    const instantiable = m[1] + "@.service";
    const t = byName.get(instantiable);
    if (!t || !notEmpty(t.contents)) continue;
    const p = parseUnitCached(s, ostr(t.contents)!);
    if (p.error !== undefined) continue;
    if (!hasInstall(p)) {
      warn(s, T.templateNoInstall(goQuote(instantiable), goQuote(name)), "units", index, "contents");
    }
  }
};

function clevisCustomWithOthers(c: Obj): boolean {
  return list(c.tang).length > 0 || isTrue(c.tpm2) || (!isNil(c.threshold) && c.threshold !== 0);
}

const luksRule: Rule = (o, s) => {
  const name = str(o.name);
  if (name.includes("/")) error(s, M.luksNameContainsSlash, "name");
  error(s, notEmpty(o.label) && byteLen(ostr(o.label)!) > 47 ? M.luksLabelTooLong : null, "label");
  if (nilOrEmpty(o.device)) error(s, M.diskDeviceRequired, "device");
  else error(s, validatePath(ostr(o.device)!), "device");
  const clevis = obj(o.clevis);
  if (!s.has.clevisCustomOptional) {
    if (!isNil(o.clevis) && !isNil(clevis.custom) && clevisCustomWithOthers(clevis)) error(s, M.clevisCustomWithOthers, "clevis");
  } else if (notEmpty(obj(clevis.custom).pin) && clevisCustomWithOthers(clevis)) {
    error(s, M.clevisCustomWithOthers, "clevis");
  }
  const keyFile = obj(o.keyFile);
  if (validateURLNilOK(keyFile.source, s.has) !== null) error(s, M.invalidLuksKeyFile, "keys");
  if (s.has.luksCex) {
    const cex = isTrue(obj(o.cex).enabled);
    if (cex && (notEmpty(obj(clevis.custom).pin) || clevisCustomWithOthers(clevis))) error(s, M.cexWithClevis, "cex");
    if (cex && notEmpty(keyFile.source)) error(s, M.cexWithKeyFile, "cex");
  }
};

const CLEVIS_PINS = new Set(["tpm2", "tang", "sss"]);

/** 3.2's Custom (pin and config are plain strings). */
const customRule: Rule = (o, s) => {
  const pin = str(o.pin);
  const config = str(o.config);
  if (pin === "" && config === "") return;
  if (!CLEVIS_PINS.has(pin)) error(s, M.unknownClevisPin, "pin");
  if (config === "") error(s, M.clevisConfigRequired, "config");
};

const clevisCustomRule: Rule = (o, s) => {
  if (nilOrEmpty(o.pin) && nilOrEmpty(o.config) && !isTrue(o.needsNetwork)) return;
  if (!s.has.clevisCustomAnyPin) {
    if (notEmpty(o.pin)) {
      if (!CLEVIS_PINS.has(ostr(o.pin)!)) error(s, M.unknownClevisPin, "pin");
    } else error(s, M.clevisPinRequired, "pin");
  } else if (nilOrEmpty(o.pin)) error(s, M.clevisPinRequired, "pin");
  if (nilOrEmpty(o.config)) error(s, M.clevisConfigRequired, "config");
};

const tangRule: Rule = (o, s) => {
  const u = parseURL(str(o.url));
  error(s, u === null ? M.invalidUrl : u.scheme === "http" || u.scheme === "https" ? null : M.invalidScheme, "url");
  if (nilOrEmpty(o.thumbprint)) error(s, M.tangThumbprintRequired, "thumbprint");
  if (s.has.tangAdvertisement && notEmpty(o.advertisement) && !isValidJsonAny(ostr(o.advertisement)!)) error(s, M.invalidTangAdvertisement, "advertisement");
};

/** json.Unmarshal into `any`: valid syntax and every number representable as a float64. */
function isValidJsonAny(s: string): boolean {
  if (checkJsonSyntax(s) !== null) return false;
  // Iteratively: a tang advertisement may nest as deep as JSON allows.
  const todo: JNode[] = [parseJsonTree(s)];
  while (todo.length > 0) {
    const n = todo.pop()!;
    if (n.kind === "number" && !Number.isFinite(n.value)) return false;
    if (n.kind === "array") for (const x of n.items) todo.push(x);
    else if (n.kind === "object") for (const p of n.pairs) todo.push(p.value);
  }
  return true;
}

/**
 * The Validate method of each struct (promoted methods included). A rule applies to
 * the versions whose tables have its struct; where one struct's checks changed, the
 * rule reads the version's features.
 */
const RULES: Readonly<Record<string, Rule>> = {
  Config: configRule,
  Ignition: ignitionRule,
  Verification: verificationRule,
  Storage: storageRule,
  Directory: directoryRule,
  File: fileRule,
  Link: nodeRule,
  NodeUser: idOrNameRule,
  NodeGroup: idOrNameRule,
  Disk: diskRule,
  Partition: partitionRule,
  Filesystem: filesystemRule,
  Raid: raidRule,
  Unit: unitRule,
  Dropin: dropinRule,
  Systemd: systemdRule,
  // 3.0's references; from 3.1 merge and CA entries are Resources that need a source.
  CaReference: caReferenceRule,
  ConfigReference: configReferenceRule,
  FileContents: fileContentsRule,
  IgnitionConfig: (o, s) => {
    if (s.has.requiredSources) ignitionConfigRule(o, s);
  },
  TLS: (o, s) => {
    if (s.has.requiredSources) tlsRule(o, s);
  },
  Resource: resourceRule,
  HTTPHeader: httpHeaderRule,
  Proxy: proxyRule,
  Luks: luksRule,
  Tang: tangRule,
  Custom: customRule,
  ClevisCustom: clevisCustomRule,
};

const ruleCache = new WeakMap<Plan, Map<StructPlan, Rule | undefined>>();

function rulesOf(plan: Plan): Map<StructPlan, Rule | undefined> {
  let m = ruleCache.get(plan);
  if (!m) {
    m = new Map();
    for (const sp of plan.structs.values()) m.set(sp, Object.hasOwn(RULES, sp.name) ? RULES[sp.name] : undefined);
    ruleCache.set(plan, m);
  }
  return m;
}

function walk(sp: StructPlan, o: Obj, s: Sink, rules: Map<StructPlan, Rule | undefined>): void {
  const rule = rules.get(sp);
  if (rule) rule(o, s);
  const path = s.path;
  for (const f of sp.fields) {
    switch (f.kind) {
      case Kind.Struct:
        path.push(f.key);
        walk(f.sub!, obj(o[f.key]), s, rules);
        path.pop();
        break;
      case Kind.Ptr: {
        const v = o[f.key];
        if (v !== null && typeof v === "object") {
          path.push(f.key);
          walk(f.sub!, v, s, rules);
          path.pop();
        }
        break;
      }
      case Kind.List: {
        const v = o[f.key];
        if (Array.isArray(v) && v.length > 0) {
          path.push(f.key);
          for (let i = 0; i < v.length; i++) {
            path.push(i);
            walk(f.sub!, obj(v[i]), s, rules);
            path.pop();
          }
          path.pop();
        }
        break;
      }
      case Kind.Devices: {
        const v = o[f.key];
        if (Array.isArray(v) && v.length > 0) {
          path.push(f.key);
          for (let i = 0; i < v.length; i++) deviceRule(v[i], s, i);
          path.pop();
        }
        break;
      }
    }
  }
}

/**
 * Ignition's Validate walk (vcontext validate.Validate(config, "json")) over a typed
 * config object for the given spec version. Entries carry JSON paths relative to the
 * config root, in Go's order.
 */
export function validateConfigSemantics(config: object, spec: SpecVersion): ReportEntry[] {
  const plan = planFor(spec);
  const s: Sink = { out: [], path: [], has: plan.spec.features, version: plan.spec.version, max: plan.max, units: null };
  walk(plan.root, obj(config), s, rulesOf(plan));
  return s.out;
}

/** Validate walk rooted at a struct other than Config (e.g. "Ignition"), paths relative to it. */
export function validateStructSemantics(value: object, structName: string, spec: SpecVersion): ReportEntry[] {
  const plan = planFor(spec);
  const sp = plan.structs.get(structName);
  if (!sp) throw new Error(`Ignition spec ${spec.version} has no struct ${structName}`);
  const s: Sink = { out: [], path: [], has: plan.spec.features, version: plan.spec.version, max: plan.max, units: null };
  walk(sp, obj(value), s, rulesOf(plan));
  return s.out;
}
