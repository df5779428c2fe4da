// Decoding an OpenShift config. Everything but metadata.labels goes through the
// schema decoder; labels is a Go map[string]string, which Butane's schema has no
// type for, so it is decoded here with yaml.v3's rules for such a map: keys and
// values are taken as strings (a null value → "", a null key is dropped), a value
// that is not a scalar is a type error, repeated keys are an error, and `<<`
// merges supply keys not given directly.

import { Decoder, DecodeErrors, DecodeFailure, shortTag, typeDesc } from "../../../parse/decode";
import { Kind, resolve, type YamlNode } from "../../../yaml";
import { extendSchema, type ButaneSchema } from "../../schema";
import type { Obj } from "../../translate/context";

const MAP_TYPE = "map[string]string";

function follow(n: YamlNode): YamlNode {
  let cur = n;
  for (let depth = 0; cur.kind === Kind.Alias; depth++) {
    if (!cur.alias) throw new DecodeFailure(`yaml: unknown anchor '${cur.value}' referenced`);
    if (depth > 1000) throw new DecodeFailure(`yaml: anchor '${cur.value}' value contains itself`);
    cur = cur.alias;
  }
  return cur;
}

function isNull(n: YamlNode): boolean {
  if (n.kind !== Kind.Scalar) return false;
  if (n.tag === "!!null") return true;
  if (n.tag !== "" && n.tag !== "!") return false;
  try {
    return resolve("", n.value).value === null;
  } catch {
    return false;
  }
}

function isMergeKey(n: YamlNode): boolean {
  return n.kind === Kind.Scalar && n.value === "<<" && (n.tag === "" || n.tag === "!" || n.tag === "!!merge");
}

function shortValue(v: string): string {
  const bytes = new TextEncoder().encode(v);
  if (bytes.length > 10) return " `" + new TextDecoder().decode(bytes.slice(0, 7)) + "...`";
  return " `" + v + "`";
}

function typeError(n: YamlNode, into: string): string {
  const tag = shortTag(n);
  const value = tag !== "!!seq" && tag !== "!!map" ? shortValue(n.value) : "";
  return `line ${n.line}: cannot unmarshal ${tag}${value} into ${into}`;
}

/** The value node of `key` in a mapping: given directly, else from its merge sources (first wins). */
function fieldNode(mapping: YamlNode, key: string): YamlNode | undefined {
  const c = mapping.content;
  for (let i = 0; i < c.length; i += 2) if (c[i]!.kind === Kind.Scalar && c[i]!.value === key) return c[i + 1];
  for (let i = 0; i < c.length; i += 2) {
    if (!isMergeKey(c[i]!)) continue;
    const m = follow(c[i + 1]!);
    const sources = m.kind === Kind.Sequence ? m.content.map(follow) : [m];
    for (const s of sources) {
      if (s.kind !== Kind.Mapping) continue;
      const hit = fieldNode(s, key);
      if (hit) return hit;
    }
  }
  return undefined;
}

function decodeMap(node: YamlNode, errors: string[], out: Record<string, string>, given: Set<string>): void {
  const n = follow(node);
  if (n.kind !== Kind.Mapping) {
    errors.push(typeError(n, MAP_TYPE));
    return;
  }
  const c = n.content;
  let dup = false;
  for (let i = 0; i < c.length; i += 2) {
    for (let j = i + 2; j < c.length; j += 2) {
      if (c[i]!.kind === c[j]!.kind && c[i]!.value === c[j]!.value) {
        errors.push(`line ${c[j]!.line}: mapping key ${JSON.stringify(c[j]!.value)} already defined at line ${c[i]!.line}`);
        dup = true;
      }
    }
  }
  if (dup) return;
  const merges: YamlNode[] = [];
  for (let i = 0; i < c.length; i += 2) {
    const k = follow(c[i]!);
    if (isMergeKey(c[i]!)) {
      merges.push(c[i + 1]!);
      continue;
    }
    if (k.kind !== Kind.Scalar) {
      errors.push(typeError(k, "string"));
      continue;
    }
    if (isNull(k)) continue; // a null key does not decode into a string
    const key = k.value;
    if (given.has(key)) continue;
    const v = follow(c[i + 1]!);
    if (v.kind !== Kind.Scalar) {
      errors.push(typeError(v, "string"));
      continue;
    }
    given.add(key);
    out[key] = isNull(v) ? "" : v.value;
  }
  for (const m of merges) {
    const mm = follow(m);
    const sources = mm.kind === Kind.Sequence ? mm.content : [mm];
    for (const s of sources) {
      if (follow(s).kind !== Kind.Mapping) throw new DecodeFailure("yaml: map merge requires map or sequence of maps as the value");
      decodeMap(s, errors, out, given);
    }
  }
}

function decodeLabels(doc: YamlNode | null, cfg: Obj, errors: string[]): void {
  const top = doc && doc.kind === Kind.Document ? doc.content[0] : doc;
  if (!top) return;
  const root = follow(top);
  if (root.kind !== Kind.Mapping) return;
  const metaNode = fieldNode(root, "metadata");
  if (!metaNode) return;
  const meta = follow(metaNode);
  if (meta.kind !== Kind.Mapping) return;
  const labelsNode = fieldNode(meta, "labels");
  if (!labelsNode || isNull(follow(labelsNode))) return;
  const labels: Record<string, string> = {};
  decodeMap(labelsNode, errors, labels, new Set());
  const metadata = (cfg.metadata ??= {}) as Obj;
  metadata.labels = labels;
}

/** The line of a collected decode error, for merging two lists in document order. */
function lineOf(e: string): number {
  const m = /^line (\d+):/.exec(e);
  return m ? Number(m[1]) : 0;
}

/**
 * A decoder for a schema whose Metadata.labels is a map: the schema decoder runs on
 * a copy without that field, labels are decoded here. Structs that come from the
 * fcos version (`fcos`) are named with its package in type errors, as the
 * reference's are ("into v1_3.BootDevice").
 */
export function openshiftDecoder(schema: ButaneSchema, fcos: ButaneSchema): (doc: YamlNode | null) => Obj {
  const fcosStructs = [...fcos.variantStructs].filter((n) => n !== "Config");
  const ours = schema.variantPkg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const rename = fcosStructs.length
    ? new RegExp(`( into (?:\\[\\])*)${ours}\\.(${fcosStructs.join("|")})$`)
    : null;
  const fixPkg = (line: string) => (rename ? line.replace(rename, `$1${fcos.variantPkg}.$2`) : line);
  const decodeSchema = extendSchema(schema, {
    structs: { Metadata: schema.structs.Metadata!.filter((f) => f.type !== MAP_TYPE) },
    variant: true,
  });
  return (doc) => {
    let cfg: Obj = {};
    let errors: string[] = [];
    try {
      cfg = (new Decoder(decodeSchema).decodeDocument(doc, typeDesc(decodeSchema, "Config")) ?? {}) as Obj;
    } catch (e) {
      if (!(e instanceof DecodeErrors)) throw e;
      errors = e.lines.map(fixPkg);
    }
    const labelErrors: string[] = [];
    decodeLabels(doc, cfg, labelErrors);
    if (errors.length || labelErrors.length) {
      const merged = [...errors];
      for (const le of labelErrors) {
        const at = merged.findIndex((e) => lineOf(e) > lineOf(le));
        if (at === -1) merged.push(le);
        else merged.splice(at, 0, le);
      }
      throw new DecodeErrors(merged);
    }
    return cfg;
  };
}
