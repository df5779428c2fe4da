// JSON Schemas (draft-07) for Butane configs, built from the registered variant
// versions: one schema per variant version, plus a dispatcher on `variant` and
// `version`. The types follow what the decoder accepts (src/parse/decode.ts, which
// decodes as Go's yaml.v3 does), seen through a YAML parser an editor uses:
//
// - a string field takes any scalar (yaml.v3 keeps the text of `0777` or `true`);
// - an int field takes 64-bit integers, and the integer spellings only YAML 1.1 reads
//   as numbers (`0b1010`, `1_000`); Butane would truncate a float, the schema flags it;
// - a bool field takes booleans and the YAML 1.1 words yaml.v3 still accepts for a
//   bool (`yes`, `off`, …), which a YAML 1.2 parser reads as strings;
// - null (an empty value) is accepted everywhere: yaml.v3 leaves the field unset;
// - unknown keys are rejected (Butane warns "unused key" and drops them);
// - fields the variant refuses accept only an empty value.
// Besides draft-07, the schemas use the editor keywords VS Code and yaml-language-server
// read: markdownDescription, patternErrorMessage, deprecationMessage, doNotSuggest
// (validators ignore them; ajv needs strict: false or addKeyword).

import type { VariantVersion } from "../butane/variants/define";
import { fieldDoc, type FieldDoc } from "./butane-fields";
import { compareVersions, configType, structOf, walkFields, type TypeDesc } from "./walk";

export const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

/** What the generator learned about one variant version beyond its structs. */
export interface VersionFacts {
  /** Field path → the first version of this variant that has the field. */
  since: ReadonlyMap<string, string>;
  /** Field path → the values this version's checks accept (enumerated fields only). */
  values: ReadonlyMap<string, readonly string[]>;
  /** Field path → why this variant refuses any value there (its field filters). */
  refused?: ReadonlyMap<string, Refusal>;
}

export interface Refusal {
  /** The compiler's message. */
  message: string;
  /** A present zero value ("", 0, false) is still accepted. */
  zeroOk: boolean;
}

const SCALAR: Json = ["string", "number", "boolean", "null"];
/** The words yaml.v3 reads as booleans in a bool field beyond true/false. */
export const YAML11_BOOL_WORDS = ["y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"];
const BOOL_WORD_PATTERN = `^(?:${YAML11_BOOL_WORDS.join("|")})$`;

// Go's int is 64 bits: larger numbers are refused (as doubles, the bounds round).
const INT64_MAX = 9223372036854775807;
const INT64_MIN = -9223372036854775808;
/**
 * Integers yaml.v3 reads in an int field that a YAML 1.2 parser leaves as strings
 * (`0b1010`, `1_000`, `0_644`, `-0x1F`). The spellings a YAML 1.2 parser reads as
 * numbers are excluded: as strings they were quoted, and yaml.v3 refuses a quoted
 * string for an int.
 */
export const YAML11_INT_PATTERN =
  "^(?![-+]?[0-9]+$|0o[0-7]+$|0x[0-9a-fA-F]+$)[-+]?(?:0[bB]_*[01][01_]*|0[oO]_*[0-7][0-7_]*|0[xX]_*[0-9a-fA-F][0-9a-fA-F_]*|[0-9][0-9_]*)$";

// Editor messages for the patterns (VS Code's and yaml-language-server's
// `patternErrorMessage`): the bare regular expression says nothing to a person.
const INT_PATTERN_MESSAGE = "Expected an integer. A quoted value is a string to Butane: write 0644, not '0644'.";
const BOOL_PATTERN_MESSAGE = "Expected true or false (Butane also reads yes/no/on/off).";

/** "1.8.0-experimental" → a pattern for every spelling go-semver normalizes to it ("01.8.0-experimental"). */
export function versionPattern(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/.exec(version);
  if (!m) throw new Error(`unexpected version ${version}`);
  const num = (n: string) => `0*${n === "0" ? "0" : n}`.replace(/^0\*0$/, "0+");
  const pre = m[4] ? m[4].replace(/[.]/g, "\\.") : "";
  return `^${num(m[1]!)}\\.${num(m[2]!)}\\.${num(m[3]!)}${pre}$`;
}

/** The file name of a variant version's schema, relative to schemas/. */
export function schemaFileName(variant: string, version: string): string {
  return `butane/${variant}-${version}.json`;
}

function typeWord(t: TypeDesc): string {
  switch (t.k) {
    case "prim": return t.p === "int" ? "integer" : t.p === "float" ? "number" : t.p === "bool" ? "boolean" : "string";
    case "list": return `list of ${typeWord(t.elem)}s`;
    case "map": return "map of strings";
    case "struct": return "object";
  }
}

function markdown(doc: FieldDoc | undefined, path: string, t: TypeDesc, variant: string, since: string | undefined): string {
  const lines = [doc?.d ?? `\`${path}\``];
  const facts = [`Type: ${typeWord(t)}.`];
  if (doc?.default !== undefined) facts.push(`Default: \`${String(doc.default)}\`.`);
  if (since) facts.push(`Since ${variant} ${since}.`);
  lines.push("", facts.join(" "));
  return lines.join("\n");
}

function enumOf(values: readonly string[]): Json[] {
  const out: Json[] = [];
  for (const v of values) {
    out.push(v);
    // A YAML `level: 1` reaches the schema as a number; yaml.v3 reads it as the text "1".
    if (/^(0|[1-9][0-9]*)$/.test(v)) out.push(Number(v));
  }
  out.push(null);
  return out;
}

/** The schema of a value of type `t` (no documentation). */
function valueSchema(vv: VariantVersion, facts: VersionFacts, t: TypeDesc, path: string): JsonObject {
  switch (t.k) {
    case "prim":
      if (t.p === "string") {
        const values = facts.values.get(path);
        return values ? { type: SCALAR, enum: enumOf(values) } : { type: SCALAR };
      }
      if (t.p === "int") return { type: ["integer", "string", "null"], minimum: INT64_MIN, maximum: INT64_MAX, pattern: YAML11_INT_PATTERN, patternErrorMessage: INT_PATTERN_MESSAGE };
      if (t.p === "float") return { type: ["number", "null"] };
      return { type: ["boolean", "string", "null"], pattern: BOOL_WORD_PATTERN, patternErrorMessage: BOOL_PATTERN_MESSAGE };
    case "list":
      return { type: ["array", "null"], items: valueSchema(vv, facts, t.elem, path) };
    case "map":
      return { type: ["object", "null"], additionalProperties: { type: SCALAR } };
    case "struct": {
      const properties: JsonObject = {};
      for (const f of t.fields.values()) {
        const p = path ? `${path}.${f.key}` : f.key;
        properties[f.key] = fieldSchema(vv, facts, f.type, p, f.optional);
      }
      return { type: ["object", "null"], properties, additionalProperties: false };
    }
  }
}

function fieldSchema(vv: VariantVersion, facts: VersionFacts, t: TypeDesc, path: string, optional: boolean): JsonObject {
  const doc = fieldDoc(path);
  const refused = facts.refused?.get(path);
  if (refused !== undefined) {
    // Only "empty" passes, as Go judges it: null, an empty list, and for a plain (not
    // pointer) value its zero value.
    const note = `Not supported by ${vv.variant}: ${refused.message}.`;
    const empty: JsonObject =
      t.k === "list" ? { type: ["array", "null"], maxItems: 0 }
      : t.k === "prim" ? { enum: optional && !refused.zeroOk ? [null] : [null, t.p === "string" ? "" : t.p === "int" || t.p === "float" ? 0 : false] }
      : { type: ["object", "null"], maxProperties: 0 };
    return {
      description: `${note} ${doc?.d ?? ""}`.trim(),
      markdownDescription: `**${note}**\n\n${markdown(doc, path, t, vv.variant, facts.since.get(path))}`,
      // Editors: warn with the compiler's reason wherever the key is used, and do not offer it.
      deprecationMessage: note,
      doNotSuggest: true,
      ...empty,
    };
  }
  const s: JsonObject = { description: doc?.d ?? path, markdownDescription: markdown(doc, path, t, vv.variant, facts.since.get(path)) };
  if (doc?.default !== undefined) s.default = doc.default;
  return { ...s, ...valueSchema(vv, facts, t, path) };
}

/** The schema of one variant version. */
export function versionSchema(vv: VariantVersion, facts: VersionFacts): JsonObject {
  const root = valueSchema(vv, facts, configType(vv.schema), "") as { properties: JsonObject };
  const props = root.properties;
  // The header selects this schema: pin it.
  props.variant = { ...(props.variant as JsonObject), type: "string", const: vv.variant };
  props.version = { ...(props.version as JsonObject), type: "string", pattern: versionPattern(vv.version), default: vv.version };
  return {
    $schema: DRAFT_07,
    title: `Butane config: ${vv.variant} ${vv.version}`,
    description: `A Butane config for variant ${vv.variant}, specification version ${vv.version} (translated to Ignition ${vv.base.features.spec.version}). Generated by scripts/gen-butane-schemas.mjs; do not edit.`,
    type: "object",
    required: ["variant", "version"],
    properties: props,
    additionalProperties: false,
  };
}

/** The dispatcher: checks `variant`/`version`, then the matching version's schema. */
export function dispatcherSchema(versions: readonly VariantVersion[]): JsonObject {
  const byVariant = groupByVariant(versions);
  const allOf: Json[] = [];
  for (const [variant, vs] of byVariant) {
    allOf.push({
      if: { properties: { variant: { const: variant } }, required: ["variant"] },
      then: {
        properties: {
          version: {
            anyOf: [
              { enum: vs.map((v) => v.version) },
              { type: "string", pattern: vs.map((v) => `(?:${versionPattern(v.version)})`).join("|") },
            ],
          },
        },
      },
    });
  }
  for (const [variant, vs] of byVariant) {
    for (const v of vs) {
      allOf.push({
        if: { properties: { variant: { const: variant }, version: { type: "string", pattern: versionPattern(v.version) } }, required: ["variant", "version"] },
        then: { $ref: `./${schemaFileName(variant, v.version)}` },
      });
    }
  }
  const variants = [...byVariant.keys()];
  return {
    $schema: DRAFT_07,
    title: "Butane config",
    description: `A Butane config of any variant and version butane-ts knows (${variants.join(", ")}); \`variant\` and \`version\` select the specification. Generated by scripts/gen-butane-schemas.mjs; do not edit.`,
    type: "object",
    required: ["variant", "version"],
    properties: {
      variant: { description: fieldDoc("variant")!.d, enum: variants },
      version: { description: fieldDoc("version")!.d, type: "string" },
    },
    allOf,
  };
}

/** Variant versions grouped by variant (sorted by name), each group in version order. */
export function groupByVariant(versions: readonly VariantVersion[]): Map<string, VariantVersion[]> {
  const m = new Map<string, VariantVersion[]>();
  for (const v of [...versions].sort((a, b) => (a.variant < b.variant ? -1 : a.variant > b.variant ? 1 : compareVersions(a.version, b.version)))) {
    let g = m.get(v.variant);
    if (!g) m.set(v.variant, (g = []));
    g.push(v);
  }
  return m;
}

/** Field path → first version of the variant that has it, for every version of one variant. */
export function sinceTable(versionsInOrder: readonly VariantVersion[]): Map<string, string> {
  const since = new Map<string, string>();
  for (const v of versionsInOrder) walkFields(v.schema, (f) => { if (!since.has(f.path)) since.set(f.path, v.version); });
  return since;
}

/** Every field path of a version with its decoder type. */
export function fieldPaths(vv: VariantVersion): Map<string, TypeDesc> {
  const m = new Map<string, TypeDesc>();
  walkFields(vv.schema, (f) => m.set(f.path, f.type));
  return m;
}

/**
 * A minimal config that sets `path` to `value` (lists get one element), for asking
 * the compiler whether it accepts the value there.
 */
export function probeDocument(vv: VariantVersion, path: string, value: Json, prelude: JsonObject = {}): { doc: JsonObject; at: string } {
  const doc: JsonObject = { ...structuredClone(prelude), variant: vv.variant, version: vv.version };
  const parts = path.split(".");
  let t: TypeDesc | undefined = configType(vv.schema);
  let node: JsonObject = doc;
  let at = "$";
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]!;
    const s: ReturnType<typeof structOf> = t ? structOf(t) : undefined;
    const f: { type: TypeDesc } | undefined = s?.fields.get(key);
    if (!f) throw new Error(`no field ${path} in ${vv.variant} ${vv.version}`);
    at += "." + key;
    const last = i === parts.length - 1;
    if (last) {
      node[key] = value;
      break;
    }
    const existing = node[key];
    const child: JsonObject = ((Array.isArray(existing) ? existing[0] : existing) as JsonObject | undefined) ?? {};
    if (f.type.k === "list") {
      node[key] = [child];
      at += ".0";
    } else node[key] = child;
    node = child;
    t = f.type;
  }
  return { doc, at };
}

/** "3.7.0-experimental" → "3_7_experimental", as the Ignition schema files are named. */
export function ignitionSlug(version: string): string {
  return version.replace(/\.0(-experimental)?$/, (_m, exp: string | undefined) => (exp ? "_experimental" : "")).replace(/\./g, "_");
}

/** The Ignition dispatcher (for `*.ign` files): `ignition.version` selects schemas/ignition-v3_X.json. */
export function ignitionDispatcherSchema(versions: readonly string[]): JsonObject {
  return {
    $schema: DRAFT_07,
    title: "Ignition config",
    description: `An Ignition config of spec ${versions[0]} – ${versions[versions.length - 1]}; \`ignition.version\` selects the specification. Generated by scripts/gen-butane-schemas.mjs; do not edit.`,
    type: "object",
    required: ["ignition"],
    properties: {
      ignition: {
        type: "object",
        required: ["version"],
        properties: {
          version: {
            description: "The Ignition specification version this config is written for.",
            anyOf: [{ enum: [...versions] }, { type: "string", pattern: versions.map((v) => `(?:${versionPattern(v)})`).join("|") }],
          },
        },
      },
    },
    allOf: versions.map((v) => ({
      if: { properties: { ignition: { properties: { version: { type: "string", pattern: versionPattern(v) } }, required: ["version"] } }, required: ["ignition"] },
      then: { $ref: `./ignition-v${ignitionSlug(v)}.json` },
    })),
  };
}
