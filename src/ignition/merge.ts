// Ignition's config merge (parent + child → result), with a transcript that says,
// for every populated output path, which input path (parent or child) it came from.
// Butane merges its desugared output (mount units, boot device layouts, GRUB config)
// into the user's config with this and uses the transcript to keep diagnostics
// pointing at the right YAML.
//
// Rules, as Ignition applies them:
// - structs merge field by field; primitives take the child's value; optional
//   values take the child's value unless it is absent;
// - lists marked ignoreDuplicates are concatenated;
// - other lists merge entries with the same key (child fields win) and append the
//   rest; lists sharing a key space (files/directories/links) drop parent entries
//   whose key the child uses in a sibling list.

import type { Obj } from "../core/obj";
import type { PathPart } from "../core/report";
import { parseType, type SpecVersion } from "./spec";
import { entryKey, STRUCT_KEYS } from "./spec/keys";

export type Side = "parent" | "child";

export interface TranscriptEntry {
  from: Side;
  fromPath: PathPart[];
  toPath: PathPart[];
}


export function mergeConfigs(parent: Obj, child: Obj, spec: SpecVersion, root = "Config"): { result: Obj; transcript: TranscriptEntry[] } {
  const m = new Merger(spec);
  const result = m.struct(parent, [], child, [], [], root);
  return { result, transcript: m.transcript };
}

/** Go's reflect IsZero for a value of the given table type. */
export function isZero(v: unknown, type: string, optional: boolean | undefined, spec: SpecVersion): boolean {
  if (v === undefined || v === null) return true;
  if (optional) return false;
  const t = parseType(type);
  if (t.list) return false; // a non-nil slice, even empty, is not zero
  if (t.primitive) return v === "" || v === 0 || v === false;
  const fields = spec.structs[t.base]!;
  for (const f of fields) if (!isZero((v as Obj)[f.key], f.type, f.optional, spec)) return false;
  return true;
}

class Merger {
  readonly transcript: TranscriptEntry[] = [];
  constructor(private readonly spec: SpecVersion) {}

  private one(from: Side, fromPath: PathPart[], toPath: PathPart[]): void {
    this.transcript.push({ from, fromPath, toPath });
  }

  struct(parent: Obj | undefined, pPath: PathPart[], child: Obj | undefined, cPath: PathPart[], rPath: PathPart[], name: string): Obj {
    const spec = this.spec;
    const fields = spec.structs[name]!;
    const keys = STRUCT_KEYS[name];
    const ignore = keys?.ignoreDuplicates ?? [];
    const merged = keys?.mergedKeys ?? {};
    const p = parent ?? {};
    const c = child ?? {};
    const result: Obj = {};

    // Child entries of every keyed list, by key space, for cross-list lookups.
    const childIndex = new Map<string, { list: string; index: number; value: unknown }>();
    for (const f of fields) {
      const t = parseType(f.type);
      if (!t.list || ignore.includes(f.key)) continue;
      const space = merged[f.key] ?? f.key;
      const list = c[f.key];
      if (!Array.isArray(list)) continue;
      list.forEach((v, j) => childIndex.set(space + "\u0000" + entryKey(t.base, v), { list: f.key, index: j, value: v }));
    }

    for (const f of fields) {
      const t = parseType(f.type);
      const pv = p[f.key], cv = c[f.key];
      const pp = [...pPath, f.key], cp = [...cPath, f.key], rp = [...rPath, f.key];
      if (!t.list && t.primitive && !f.optional) {
        set(result, f.key, cv);
        this.transcribe("child", cp, rp, cv, f.type, false);
      } else if (!t.list && !t.primitive && f.optional && pv != null && cv != null) {
        result[f.key] = this.struct(pv as Obj, pp, cv as Obj, cp, rp, t.base);
        this.one("parent", pp, rp);
        this.one("child", cp, rp);
      } else if (!t.list && f.optional) {
        const from: Side = cv == null ? "parent" : "child";
        const v = cv == null ? pv : cv;
        set(result, f.key, v);
        this.transcribe(from, from === "parent" ? pp : cp, rp, v, f.type, true);
      } else if (!t.list) {
        if (isZero(cv, f.type, false, spec)) {
          set(result, f.key, pv);
          this.transcribe("parent", pp, rp, pv, f.type, false);
        } else if (isZero(pv, f.type, false, spec)) {
          set(result, f.key, cv);
          this.transcribe("child", cp, rp, cv, f.type, false);
        } else {
          result[f.key] = this.struct(pv as Obj, pp, cv as Obj, cp, rp, t.base);
          this.one("parent", pp, rp);
          this.one("child", cp, rp);
        }
      } else if (ignore.includes(f.key)) {
        const pl = Array.isArray(pv) ? pv : [], cl = Array.isArray(cv) ? cv : [];
        if (pl.length + cl.length === 0) continue;
        const out: unknown[] = [];
        pl.forEach((item, i) => {
          out.push(item);
          this.transcribe("parent", [...pp, i], [...rp, i], item, t.base, false);
        });
        cl.forEach((item, i) => {
          out.push(item);
          this.transcribe("child", [...cp, i], [...rp, pl.length + i], item, t.base, false);
        });
        result[f.key] = out;
        if (pl.length > 0) this.one("parent", pp, rp);
        if (cl.length > 0) this.one("child", cp, rp);
      } else {
        const pl = Array.isArray(pv) ? pv : [], cl = Array.isArray(cv) ? cv : [];
        if (pl.length + cl.length === 0) continue;
        const space = merged[f.key] ?? f.key;
        const out: unknown[] = [];
        const parentKeys = new Set(pl.map((v) => entryKey(t.base, v)));
        let fromParent = false, fromChild = false;
        pl.forEach((item, i) => {
          const ip = [...pp, i];
          const rip = [...rp, out.length];
          const hit = childIndex.get(space + "\u0000" + entryKey(t.base, item));
          if (!hit) {
            out.push(item);
            this.transcribe("parent", ip, rip, item, t.base, false);
            fromParent = true;
            return;
          }
          if (hit.list !== f.key) return; // the child has it in a sibling list; it is added there
          const cip = [...cp, hit.index];
          fromParent = fromChild = true;
          if (t.primitive) {
            out.push(hit.value);
            this.transcribe("child", cip, rip, hit.value, t.base, false);
            return;
          }
          // A child HTTP header without a value deletes the parent's header.
          if (f.key === "httpHeaders" && (hit.value as Obj).value == null) return;
          out.push(this.struct(item as Obj, ip, hit.value as Obj, cip, rip, t.base));
          this.one("parent", ip, rip);
          this.one("child", cip, rip);
        });
        cl.forEach((item, i) => {
          if (parentKeys.has(entryKey(t.base, item))) return;
          const rip = [...rp, out.length];
          out.push(item);
          this.transcribe("child", [...cp, i], rip, item, t.base, false);
          fromChild = true;
        });
        result[f.key] = out;
        if (fromParent) this.one("parent", pp, rp);
        if (fromChild) this.one("child", cp, rp);
      }
    }
    return result;
  }

  /** Records every populated leaf of a subtree taken wholesale; true if anything was. */
  private transcribe(from: Side, fromPath: PathPart[], toPath: PathPart[], v: unknown, type: string, optional: boolean): boolean {
    if (v === undefined || v === null) return false;
    const t = parseType(type);
    if (t.list) {
      if (!Array.isArray(v)) return false;
      let any = false;
      v.forEach((item, i) => {
        any = this.transcribe(from, [...fromPath, i], [...toPath, i], item, t.base, false) || any;
      });
      if (any) this.one(from, fromPath, toPath);
      return any;
    }
    if (t.primitive) {
      if (!optional && (v === "" || v === 0 || v === false)) return false;
      this.one(from, fromPath, toPath);
      return true;
    }
    let any = false;
    for (const f of this.spec.structs[t.base]!) {
      any = this.transcribe(from, [...fromPath, f.key], [...toPath, f.key], (v as Obj)[f.key], f.type, !!f.optional) || any;
    }
    if (any) this.one(from, fromPath, toPath);
    return any;
  }
}

function set(o: Obj, k: string, v: unknown): void {
  if (v === undefined) delete o[k];
  else o[k] = v;
}
