// The built-in variants. Each registers a loader: a variant's versions are built the
// first time a config names that variant, so a run pays only for the one it uses.

import { registerVariantLoader } from "../registry";
import { fcosVersions } from "./fcos/versions";
import { fiotVersions } from "./fiot/versions";
import { flatcarVersions } from "./flatcar/versions";
import { openshiftVersions } from "./openshift/versions";
import { r4eVersions } from "./r4e/versions";

let registered = false;

export function registerBuiltinVariants(): void {
  if (registered) return;
  registered = true;
  registerVariantLoader("fcos", fcosVersions);
  registerVariantLoader("flatcar", flatcarVersions);
  registerVariantLoader("openshift", openshiftVersions);
  registerVariantLoader("r4e", r4eVersions);
  registerVariantLoader("fiot", fiotVersions);
}
