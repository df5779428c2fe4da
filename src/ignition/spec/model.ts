// The shape of an Ignition spec version, as data.
//
// Every Ignition version is a table of named structs; each struct is its list of
// fields in the order Ignition declares them, which is also the order in which keys
// are written to JSON. A version is written as a delta of the previous one: it lists
// only the structs that changed (each replaced whole) and the ones it removed.
// Schemas, TypeScript types, output key order and the validators' walk all derive
// from these tables.

export type Primitive = "string" | "int" | "bool";

export interface FieldSpec {
  /** The JSON key. */
  key: string;
  /** A primitive, a struct name, or either with "[]" appended for a list. */
  type: string;
  /** Absent/null is distinct from the zero value (a pointer in Ignition's Go types). */
  optional?: boolean;
  /** Written to JSON even when empty (the field lacks `omitempty` upstream). */
  always?: boolean;
  /**
   * Go's declared type where it is a named type other than the struct or primitive:
   * "[]Device" (a list of a named string type) or "HTTPHeaders" (a named list type).
   * Used for Go-compatible decode messages and to find Validate methods on named types.
   */
  goType?: string;
  /**
   * The embedded Go struct that declares this field (e.g. "Node" for File.path). Fields
   * are listed flattened, in Go's order; decode messages name the embedded struct.
   */
  embedded?: string;
  /** Ignition's own JSON schema lets the list's items be null (an upstream quirk). */
  itemNullable?: boolean;
}

export type StructTable = Readonly<Record<string, readonly FieldSpec[]>>;

/**
 * Validation behaviours that changed between spec versions without a change of the
 * structs, by name (a version has those set true; the rules read them).
 */
export interface IgnitionFeatures {
  /** 3.1+: merge and CA entries are Resources and need a source. */
  requiredSources?: boolean;
  /** 3.1+: sha256 verification hashes. */
  hashSha256?: boolean;
  /** 3.2+: gs:// URLs. */
  urlSchemeGs?: boolean;
  /** 3.3+: a link needs a target. */
  linkTargetRequired?: boolean;
  /** 3.3+: filesystem format "none". */
  filesystemFormatNone?: boolean;
  /** 3.3+: a RAID array needs a level. */
  raidLevelRequired?: boolean;
  /** 3.3+: a custom Clevis pin counts only when its pin is set (3.2: whenever present). */
  clevisCustomOptional?: boolean;
  /** 3.4+: arn: (S3 access point) URLs. */
  urlSchemeArn?: boolean;
  /** 3.4+: a Tang advertisement must be valid JSON. */
  tangAdvertisement?: boolean;
  /** 3.5+: LUKS with IBM CEX, which excludes Clevis and key files. */
  luksCex?: boolean;
  /** 3.6+: setuid/setgid/sticky mode bits are supported (no warning). */
  specialModeBits?: boolean;
  /** 3.6+: any custom Clevis pin name is accepted. */
  clevisCustomAnyPin?: boolean;
}

export type IgnitionFeature = keyof IgnitionFeatures;

export interface SpecVersion {
  /** The Ignition version string written to `ignition.version`. */
  version: string;
  /** Whether this is an experimental (unstable) spec version. */
  experimental: boolean;
  structs: StructTable;
  /** The validation features this version has (every flag resolved). */
  features: Readonly<IgnitionFeatures>;
}

export interface SpecDelta {
  version: string;
  /** Structs that are new or whose field list changed (each replaces the old list whole). */
  structs?: StructTable;
  /** Structs that no longer exist in this version. */
  removed?: readonly string[];
  /** Features turned on (true) or off (false) relative to the previous version. */
  features?: IgnitionFeatures;
}

/** Builds a full spec version from its predecessor and a delta. */
export function defineVersion(prev: SpecVersion | null, delta: SpecDelta): SpecVersion {
  const structs: Record<string, readonly FieldSpec[]> = { ...(prev?.structs ?? {}) };
  for (const name of delta.removed ?? []) delete structs[name];
  Object.assign(structs, delta.structs ?? {});
  return Object.freeze({
    version: delta.version,
    experimental: delta.version.includes("-experimental"),
    structs: Object.freeze(structs),
    features: Object.freeze({ ...(prev?.features ?? {}), ...(delta.features ?? {}) }),
  });
}

export interface ParsedType {
  /** Primitive or struct name, without the list marker. */
  base: string;
  list: boolean;
  primitive: boolean;
}

const parsedTypes = new Map<string, ParsedType>();

export function parseType(type: string): ParsedType {
  let p = parsedTypes.get(type);
  if (!p) {
    const list = type.endsWith("[]");
    const base = list ? type.slice(0, -2) : type;
    p = { base, list, primitive: base === "string" || base === "int" || base === "bool" };
    parsedTypes.set(type, p);
  }
  return p;
}
