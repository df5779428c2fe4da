import { getIgnitionSpec } from "../../../ignition/spec";
import { defineBase } from "../define";
import { base as previous } from "../v0_5";
import { schema } from "./schema";

export const base = defineBase(previous, {
  name: "v0_6",
  schema,
  spec: getIgnitionSpec("3.5.0")!,
});
