// The whole Butane translation, stage by stage as the reference runs it:
// parse → read variant/version → decode into the version's schema → unused-key
// warnings → validate the source → translate → variant wrapper (e.g. the OpenShift
// MachineConfig, whose checks see the config at $.spec.config) → variant filters →
// Ignition's duplicate and semantic checks on the result → emit. Every diagnostic
// found on the generated config is mapped back to the YAML path that produced it.

import { Report, type PathPart, type ReportEntry } from "../core/report";
import { emitStruct } from "../emit/json";
import { normalizeSemver } from "../go/semver";
import { validateEmbeddedConfig } from "../ignition/validate-config";
import { validateDuplicates } from "../ignition/validate/dups";
import { validateConfigSemantics } from "../ignition/validate/semantics";
import { Decoder, DecodeErrors, DecodeFailure, decodeHeader, typeDesc } from "../parse/decode";
import { documentRoot, locate } from "../parse/positions";
import { parseYaml, YamlError, type YamlNode } from "../yaml";
import { OUTCOME, READ, type Message } from "./messages";
import { headerErrorEntry, readErrorEntries } from "./fatal";
import { lookupVariant } from "./registry";
import { snake } from "./translate/auto";
import { baseContext, checkEmbeddedConfig, translateBase, type BaseResult } from "./translate/base";
import type { Obj, TranslateOptions } from "./translate/context";
import type { SpecVersion } from "../ignition/spec/model";
import { debugTranslations, TranslationSet as TranslationSetCtor, type TranslationDebug, type TranslationSet } from "./translate/translation-set";
import { checkUnusedKeys, validateButane, type RuleEnv } from "./validate";
import type { VariantVersion, WrapResult } from "./variants/define";

/** Ignition's own checks, applied to the generated config. */
const checks = { duplicates: validateDuplicates, semantics: validateConfigSemantics, embedded: validateEmbeddedConfig };

export interface PipelineOptions extends TranslateOptions {
  pretty?: boolean;
  /** Never wrap (e.g. in a MachineConfig); write plain Ignition. */
  raw?: boolean;
  /** Compile-time composition (src/compose): off unless asked for. */
  compose?: {
    hook: ComposeHook;
    /** Inline merge/replace contents the hook takes over (not validated as Ignition JSON). */
    claimsInline?: (raw: string) => boolean;
  };
  /** Also return the translation set and its coverage check (`butane -D`); off: nothing is computed. */
  debugTranslations?: boolean;
}

export interface PipelineResult {
  /** The text the CLI prints (without the trailing newline), when translation succeeded. */
  output?: string;
  /** The generated Ignition config object, when translation succeeded. */
  config?: Obj;
  /** Diagnostics with positions, in the reference's order. */
  entries: ReportEntry[];
  /** Set when translation failed: the text after "Error translating config: ". */
  fatal?: string;
  /**
   * When the config could not be read (YAML, types, variant, version): the problems
   * behind `fatal`, located, for the library's report (the command prints only `fatal`).
   */
  fatalEntries?: ReportEntry[];
  /**
   * With `debugTranslations`, once the translation succeeded (as the reference prints it:
   * later checks may still fail): the final document's translation set and coverage check.
   */
  translations?: TranslationDebug;
}

/** Maps JSON-side entries to YAML paths through the translation set (else by snake-casing). */
export function translatePaths(entries: readonly ReportEntry[], ts: TranslationSet): ReportEntry[] {
  return entries.map((e) => {
    if (e.tag !== "json") return e;
    const t = ts.get(e.path);
    if (!t) {
      const inFile = fileOf(e.path, ts);
      if (inFile) return { ...e, ...inFile, tag: "yaml" };
    }
    const path: PathPart[] = t ? [...t.from] : e.path.map((p) => (typeof p === "string" ? snake(p) : p));
    return t?.file !== undefined ? { ...e, path, tag: "yaml", file: t.file } : { ...e, path, tag: t ? "yaml" : "json" };
  });
}

/**
 * For a path with no translation of its own (a field that is missing): when its nearest
 * translated parent came from another file (a merged fragment), that file and the
 * parent's path there, with the rest snake-cased. Undefined otherwise.
 */
function fileOf(path: readonly PathPart[], ts: TranslationSet): { path: PathPart[]; file: string } | undefined {
  for (let n = path.length - 1; n > 0; n--) {
    const t = ts.get(path.slice(0, n));
    if (!t) continue;
    if (t.file === undefined) return undefined;
    return { path: [...t.from, ...path.slice(n).map((p) => (typeof p === "string" ? snake(p) : p))], file: t.file };
  }
  return undefined;
}

function correlate(entries: readonly ReportEntry[], root: YamlNode | null): ReportEntry[] {
  return entries.map((e) => {
    const pos = locate(root, e.path, e.atKey);
    return pos ? { ...e, line: pos.line, column: pos.column } : e;
  });
}

/** Runs after translation, before the variant wrapper and Ignition's checks (compile-time merges, src/compose). */
export type ComposeHook = (stage: ComposeStage) => ComposeOutcome;

export interface ComposeStage {
  cfg: Obj;
  def: VariantVersion;
  spec: SpecVersion;
  doc: YamlNode | null;
  result: BaseResult;
  options: PipelineOptions;
}

export interface ComposeOutcome {
  /** The composed translation; entries about other files carry `file` (and are located already when they have a line). */
  result: BaseResult;
  /** The other files' documents, to locate entries mapped to them through the translation set. */
  docs?: ReadonlyMap<string, YamlNode | null>;
}

/** A config read, validated and translated (before the wrapper and Ignition's checks). */
export interface TranslatedSource {
  def: VariantVersion;
  cfg: Obj;
  doc: YamlNode | null;
  root: YamlNode | null;
  spec: SpecVersion;
  /** Located entries so far (unused keys). */
  report: Report;
  /** Validation entries, not yet located. */
  translated: Report;
  /** The translation; `result.report` holds its entries (json or yaml paths). */
  result: BaseResult;
  /** Documents of other files (merged fragments), by the name entries carry in `file`. */
  docs: Map<string, YamlNode | null>;
}

/** Locates entries in their own file's document. */
export function correlateIn(entries: readonly ReportEntry[], root: YamlNode | null, docs: ReadonlyMap<string, YamlNode | null>): ReportEntry[] {
  if (docs.size === 0 && !entries.some((e) => e.file !== undefined)) return correlate(entries, root);
  return entries.map((e) => {
    if (e.file === undefined) return correlate([e], root)[0]!;
    if (e.line !== undefined) return e;
    return correlate([e], documentRoot(docs.get(e.file) ?? null))[0]!;
  });
}

/**
 * The first half of the pipeline: parse, decode, validate, translate, run the
 * variant's steps and the compose hook. A PipelineResult when the config cannot be
 * read or its source is invalid.
 */
export function translateSource(input: string | Uint8Array, options: PipelineOptions): TranslatedSource | PipelineResult {
  // Parse and read the header.
  let doc: YamlNode | null = null;
  let header: { variant: string; version: string };
  try {
    doc = parseYaml(input);
    header = decodeHeader(doc);
  } catch (e) {
    if (e instanceof YamlError || e instanceof DecodeErrors || e instanceof DecodeFailure) {
      return { entries: [], fatal: `Error unmarshaling yaml: ${e.message}`, fatalEntries: readErrorEntries(e, doc) };
    }
    throw e;
  }
  const headerError = (field: "variant" | "version", m: Message): PipelineResult =>
    ({ entries: [], fatal: m.message, fatalEntries: [headerErrorEntry(field, m, doc)] });
  if (header.variant === "") return headerError("variant", READ.noVariant);
  const version = normalizeSemver(header.version);
  if (version === null) return headerError("version", READ.invalidVersion);
  if (header.variant === "rhcos" && version === "0.1.0") return headerError("variant", READ.rhcosRemoved);
  const def = lookupVariant(header.variant, version);
  if (!def) return headerError("version", READ.unknownVersion(header.variant, version));

  // Decode into the version's schema.
  let cfg: Obj;
  try {
    cfg = def.decode ? def.decode(doc) : ((new Decoder().decodeDocument(doc, typeDesc(def.schema, "Config")) ?? {}) as Obj);
  } catch (e) {
    if (e instanceof DecodeErrors || e instanceof DecodeFailure) return { entries: [], fatal: e.message, fatalEntries: readErrorEntries(e, doc) };
    throw e;
  }
  const root = documentRoot(doc);
  const spec = def.base.features.spec;

  const report = new Report();
  report.merge(correlate(checkUnusedKeys(def.schema, cfg, "Config", doc).entries, root));

  const translated = new Report();
  // Validate the source.
  const env: RuleEnv = {
    checkEmbedded: (resourcePath, raw, r) =>
      options.compose?.claimsInline?.(raw) ? undefined : checkEmbeddedConfig(checks.embedded, spec, resourcePath, raw, r),
  };
  translated.merge(validateButane(def.schema, cfg, "Config", def.rules, env));
  if (translated.isFatal()) {
    report.merge(correlate(translated.entries, root));
    return { entries: report.entries, fatal: OUTCOME.invalidSourceConfig.message };
  }

  // Translate.
  const ctx = baseContext(def.schema, def.base.features, def.options ? { ...options, ...def.options } : options, checks.embedded, def.features);
  let result = translateBase(ctx, cfg);
  if (!result.report.isFatal()) for (const step of def.steps) result = step(ctx, cfg, result);
  const docs = new Map<string, YamlNode | null>();
  if (options.compose && !result.report.isFatal()) {
    const composed = options.compose.hook({ cfg, def, spec, doc, result, options });
    result = composed.result;
    if (composed.docs) for (const [k, v] of composed.docs) docs.set(k, v);
  }
  return { def, cfg, doc, root, spec, report, translated, result, docs };
}

export function runPipeline(input: string | Uint8Array, options: PipelineOptions): PipelineResult {
  const src = translateSource(input, options);
  if (!("def" in src)) return src;
  const { def, cfg, root, spec, report, translated, docs } = src;
  const result = src.result;
  let debug: { translations: TranslationDebug } | undefined;
  const finish = (fatal?: string): PipelineResult => {
    report.merge(correlateIn(translated.entries, root, docs));
    return fatal !== undefined ? { entries: report.entries, fatal, ...debug } : { entries: report.entries, ...debug };
  };

  // The final document: the Ignition config itself, or the variant's wrapper around it.
  let final: WrapResult = { ignition: result.config, ts: result.ts, configPath: [], entries: [], filters: [] };
  if (def.wrapper && !result.report.isFatal()) {
    final = def.wrapper.wrap({
      cfg, ignition: result.config, ts: result.ts, spec, raw: !!options.raw,
      emitIgnition: (c, p) => emitStruct(c, spec, "Config", p),
      translatePaths,
    });
  }
  // A failed translation hands back no translations, as the reference's does.
  const ts = result.report.isFatal() ? new TranslationSetCtor() : final.ts;
  translated.merge(translatePaths([...result.report.entries, ...final.entries], ts));
  if (translated.isFatal()) return finish(OUTCOME.invalidSourceConfig.message);
  const config = final.ignition;
  if (options.debugTranslations) debug = { translations: debugTranslations(ts, config, spec, final.document, final.configPath) };
  // Findings on the Ignition config, located in the final document.
  const inFinal = (entries: ReportEntry[]) => translatePaths(entries.map(asJson).map((e) => (e.tag === "json" && final.configPath.length ? { ...e, path: [...final.configPath, ...e.path] } : e)), ts);

  // Variant restrictions, then Ignition's own rules.
  for (const filter of [...def.filters, ...final.filters]) translated.merge(inFinal(filter(config, spec)));
  if (translated.isFatal()) return finish(OUTCOME.invalidSourceConfig.message);
  // Ignition's validation walks the whole final document: the wrapper's own fields first.
  if (final.documentChecks) translated.merge(translatePaths(final.documentChecks, ts));
  translated.merge(inFinal(checks.duplicates(config, spec)));
  translated.merge(inFinal(checks.semantics(config, spec)));
  if (translated.isFatal()) return finish(OUTCOME.invalidGeneratedConfig.message);

  const out = finish();
  const output = final.document && def.wrapper ? def.wrapper.emit(final.document) : emitStruct(config, spec, "Config", !!options.pretty);
  return { ...out, output, config };
}

function asJson(e: ReportEntry): ReportEntry {
  return e.tag ? e : { ...e, tag: "json" };
}
