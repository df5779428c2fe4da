import type { SpecVersion } from "./model";
import { v3_0 } from "./v3_0";
import { v3_1 } from "./v3_1";
import { v3_2 } from "./v3_2";
import { v3_3 } from "./v3_3";
import { v3_4 } from "./v3_4";
import { v3_5 } from "./v3_5";
import { v3_6 } from "./v3_6";
import { v3_7_experimental } from "./v3_7_experimental";

export type { FieldSpec, IgnitionFeature, IgnitionFeatures, SpecVersion, StructTable } from "./model";
export { parseType } from "./model";

/** Every supported Ignition spec version, oldest first. */
export const IGNITION_SPECS: readonly SpecVersion[] = [v3_0, v3_1, v3_2, v3_3, v3_4, v3_5, v3_6, v3_7_experimental];

const byVersion = new Map(IGNITION_SPECS.map((s) => [s.version, s]));

/** The spec table for an exact Ignition version string such as "3.4.0", or undefined. */
export function getIgnitionSpec(version: string): SpecVersion | undefined {
  return byVersion.get(version);
}
