import { getIgnitionSpec } from "../../../ignition/spec";
import { defineBase } from "../define";
import { base as previous } from "../v0_3";
import { checkMountUnitV4 } from "../rules";
import { schema } from "./schema";

export const base = defineBase(previous, {
  name: "v0_4",
  schema,
  features: { spec: getIgnitionSpec("3.3.0")!, mountUnits: 4, kernelArguments: true },
  rules: { Filesystem: checkMountUnitV4 },
});
