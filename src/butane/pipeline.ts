// The whole Butane translation, stage by stage as the reference runs it:
// parse → read variant/version → decode into the version's schema → unused-key
// warnings → validate the source → translate → variant wrapper (e.g. the OpenShift
// MachineConfig, whose checks see the config at $.spec.config) → variant filters →
// Ignition's duplicate and semantic checks on the result → emit. Every diagnostic
// found on the generated config is mapped back to the YAML path that produced it.

import { Report, type PathPart, type ReportEntry } from "../core/report";
import { emitStruct } from "../emit/json";
import type { SpecVersion } from "../ignition/spec";
import { Decoder, DecodeErrors, DecodeFailure, decodeHeader, typeDesc } from "../parse/decode";
import { documentRoot, locate } from "../parse/positions";
import { parseYaml, YamlError, type YamlNode } from "../yaml";
import { OUTCOME, READ, type Message } from "./messages";
import { headerErrorEntry, readErrorEntries } from "./fatal";
import { lookupVariant } from "./registry";
import { snake } from "./translate/auto";
import { baseContext, checkEmbeddedConfig, translateBase } from "./translate/base";
import type { EmbeddedValidation, Obj, TranslateOptions } from "./translate/context";
import { TranslationSet as TranslationSetCtor, type TranslationSet } from "./translate/translation-set";
import { checkUnusedKeys, validateButane, type RuleEnv } from "./validate";
import type { WrapResult } from "./variants/define";

/** Ignition's own checks, applied to the generated config. */
export interface IgnitionChecks {
  duplicates(config: Obj, spec: SpecVersion): ReportEntry[];
  semantics(config: Obj, spec: SpecVersion): ReportEntry[];
  embedded(raw: string, spec: SpecVersion): EmbeddedValidation;
}

export interface PipelineOptions extends TranslateOptions {
  pretty?: boolean;
  /** Never wrap (e.g. in a MachineConfig); write plain Ignition. */
  raw?: boolean;
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
}

/** go-semver's parse and String(); null when invalid. */
export function normalizeSemver(v: string): string | null {
  let rest = v;
  let metadata = "", pre = "";
  const plus = rest.indexOf("+");
  if (plus !== -1) { metadata = rest.slice(plus + 1); rest = rest.slice(0, plus); }
  const dash = rest.indexOf("-");
  if (dash !== -1) { pre = rest.slice(dash + 1); rest = rest.slice(0, dash); }
  const parts = rest.split(".");
  if (parts.length < 3) return null;
  const dot = [parts[0]!, parts[1]!, parts.slice(2).join(".")];
  const ident = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
  if (pre !== "" && !ident.test(pre)) return null;
  if (metadata !== "" && !ident.test(metadata)) return null;
  const nums: bigint[] = [];
  for (const p of dot) {
    if (!/^[+-]?[0-9]+$/.test(p)) return null;
    const n = BigInt(p);
    if (n > (1n << 63n) - 1n || n < -(1n << 63n)) return null;
    nums.push(n);
  }
  return `${nums[0]}.${nums[1]}.${nums[2]}` + (pre ? `-${pre}` : "") + (metadata ? `+${metadata}` : "");
}

/** Maps JSON-side entries to YAML paths through the translation set (else by snake-casing). */
function translatePaths(entries: readonly ReportEntry[], ts: TranslationSet): ReportEntry[] {
  return entries.map((e) => {
    if (e.tag !== "json") return e;
    const t = ts.get(e.path);
    const path: PathPart[] = t ? [...t.from] : e.path.map((p) => (typeof p === "string" ? snake(p) : p));
    return { ...e, path, tag: t ? "yaml" : "json" };
  });
}

function correlate(entries: readonly ReportEntry[], root: YamlNode | null): ReportEntry[] {
  return entries.map((e) => {
    const pos = locate(root, e.path, e.atKey);
    return pos ? { ...e, line: pos.line, column: pos.column } : e;
  });
}

export function runPipeline(input: string | Uint8Array, options: PipelineOptions, checks: IgnitionChecks): PipelineResult {
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
    cfg = def.decode ? def.decode(doc) : ((new Decoder(def.schema).decodeDocument(doc, typeDesc(def.schema, "Config")) ?? {}) as Obj);
  } catch (e) {
    if (e instanceof DecodeErrors || e instanceof DecodeFailure) return { entries: [], fatal: e.message, fatalEntries: readErrorEntries(e, doc) };
    throw e;
  }
  const root = documentRoot(doc);
  const spec = def.base.features.spec;

  const report = new Report();
  report.merge(correlate(checkUnusedKeys(def.schema, cfg, "Config", doc).entries, root));

  const translated = new Report();
  const finish = (fatal?: string): PipelineResult => {
    report.merge(correlate(translated.entries, root));
    return fatal !== undefined ? { entries: report.entries, fatal } : { entries: report.entries };
  };

  // Validate the source.
  const env: RuleEnv = {
    checkEmbedded: (resourcePath, raw, r) => checkEmbeddedConfig(checks.embedded, spec, resourcePath, raw, r),
  };
  translated.merge(validateButane(def.schema, cfg, "Config", def.rules, env));
  if (translated.isFatal()) return finish(OUTCOME.invalidSourceConfig.message);

  // Translate.
  const ctx = baseContext(def.schema, def.base.features, def.options ? { ...options, ...def.options } : options, checks.embedded, def.features);
  let result = translateBase(ctx, cfg);
  if (!result.report.isFatal()) for (const step of def.steps) result = step(ctx, cfg, result);
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
