// The package's platform-neutral entry: everything here runs in Node and in
// browsers (no Node built-ins). The Node entry (node.ts) adds file access.

export { translate, listVariants, STRICT_FAILURE } from "./api/translate";
export type { TranslateOptions, TranslateResult } from "./api/translate";
export type { Diagnostic, Severity } from "./core/report";
export type { FileSystemAccess, FileInfo, FileKind } from "./core/files";
export { FileAccessError } from "./core/files";
export { registerVariant } from "./butane/registry";
export type { VariantVersion } from "./butane/variants/define";
export * from "./extend";
export { formatPretty, formatRaw } from "./emit/diagnostics";
export { REFERENCE_VERSION, PACKAGE_VERSION } from "./core/version";
