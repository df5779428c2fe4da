// Field filters: fields of the generated Ignition config that a variant does not
// support. A filter names a field by its JSON path with list indexes left out
// ("storage.luks.clevis" covers the clevis of every LUKS volume); wherever a
// filtered field is non-empty, the filter's error is reported at that field and
// nothing below it is looked at.
//
// Emptiness follows the Go types: a zero primitive, an absent optional
// (pointer) field, a list with no items, a struct whose fields are all empty.
// An optional primitive that is present but zero is not empty, unless its filter
// is listed in `ignoreZero` (OpenShift 4.8/4.9 use this for the
// `compression: ""` that desugaring writes).

import type { PathPart, ReportEntry } from "../../core/report";
import { parseType, type SpecVersion } from "../../ignition/spec";
import type { Obj } from "../translate/context";
import type { FieldFilter } from "./define";
import { SUPPORT, type Message } from "../messages";

export interface FieldFilterOptions {
  /** Filters under which a present-but-zero optional primitive counts as empty. */
  ignoreZero?: readonly string[];
  /** The Ignition struct the filters are rooted at (default "Config"). */
  root?: string;
}

function isZeroPrimitive(v: unknown): boolean {
  return v === undefined || v === null || v === "" || v === 0 || v === false || v === 0n;
}

/** Throws when a filter path names no field of the spec (a programming error). */
function checkFilterPath(spec: SpecVersion, root: string, filter: string): void {
  let type = root;
  for (const part of filter.split(".")) {
    const t = parseType(type);
    const fields = t.primitive ? undefined : spec.structs[t.base];
    const f = fields?.find((x) => x.key === part);
    if (!f) throw new Error(`invalid filter path for Ignition ${spec.version}: ${filter}`);
    type = f.type;
  }
}

/**
 * Builds a FieldFilter from a table of filter path → error: a message text, or a
 * catalogue Message (its code is then carried by the diagnostic).
 */
export function fieldFilters(table: Readonly<Record<string, string | Message>>, options: FieldFilterOptions = {}): FieldFilter {
  const root = options.root ?? "Config";
  const ignoreZero = new Set(options.ignoreZero ?? []);
  const checked = new WeakSet<SpecVersion>();

  return (config: Obj, spec: SpecVersion): ReportEntry[] => {
    if (!checked.has(spec)) {
      for (const f of Object.keys(table)) checkFilterPath(spec, root, f);
      checked.add(spec);
    }
    const out: ReportEntry[] = [];

    const isEmpty = (v: unknown, type: string, optional: boolean, filter: string): boolean => {
      const t = parseType(type);
      if (t.list) return !Array.isArray(v) || v.length === 0;
      if (optional) {
        if (v === undefined || v === null) return true;
        return t.primitive && isZeroPrimitive(v) && ignoreZero.has(filter);
      }
      if (t.primitive) return isZeroPrimitive(v);
      const obj = (v ?? {}) as Obj;
      return spec.structs[t.base]!.every((f) => isEmpty(obj[f.key], f.type, !!f.optional, join(filter, f.key)));
    };

    const verify = (v: unknown, type: string, optional: boolean, filter: string, path: PathPart[]): void => {
      const m = filter === "" || !Object.hasOwn(table, filter) ? undefined : table[filter];
      if (m !== undefined) {
        if (!isEmpty(v, type, optional, filter)) {
          out.push(typeof m === "string" ? { severity: "error", message: m, path, tag: "json" } : { severity: "error", message: m.message, path, tag: "json", code: m.code });
        }
        return;
      }
      const t = parseType(type);
      if (t.list) {
        if (Array.isArray(v)) v.forEach((item, i) => verify(item, t.base, false, filter, [...path, i]));
        return;
      }
      if (t.primitive || (optional && (v === undefined || v === null))) return;
      const obj = (v ?? {}) as Obj;
      for (const f of spec.structs[t.base]!) verify(obj[f.key], f.type, !!f.optional, join(filter, f.key), [...path, f.key]);
    };

    verify(config, root, false, "", []);
    return out;
  };
}

function join(filter: string, key: string): string {
  return filter === "" ? key : `${filter}.${key}`;
}

/** What the edge variants (r4e, fiot) cannot apply: kernel arguments and disk layout. */
export const EDGE_FILTERS: Readonly<Record<string, Message>> = {
  kernelArguments: SUPPORT.generalKernelArgumentSupport,
  "storage.disks": SUPPORT.diskSupport,
  "storage.filesystems": SUPPORT.filesystemSupport,
  "storage.luks": SUPPORT.luksSupport,
  "storage.raid": SUPPORT.raidSupport,
};
