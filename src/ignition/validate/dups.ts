// Ignition's ValidateDups: within every struct of a config, the entries of each list
// field must have distinct keys (Key() for structs, the value for strings), except the
// lists a struct ignores (IgnoreDuplicates) and with lists that share a key space
// merged (MergedKeys).

import type { LooseObj as Obj } from "../../core/obj";
import type { PathPart, ReportEntry } from "../../core/report";
import type { SpecVersion } from "../spec/model";
import { EMPTY, Kind, planFor, type StructPlan } from "./plan";
import { IGNITION_FIXED, M } from "./messages";

const DUPLICATE = IGNITION_FIXED.duplicate.code;


/** IgnoreDuplicates(), by struct (JSON keys). */
const IGNORE: Readonly<Record<string, readonly string[]>> = {
  File: ["append"],
  Filesystem: ["options", "mountOptions"],
  Raid: ["options"],
  Luks: ["options"],
};

/** MergedKeys(), by struct: list key -> shared key space. */
const MERGED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Storage: { directories: "Node", files: "Node", links: "Node" },
  KernelArguments: { shouldExist: "KernelArgument", shouldNotExist: "KernelArgument" },
};

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** Key() of a list element of the given struct type. */
function keyOf(structName: string, v: Obj | null | undefined): string {
  const o = v ?? EMPTY;
  switch (structName) {
    case "Directory":
    case "File":
    case "Link":
      return str(o.path);
    case "Disk":
    case "Filesystem":
      return str(o.device);
    case "Partition": {
      const n = typeof o.number === "number" || typeof o.number === "bigint" ? o.number : 0;
      if (n !== 0) return "number:" + String(n);
      if (o.label !== undefined && o.label !== null) return "label:" + o.label;
      return "";
    }
    case "Tang":
      return str(o.url);
    case "Resource":
    case "ConfigReference":
    case "CaReference":
      return str(o.source);
    default:
      // Luks, Raid, PasswdUser, PasswdGroup, Unit, Dropin, HTTPHeader
      return str(o.name);
  }
}

interface DupField {
  key: string;
  space: string;
  /** Element struct name, or null for a list of strings. */
  elem: string | null;
}

const dupPlans = new WeakMap<StructPlan, DupField[]>();

function dupFields(sp: StructPlan): DupField[] {
  let d = dupPlans.get(sp);
  if (!d) {
    d = [];
    const ignore = IGNORE[sp.name] ?? [];
    const merged = MERGED[sp.name] ?? {};
    for (const f of sp.fields) {
      if (f.kind !== Kind.List && f.kind !== Kind.Devices && f.kind !== Kind.Scalars) continue;
      if (ignore.includes(f.key)) continue;
      d.push({ key: f.key, space: merged[f.key] ?? f.key, elem: f.kind === Kind.List ? f.sub!.name : null });
    }
    dupPlans.set(sp, d);
  }
  return d;
}

function check(sp: StructPlan, o: Obj, out: ReportEntry[], path: PathPart[]): void {
  const fields = dupFields(sp);
  let spaces: Map<string, Set<string>> | null = null;
  for (const f of fields) {
    const v = o[f.key];
    if (!Array.isArray(v) || v.length === 0) continue;
    if (v.length === 1 && f.space === f.key) continue;
    spaces ??= new Map();
    let seen = spaces.get(f.space);
    if (!seen) spaces.set(f.space, (seen = new Set()));
    for (let i = 0; i < v.length; i++) {
      const k = f.elem === null ? str(v[i]) : keyOf(f.elem, v[i]);
      if (seen.has(k)) out.push({ severity: "error", message: M.duplicate, path: [...path, f.key, i], tag: "json", code: DUPLICATE });
      else seen.add(k);
    }
  }
}

function walk(sp: StructPlan, o: Obj, out: ReportEntry[], path: PathPart[]): void {
  check(sp, o, out, path);
  for (const f of sp.fields) {
    const v = o[f.key];
    switch (f.kind) {
      case Kind.Struct:
      case Kind.Ptr:
        // An absent struct has no lists, so nothing to check below it.
        if (v !== null && typeof v === "object") {
          path.push(f.key);
          walk(f.sub!, v, out, path);
          path.pop();
        }
        break;
      case Kind.List:
        if (Array.isArray(v) && v.length > 0) {
          path.push(f.key);
          for (let i = 0; i < v.length; i++) {
            const e = v[i];
            if (e !== null && typeof e === "object") {
              path.push(i);
              walk(f.sub!, e, out, path);
              path.pop();
            }
          }
          path.pop();
        }
        break;
    }
  }
}

/** ValidateDups of one list of strings at `path`: each repeated value is an error. */
export function duplicateStrings(values: readonly unknown[], path: readonly PathPart[]): ReportEntry[] {
  const out: ReportEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const k = str(values[i]);
    if (seen.has(k)) out.push({ severity: "error", message: M.duplicate, path: [...path, i], tag: "json", code: DUPLICATE });
    else seen.add(k);
  }
  return out;
}

/** ValidateDups over a typed config object: "duplicate entry defined" errors, in Go's order. */
export function validateDuplicates(config: object, spec: SpecVersion): ReportEntry[] {
  const out: ReportEntry[] = [];
  const plan = planFor(spec);
  walk(plan.root, (config ?? EMPTY) as Obj, out, []);
  return out;
}
