// Decoding a JSON document into a typed Ignition config the way Go's json.Unmarshal does
// into Ignition's types: keys matched exactly, then case-insensitively; unknown keys
// skipped; null leaving non-pointer values untouched; repeated keys decoded into the
// same value; the first type mismatch reported with Go's UnmarshalTypeError text.

import type { SpecVersion } from "./spec/model";
import { parseType } from "./spec/model";
import type { JNode, JObject } from "../go/json";
import type { PathPart } from "../core/report";

export interface DecodeTypeError {
  message: string;
  /** Character index Go's error offset corresponds to (-1 when not from text). */
  index: number;
  /** The value that did not fit (Go's message names only the struct fields). */
  path?: PathPart[];
}

type T =
  | { k: "string"; name: string }
  | { k: "int" }
  | { k: "bool" }
  | { k: "struct"; name: string; fields: FieldT[]; exact: Map<string, FieldT>; folded: Map<string, FieldT> | null }
  | { k: "slice"; name: string; elem: T }
  | { k: "ptr"; elem: T };

interface FieldT {
  /** JSON key (Go's field name in FieldStack). */
  key: string;
  t: T;
  embedded?: string;
}

function goName(t: T): string {
  switch (t.k) {
    case "string":
      return t.name;
    case "int":
      return "int";
    case "bool":
      return "bool";
    case "struct":
    case "slice":
      return t.name;
    case "ptr":
      return goName(t.elem);
  }
}

/** Go's foldName: ASCII upper-cased; the two non-ASCII runes that fold into ASCII letters mapped. */
export function foldName(s: string): string {
  let out = "";
  for (const ch of s) {
    if (ch === "\u212a") out += "K";
    else if (ch === "\u017f") out += "S";
    else if (ch >= "a" && ch <= "z") out += ch.toUpperCase();
    else out += ch;
  }
  return out;
}

const typeCache = new WeakMap<SpecVersion, T>();

/** The Go type tree of a spec version's Config. */
function configType(spec: SpecVersion): T {
  const t = typeCache.get(spec);
  if (t) return t;
  const structs = new Map<string, T & { k: "struct" }>();
  const structT = (name: string): T & { k: "struct" } => {
    let st = structs.get(name);
    if (st) return st;
    st = { k: "struct", name: "types." + name, fields: [], exact: new Map(), folded: null };
    structs.set(name, st);
    for (const f of spec.structs[name]!) {
      const p = parseType(f.type);
      let ft: T;
      const base: T = p.primitive
        ? p.base === "string"
          ? { k: "string", name: "string" }
          : p.base === "int"
            ? { k: "int" }
            : { k: "bool" }
        : structT(p.base);
      if (p.list) {
        let elem = base;
        let name = "[]" + goName(base);
        if (f.goType?.startsWith("[]")) {
          elem = { k: "string", name: "types." + f.goType.slice(2) };
          name = "[]types." + f.goType.slice(2);
        } else if (f.goType) {
          name = "types." + f.goType;
        }
        ft = { k: "slice", name, elem };
      } else if (f.optional) {
        ft = { k: "ptr", elem: base };
      } else {
        ft = base;
      }
      const field: FieldT = { key: f.key, t: ft, embedded: f.embedded };
      st.fields.push(field);
      st.exact.set(f.key, field);
    }
    return st;
  };
  const config = structT("Config");
  typeCache.set(spec, config);
  return config;
}

class Abort {
  constructor(readonly error: DecodeTypeError) {}
}

interface Ctx {
  struct: string | null;
  stack: string[];
  /** Where in the document decoding is (keys as written), for locating the error. */
  at: PathPart[];
}

function typeError(ctx: Ctx, value: string, t: T, index: number): never {
  const type = goName(t);
  const message =
    ctx.struct !== null || ctx.stack.length > 0
      ? `json: cannot unmarshal ${value} into Go struct field ${ctx.struct ?? ""}.${ctx.stack.join(".")} of type ${type}`
      : `json: cannot unmarshal ${value} into Go value of type ${type}`;
  throw new Abort({ message, index, path: [...ctx.at] });
}

const INT = /^-?(0|[1-9][0-9]*)$/;
const MIN_I64 = -(2n ** 63n);
const MAX_I64 = 2n ** 63n - 1n;

function decode(node: JNode, t: T, cur: any, ctx: Ctx): any {
  if (t.k === "ptr") {
    if (node.kind === "null") return undefined;
    return decode(node, t.elem, cur, ctx);
  }
  switch (node.kind) {
    case "null":
      return t.k === "slice" ? undefined : cur;
    case "bool":
      if (t.k === "bool") return node.value;
      return typeError(ctx, "bool", t, node.end);
    case "string":
      if (t.k === "string") return node.value;
      return typeError(ctx, "string", t, node.end);
    case "number":
      if (t.k === "int") {
        const raw = node.raw!;
        if (INT.test(raw)) {
          const n = BigInt(raw);
          if (n >= MIN_I64 && n <= MAX_I64) return Number(n);
        }
        return typeError(ctx, "number " + raw, t, node.end);
      }
      return typeError(ctx, "number", t, node.end);
    case "array": {
      if (t.k !== "slice") return typeError(ctx, "array", t, node.start);
      const n = node.items.length;
      if (n === 0) return [];
      const arr: any[] = Array.isArray(cur) ? cur : [];
      for (let i = 0; i < n; i++) {
        ctx.at.push(i);
        arr[i] = decode(node.items[i]!, t.elem, i < arr.length ? arr[i] : undefined, ctx);
        ctx.at.pop();
      }
      arr.length = n;
      return arr;
    }
    case "object": {
      if (t.k !== "struct") return typeError(ctx, "object", t, node.start);
      const o: Record<string, any> = cur !== null && typeof cur === "object" ? cur : {};
      decodeStruct(node, t, o, ctx);
      return o;
    }
  }
}

/** Go's case-insensitive fallback match of a key to a field (first field wins). */
function foldedField(t: T & { k: "struct" }, key: string): FieldT | undefined {
  let m = t.folded;
  if (m === null) {
    m = t.folded = new Map();
    for (const f of t.fields) {
      const k = foldName(f.key);
      if (!m.has(k)) m.set(k, f);
    }
  }
  return m.get(foldName(key));
}

function decodeStruct(node: JObject, t: T & { k: "struct" }, o: Record<string, any>, ctx: Ctx): void {
  const origStruct = ctx.struct;
  const depth = ctx.stack.length;
  for (const { key, value } of node.pairs) {
    const f = t.exact.get(key) ?? foldedField(t, key);
    if (!f) continue;
    if (f.embedded) ctx.stack.push(f.embedded);
    ctx.struct = t.name.slice(6);
    ctx.stack.push(f.key);
    ctx.at.push(key);
    const v = decode(value, f.t, o[f.key], ctx);
    ctx.at.pop();
    if (v === undefined) delete o[f.key];
    else o[f.key] = v;
    ctx.stack.length = depth;
    ctx.struct = origStruct;
  }
}

/**
 * json.Unmarshal of a document into a spec version's types.Config: the typed config
 * (JSON keys as in the spec table; absent means Go's zero value), or Go's first type error.
 */
export function decodeConfig(tree: JNode, spec: SpecVersion): { config: Record<string, any> } | { error: DecodeTypeError } {
  try {
    const v = decode(tree, configType(spec), undefined, { struct: null, stack: [], at: [] });
    return { config: v !== null && typeof v === "object" ? v : {} };
  } catch (e) {
    if (e instanceof Abort) return { error: e.error };
    throw e;
  }
}

/**
 * GetConfigVersion's decode into `versionStub{ Ignition struct{ Version string } }`:
 * the version string ("" when absent), or Go's first type error.
 */
export function decodeVersionStub(tree: JNode): { version: string } | { error: DecodeTypeError } {
  const err = (message: string, index: number) => ({ error: { message, index } });
  if (tree.kind === "null") return { version: "" };
  if (tree.kind !== "object") {
    const v = tree.kind === "array" ? "array" : tree.kind === "bool" ? "bool" : tree.kind;
    return err(`json: cannot unmarshal ${v} into Go value of type util.versionStub`, tree.kind === "array" ? tree.start : tree.end);
  }
  let version = "";
  for (const { key, value } of tree.pairs) {
    if (foldName(key) !== "IGNITION") continue;
    if (value.kind === "null") continue;
    if (value.kind !== "object") {
      const v = value.kind === "array" ? "array" : value.kind === "bool" ? "bool" : value.kind;
      return err(`json: cannot unmarshal ${v} into Go struct field versionStub.Ignition of type struct { Version string }`, value.kind === "array" ? value.start : value.end);
    }
    for (const p of value.pairs) {
      if (foldName(p.key) !== "VERSION") continue;
      const x = p.value;
      if (x.kind === "null") continue;
      if (x.kind !== "string") {
        const v = x.kind === "array" ? "array" : x.kind === "bool" ? "bool" : x.kind;
        return err(`json: cannot unmarshal ${v} into Go struct field .Ignition.Version of type string`, x.kind === "array" || x.kind === "object" ? x.start : x.end);
      }
      version = x.value as string;
    }
  }
  return { version };
}
