import { getIgnitionSpec } from "../../../ignition/spec";
import { defineBase } from "../define";
import { base as previous } from "../v0_6";
import { schema } from "./schema";

export const base = defineBase(previous, {
  name: "v0_7",
  schema,
  spec: getIgnitionSpec("3.6.0")!,
  features: { treeOwnership: true },
});
