// Ignition → Butane: a valid Ignition config (spec 3.0 – 3.7-experimental) becomes the
// Butane config of the chosen variant that translates back to it exactly (under
// Ignition's own normalisation, see normalize.ts).
//
// Every Ignition field is written as the Butane field that the automatic translation
// copies into it (snake_case of its key), found through the variant version's schema;
// a field with no such input is an error at its path. Sugar is used only where the
// result is provably the same: `inline` text for a data URL the translator would write
// again byte for byte (checked field by field), `with_mount_unit` for the units it
// would generate (checked by translating the result). Every result is verified by
// translating it; a sugar that breaks the round trip is dropped.

import { toDiagnostic, type Diagnostic, type PathPart, type ReportEntry } from "../core/report";
import { parseType, type SpecVersion } from "../ignition/spec";
import { decodeConfig } from "../ignition/decode";
import { ignitionParse, validateIgnitionEntries } from "../ignition/validate-config";
import { correlate } from "../ignition/correlate";
import type { JNode } from "../go/json";
import { camel } from "../butane/translate/auto";
import { mountUnitFor } from "../butane/translate/sugar/mount-units";
import { featureFlags } from "../butane/translate/base";
import type { Obj } from "../butane/translate/context";
import type { ButaneSchema } from "../butane/schema";
import type { VariantVersion } from "../butane/variants/define";
import { registerBuiltinVariants } from "../butane/variants";
import { listVariants } from "../butane/registry";
import { emitYaml, parseYaml, YamlScalar } from "../yaml";
import { translateDetailed } from "../api/translate";
import { inlineFor } from "./data-url";
import { normalizeIgnition } from "./normalize";
import { DECOMPILE_MSG as M } from "./messages";

export interface DecompileOptions {
  /** Butane variant to write (default "fcos"); its lowest version targeting the config's Ignition version is used. */
  variant?: string;
}

export type DecompileResult =
  | { ok: true; yaml: string; report: Diagnostic[] }
  | { ok: false; error: string; report: Diagnostic[] };

/** decompile() with internal report entries (paths as parts), for the CLI's formatting. */
export type DecompileDetailed = DecompileResult & { entries: ReportEntry[]; variant?: string; version?: string };

/** Integer fields written in octal (Butane docs write modes as 0644). */
const OCTAL_FIELDS: ReadonlySet<string> = new Set(["mode"]);
/** Keys written first in a mapping, for readability; the rest keep the spec's order. */
const LEAD_KEYS = ["variant", "version", "name", "path", "device"];

/** Which sugar candidates a build may use (the rest are written as plain fields). */
interface Choices {
  /** Any sugar at all (false: every field as it is, the last resort). */
  sugar: boolean;
  /** Resource paths (joined) whose data URL may become inline text although it needs a whole-config check. */
  riskyInline: Set<string>;
  /** Number of leading systemd units written as with_mount_unit. */
  mountUnits: number;
}

interface Candidates {
  riskyInline: string[];
  /** Filesystem index for each leading mount unit, in unit order. */
  mounts: number[];
}

class Builder {
  readonly errors: ReportEntry[] = [];
  readonly candidates: Candidates = { riskyInline: [], mounts: [] };
  private readonly schema: ButaneSchema;
  private readonly inlineOnly: boolean;
  private readonly allowCompression: boolean;

  constructor(
    private readonly vv: VariantVersion,
    private readonly spec: SpecVersion,
    private readonly tree: JNode | undefined,
    private readonly choices: Choices,
  ) {
    this.schema = vv.schema;
    this.inlineOnly = !!vv.base.features.inlineOnly;
    this.allowCompression = !vv.options?.noResourceAutoCompression;
  }

  build(config: Obj): Obj {
    const body = this.struct(config, "Config", "Config", []);
    const out: Obj = { variant: this.vv.variant, version: this.vv.version, ...body };
    this.mountUnits(config, out);
    return out;
  }

  private butaneType(type: string): string {
    let t = type;
    while (this.schema.aliases[t] !== undefined) t = this.schema.aliases[t]!;
    return t;
  }

  private struct(v: Obj, ignType: string, butType: string, path: PathPart[]): Obj {
    const out: Obj = {};
    const bFields = this.schema.structs[butType] ?? [];
    for (const f of this.spec.structs[ignType]!) {
      const value = v[f.key];
      if (value === undefined || value === null) continue;
      // The variant version decides ignition.version.
      if (ignType === "Ignition" && f.key === "version") continue;
      const t = parseType(f.type);
      if (!f.optional && isZero(value, t.list, t.primitive)) continue;
      const fp = [...path, f.key];
      const bf = bFields.find((b) => !b.skip && camel(b.key) === f.key);
      if (!bf) {
        this.errors.push({ severity: "error", path: fp, message: M.noInput(f.key, this.vv), tag: "json", code: "decompile.no-butane-field" });
        continue;
      }
      const bt = this.butaneType(bf.type);
      if (t.list) {
        const elem = this.butaneType(bt.endsWith("[]") ? bt.slice(0, -2) : bt);
        out[bf.key] = (value as unknown[]).map((item, i) => (t.primitive ? this.scalar(item, f.key, [...fp, i]) : this.struct(item as Obj, t.base, elem, [...fp, i])));
      } else if (t.primitive) {
        out[bf.key] = this.scalar(value, f.key, fp);
      } else {
        const s = this.struct(value as Obj, t.base, bt, fp);
        if (!f.optional && Object.keys(s).length === 0) continue;
        out[bf.key] = s;
      }
    }
    if (this.choices.sugar && bFields.some((b) => b.key === "inline")) this.inline(out, path);
    return ordered(out);
  }

  private scalar(v: unknown, key: string, path: PathPart[]): unknown {
    if (typeof v === "number") {
      const digits = Number.isSafeInteger(v) ? String(v) : (rawNumber(this.tree, path) ?? String(v));
      if (OCTAL_FIELDS.has(key) && Number.isSafeInteger(v) && v > 0) return new YamlScalar("0" + v.toString(8), "plain");
      return new YamlScalar(digits, "plain");
    }
    if (typeof v === "string") return yamlSafe(v);
    return v;
  }

  /** A resource's data URL as inline text, where the translator would write it back unchanged. */
  private inline(out: Obj, path: PathPart[]): void {
    const source = out.source;
    if (!(source instanceof YamlScalar) && typeof source !== "string") return;
    const text = source instanceof YamlScalar ? source.text : source;
    const compression = out.compression instanceof YamlScalar ? out.compression.text : out.compression;
    if (out.http_headers !== undefined) return;
    const choice = inlineFor(text, compression, this.inlineOnly, this.allowCompression);
    if (!choice) return;
    // Inline Ignition configs under `ignition` are validated when translated: such a
    // sugar needs the whole-config check.
    if (path[0] === "ignition") {
      const key = path.join(".");
      this.candidates.riskyInline.push(key);
      if (!this.choices.riskyInline.has(key)) return;
    }
    delete out.source;
    if (!choice.keepCompression) delete out.compression;
    out.inline = yamlSafe(choice.text);
  }

  /**
   * with_mount_unit for the leading units that are exactly what a filesystem's
   * with_mount_unit generates: the translator merges generated units in front of the
   * user's, in filesystem order, so only such a prefix round-trips.
   */
  private mountUnits(config: Obj, out: Obj): void {
    const features = this.vv.base.features;
    if (!features.mountUnits || !this.choices.sugar) return;
    const units = ((config.systemd as Obj | undefined)?.units ?? []) as Obj[];
    const filesystems = ((out.storage as Obj | undefined)?.filesystems ?? []) as Obj[];
    if (units.length === 0 || filesystems.length === 0) return;
    const luks = (((out.storage as Obj).luks ?? []) as Obj[]).map(plainValues);
    {
      let next = 0;
      for (const unit of units) {
        let found = -1;
        for (let i = next; i < filesystems.length; i++) {
          const g = mountUnitFor(plainValues(filesystems[i]!), luks, featureFlags(features));
          if (g.name === unit.name && unit.enabled === true && g.contents === unit.contents) {
            found = i;
            break;
          }
        }
        if (found === -1) break;
        this.candidates.mounts.push(found);
        next = found + 1;
      }
    }
    const n = Math.min(this.choices.mountUnits, this.candidates.mounts.length);
    if (n === 0) return;
    const butaneUnits = ((out.systemd as Obj).units ?? []) as Obj[];
    for (let k = 0; k < n; k++) {
      filesystems[this.candidates.mounts[k]!]!.with_mount_unit = true;
      // The unit's other fields (drop-ins, mask) are merged into the generated one.
      const u = butaneUnits[k]!;
      delete u.enabled;
      delete u.contents;
    }
    const rest = butaneUnits.filter((u, k) => k >= n || Object.keys(u).length > 1);
    const systemd = out.systemd as Obj;
    if (rest.length > 0) systemd.units = rest;
    else delete systemd.units;
    if (Object.keys(systemd).length === 0) delete out.systemd;
  }
}

/** Go's isEmptyValue for a non-pointer field. */
function isZero(v: unknown, list: boolean, primitive: boolean): boolean {
  if (list) return !Array.isArray(v) || v.length === 0;
  if (primitive) return v === "" || v === 0 || v === false;
  return false;
}

/** The number's text as written in the document, for integers beyond 2^53. */
function rawNumber(tree: JNode | undefined, path: readonly PathPart[]): string | undefined {
  let node = tree;
  for (const p of path) {
    if (node?.kind === "object" && typeof p === "string") node = node.map.get(p);
    else if (node?.kind === "array" && typeof p === "number") node = node.items[p];
    else return undefined;
  }
  return node?.kind === "number" ? node.raw : undefined;
}

/** A Butane value with its YamlScalar wrappers undone (for the mount unit generator). */
function plainValues(v: unknown): Obj {
  const un = (x: unknown): unknown => {
    if (x instanceof YamlScalar) return x.style === "double" ? x.text : Number.parseInt(x.text, x.text.length > 1 && x.text.startsWith("0") ? 8 : 10);
    if (Array.isArray(x)) return x.map(un);
    if (x !== null && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, un(y)]));
    return x;
  };
  return un(v) as Obj;
}

function ordered(o: Obj): Obj {
  const out: Obj = {};
  for (const k of LEAD_KEYS) if (k in o) out[k] = o[k];
  for (const [k, v] of Object.entries(o)) if (!(k in out)) out[k] = v;
  return out;
}

/** Strings the block/plain styles might not carry exactly are checked by parsing them back. */
const RISKY_STRING = /[^\x20-\x7e]|^\s|\s$/;

function yamlSafe(s: string): string | YamlScalar {
  if (!RISKY_STRING.test(s)) return s;
  try {
    const doc = parseYaml(emitYaml({ k: s }, { trimNewlines: false }));
    const value = doc?.content[0]?.content[1];
    if (value && value.tag === "!!str" && value.value === s) return s;
  } catch {
    // fall through to the style that escapes everything
  }
  return new YamlScalar(s, "double");
}

function emit(butane: Obj): string {
  return emitYaml(butane, { keepKeyOrder: true, trimNewlines: false });
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : typeof v;
}

function fail(error: string, entries: ReportEntry[], extra: Partial<DecompileDetailed> = {}): DecompileDetailed {
  return { ok: false, error, report: entries.map(toDiagnostic), entries, ...extra } as DecompileDetailed;
}

/** The variant's versions whose Ignition target is `spec`, lowest first. */
function versionsFor(variant: string): VariantVersion[] {
  registerBuiltinVariants();
  return listVariants().filter((v) => v.variant === variant);
}

export function decompileDetailed(input: unknown, options: unknown = {}): DecompileDetailed {
  if (typeof input !== "string" && !(input instanceof Uint8Array) && (input === null || typeof input !== "object" || Array.isArray(input))) {
    const msg = `invalid input: expected Ignition JSON text, a Uint8Array or a config object, got ${describe(input)}`;
    return fail(msg, [{ severity: "error", path: [], message: msg }]);
  }
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    const msg = `invalid options: expected an object, got ${describe(options)}`;
    return fail(msg, [{ severity: "error", path: [], message: msg }]);
  }
  const variantOpt = (options as DecompileOptions).variant;
  if (variantOpt !== undefined && typeof variantOpt !== "string") {
    const msg = `invalid option variant: expected a string, got ${describe(variantOpt)}`;
    return fail(msg, [{ severity: "error", path: [], message: msg }]);
  }
  const variant = variantOpt ?? "fcos";
  // A byte order mark stays (Go's JSON reader rejects it, and so does validation).
  const text = input instanceof Uint8Array ? new TextDecoder("utf-8", { ignoreBOM: true }).decode(input) : input;

  // 1. The input must be a valid Ignition config (Ignition's rules; keys of a newer spec are errors).
  const validation = validateIgnitionEntries(text as string | object);
  if (!validation.valid) return fail(M.invalidIgnition, validation.entries);
  const warnings = validation.entries;
  const parsed = ignitionParse(text as string | object);
  const spec = parsed.spec!;
  const tree = parsed.tree!;
  const decoded = decodeConfig(tree, spec);
  if ("error" in decoded) return fail(M.invalidIgnition, [{ severity: "error", path: [], message: decoded.error.message }]);
  const config = decoded.config;
  const locate = (entries: ReportEntry[]) => (parsed.lines ? correlate(entries, tree, parsed.lines) : entries);

  // 2. The lowest version of the variant that targets the config's Ignition version.
  const versions = versionsFor(variant);
  if (versions.length === 0) {
    const known = [...new Set(listVariants().map((v) => v.variant))].sort().join(", ");
    const msg = M.unknownVariant(variant, known);
    return fail(msg, [{ severity: "error", path: [], message: msg }]);
  }
  const vv = versions.find((v) => v.base.features.spec.version === spec.version);
  if (!vv) {
    const msg = M.noVariantVersion(variant, spec.version, versions);
    return fail(msg, locate([...warnings, { severity: "error", path: ["ignition", "version"], message: msg, tag: "json", code: "decompile.no-variant-version" }]));
  }
  const meta = { variant: vv.variant, version: vv.version };

  // 3. Fields the variant refuses, and fields Butane has no input for.
  const filtered: ReportEntry[] = [];
  for (const filter of vv.filters) for (const e of filter(config, spec)) filtered.push({ ...e, tag: "json", code: e.code ?? "decompile.variant-filter" });
  const first = new Builder(vv, spec, tree, { sugar: true, riskyInline: new Set(), mountUnits: 0 });
  const plain = first.build(config);
  const errors = [...filtered, ...first.errors];
  if (errors.length > 0) return fail(M.notExpressible(vv), locate([...warnings, ...errors]), meta);

  // 4. Sugar that needs the whole-config check: all of it, else what passes one by one.
  const want = normalizeIgnition(emitIgnitionText(text));
  const verify = (butane: Obj) => roundTrip(emit(butane), vv, want);
  const build = (choices: Choices) => new Builder(vv, spec, tree, choices).build(config);
  const { riskyInline, mounts } = first.candidates;
  let result: Obj | undefined;
  let verified = false;
  if (riskyInline.length + mounts.length > 0) {
    const all = build({ sugar: true, riskyInline: new Set(riskyInline), mountUnits: mounts.length });
    if (verify(all).ok) {
      result = all;
      verified = true;
    } else {
      const chosen: Choices = { sugar: true, riskyInline: new Set(), mountUnits: 0 };
      for (let k = 1; k <= mounts.length; k++) {
        if (!verify(build({ ...chosen, mountUnits: k })).ok) break;
        chosen.mountUnits = k;
      }
      for (const key of riskyInline) {
        const next = new Set(chosen.riskyInline).add(key);
        if (verify(build({ ...chosen, riskyInline: next })).ok) chosen.riskyInline = next;
      }
      result = build(chosen);
    }
  }
  result ??= plain;
  let yaml = emit(result);
  if (!verified && !roundTrip(yaml, vv, want).ok) {
    // Never expected (each sugar is checked), but a config written field by field is the fallback.
    const bare = build({ sugar: false, riskyInline: new Set(), mountUnits: 0 });
    yaml = emit(bare);
    const again = roundTrip(yaml, vv, want);
    if (!again.ok) return fail(M.notExpressible(vv), locate([...warnings, ...again.entries]), meta);
  }
  const entries = locate(warnings);
  return { ok: true, yaml, report: entries.map(toDiagnostic), entries, ...meta };
}

/** The input as JSON text (objects are serialised; normalisation reads text). */
function emitIgnitionText(input: unknown): string {
  if (typeof input === "string") return input;
  if (input instanceof Uint8Array) return new TextDecoder("utf-8", { ignoreBOM: true }).decode(input);
  return JSON.stringify(input);
}

/**
 * Translates the Butane text back and compares normal forms. On failure the entries
 * say why, at the JSON paths of the Ignition config (Butane paths camel-cased).
 */
function roundTrip(yaml: string, vv: VariantVersion, want: string | undefined): { ok: true } | { ok: false; entries: ReportEntry[] } {
  const r = translateDetailed(yaml, { raw: vv.wrapper !== undefined });
  if (r.error !== undefined || r.output === undefined) {
    const errs = r.entries.filter((e) => e.severity === "error");
    const entries: ReportEntry[] = (errs.length > 0 ? errs : [{ severity: "error", path: [], message: r.error ?? "translation failed" } as ReportEntry]).map((e) => ({
      severity: "error",
      path: e.tag === "json" ? e.path : e.path.map((p) => (typeof p === "string" ? camel(p) : p)),
      message: M.translationFails(vv, e.message),
      tag: "json",
      code: "decompile.round-trip",
    }));
    return { ok: false, entries };
  }
  if (want !== undefined && normalizeIgnition(r.output) === want) return { ok: true };
  return { ok: false, entries: [{ severity: "error", path: [], message: M.roundTripDiffers(vv), tag: "json", code: "decompile.round-trip" }] };
}

/** Converts Ignition JSON (text, bytes or object) to Butane YAML of a variant. Never throws. */
export function decompile(input: string | Uint8Array | object, options: DecompileOptions = {}): DecompileResult {
  let r: DecompileDetailed;
  try {
    r = decompileDetailed(input, options);
  } catch (e) {
    const message = `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, error: message, report: [{ severity: "error", path: "$", message }] };
  }
  return r.ok ? { ok: true, yaml: r.yaml, report: r.report } : { ok: false, error: r.error, report: r.report };
}

