// What a program needs to add its own variant versions (see docs/variants.md): the
// builder, the field filters, the data-URL encoder steps use, and the base spec
// versions a variant version is built on. These are already part of every build (the
// built-in variants use them), so exporting them costs nothing at start-up.

import { bases } from "./butane/base";
import type { BaseVersion } from "./butane/base/define";

export { defineVariantVersion, defineVariantVersions } from "./butane/variants/define";
export type { VariantDelta, TranslateStep, FieldFilter, OutputWrapper } from "./butane/variants/define";
export { fieldFilters } from "./butane/variants/filters";
export type { FieldFilterOptions } from "./butane/variants/filters";
export { makeDataUrl } from "./butane/translate/data-url";
export type { DataUrl } from "./butane/translate/data-url";
export type { StructRule, RuleEnv } from "./butane/validate";
export type { BaseVersion } from "./butane/base/define";
export type { FeatureFlags } from "./butane/translate/context";
export type { FieldsDelta } from "./butane/schema";

/**
 * The base spec versions, by the reference's package name: v0_1 (Ignition 3.0.0) …
 * v0_7 (3.6.0), v0_8_exp (3.7.0-experimental).
 */
export const baseVersions: Readonly<Record<keyof typeof bases, BaseVersion>> = bases;
