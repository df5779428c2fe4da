// The JSON Schemas the language server completes and documents from: one per Butane
// variant version (schemas/butane/<variant>-<version>.json, generated from the spec
// tables). Where no schema file exists for a version (a variant registered at run
// time, or a checkout without the generated schemas), the same shape is built from
// the spec tables directly, without descriptions.

import type { PathPart } from "../core/report";
import type { ButaneSchema } from "../butane/schema";
import { lookupVariant } from "../butane/registry";
import { listVariants } from "../api/translate";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  markdownDescription?: string;
  title?: string;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  then?: JsonSchema;
  else?: JsonSchema;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  [k: string]: unknown;
};

/** A schema with the document it came from (for resolving local `$ref`s). */
export interface SchemaNode {
  root: JsonSchema;
  /** The alternatives at this point, references resolved (allOf, anyOf, oneOf, if/then flattened). */
  parts: JsonSchema[];
}

function deref(root: JsonSchema, s: JsonSchema, seen = 0): JsonSchema {
  let cur = s;
  while (cur.$ref && seen++ < 32) {
    const ref = cur.$ref;
    if (!ref.startsWith("#/")) break;
    let t: unknown = root;
    for (const seg of ref.slice(2).split("/")) t = (t as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
    if (!t || typeof t !== "object") break;
    cur = { ...(t as JsonSchema), ...Object.fromEntries(Object.entries(cur).filter(([k]) => k !== "$ref")) };
  }
  return cur;
}

function flatten(root: JsonSchema, s: JsonSchema, out: JsonSchema[], depth = 0): JsonSchema[] {
  if (depth > 16) return out;
  const d = deref(root, s);
  out.push(d);
  for (const k of ["allOf", "anyOf", "oneOf"] as const) for (const sub of d[k] ?? []) flatten(root, sub, out, depth + 1);
  if (d.then) flatten(root, d.then, out, depth + 1);
  return out;
}

export function rootNode(root: JsonSchema): SchemaNode {
  return { root, parts: flatten(root, root, []) };
}

/** The schema of the child `part` (a key or a list index), or undefined. */
export function childNode(node: SchemaNode, part: PathPart): SchemaNode | undefined {
  const found: JsonSchema[] = [];
  for (const p of node.parts) {
    if (typeof part === "number") {
      if (p.items && !Array.isArray(p.items)) found.push(p.items);
      continue;
    }
    const prop = p.properties?.[part];
    if (prop) found.push(prop);
    else {
      for (const [re, sub] of Object.entries(p.patternProperties ?? {})) if (safeTest(re, part)) found.push(sub);
      if (typeof p.additionalProperties === "object") found.push(p.additionalProperties);
    }
  }
  if (found.length === 0) return undefined;
  const parts: JsonSchema[] = [];
  for (const f of found) flatten(node.root, f, parts);
  return { root: node.root, parts };
}

function safeTest(re: string, s: string): boolean {
  try {
    return new RegExp(re, "u").test(s);
  } catch {
    return false;
  }
}

export function nodeAtPath(root: JsonSchema, path: readonly PathPart[]): SchemaNode | undefined {
  let n: SchemaNode | undefined = rootNode(root);
  for (const p of path) {
    if (!n) return undefined;
    n = childNode(n, p);
  }
  return n;
}

export interface KeyInfo {
  key: string;
  schema: SchemaNode;
}

/** The keys an object at this point may have, in schema order. */
export function propertiesOf(node: SchemaNode): KeyInfo[] {
  const seen = new Set<string>();
  const out: KeyInfo[] = [];
  for (const p of node.parts) {
    for (const key of Object.keys(p.properties ?? {})) {
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ key, schema: childNode(node, key)! });
    }
  }
  return out;
}

/** Allowed values (enum, const, booleans). */
export function valuesOf(node: SchemaNode): unknown[] {
  const out: unknown[] = [];
  const add = (v: unknown) => {
    if (!out.some((o) => o === v)) out.push(v);
  };
  for (const p of node.parts) {
    for (const v of p.enum ?? []) add(v);
    if (p.const !== undefined) add(p.const);
    const types = Array.isArray(p.type) ? p.type : p.type ? [p.type] : [];
    if (types.includes("boolean")) [true, false].forEach(add);
  }
  return out;
}

export function typeOf(node: SchemaNode): string | undefined {
  for (const p of node.parts) {
    if (typeof p.type === "string") return p.type;
    if (Array.isArray(p.type)) return p.type.filter((t) => t !== "null").join(" | ");
  }
  if (node.parts.some((p) => p.properties)) return "object";
  if (node.parts.some((p) => p.items)) return "array";
  return undefined;
}

/** Markdown documentation: the first markdownDescription (else description) found. */
export function docOf(node: SchemaNode): string | undefined {
  for (const p of node.parts) if (typeof p.markdownDescription === "string") return p.markdownDescription;
  for (const p of node.parts) if (typeof p.description === "string") return p.description;
  return undefined;
}

/** Where schemas come from: a reader of schemas/butane/<name>.json (absent: spec tables only). */
export type SchemaReader = (name: string) => string | undefined;

/** Schemas by variant version, loaded once each. */
export class SchemaStore {
  private readonly cache = new Map<string, JsonSchema | null>();
  constructor(private readonly read: SchemaReader) {}

  get(variant: string, version: string): JsonSchema | undefined {
    const k = `${variant}-${version}`;
    let s = this.cache.get(k);
    if (s === undefined) {
      s = this.load(variant, version);
      this.cache.set(k, s);
    }
    return s ?? undefined;
  }

  private load(variant: string, version: string): JsonSchema | null {
    const text = this.read(`${variant}-${version}`);
    if (text !== undefined) {
      try {
        return JSON.parse(text) as JsonSchema;
      } catch {
        // A broken file: fall back to the spec tables.
      }
    }
    const def = lookupVariant(variant, version);
    return def ? specTableSchema(def.schema, variant, version) : null;
  }
}

/** Every variant name and, per variant, its versions (in registration order). */
export function knownVersions(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const v of listVariants()) {
    const list = m.get(v.variant) ?? [];
    list.push(v.version);
    m.set(v.variant, list);
  }
  return m;
}

/** A JSON Schema with the keys and value types of a spec version's structs (no descriptions). */
export function specTableSchema(schema: ButaneSchema, variant: string, version: string): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const typeSchema = (type: string): JsonSchema => {
    let t = type;
    while (schema.aliases[t] !== undefined) t = schema.aliases[t]!;
    if (t.endsWith("[]")) return { type: "array", items: typeSchema(t.slice(0, -2)) };
    if (t === "string") return { type: "string" };
    if (t === "int") return { type: "integer" };
    if (t === "bool") return { type: "boolean" };
    if (schema.structs[t]) {
      if (!defs[t]) {
        defs[t] = {};
        const properties: Record<string, JsonSchema> = {};
        for (const f of schema.structs[t]!) properties[f.key] = typeSchema(f.type);
        Object.assign(defs[t], { type: "object", properties, additionalProperties: false });
      }
      return { $ref: `#/$defs/${t}` };
    }
    return {};
  };
  const config = typeSchema("Config");
  return { allOf: [{ properties: { variant: { const: variant }, version: { const: version } } }, config], $defs: defs };
}
