// Near-miss suggestions for diagnostics the compiler can name a fix for: an unknown
// key that is a misspelling of a key the struct has ("overwite" → "overwrite"), a
// variant name that does not exist ("fcoss" → "fcos"), a version the variant does not
// have ("1.9.0" → the nearest stable one it has), a missing variant or version whose
// key is misspelt. Used by `butane --suggest` and always by the language server.
// The known keys come from the spec tables the translator decodes with.

import type { Diagnostic, PathPart, ReportEntry } from "../core/report";
import { READ } from "../butane/messages";
import { lookupVariant } from "../butane/registry";
import type { ButaneSchema } from "../butane/schema";
import { normalizeSemver } from "../go/semver";
import { listVariants } from "../api/translate";
import { documentRoot } from "../parse/positions";
import { Kind, parseYaml, type YamlNode } from "../yaml";
import { sourceLines, tokenEnd, type Fix } from "../emit/report-json";

/** Optimal-string-alignment distance: edits, with a swap of neighbours counting as one. */
export function editDistance(a: string, b: string): number {
  const m = a.length, n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

const squash = (s: string) => s.toLowerCase().replace(/[-_ ]/g, "");

/** The candidate closest to `word` when it is close enough to be a slip of the keyboard. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === word) return undefined;
    // Same letters in another case or with other separators ("wipeTable", "wipe-table").
    const score = squash(c) === squash(word) ? 0 : editDistance(word.toLowerCase(), c.toLowerCase());
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return bestScore <= limit ? best : undefined;
}

function resolveType(schema: ButaneSchema, type: string): string {
  let t = type;
  while (schema.aliases[t] !== undefined) t = schema.aliases[t]!;
  return t;
}

/** The keys of the struct at `path` in a variant version's schema, or undefined. */
export function structKeysAt(schema: ButaneSchema, path: readonly PathPart[]): string[] | undefined {
  let type = "Config";
  for (const part of path) {
    if (typeof part === "number") {
      if (!type.endsWith("[]")) return undefined;
      type = resolveType(schema, type.slice(0, -2));
      continue;
    }
    const field = schema.structs[type]?.find((f) => f.key === part);
    if (!field) return undefined;
    type = resolveType(schema, field.type);
  }
  return schema.structs[type]?.map((f) => f.key);
}

/** "$.storage.files.0" → ["storage", "files", 0]; the parts are known field names and indexes. */
function parseParentPath(path: string): PathPart[] {
  if (path === "$") return [];
  return path.slice(2).split(".").map((p) => (/^(0|[1-9][0-9]*)$/.test(p) ? Number(p) : p));
}

interface Header {
  root: YamlNode | null;
  variant: string;
  version: string;
}

function scalarAt(root: YamlNode | null, key: string): YamlNode | undefined {
  if (!root || root.kind !== Kind.Mapping) return undefined;
  for (let i = root.content.length - 2; i >= 0; i -= 2) if (root.content[i]!.value === key) return root.content[i + 1];
  return undefined;
}

function readHeader(source: string): Header | undefined {
  try {
    const root = documentRoot(parseYaml(source));
    const text = (k: string) => {
      const n = scalarAt(root, k);
      return n && n.kind === Kind.Scalar ? n.value : "";
    };
    return { root, variant: text("variant"), version: text("version") };
  } catch {
    return undefined;
  }
}

function fixAt(lines: readonly string[], path: string, line: number | undefined, column: number | undefined, replacement: string, message: string): Fix | undefined {
  if (line === undefined || column === undefined) return undefined;
  const end = tokenEnd(lines, line, column);
  if (!end) return undefined;
  return { message, path, replacement, line, column, ...end };
}

/** Code of the `info` entries that carry a suggestion. */
export const SUGGESTION_CODE = "butane.suggestion";

const didYouMean = (s: string) => `did you mean "${s}"?`;

/** A stable version of `variant` nearest to `version` (experimental ones only when there is no stable one). */
export function nearestVersion(variant: string, version: string): string | undefined {
  const all = listVariants().filter((v) => v.variant === variant).map((v) => v.version);
  if (all.length === 0) return undefined;
  const stable = all.filter((v) => !v.includes("-"));
  const pool = stable.length > 0 ? stable : all;
  const nums = (v: string) => (v.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  const want = nums(version);
  while (want.length < 3) want.push(0);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const v of pool) {
    const [a = 0, b = 0, c = 0] = nums(v);
    const score = Math.abs(a - want[0]!) * 1e6 + Math.abs(b - want[1]!) * 1e3 + Math.abs(c - want[2]!);
    // On a tie the newer version wins (the pool is in registration order, oldest first).
    if (score <= bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}

/** The fix each diagnostic can be given, if any. */
export function nearMisses(source: string, diagnostics: readonly Diagnostic[]): Map<Diagnostic, Fix> {
  const fixes = new Map<Diagnostic, Fix>();
  let header: Header | undefined | null = null;
  const getHeader = () => (header === null ? (header = readHeader(source)) : header);
  let lines: string[] | undefined;
  const getLines = () => (lines ??= sourceLines(source));
  for (const d of diagnostics) {
    const fix = fixFor(d, getHeader, getLines);
    if (fix) fixes.set(d, fix);
  }
  return fixes;
}

function fixFor(d: Diagnostic, getHeader: () => Header | undefined, getLines: () => string[]): Fix | undefined {
  const unused = /^unused key (.*)$/s.exec(d.message);
  if (unused && d.severity === "warning") {
    const key = unused[1]!;
    if (!d.path.endsWith("." + key)) return undefined;
    const h = getHeader();
    const version = h && normalizeSemver(h.version);
    const def = h && version ? lookupVariant(h.variant, version) : undefined;
    if (!def) return undefined;
    const known = structKeysAt(def.schema, parseParentPath(d.path.slice(0, -key.length - 1)));
    const best = known && nearest(key, known);
    return best ? fixAt(getLines(), d.path, d.line, d.column, best, didYouMean(best)) : undefined;
  }
  if (d.severity !== "error") return undefined;
  const h = getHeader();
  if (!h) return undefined;
  const variants = new Set(listVariants().map((v) => v.variant));
  // A misspelt `variant:` or `version:` key leaves the field missing.
  if (d.message === READ.noVariant.message || (d.message === READ.invalidVersion.message && h.version === "" && !scalarAt(h.root, "version"))) {
    const field = d.message === READ.noVariant.message ? "variant" : "version";
    const key = misspeltKey(h.root, field);
    return key ? fixAt(getLines(), "$." + key.value, key.line, key.column, field, didYouMean(field)) : undefined;
  }
  if (d.message === READ.invalidVersion.message && d.path === "$.version") {
    const best = variants.has(h.variant) ? nearestVersion(h.variant, h.version) : undefined;
    return best ? fixAt(getLines(), d.path, d.line, d.column, best, didYouMean(best)) : undefined;
  }
  if (/^No translator exists for variant /.test(d.message)) {
    if (!variants.has(h.variant)) {
      const best = nearest(h.variant, variants);
      const node = scalarAt(h.root, "variant");
      return best && node ? fixAt(getLines(), "$.variant", node.line, node.column, best, didYouMean(best)) : undefined;
    }
    const best = nearestVersion(h.variant, h.version);
    const node = scalarAt(h.root, "version");
    return best && node ? fixAt(getLines(), "$.version", node.line, node.column, best, didYouMean(best)) : undefined;
  }
  return undefined;
}

function misspeltKey(root: YamlNode | null, field: string): YamlNode | undefined {
  if (!root || root.kind !== Kind.Mapping) return undefined;
  for (let i = 0; i < root.content.length; i += 2) {
    const k = root.content[i]!;
    if (k.value !== field && nearest(k.value, [field]) === field) return k;
  }
  return undefined;
}

/**
 * The entries the plain output prints, each followed by an `info` entry with its
 * suggestion; suggestions for the problems behind a fatal error (which the plain
 * output does not list: `report` has them after `entries`) come last.
 */
export function withSuggestions(entries: readonly ReportEntry[], report: readonly Diagnostic[], fixes: ReadonlyMap<Diagnostic, Fix>): ReportEntry[] {
  const out: ReportEntry[] = [];
  const note = (f: Fix): ReportEntry => ({ severity: "info", path: f.path === "$" ? [] : f.path.slice(2).split("."), message: f.message, line: f.line, column: f.column, code: SUGGESTION_CODE });
  entries.forEach((e, i) => {
    out.push(e);
    const f = report[i] && fixes.get(report[i]!);
    if (f) out.push(note(f));
  });
  for (let i = entries.length; i < report.length; i++) {
    const f = fixes.get(report[i]!);
    if (f) out.push(note(f));
  }
  return out;
}
