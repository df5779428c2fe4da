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

/** One translation as `butane -D` lists it: path strings as in diagnostics (`$.storage.files.0`). */
export interface TranslationEntry {
  from: string;
  to: string;
  /** The file `from` is in, when it is not the main input (a fragment merged with --merge-local). */
  file?: string;
}

/** The translation set and the coverage check that `butane -D` prints. */
export interface TranslationDebug {
  /** Every translation, sorted by `to` as the reference sorts it (by the text, in code point order). */
  translations: TranslationEntry[];
  /** Output fields with no translation, in the output's field order (the reference's DebugVerifyCoverage). */
  untranslated: string[];
}

// Code point order, which is Go's byte order on the UTF-8 text (plain `<` compares UTF-16 units).
const byCodePoint = (a: string, b: string): number => {
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
};

/**
 * The debug view of `ts` for the final document: `document` is the wrapper document
 * (walked as plain data) with the Ignition config `ignition` at `configPath`, or
 * undefined when the Ignition config is the document.
 */
export function debugTranslations(ts: TranslationSet, ignition: unknown, spec: SpecVersion, document?: unknown, configPath: readonly PathPart[] = []): TranslationDebug {
  const translations = [...ts.map.values()]
    .map((t): TranslationEntry => ({ from: pathString(t.from), to: pathString(t.to), ...(t.file !== undefined ? { file: t.file } : {}) }))
    .sort((a, b) => byCodePoint(a.to, b.to));
  const paths = document === undefined ? nonZeroPaths(ignition, spec, "Config") : documentPaths(document, [], configPath, ignition, spec);
  return { translations, untranslated: paths.filter((p) => !ts.get(p)).map(pathString) };
}

/** The reference's String(): a header line, then `from → to` per translation. */
export function formatTranslationDebug(d: TranslationDebug): string {
  let s = "TranslationSet: yaml → json\n";
  for (const t of d.translations) s += `${t.from} → ${t.to}${t.file !== undefined ? ` (file: ${t.file})` : ""}\n`;
  if (d.untranslated.length > 0) s += `\nmissing paths in TranslationSet:\n${d.untranslated.join("\n")}\n`;
  return s;
}

/** Go's reflect IsZero on a field of Ignition type `type` (an optional field is a pointer: zero only when nil). */
function isZero(v: unknown, spec: SpecVersion, type: string, optional: boolean): boolean {
  if (v === undefined || v === null) return true;
  if (optional) return false;
  const t = parseType(type);
  // An empty list counts as nil: the config here does not keep Go's nil/empty distinction,
  // and Go's merge of the sugar (every variant runs one) turns empty lists into nil.
  if (t.list) return !Array.isArray(v) || v.length === 0;
  if (t.primitive) return v === "" || v === false || v === 0 || v === 0n;
  const obj = v as Record<string, unknown>;
  return spec.structs[t.base]!.every((f) => isZero(obj[f.key], spec, f.type, !!f.optional));
}

/**
 * The paths the reference's DebugVerifyCoverage checks: every non-zero field below a
 * value of Ignition type `type` and every list item, children before their parent.
 */
export function nonZeroPaths(v: unknown, spec: SpecVersion, type: string, prefix: PathPart[] = [], out: PathPart[][] = []): PathPart[][] {
  const t = parseType(type);
  if (t.list) {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        nonZeroPaths(item, spec, t.base, [...prefix, i], out);
        out.push([...prefix, i]);
      });
    }
    return out;
  }
  if (t.primitive || v === undefined || v === null) return out;
  const obj = v as Record<string, unknown>;
  for (const f of spec.structs[t.base]!) {
    if (isZero(obj[f.key], spec, f.type, !!f.optional)) continue;
    nonZeroPaths(obj[f.key], spec, f.type, [...prefix, f.key], out);
    out.push([...prefix, f.key]);
  }
  return out;
}

/**
 * The same walk over a wrapper document (plain data: the MachineConfig's own fields),
 * with the typed walk for the Ignition config at `configPath`. Empty strings, empty
 * lists and empty objects count as zero; a boolean there is a pointer (fips), never zero.
 */
function documentPaths(v: unknown, prefix: PathPart[], configPath: readonly PathPart[], ignition: unknown, spec: SpecVersion, out: PathPart[][] = []): PathPart[][] {
  const zero = (x: unknown): boolean =>
    x === undefined || x === null || x === "" || x === 0 || (Array.isArray(x) ? x.length === 0 : typeof x === "object" && Object.values(x as object).every(zero));
  const entries: [PathPart, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : v !== null && typeof v === "object" ? Object.entries(v) : [];
  for (const [k, x] of entries) {
    const p = [...prefix, k];
    const isConfig = p.length === configPath.length && p.every((e, i) => e === configPath[i]);
    if (isConfig) nonZeroPaths(ignition, spec, "Config", p, out);
    else if (!Array.isArray(v) && zero(x)) continue; // list items count even when empty, as in Go
    else documentPaths(x, p, configPath, ignition, spec, out);
    out.push(p);
  }
  return out;
}
