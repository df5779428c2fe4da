// The shape of a Butane spec version, as data (the Butane-side counterpart of
// src/ignition/spec). Each struct lists its YAML fields in declaration order, which
// is also the order in which the reference tool validates and translates them.
//
// Type names matter beyond typing: decoding errors name the Go type the reference
// decodes into ("cannot unmarshal !!seq into v0_6.Storage"), so every struct and
// named type records whether it lives in the base package or the variant's.

export interface ButaneField {
  /** The YAML key. */
  key: string;
  /** "string" | "int" | "float" | "bool" or a struct/alias name; "[]" suffix for lists. */
  type: string;
  /** Absent is distinct from the zero value (a pointer in the reference). */
  optional?: boolean;
  /** Butane-only sugar: never copied to Ignition by the automatic translator. */
  skip?: boolean;
}

export type ButaneStructs = Readonly<Record<string, readonly ButaneField[]>>;

export interface ButaneSchema {
  /** Package name of the base spec structs, e.g. "v0_6". */
  basePkg: string;
  /** Package name of the variant's own structs, e.g. "v1_6". */
  variantPkg: string;
  structs: ButaneStructs;
  /** Named types: "Device" → "string", "HTTPHeaders" → "HTTPHeader[]". */
  aliases: Readonly<Record<string, string>>;
  /** Structs defined by the variant rather than the base. */
  variantStructs: ReadonlySet<string>;
}

export interface ButaneSchemaDelta {
  basePkg?: string;
  variantPkg?: string;
  structs?: ButaneStructs;
  aliases?: Readonly<Record<string, string>>;
  removed?: readonly string[];
  /** Mark these (new or replaced) structs as the variant's own. */
  variant?: boolean;
}

export function extendSchema(prev: ButaneSchema | null, delta: ButaneSchemaDelta): ButaneSchema {
  const structs: Record<string, readonly ButaneField[]> = { ...(prev?.structs ?? {}) };
  const aliases: Record<string, string> = { ...(prev?.aliases ?? {}) };
  const variantStructs = new Set(prev?.variantStructs ?? []);
  for (const n of delta.removed ?? []) {
    delete structs[n];
    delete aliases[n];
    variantStructs.delete(n);
  }
  for (const [n, f] of Object.entries(delta.structs ?? {})) {
    structs[n] = f;
    if (delta.variant) variantStructs.add(n);
    else variantStructs.delete(n);
  }
  Object.assign(aliases, delta.aliases ?? {});
  return {
    basePkg: delta.basePkg ?? prev?.basePkg ?? "",
    variantPkg: delta.variantPkg ?? prev?.variantPkg ?? "",
    structs,
    aliases,
    variantStructs,
  };
}

/** A change to one struct's field list. */
export interface FieldsDelta {
  /** Keys of fields dropped. */
  remove?: readonly string[];
  /** Fields appended (in the reference, new fields of a Go struct come last unless it was reordered). */
  add?: readonly ButaneField[];
}

/** A struct's fields after a delta: `remove` dropped, then `add` appended. */
export function withFields(fields: readonly ButaneField[], delta: FieldsDelta): ButaneField[] {
  const removed = new Set(delta.remove ?? []);
  for (const k of removed) if (!fields.some((f) => f.key === k)) throw new Error(`no field ${k} to remove`);
  const out = fields.filter((f) => !removed.has(f.key));
  for (const f of delta.add ?? []) {
    if (out.some((x) => x.key === f.key)) throw new Error(`field ${f.key} is already there`);
    out.push(f);
  }
  return out;
}
