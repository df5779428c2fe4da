// A base spec version: its schema, the translation features it has and its
// validation rules, each written as a delta of the previous version.

import type { SpecVersion } from "../../ignition/spec";
import type { BaseFeatureFlags, BaseFeatures } from "../translate/base";
import type { ButaneSchema } from "../schema";
import type { StructRules } from "../validate";

export interface BaseVersion {
  /** The reference's package name, e.g. "v0_6", "v0_8_exp". */
  name: string;
  schema: ButaneSchema;
  /** The Ignition spec it targets and the features it has (every flag resolved). */
  features: BaseFeatures;
  rules: StructRules;
}

export interface BaseDelta {
  /** The reference's package name, e.g. "v0_8_exp" (decoding errors name it). */
  name: string;
  schema: ButaneSchema;
  /** The Ignition spec version it targets. */
  spec: SpecVersion;
  /** Features turned on (true) or off (false) relative to the previous version. */
  features?: BaseFeatureFlags;
  rules?: StructRules;
  removedRules?: readonly string[];
}

export function defineBase(prev: BaseVersion | null, delta: BaseDelta): BaseVersion {
  const rules: Record<string, StructRules[string]> = { ...(prev?.rules ?? {}), ...(delta.rules ?? {}) };
  for (const r of delta.removedRules ?? []) delete rules[r];
  const features: BaseFeatures = { ...(prev?.features ?? {}), ...(delta.features ?? {}), spec: delta.spec };
  // Decoding errors name the reference's package of each struct: the version's name.
  const schema: ButaneSchema = { ...delta.schema, basePkg: delta.name };
  return { name: delta.name, schema, features, rules };
}
