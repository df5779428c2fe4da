// The package's platform-neutral entry: everything here runs in Node and in
// browsers (no Node built-ins). The Node entry (node.ts) adds file access.

export { translate, translateAsync, listVariants, getVariant, STRICT_FAILURE } from "./translate";
export type {
  TranslateOptions,
  TranslateAsyncOptions,
  TranslateResult,
  TranslateSuccess,
  TranslateFailure,
  IgnitionConfig,
  AsyncFileSystemAccess,
  MaybePromise,
} from "./translate";
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
export { formatPretty, formatRaw } from "./emit/diagnostics";
// Texts and stable codes of the acos variant's diagnostics (src/variants-ext/acos).
export { ACOS_MESSAGES } from "./butane/messages";
export { REFERENCE_VERSION, PACKAGE_VERSION } from "./version";
export { decompile, normalizeIgnition } from "./decompile";
export type { DecompileOptions, DecompileResult } from "./decompile";
