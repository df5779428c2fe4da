// The fields of a Butane variant version, walked the way the decoder sees them: the
// same typeDesc() tree the pipeline decodes a document into (aliases resolved, lists,
// structs and Go string maps), so a generated schema cannot drift from what the
// compiler actually accepts. Depends only on the resolved VariantVersion shape
// (its schema) that the registry returns.

import { typeDesc } from "../parse/decode";
import type { ButaneSchema } from "../butane/schema";

export type TypeDesc = ReturnType<typeof typeDesc>;

/** A field of the config, by its path of YAML keys from the top (list indexes left out). */
export interface FieldNode {
  /** e.g. "storage.files.contents.source" */
  path: string;
  key: string;
  type: TypeDesc;
}

/** The decoder's type of the whole config of a version. */
export function configType(schema: ButaneSchema): TypeDesc {
  return typeDesc(schema, "Config");
}

/** The struct a type configures: the type itself, or the element of a list (of lists). */
export function structOf(t: TypeDesc): Extract<TypeDesc, { k: "struct" }> | undefined {
  let x = t;
  while (x.k === "list") x = x.elem;
  return x.k === "struct" ? x : undefined;
}

/** Visits every field path of the config, parents before children, in declaration order. */
export function walkFields(schema: ButaneSchema, visit: (f: FieldNode) => void): void {
  const rec = (t: TypeDesc, prefix: string, depth: number) => {
    const s = structOf(t);
    if (!s) return;
    // Butane's structs are a tree; the bound only guards against a malformed registration.
    if (depth > 32) throw new Error(`Butane struct nesting too deep at ${prefix}`);
    for (const f of s.fields.values()) {
      const path = prefix ? `${prefix}.${f.key}` : f.key;
      visit({ path, key: f.key, type: f.type });
      rec(f.type, path, depth + 1);
    }
  };
  rec(configType(schema), "", 0);
}

/** Semantic-version order of Butane version strings ("1.8.0-experimental" < "1.8.0"). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre = ""] = v.split("+")[0]!.split(/-(.*)/s) as [string, string?];
    return { nums: core.split(".").map((x) => BigInt(x)), pre };
  };
  const x = parse(a), y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0n) - (y.nums[i] ?? 0n);
    if (d !== 0n) return d < 0n ? -1 : 1;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === "") return 1;
  if (y.pre === "") return -1;
  return x.pre < y.pre ? -1 : 1;
}
