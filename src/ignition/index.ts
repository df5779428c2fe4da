// Ignition configs: spec tables, schemas and Ignition's own validation rules.

export { IGNITION_SPECS, getIgnitionSpec, parseType } from "./spec/index";
export type { FieldSpec, SpecVersion, StructTable } from "./spec/index";
export type { IgnitionConfigByVersion, AnyIgnitionConfig } from "./types/index";
export type * as IgnitionTypes from "./types/index";

export { validateConfigSemantics } from "./validate/semantics";
export { validateDuplicates } from "./validate/dups";
export { validateUnusedKeys } from "./validate/unused";
export { validateSchema, schemaValidator } from "./schema";
export {
  validateEmbeddedConfig,
  validateIgnition,
  ignitionParse,
  UNKNOWN_EMBEDDED_VERSION_WARNING,
  type EmbeddedConfigResult,
  type ValidateIgnitionOptions,
  type ValidateIgnitionResult,
  type IgnitionParseResult,
} from "./validate-config";
export { M as IGNITION_MESSAGES } from "./validate/messages";
