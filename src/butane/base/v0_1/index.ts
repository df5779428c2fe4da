import { getIgnitionSpec } from "../../../ignition/spec";
import { errorAt, VALIDATE } from "../../messages";
import { defineBase } from "../define";
import { checkDirectoryMode, checkFileMode } from "../rules";
import { schema } from "./schema";

export const base = defineBase(null, {
  name: "v0_1",
  schema,
  spec: getIgnitionSpec("3.0.0")!,
  features: { inlineOnly: true },
  rules: {
    FileContents: (v, path, report) => {
      if (v.inline != null && v.source != null) errorAt(report, [...path, "inline"], VALIDATE.tooManyResourceSources);
    },
    Directory: checkDirectoryMode,
    File: checkFileMode,
  },
});
