// The package's platform-neutral entry: everything here runs in Node and in
// browsers (no Node built-ins). The Node entry (node.ts) adds file access.

import { formatPretty as formatEntriesPretty, formatRaw as formatEntriesRaw } from "./emit/diagnostics";
import type { Diagnostic, ReportEntry } from "./core/report";

export { translate, translateAsync, listVariants, getVariant, STRICT_FAILURE } from "./api/translate";
export type {
  TranslateOptions,
  TranslateAsyncOptions,
  TranslateResult,
  TranslateSuccess,
  TranslateFailure,
  IgnitionConfig,
  AsyncFileSystemAccess,
  MaybePromise,
  TranslationDebug,
  TranslationEntry,
} from "./api/translate";
export type {
  IgnitionConfigByVersion,
  V3_0 as IgnitionV3_0,
  V3_1 as IgnitionV3_1,
  V3_2 as IgnitionV3_2,
  V3_3 as IgnitionV3_3,
  V3_4 as IgnitionV3_4,
  V3_5 as IgnitionV3_5,
  V3_6 as IgnitionV3_6,
  V3_7_experimental as IgnitionV3_7_experimental,
} from "./ignition/types/index";
export type { Diagnostic, Severity } from "./core/report";
export type { FileSystemAccess, FileInfo, FileKind } from "./core/files";
export { FileAccessError } from "./core/files";
export { registerVariant, registerVariantLoader } from "./butane/registry";
export type { VariantVersion } from "./butane/variants/define";
export * from "./extend";
// Texts and stable codes of the acos variant's diagnostics (src/variants-ext/acos).
export { ACOS_MESSAGES } from "./butane/messages";
export { REFERENCE_VERSION, PACKAGE_VERSION } from "./core/version";
export { decompile, normalizeIgnition } from "./decompile";
export type { DecompileOptions, DecompileResult } from "./decompile";

/** A report entry as translate() returns it (path "$.a.b") or in the internal form (path parts). */
type FormattableEntry = Diagnostic | ReportEntry;

function asEntry(d: FormattableEntry): ReportEntry {
  if (typeof d.path !== "string") return d as ReportEntry;
  // "$.storage.files.0" → ["storage", "files", "0"]: joined again, the parts print the same path.
  const path = d.path === "$" || d.path === "" ? [] : d.path.replace(/^\$\.?/, "").split(".");
  return { ...(d as Diagnostic), path };
}

/** The diagnostics one per line, as `butane --raw-errors` prints them: `error at $.path, line L col C: message`. */
export function formatRaw(report: readonly FormattableEntry[]): string {
  return formatEntriesRaw(report.map(asEntry));
}

/**
 * The diagnostics as `butane` prints them: each with the source lines around it and a
 * caret under the offending value. `source` is the config text; `color` adds ANSI colours.
 */
export function formatPretty(report: readonly FormattableEntry[], fileName: string, source: string, color = false): string {
  return formatEntriesPretty(report.map(asEntry), fileName, source, color);
}
export { bundle, type BundleOptions, type BundleResult } from "./compose/bundle";
