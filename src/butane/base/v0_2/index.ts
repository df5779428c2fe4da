import { getIgnitionSpec } from "../../../ignition/spec";
import { defineBase } from "../define";
import { base as previous } from "../v0_1";
import { checkMountUnit, checkResource, checkTree } from "../rules";
import { schema } from "./schema";

export const base = defineBase(previous, {
  name: "v0_2",
  schema,
  spec: getIgnitionSpec("3.1.0")!,
  features: { inlineOnly: false, resources: true, mountUnits: true, trees: true },
  rules: { Resource: checkResource, Filesystem: checkMountUnit, Tree: checkTree },
  removedRules: ["FileContents"],
});
