import { getIgnitionSpec } from "../../../ignition/spec";
import { defineBase } from "../define";
import { base as previous } from "../v0_2";
import { schema } from "./schema";

export const base = defineBase(previous, {
  name: "v0_3",
  schema,
  spec: getIgnitionSpec("3.2.0")!,
  features: { mountUnitsRemote: true },
});
