// A variant version (e.g. fcos 1.6.0) is its base version plus the variant's own
// structs, rules and translation steps, written as a delta of the previous version
// of the same variant. The registry maps "variant+version" to these definitions.

import type { PathPart, ReportEntry } from "../../core/report";
import type { SpecVersion } from "../../ignition/spec";
import type { BaseVersion } from "../base/define";
import { extendSchema, withFields, type ButaneField, type ButaneSchema, type ButaneStructs, type FieldsDelta } from "../schema";
import type { BaseResult } from "../translate/base";
import type { FeatureFlags, Obj, TranslateContext, TranslateOptions } from "../translate/context";
import type { TranslationSet } from "../translate/translation-set";
import type { StructRules } from "../validate";
import type { YamlNode } from "../../yaml";

/** A translation step that runs on the result of the previous ones. */
export type TranslateStep = (ctx: TranslateContext, cfg: Obj, result: BaseResult) => BaseResult;

/** Checks on the translated Ignition config for fields a variant forbids; json paths. */
export type FieldFilter = (config: Obj, spec: SpecVersion) => ReportEntry[];

/**
 * Wraps the translated Ignition config in the variant's own document (OpenShift's
 * MachineConfig). It runs after the translation steps succeeded, also in raw mode
 * (where it may still add checks and warnings but returns no document).
 */
export interface OutputWrapper {
  wrap(ctx: WrapContext): WrapResult;
  /** Serializes the wrapped document (the text the CLI prints, without the final newline). */
  emit(document: Obj): string;
}

export interface WrapContext {
  /** The decoded Butane config. */
  cfg: Obj;
  /** The translated Ignition config and its translations (paths relative to the config). */
  ignition: Obj;
  ts: TranslationSet;
  spec: SpecVersion;
  /** --raw: write plain Ignition, no wrapper document. */
  raw: boolean;
  /** Serialize an Ignition config of this spec to JSON (as used inside the wrapper). */
  emitIgnition(config: Obj, pretty: boolean): string;
  /** Maps json-tagged entries to YAML paths through `ts` (snake-casing where untranslated). */
  translatePaths(entries: readonly ReportEntry[], ts: TranslationSet): ReportEntry[];
}

export interface WrapResult {
  /** The Ignition config from here on (the wrapper may have changed it). */
  ignition: Obj;
  /** The wrapper document to emit; absent → plain Ignition output. */
  document?: Obj;
  /** Translations of the final document: every later json path is looked up here. */
  ts: TranslationSet;
  /** Where the Ignition config sits in the final document (prefix of later json paths). */
  configPath: readonly PathPart[];
  /** Findings, json-tagged (final document paths) or yaml-tagged. */
  entries: ReportEntry[];
  /** Extra field filters on the Ignition config, applied before Ignition's own checks. */
  filters: readonly FieldFilter[];
  /**
   * Ignition's validation of the wrapper document outside the config (final document
   * paths); these errors come first among the generated config's and make it invalid.
   */
  documentChecks?: ReportEntry[];
}

export interface VariantVersion {
  variant: string;
  /** Normalized semver string, e.g. "1.6.0", "1.8.0-experimental". */
  version: string;
  base: BaseVersion;
  schema: ButaneSchema;
  rules: StructRules;
  /**
   * The variant's own features by name (e.g. fcos { bootDeviceS390x: true }); steps
   * read them, with the base version's, from ctx.features. Absent means none.
   */
  features?: FeatureFlags;
  /** Extra translation after the base translation, in order. */
  steps: readonly TranslateStep[];
  /** Variant restrictions checked on the generated config. */
  filters: readonly FieldFilter[];
  /** Output wrapper (OpenShift MachineConfig); undefined → plain Ignition. */
  wrapper?: OutputWrapper;
  /** Translation options this version forces (OpenShift 4.8 turns off automatic compression). */
  options?: Partial<TranslateOptions>;
  /**
   * Decodes the document when the schema cannot describe every field (OpenShift's
   * metadata.labels map); throws DecodeErrors/DecodeFailure like the default decoder.
   */
  decode?: (doc: YamlNode | null) => Obj;
}

export interface VariantDelta {
  variant?: string;
  version: string;
  base?: BaseVersion;
  /**
   * Package name used in decoding errors for the variant's own structs; by default
   * the reference's convention: "1.6.0" → "v1_6", "1.8.0-experimental" → "v1_8_exp".
   */
  pkg?: string;
  /** Fields the variant adds to the top-level Config, after the base fields. */
  configFields?: readonly ButaneField[];
  /** Variant-defined structs, new or replacing the previous version's. */
  structs?: ButaneStructs;
  /**
   * Fields added to (at the end) or removed from the previous version's variant
   * structs, or from the variant's top-level fields ("Config").
   */
  fields?: Readonly<Record<string, FieldsDelta>>;
  /** Features turned on (true) or off (false) relative to the previous version. */
  features?: FeatureFlags;
  rules?: StructRules;
  removedRules?: readonly string[];
  /** The whole step list, replacing the previous version's. */
  steps?: readonly TranslateStep[];
  /** Steps appended to the previous version's (after `removeSteps` is applied). */
  addSteps?: readonly TranslateStep[];
  /** Steps of the previous version dropped. */
  removeSteps?: readonly TranslateStep[];
  /** The whole filter list, replacing the previous version's. */
  filters?: readonly FieldFilter[];
  addFilters?: readonly FieldFilter[];
  removeFilters?: readonly FieldFilter[];
  wrapper?: OutputWrapper | null;
  options?: Partial<TranslateOptions> | null;
  decode?: ((doc: YamlNode | null) => Obj) | null;
}

/** A list after a delta: replaced whole, or with items removed and appended. */
function applyListDelta<T>(prev: readonly T[], replace: readonly T[] | undefined, add: readonly T[] = [], remove: readonly T[] = []): readonly T[] {
  const kept = (replace ?? prev).filter((x) => !remove.includes(x));
  return [...kept, ...add];
}

/** The reference's package name of a spec version: "4.23.0-experimental" → "v4_23_exp". */
export function packageName(version: string): string {
  const m = /^(\d+)\.(\d+)\.\d+(-experimental)?$/.exec(version);
  if (!m) throw new Error(`cannot derive a package name from version ${version}; give pkg`);
  return `v${m[1]}_${m[2]}${m[3] ? "_exp" : ""}`;
}

/** Builds a variant version from the previous one (or from scratch when prev is null). */
export function defineVariantVersion(prev: VariantVersion | null, d: VariantDelta): VariantVersion {
  const variant = d.variant ?? prev?.variant;
  const base = d.base ?? prev?.base;
  if (!variant || !base) throw new Error("a variant version needs a variant name and a base version");
  let configFields: readonly ButaneField[] = d.configFields ?? (prev ? prev.schema.structs.Config!.slice(prev.base.schema.structs.Config!.length) : []);
  if (d.fields?.Config) configFields = withFields(configFields, d.fields.Config);
  // Variant structs of the previous version carry over unless replaced.
  const carried: Record<string, readonly ButaneField[]> = {};
  if (prev) for (const n of prev.schema.variantStructs) if (n !== "Config") carried[n] = prev.schema.structs[n]!;
  const structs: Record<string, readonly ButaneField[]> = { ...carried, ...(d.structs ?? {}) };
  for (const [name, delta] of Object.entries(d.fields ?? {})) {
    if (name === "Config") continue;
    const fields = structs[name];
    if (!fields) throw new Error(`${variant} ${d.version}: no variant struct ${name} to change the fields of`);
    structs[name] = withFields(fields, delta);
  }
  const schema = extendSchema(base.schema, {
    variantPkg: d.pkg ?? packageName(d.version),
    variant: true,
    structs: { ...structs, Config: [...base.schema.structs.Config!, ...configFields] },
  });
  const rules: Record<string, StructRules[string]> = { ...(prev?.rules ?? {}), ...base.rules, ...(d.rules ?? {}) };
  for (const r of d.removedRules ?? []) delete rules[r];
  const wrapper = d.wrapper === null ? undefined : d.wrapper ?? prev?.wrapper;
  const options = d.options === null ? undefined : d.options ?? prev?.options;
  const decode = d.decode === null ? undefined : d.decode ?? prev?.decode;
  const features: FeatureFlags = { ...(prev?.features ?? {}), ...(d.features ?? {}) };
  return {
    variant,
    version: d.version,
    base,
    schema,
    rules,
    features,
    steps: applyListDelta(prev?.steps ?? [], d.steps, d.addSteps, d.removeSteps),
    filters: applyListDelta(prev?.filters ?? [], d.filters, d.addFilters, d.removeFilters),
    ...(wrapper ? { wrapper } : {}),
    ...(options ? { options } : {}),
    ...(decode ? { decode } : {}),
  };
}

/**
 * Every version of a variant from its list of deltas, each applied to the version
 * before it (the first names the variant and its base). Opening a version is a line
 * at the end of the list.
 */
export function defineVariantVersions(deltas: readonly VariantDelta[]): VariantVersion[] {
  const out: VariantVersion[] = [];
  for (const d of deltas) out.push(defineVariantVersion(out[out.length - 1] ?? null, d));
  return out;
}
