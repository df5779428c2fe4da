// Which YAML path produced each JSON path of the output. Diagnostics found on the
// generated Ignition config (by Ignition's own rules) are mapped back through this
// set so that they point at the YAML the user wrote.

import { pathString, type PathPart } from "../../core/report";
import { parseType, type SpecVersion } from "../../ignition/spec";

export interface Translation {
  from: readonly PathPart[];
  to: readonly PathPart[];
  /** The file `from` is in, when it is not the main input (a fragment merged at compile time). */
  file?: string;
}

export class TranslationSet {
  readonly map = new Map<string, Translation>();
  /** Number of add() calls; lets a caller see whether a sub-step recorded anything. */
  adds = 0;

  add(from: readonly PathPart[], to: readonly PathPart[], file?: string): void {
    this.adds++;
    this.map.set(pathString(to), file === undefined ? { from, to } : { from, to, file });
  }

  get(to: readonly PathPart[]): Translation | undefined {
    return this.map.get(pathString(to));
  }

  merge(other: TranslationSet): void {
    for (const t of other.map.values()) this.add(t.from, t.to, t.file);
  }

  /**
   * Records `from` as the source of `to` and of every path below it that the
   * Ignition type `type` has, zero-valued fields included.
   */
  addFromCommonSource(from: readonly PathPart[], to: readonly PathPart[], value: unknown, spec: SpecVersion, type: string): void {
    for (const p of allPaths(value, spec, type)) this.add(from, [...to, ...p]);
    this.add(from, to);
  }
}

/** Every path below a value of Ignition type `type`, zero-valued struct fields included. */
export function allPaths(v: unknown, spec: SpecVersion, type: string, prefix: PathPart[] = [], out: PathPart[][] = []): PathPart[][] {
  const t = parseType(type);
  if (t.list) {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        allPaths(item, spec, t.base, [...prefix, i], out);
        out.push([...prefix, i]);
      });
    }
    return out;
  }
  if (t.primitive) return out;
  const obj = (v ?? {}) as Record<string, unknown>;
  for (const f of spec.structs[t.base]!) {
    const fv = obj[f.key];
    const ft = parseType(f.type);
    // A nil pointer to a struct has nothing below it.
    if (!(f.optional && !ft.primitive && !ft.list && (fv === undefined || fv === null))) {
      allPaths(fv, spec, f.type, [...prefix, f.key], out);
    }
    out.push([...prefix, f.key]);
  }
  return out;
}
