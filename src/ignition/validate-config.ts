// Whole-config checks built on the Go-compatible pieces: butane's check of an embedded
// (inline merge/replace) Ignition config, and the `ignition-validate` check of a file.

import type { Diagnostic, PathPart, ReportEntry, Severity } from "../core/report";
import { pathString, toDiagnostic } from "../core/report";
import type { SpecVersion } from "./spec/model";
import { IGNITION_SPECS } from "./spec/index";
import { checkJsonSyntax, JsonDepthError, parseJsonTree, treeFromValue, LineIndex, type JNode } from "../go/json";
import { parseSemver, type SemVer } from "../go/semver";
import { decodeConfig, decodeVersionStub } from "./decode";
import { validateConfigSemantics } from "./validate/semantics";
import { validateDuplicates } from "./validate/dups";
import { validateUnusedKeys } from "./validate/unused";
import { correlate, deepestStart } from "./correlate";
import { validateSchema } from "./schema";
import { ignitionCode, IGNITION_TEMPLATES, M } from "./validate/messages";

const SYNTAX = IGNITION_TEMPLATES.jsonSyntax.code;
const DECODE = IGNITION_TEMPLATES.jsonDecode.code;

/** The warning butane gives (at the merge/replace entry's `version`) when it skips an embedded config. */
export const UNKNOWN_EMBEDDED_VERSION_WARNING = "skipping validation for the merge/replace ignition config due to an unkown version";

export interface EmbeddedConfigResult {
  /**
   * What butane's ValidateIgnitionConfig reports, paths relative to the embedded config's
   * root. Positions are left to the caller: butane correlates them with its own source.
   */
  entries: ReportEntry[];
  /** Set when the Go function returns an error ("config is not valid"). */
  error?: string;
  /**
   * The embedded config's version is not the spec version: validation was skipped and the
   * caller adds UNKNOWN_EMBEDDED_VERSION_WARNING at its entry's `version`.
   */
  unknownVersion?: boolean;
}

function sameVersion(v: SemVer, max: SemVer): boolean {
  return v.major === max.major && v.minor === max.minor && v.patch === max.patch && v.preRelease === max.preRelease && v.metadata === max.metadata;
}

/** ValidateWithContext: semantics, then duplicates, then unused keys (warnings in Ignition). */
function validateWithContext(config: object, tree: JNode, spec: SpecVersion, unused: Severity): ReportEntry[] {
  const out = validateConfigSemantics(config, spec);
  for (const e of validateDuplicates(config, spec)) out.push(e);
  for (const e of validateUnusedKeys(config, tree, spec, unused)) out.push(e);
  return out;
}

/**
 * butane's `ValidateIgnitionConfig(c, rawConfig)` (base/v0_x/util.go) for the Ignition
 * spec version the Butane config translates to: parse errors the way Go's json and
 * Ignition's HandleParseErrors report them, the unknown-version skip, then
 * ValidateWithContext (semantics, duplicates, unused keys).
 */
export function validateEmbeddedConfig(raw: string, spec: SpecVersion): EmbeddedConfigResult {
  const syntax = checkJsonSyntax(raw);
  if (syntax) return { entries: [{ severity: "error", message: syntax.message, path: [], tag: "json", code: SYNTAX }], error: M.invalid };
  const tree = parseJsonTree(raw);
  const decoded = decodeConfig(tree, spec);
  if ("error" in decoded) return { entries: [{ severity: "error", message: decoded.error.message, path: [], tag: "json", code: DECODE }], error: M.invalid };
  const config = decoded.config;
  const ign = config.ignition as Record<string, unknown> | undefined;
  const v = parseSemver(typeof ign?.version === "string" ? ign.version : "");
  const max = parseSemver(spec.version)!;
  if (v !== null && !sameVersion(v, max)) return { entries: [], unknownVersion: true };
  return { entries: validateWithContext(config, tree, spec, "warning") };
}

export interface ValidateIgnitionOptions {
  /**
   * Severity of keys the config's spec version does not define. Ignition itself warns;
   * the default treats them as errors, so a 3.0.0 config cannot use 3.1.0 fields.
   */
  unusedKeys?: "error" | "warning";
}

export interface ValidateIgnitionResult {
  valid: boolean;
  report: Diagnostic[];
  /** The config's spec version, when it could be determined. */
  version?: string;
}

let specVersions: Array<[SpecVersion, SemVer]> | null = null;

/** The spec whose version equals v (as go-semver compares them; "3.04.0" is 3.4.0). */
function findSpec(text: string, v: SemVer): SpecVersion | undefined {
  for (const s of IGNITION_SPECS) if (s.version === text) return s;
  specVersions ??= IGNITION_SPECS.map((s) => [s, parseSemver(s.version)!]);
  for (const [s, sv] of specVersions) if (sameVersion(v, sv)) return s;
  return undefined;
}

/** What Ignition's config.Parse (the heart of `ignition-validate`) reports. */
export interface IgnitionParseResult {
  /** Report entries, positioned in the text when given one. */
  entries: ReportEntry[];
  /** The error config.Parse returns, if any ("config is not valid", "unsupported config version", …). */
  error?: string;
  spec?: SpecVersion;
  /** Document tree and plain value (absent for an empty or unparsable text). */
  tree?: JNode;
  value?: unknown;
  lines?: LineIndex;
  /** Where a type error is (Go's entry has the root path; the message names only struct fields). */
  decodeErrorPath?: PathPart[];
}

/**
 * Ignition's `config.Parse(raw)` as ignition-validate runs it: the version from a
 * versionStub decode, then the matching version's Parse (HandleParseErrors, then
 * ValidateWithContext). `unused` sets the severity of unused keys (Ignition: warning).
 */
export function ignitionParse(input: string | object, unused: Severity = "warning"): IgnitionParseResult {
  let tree: JNode;
  let lines: LineIndex | undefined;
  let value: unknown;
  const at = (e: ReportEntry, index: number): ReportEntry => {
    const pos = lines?.at(index);
    return pos ? { ...e, line: pos.line, column: pos.column } : e;
  };
  if (typeof input === "string") {
    if (input.length === 0) return { entries: [], error: M.empty };
    lines = new LineIndex(input);
    const syntax = checkJsonSyntax(input);
    if (syntax) {
      const pos = lines.atByte(syntax.offset);
      const e: ReportEntry = { severity: "error", message: syntax.message, path: [], tag: "json", code: SYNTAX };
      return { entries: [pos ? { ...e, line: pos.line, column: pos.column } : e], error: M.invalid, lines };
    }
    tree = parseJsonTree(input);
    value = JSON.parse(input);
  } else {
    try {
      tree = treeFromValue(input);
    } catch (e) {
      if (!(e instanceof JsonDepthError)) throw e;
      return { entries: [{ severity: "error", message: `json: ${e.message}`, path: [], tag: "json", code: SYNTAX }], error: M.invalid };
    }
    value = input;
  }
  const base = { tree, value, lines };

  // util.GetConfigVersion
  const stub = decodeVersionStub(tree);
  if ("error" in stub) return { ...base, entries: [at({ severity: "error", message: stub.error.message, path: [], tag: "json", code: DECODE }, stub.error.index)], error: M.invalid };
  const sv = parseSemver(stub.version);
  if (sv === null) return { ...base, entries: [], error: M.invalidVersion };
  const spec = findSpec(stub.version, sv);
  if (!spec) return { ...base, entries: [], error: M.unknownVersion };

  // v3_x.Parse
  const decoded = decodeConfig(tree, spec);
  if ("error" in decoded) {
    const e: ReportEntry = { severity: "error", message: decoded.error.message, path: [], tag: "json", code: DECODE };
    return { ...base, spec, entries: [at(e, decoded.error.index)], error: M.invalid, ...(decoded.error.path ? { decodeErrorPath: decoded.error.path } : {}) };
  }
  let entries = validateWithContext(decoded.config, tree, spec, unused);
  if (lines) entries = correlate(entries, tree, lines);
  const fatal = entries.some((e) => e.severity === "error");
  return fatal ? { ...base, spec, entries, error: M.invalid } : { ...base, spec, entries };
}

/** validateIgnition's result with internal report entries (paths as parts), for the CLI. */
export interface ValidateIgnitionEntries {
  valid: boolean;
  entries: ReportEntry[];
  version?: string;
}

/** validateIgnition, returning report entries rather than public diagnostics. */
export function validateIgnitionEntries(input: string | object, options: ValidateIgnitionOptions = {}): ValidateIgnitionEntries {
  const p = ignitionParse(input, options.unusedKeys ?? "error");
  const entries: ReportEntry[] = [];
  if (p.spec && p.value !== undefined && p.tree) {
    // Go's type error names the same problem as the schema's error at its path: keep
    // Go's message, at the schema's path.
    const decodeError = p.decodeErrorPath ? pathString(p.decodeErrorPath) : undefined;
    for (const e of validateSchema(p.value, p.spec)) {
      if (decodeError !== undefined && pathString(e.path) === decodeError) continue;
      const pos = p.lines?.at(deepestStart(p.tree, e));
      entries.push(pos ? { ...e, line: pos.line, column: pos.column } : e);
    }
  }
  for (const e of p.entries) {
    // Go gives no position for a text that ends too early (our extension): just past its end.
    if (e.tag === "json" && e.line === undefined && p.tree === undefined && p.lines) entries.push({ ...e, ...p.lines.end() });
    else if (p.decodeErrorPath) entries.push({ ...e, path: p.decodeErrorPath });
    else entries.push(e);
  }
  if (p.error && p.entries.length === 0) {
    // Errors Go returns without a report entry: point at the version where it is the cause.
    const e: ReportEntry =
      p.error === M.invalidVersion || p.error === M.unknownVersion
        ? { severity: "error", message: p.error, path: ["ignition", "version"], tag: "json", code: ignitionCode(p.error)! }
        : { severity: "error", message: p.error, path: [], code: ignitionCode(p.error)! };
    const pos = p.tree && p.lines ? p.lines.at(deepestStart(p.tree, e)) : undefined;
    entries.push(pos ? { ...e, line: pos.line, column: pos.column } : e);
  }
  const r: ValidateIgnitionEntries = { valid: !entries.some((e) => e.severity === "error"), entries };
  if (p.spec) r.version = p.spec.version;
  return r;
}

/**
 * A full check of an Ignition config as `ignition-validate` does it: parse (Go's JSON
 * rules and messages), detect the spec version, decode into that version's types, check
 * the schema, then Ignition's semantic rules, duplicates and unknown keys. Given a string,
 * diagnostics carry line/column positions in it (Go's: 1-based, columns in bytes).
 * Schema errors (wrong types, nulls, missing required keys) come first, then Ignition's
 * own report in its order.
 */
export function validateIgnition(input: string | object, options: ValidateIgnitionOptions = {}): ValidateIgnitionResult {
  const r = validateIgnitionEntries(input, options);
  const out: ValidateIgnitionResult = { valid: r.valid, report: r.entries.map(toDiagnostic) };
  if (r.version) out.version = r.version;
  return out;
}
