// A base spec version: its schema, which translation features it has and its
// validation rules, each written as a delta of the previous version.

import type { BaseFeatures } from "../translate/base";
import type { ButaneSchema } from "../schema";
import type { StructRules } from "../validate";

export interface BaseVersion {
  /** e.g. "v0_6" */
  name: string;
  schema: ButaneSchema;
  features: BaseFeatures;
  rules: StructRules;
}

export function defineBase(
  prev: BaseVersion | null,
  delta: { name: string; schema: ButaneSchema; features?: Partial<BaseFeatures>; rules?: StructRules; removedRules?: string[] },
): BaseVersion {
  const rules: Record<string, StructRules[string]> = { ...(prev?.rules ?? {}), ...(delta.rules ?? {}) };
  for (const r of delta.removedRules ?? []) delete rules[r];
  const features = { ...(prev?.features ?? { mountUnits: 0, trees: 0 }), ...(delta.features ?? {}) } as BaseFeatures;
  return { name: delta.name, schema: delta.schema, features, rules };
}
