import { getIgnitionSpec } from "../../../ignition/spec";
import { defineBase } from "../define";
import { base as previous } from "../v0_4";
import { checkSystemdSources } from "../rules";
import { schema } from "./schema";

export const base = defineBase(previous, {
  name: "v0_5",
  schema,
  spec: getIgnitionSpec("3.4.0")!,
  features: { localContents: true },
  rules: { Unit: checkSystemdSources, Dropin: checkSystemdSources },
});
