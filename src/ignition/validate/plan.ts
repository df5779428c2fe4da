// The shape vcontext's validate walk follows, derived once per spec version from the
// spec tables: every struct, its fields in Go declaration order (embedded structs
// flattened), and how each field is descended into.

import type { SpecVersion } from "../spec/model";
import { parseType } from "../spec/model";
import { parseSemver, type SemVer } from "../../go/semver";

/** How the walk descends into a field. */
export const enum Kind {
  /** A scalar or a list of scalars without a Validate method: not descended into. */
  Leaf,
  /** A struct value (Go zero value when absent): always visited. */
  Struct,
  /** A pointer to a struct: visited only when present. */
  Ptr,
  /** A list of structs: each element visited. */
  List,
  /** A list of Device strings: each element has Device.Validate. */
  Devices,
  /** A list of scalars (for duplicate checks). */
  Scalars,
}

export interface FieldPlan {
  key: string;
  kind: Kind;
  sub: StructPlan | null;
}

export interface StructPlan {
  name: string;
  fields: FieldPlan[];
  /** Keys that are lists, for ValidateDups; filled by the dups module. */
  keys: ReadonlySet<string>;
}

export interface Plan {
  spec: SpecVersion;
  max: SemVer;
  root: StructPlan;
  structs: Map<string, StructPlan>;
}

const plans = new WeakMap<SpecVersion, Plan>();

export function planFor(spec: SpecVersion): Plan {
  let p = plans.get(spec);
  if (!p) {
    p = buildPlan(spec);
    plans.set(spec, p);
  }
  return p;
}

function buildPlan(spec: SpecVersion): Plan {
  const structs = new Map<string, StructPlan>();
  const get = (name: string): StructPlan => {
    let sp = structs.get(name);
    if (sp) return sp;
    const fields = spec.structs[name];
    if (!fields) throw new Error(`Ignition spec ${spec.version} has no struct ${name}`);
    sp = { name, fields: [], keys: new Set(fields.map((f) => f.key)) };
    structs.set(name, sp);
    for (const f of fields) {
      const t = parseType(f.type);
      let kind: Kind;
      let sub: StructPlan | null = null;
      if (t.primitive) {
        kind = t.list ? (f.goType === "[]Device" ? Kind.Devices : Kind.Scalars) : Kind.Leaf;
      } else {
        sub = get(t.base);
        kind = t.list ? Kind.List : f.optional ? Kind.Ptr : Kind.Struct;
      }
      sp.fields.push({ key: f.key, kind, sub });
    }
    return sp;
  };
  const root = get("Config");
  return { spec, max: parseSemver(spec.version)!, root, structs };
}

/** The zero value of a struct: every field absent. */
export const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
