import { getIgnitionSpec } from "../../../ignition/spec";
import { errorAt, VALIDATE, warnAt } from "../../messages";
import { defineBase } from "../define";
import { checkDirectoryMode, checkFileMode } from "../rules";
import { schema } from "./schema";

export const base = defineBase(null, {
  name: "v0_1",
  schema,
  features: { spec: getIgnitionSpec("3.0.0")!, inlineOnly: true, mountUnits: 0, trees: 0 },
  rules: {
    FileContents: (v, path, report) => {
      if (v.inline != null && v.source != null) errorAt(report, [...path, "inline"], VALIDATE.tooManyResourceSources);
    },
    Directory: checkDirectoryMode,
    File: checkFileMode,
  },
});
