// Typed decoding of a YAML node tree into a Butane config, with the reference's
// semantics (yaml.v3 decoding into Go structs): unknown keys are ignored here (they
// are reported later as warnings), type mismatches are collected as
// "line N: cannot unmarshal !!str `abc` into int" and decoding goes on, duplicate
// keys and alias abuse are errors, `<<` merge keys work, and a few things are
// fatal at once (a tag that contradicts its value, alias loops).
//
// Limits (see SECURITY.md): yaml.v3's alias-expansion ratio ("document contains
// excessive aliasing"), plus two of our own where the reference would exhaust the
// stack or memory: aliases nested more than MAX_ALIAS_DEPTH deep (chains of `<<`
// merges) and more than MAX_DECODE_ERRORS collected errors (a key repeated n times
// yields n(n-1)/2 "already defined" errors).

import { Kind, Style, YamlError, resolve, resolveTag, type Resolved, type YamlNode } from "../yaml";
import { goQuote } from "../go/quote";
import type { Obj } from "../core/obj";

/** Deepest nesting of aliases (each `<<: *x` inside an expansion adds a level). */
export const MAX_ALIAS_DEPTH = 200;
/** Most type errors collected before decoding stops. */
export const MAX_DECODE_ERRORS = 10_000;

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** Collected type errors: "yaml: unmarshal errors:\n  line 3: ...". */
export class DecodeErrors extends Error {
  /**
   * @param lines the messages, "line N: ..."
   * @param nodes for each message, the node it is about (for its path and column)
   */
  constructor(readonly lines: string[], readonly nodes: readonly (YamlNode | undefined)[] = []) {
    super("yaml: unmarshal errors:\n  " + lines.join("\n  "));
  }
}
/** Thrown inside the decoder once MAX_DECODE_ERRORS errors are collected. */
class TooManyErrors extends Error {}
/** A fatal decoding failure ("yaml: ..."). */
export class DecodeFailure extends Error {
  /** The node the failure is about, when there is one. */
  constructor(message: string, readonly node?: YamlNode) {
    super(message);
  }
}

type TypeDesc =
  | { k: "prim"; p: "string" | "int" | "float" | "bool"; name: string }
  | { k: "struct"; name: string; struct: string; fields: Map<string, { key: string; type: TypeDesc; optional: boolean }> }
  | { k: "list"; name: string; elem: TypeDesc }
  /** Go's map[string]string (OpenShift's metadata.labels), decoded into a prototype-free object. */
  | { k: "map"; name: string };

/** The Butane schema type of a string map. */
export const STRING_MAP = "map[string]string";
const STRING: TypeDesc = { k: "prim", p: "string", name: "string" };

/**
 * What decoding needs of a schema: the structs and named types to decode into, and the
 * Go package each lives in (decoding errors name it). src/butane's ButaneSchema has
 * this shape; declaring it here keeps parsing independent of the Butane layer.
 */
export interface DecodeSchema {
  /** Package of the base structs and named types, e.g. "v0_6". */
  readonly basePkg: string;
  /** Package of the variant's own structs, e.g. "v1_6". */
  readonly variantPkg: string;
  /** Fields of each struct: key, type ("string" | "int" | "bool", a name, "[]" suffix for lists). */
  readonly structs: Readonly<Record<string, readonly { readonly key: string; readonly type: string; readonly optional?: boolean }[]>>;
  /** Named types: "Device" -> "string". */
  readonly aliases: Readonly<Record<string, string>>;
  /** Structs defined by the variant rather than the base. */
  readonly variantStructs: ReadonlySet<string>;
}

const descCache = new WeakMap<DecodeSchema, Map<string, TypeDesc>>();

export function typeDesc(schema: DecodeSchema, type: string): TypeDesc {
  let cache = descCache.get(schema);
  if (!cache) descCache.set(schema, (cache = new Map()));
  const hit = cache.get(type);
  if (hit) return hit;
  let d: TypeDesc;
  if (type.endsWith("[]")) {
    const elem = typeDesc(schema, type.slice(0, -2));
    d = { k: "list", name: "[]" + elem.name, elem };
  } else if (type === "string" || type === "int" || type === "bool") {
    d = { k: "prim", p: type, name: type };
  } else if (type === "float") {
    // Go's float64 (no base spec has one; variants may, e.g. acos rollout_wariness).
    d = { k: "prim", p: "float", name: "float64" };
  } else if (type === STRING_MAP) {
    d = { k: "map", name: STRING_MAP };
  } else if (schema.aliases[type] !== undefined) {
    const target = typeDesc(schema, schema.aliases[type]!);
    d = { ...target, name: `${schema.basePkg}.${type}` } as TypeDesc;
  } else if (schema.structs[type]) {
    const pkg = schema.variantStructs.has(type) ? schema.variantPkg : schema.basePkg;
    const fields = new Map<string, { key: string; type: TypeDesc; optional: boolean }>();
    const sd: TypeDesc = { k: "struct", name: `${pkg}.${type}`, struct: type, fields };
    cache.set(type, sd); // allow recursion
    for (const f of schema.structs[type]!) fields.set(f.key, { key: f.key, type: typeDesc(schema, f.type), optional: !!f.optional });
    return sd;
  } else {
    throw new Error(`unknown Butane type ${type}`);
  }
  cache.set(type, d);
  return d;
}

// Limits on alias expansion, as the reference applies them ("billion laughs").
function allowedAliasRatio(decodeCount: number): number {
  const low = 400_000, high = 4_000_000;
  if (decodeCount <= low) return 0.99;
  if (decodeCount >= high) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - low) / (high - low));
}

/** yaml.v3's Node.ShortTag(). */
export function shortTag(n: YamlNode): string {
  if (indicatedString(n)) return "!!str";
  if (n.tag === "" || n.tag === "!") {
    switch (n.kind) {
      case Kind.Mapping: return "!!map";
      case Kind.Sequence: return "!!seq";
      case Kind.Alias: return n.alias ? shortTag(n.alias) : "";
      case Kind.Scalar:
        return resolveTag(n.value);
    }
    return "";
  }
  return n.tag;
}

function indicatedString(n: YamlNode): boolean {
  return n.kind === Kind.Scalar && (n.tag === "!!str" || ((n.tag === "" || n.tag === "!") && (n.style & (Style.SingleQuoted | Style.DoubleQuoted | Style.Literal | Style.Folded)) !== 0));
}

function isMerge(n: YamlNode): boolean {
  return n.kind === Kind.Scalar && n.value === "<<" && (n.tag === "" || n.tag === "!" || n.tag === "!!merge");
}

/**
 * Truncates a scalar for an error message the way the reference does: to 7 bytes,
 * which may cut a character. The bytes of a cut character are kept as the lone
 * surrogates U+DC80–U+DCFF (Python's "surrogateescape"), which the command writes
 * back as those raw bytes, as Go prints them.
 */
function shortValue(v: string): string {
  const bytes = new TextEncoder().encode(v);
  if (bytes.length <= 10) return " `" + v + "`";
  let end = 7;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // back to the start of the cut character
  let text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, end));
  for (let i = end; i < 7; i++) text += String.fromCharCode(0xdc00 + bytes[i]!);
  return " `" + text + "...`";
}

export class Decoder {
  private readonly terrors: string[] = [];
  private readonly terrorNodes: YamlNode[] = [];
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly activeAliases = new Set<YamlNode>();
  private mergedFields: Set<string> | null = null;

  /** Decodes the document into `type`; throws DecodeErrors / DecodeFailure. */
  decodeDocument(doc: YamlNode | null, type: TypeDesc): unknown {
    const holder: { v: unknown } = { v: undefined };
    try {
      if (doc && doc.kind === Kind.Document && doc.content.length === 1) this.unmarshal(doc.content[0]!, type, holder);
    } catch (e) {
      if (e instanceof TooManyErrors) throw new DecodeErrors([...this.terrors, `too many errors: stopped after ${MAX_DECODE_ERRORS}`], this.terrorNodes);
      // Only alias nesting makes decoding recurse deeply; MAX_ALIAS_DEPTH keeps it well
      // within an ordinary stack, this is for callers already deep in theirs.
      if (e instanceof RangeError && /call stack/i.test(e.message)) throw new DecodeFailure("yaml: aliases nested too deeply for the available stack");
      throw e;
    }
    if (this.terrors.length) throw new DecodeErrors(this.terrors, this.terrorNodes);
    return holder.v;
  }

  private addError(line: string, node: YamlNode): void {
    this.terrors.push(line);
    this.terrorNodes.push(node);
    if (this.terrors.length >= MAX_DECODE_ERRORS) throw new TooManyErrors();
  }

  private terror(n: YamlNode, tag: string, type: TypeDesc): void {
    if (n.tag !== "") tag = n.tag;
    // yaml.v3 appends a !!seq/!!map node's value as it is: empty for a real collection,
    // the scalar itself (uncut, unquoted) for a scalar tagged `!!map` ("!!maptrue").
    const value = tag !== "!!seq" && tag !== "!!map" ? shortValue(n.value) : n.value;
    this.addError(`line ${n.line}: cannot unmarshal ${tag}${value} into ${type.name}`, n);
  }

  /** yaml.v3's bookkeeping at the start of every unmarshal call. */
  private count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new DecodeFailure("yaml: document contains excessive aliasing");
    }
  }

  /** Decodes `n` into `out.v` (which may already hold a partially decoded struct). */
  unmarshal(n: YamlNode, type: TypeDesc, out: { v: unknown }): boolean {
    this.count();
    if (n.kind === Kind.Alias) return this.alias(n, type, out);
    if (n.kind === Kind.Document) {
      if (n.content.length === 1) this.unmarshal(n.content[0]!, type, out);
      return true;
    }
    switch (n.kind) {
      case Kind.Scalar: return this.scalar(n, type, out);
      case Kind.Mapping: return this.mapping(n, type, out);
      case Kind.Sequence: return this.sequence(n, type, out);
    }
    throw new DecodeFailure(`yaml: cannot decode node with unknown kind ${n.kind}`);
  }

  private alias(n: YamlNode, type: TypeDesc, out: { v: unknown }): boolean {
    if (this.activeAliases.has(n)) throw new DecodeFailure(`yaml: anchor '${n.value}' value contains itself`, n);
    if (!n.alias) throw new DecodeFailure(`yaml: unknown anchor '${n.value}' referenced`, n);
    // Each level costs a few stack frames; the reference has no limit (Go stacks grow).
    if (this.aliasDepth >= MAX_ALIAS_DEPTH) throw new DecodeFailure(`yaml: line ${n.line}: aliases nested deeper than ${MAX_ALIAS_DEPTH} levels`, n);
    this.activeAliases.add(n);
    this.aliasDepth++;
    const good = this.unmarshal(n.alias, type, out);
    this.aliasDepth--;
    this.activeAliases.delete(n);
    return good;
  }

  private scalar(n: YamlNode, type: TypeDesc, out: { v: unknown }): boolean {
    let r: Resolved;
    if (indicatedString(n)) {
      r = { tag: "!!str", value: n.value };
    } else {
      try {
        r = resolve(n.tag, n.value);
      } catch (e) {
        if (e instanceof YamlError) throw new DecodeFailure(e.message, n);
        throw e;
      }
      if (r.tag === "!!binary") r = { tag: "!!binary", value: decodeBase64(n) };
    }
    if (r.value === null) {
      // Null clears pointers, slices and maps; other kinds are left as they are.
      if (type.k === "list") { out.v = undefined; return true; }
      return false;
    }
    const tag = r.tag;
    if (type.k === "prim") {
      switch (type.p) {
        case "string":
          out.v = tag === "!!binary" ? r.value : n.value;
          return true;
        case "int":
          if (tag === "!!int") {
            // Go's int is 64 bits: uint64 values above its range do not fit.
            const v = r.value as bigint;
            if (v > INT64_MAX) break;
            const n = Number(v);
            out.v = Number.isSafeInteger(n) ? n : v;
            return true;
          }
          if (tag === "!!float") {
            const f = r.value as number;
            if (f <= 9223372036854775807 && !Number.isNaN(f)) {
              const t = Math.trunc(f);
              out.v = Number.isSafeInteger(t) ? t : f === -Infinity || t < -9223372036854775808 ? INT64_MIN : BigInt(t);
              return true;
            }
          }
          break;
        case "float":
          if (tag === "!!int") { out.v = Number(r.value as bigint); return true; }
          if (tag === "!!float") { out.v = r.value; return true; }
          break;
        case "bool":
          if (tag === "!!bool") { out.v = r.value; return true; }
          if (typeof r.value === "string") {
            switch (r.value) {
              case "y": case "Y": case "yes": case "Yes": case "YES": case "on": case "On": case "ON":
                out.v = true; return true;
              case "n": case "N": case "no": case "No": case "NO": case "off": case "Off": case "OFF":
                out.v = false; return true;
            }
          }
          break;
      }
    }
    this.terror(n, tag, type);
    return false;
  }

  private sequence(n: YamlNode, type: TypeDesc, out: { v: unknown }): boolean {
    if (type.k !== "list") {
      this.terror(n, "!!seq", type);
      return false;
    }
    const items: unknown[] = [];
    for (const c of n.content) {
      const slot: { v: unknown } = { v: undefined };
      if (this.unmarshal(c, type.elem, slot)) items.push(slot.v);
    }
    out.v = items;
    return true;
  }

  /**
   * yaml.v3's duplicate-key check: for each key, in order, every later key of the same
   * kind and value is an error. Grouping keys makes it linear in the mapping's size
   * (the reference compares every pair).
   */
  private duplicateKeys(c: YamlNode[]): boolean {
    const before = this.terrors.length;
    const report = (ni: YamlNode, nj: YamlNode) => this.addError(`line ${nj.line}: mapping key ${goQuote(nj.value)} already defined at line ${ni.line}`, nj);
    if (c.length <= 32) {
      for (let i = 0; i < c.length; i += 2) {
        const ni = c[i]!;
        for (let j = i + 2; j < c.length; j += 2) {
          const nj = c[j]!;
          if (ni.kind === nj.kind && ni.value === nj.value) report(ni, nj);
        }
      }
      return this.terrors.length > before;
    }
    const groups = new Map<string, number[]>();
    let dup = false;
    for (let i = 0; i < c.length; i += 2) {
      const k = c[i]!.kind + ":" + c[i]!.value;
      const g = groups.get(k);
      if (g) {
        g.push(i);
        dup = true;
      } else groups.set(k, [i]);
    }
    if (!dup) return false;
    const seen = new Map<string, number>();
    for (let i = 0; i < c.length; i += 2) {
      const k = c[i]!.kind + ":" + c[i]!.value;
      const g = groups.get(k)!;
      if (g.length === 1) continue;
      const at = seen.get(k) ?? 0;
      seen.set(k, at + 1);
      for (let m = at + 1; m < g.length; m++) report(c[i]!, c[g[m]!]!);
    }
    return true;
  }

  private mapping(n: YamlNode, type: TypeDesc, out: { v: unknown }): boolean {
    const c = n.content;
    if (this.duplicateKeys(c)) return false;
    if (type.k === "map") return this.stringMap(n, out);
    if (type.k !== "struct") {
      this.terror(n, "!!map", type);
      return false;
    }
    const obj: Obj = out.v !== undefined && out.v !== null && typeof out.v === "object" ? (out.v as Obj) : {};
    out.v = obj;
    const mergedFields = this.mergedFields;
    this.mergedFields = null;
    let mergeNode: YamlNode | null = null;
    for (let i = 0; i < c.length; i += 2) {
      const ni = c[i]!;
      if (isMerge(ni)) {
        mergeNode = c[i + 1]!;
        continue;
      }
      const name: { v: unknown } = { v: undefined };
      if (!this.unmarshal(ni, STRING, name)) continue;
      const sname = name.v as string;
      if (mergedFields) {
        if (mergedFields.has(sname)) continue;
        mergedFields.add(sname);
      }
      const field = type.fields.get(sname);
      if (!field) continue;
      const slot: { v: unknown } = { v: obj[field.key] };
      this.unmarshal(c[i + 1]!, field.type, slot);
      if (slot.v === undefined) delete obj[field.key];
      else obj[field.key] = slot.v;
    }
    this.mergedFields = mergedFields;
    if (mergeNode) this.merge(n, mergeNode, type, out);
    return true;
  }

  /**
   * A mapping into Go's map[string]string: keys and values decode as strings (a null
   * key is dropped, a null value is ""), other values are type errors, `<<` merges
   * supply keys not given directly. The map has no prototype, so that keys such as
   * `__proto__` are ordinary keys.
   */
  private stringMap(n: YamlNode, out: { v: unknown }): boolean {
    const c = n.content;
    const isNew = !(out.v !== undefined && out.v !== null && typeof out.v === "object");
    const map = (isNew ? Object.create(null) : out.v) as Record<string, string>;
    out.v = map;
    const mergedFields = this.mergedFields;
    this.mergedFields = null;
    let mergeNode: YamlNode | null = null;
    for (let i = 0; i < c.length; i += 2) {
      if (isMerge(c[i]!)) {
        mergeNode = c[i + 1]!;
        continue;
      }
      const k: { v: unknown } = { v: undefined };
      if (!this.unmarshal(c[i]!, STRING, k)) continue;
      const key = k.v as string;
      if (mergedFields) {
        if (mergedFields.has(key)) continue;
        mergedFields.add(key);
      }
      const e: { v: unknown } = { v: undefined };
      const value = c[i + 1]!;
      if (this.unmarshal(value, STRING, e)) map[key] = e.v as string;
      else if (shortTag(value) === "!!null" && (isNew || !Object.hasOwn(map, key))) map[key] = "";
    }
    this.mergedFields = mergedFields;
    if (mergeNode) this.merge(n, mergeNode, { k: "map", name: STRING_MAP }, out);
    return true;
  }

  private merge(parent: YamlNode, merge: YamlNode, type: TypeDesc, out: { v: unknown }): void {
    const saved = this.mergedFields;
    if (saved === null) {
      this.mergedFields = new Set();
      const anyType: TypeDesc = { k: "prim", p: "string", name: "interface {}" };
      for (let i = 0; i < parent.content.length; i += 2) {
        const k = parent.content[i]!;
        const slot: { v: unknown } = { v: undefined };
        // yaml.v3 decodes each key into an interface{} here: it counts as decoding.
        this.count();
        if (k.kind === Kind.Alias) {
          this.aliasDepth++;
          this.count();
          this.aliasDepth--;
        }
        if (k.kind === Kind.Scalar || k.kind === Kind.Alias) {
          if (this.unmarshalKey(k, anyType, slot)) this.mergedFields.add(String(slot.v));
        }
      }
    }
    const wantMap = () => new DecodeFailure("yaml: map merge requires map or sequence of maps as the value", merge);
    switch (merge.kind) {
      case Kind.Mapping:
        this.unmarshal(merge, type, out);
        break;
      case Kind.Alias:
        if (merge.alias && merge.alias.kind !== Kind.Mapping) throw wantMap();
        this.unmarshal(merge, type, out);
        break;
      case Kind.Sequence:
        for (const ni of merge.content) {
          if (ni.kind === Kind.Alias) {
            if (ni.alias && ni.alias.kind !== Kind.Mapping) throw wantMap();
          } else if (ni.kind !== Kind.Mapping) {
            throw wantMap();
          }
          this.unmarshal(ni, type, out);
        }
        break;
      default:
        throw wantMap();
    }
    this.mergedFields = saved;
  }

  /** Decodes a key as an untyped value for merge bookkeeping (its text for scalars). */
  private unmarshalKey(n: YamlNode, _t: TypeDesc, slot: { v: unknown }): boolean {
    const target = n.kind === Kind.Alias ? n.alias : n;
    if (!target || target.kind !== Kind.Scalar) return false;
    try {
      const r: { value: unknown } = indicatedString(target) ? { value: target.value } : resolve(target.tag, target.value);
      if (r.value === null) return false;
      slot.v = typeof r.value === "string" ? r.value : target.value;
      return true;
    } catch {
      return false;
    }
  }
}

function decodeBase64(n: YamlNode): string {
  const clean = n.value.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw new DecodeFailure("yaml: !!binary value contains invalid base64 data", n);
  }
  const bin = atob(clean);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

/** The first pass: reads only `variant` and `version`, as a struct named config.commonFields. */
export function decodeHeader(doc: YamlNode | null): { variant: string; version: string } {
  const fields = new Map<string, { key: string; type: TypeDesc; optional: boolean }>();
  const str: TypeDesc = { k: "prim", p: "string", name: "string" };
  fields.set("version", { key: "version", type: str, optional: false });
  fields.set("variant", { key: "variant", type: str, optional: false });
  const t: TypeDesc = { k: "struct", name: "config.commonFields", struct: "commonFields", fields };
  const v = (new Decoder().decodeDocument(doc, t) ?? {}) as Obj;
  return { variant: typeof v.variant === "string" ? v.variant : "", version: typeof v.version === "string" ? v.version : "" };
}
