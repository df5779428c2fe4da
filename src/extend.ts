// What a program needs to add its own variant versions (see docs/variants.md): the
// builder, the field filters, the data-URL encoder steps use, and the base spec
// versions a variant version is built on. These are already part of every build (the
// built-in variants use them), so exporting them costs nothing at start-up.

import { base as v0_1 } from "./butane/base/v0_1";
import { base as v0_2 } from "./butane/base/v0_2";
import { base as v0_3 } from "./butane/base/v0_3";
import { base as v0_4 } from "./butane/base/v0_4";
import { base as v0_5 } from "./butane/base/v0_5";
import { base as v0_6 } from "./butane/base/v0_6";
import { base as v0_7 } from "./butane/base/v0_7";
import { base as v0_8_exp } from "./butane/base/v0_8_exp";
import type { BaseVersion } from "./butane/base/define";

export { defineVariantVersion } from "./butane/variants/define";
export type { VariantDelta, TranslateStep, FieldFilter, OutputWrapper } from "./butane/variants/define";
export { fieldFilters } from "./butane/variants/filters";
export type { FieldFilterOptions } from "./butane/variants/filters";
export { makeDataUrl } from "./butane/translate/data-url";
export type { DataUrl } from "./butane/translate/data-url";
export type { StructRule, RuleEnv } from "./butane/validate";
export type { BaseVersion } from "./butane/base/define";

/**
 * The base spec versions, by the reference's package name: v0_1 (Ignition 3.0.0) …
 * v0_7 (3.6.0), v0_8_exp (3.7.0-experimental).
 */
export const baseVersions: Readonly<Record<"v0_1" | "v0_2" | "v0_3" | "v0_4" | "v0_5" | "v0_6" | "v0_7" | "v0_8_exp", BaseVersion>> = {
  v0_1, v0_2, v0_3, v0_4, v0_5, v0_6, v0_7, v0_8_exp,
};
