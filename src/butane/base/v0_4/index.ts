import { getIgnitionSpec } from "../../../ignition/spec";
import { defineBase } from "../define";
import { base as previous } from "../v0_3";
import { checkMountUnitOrSwap } from "../rules";
import { schema } from "./schema";

export const base = defineBase(previous, {
  name: "v0_4",
  schema,
  spec: getIgnitionSpec("3.3.0")!,
  features: { mountUnitsSwap: true, kernelArguments: true },
  rules: { Filesystem: checkMountUnitOrSwap },
});
