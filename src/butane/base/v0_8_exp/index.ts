import { getIgnitionSpec } from "../../../ignition/spec";
import { errorAt, VALIDATE } from "../../messages";
import { templateOf } from "../../translate/sugar/quadlets";
import { defineBase } from "../define";
import { checkSystemdSources } from "../rules";
import { base as previous } from "../v0_7";
import { schema } from "./schema";

const QUADLET_EXTENSIONS = [".container", ".volume", ".network", ".kube", ".image", ".build", ".pod", ".artifact"];

export const base = defineBase(previous, {
  name: "v0_8_exp",
  schema,
  spec: getIgnitionSpec("3.7.0-experimental")!,
  features: { quadlets: true },
  rules: {
    Quadlet: (v, path, report, env) => {
      const name = String(v.name ?? "");
      if (!QUADLET_EXTENSIONS.some((e) => name.endsWith(e))) {
        errorAt(report, [...path, "name"], VALIDATE.quadletBadExtension);
        return;
      }
      if (templateOf(name) !== null) {
        if (v.contents != null) errorAt(report, [...path, "contents"], VALIDATE.templateInstanceCannotHaveContents);
        if (v.contents_local != null) errorAt(report, [...path, "contents_local"], VALIDATE.templateInstanceCannotHaveContents);
      } else {
        checkSystemdSources(v, path, report, env);
      }
    },
  },
});
