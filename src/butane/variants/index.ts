// The built-in variants, registered when the compiler is loaded.

import { registerVariant } from "../registry";
import { FCOS_VERSIONS } from "./fcos/versions";
import { FIOT_VERSIONS } from "./fiot/versions";
import { FLATCAR_VERSIONS } from "./flatcar/versions";
import { OPENSHIFT_VERSIONS } from "./openshift/versions";
import { R4E_VERSIONS } from "./r4e/versions";

let registered = false;

export function registerBuiltinVariants(): void {
  if (registered) return;
  registered = true;
  for (const v of FCOS_VERSIONS) registerVariant(v);
  for (const v of FLATCAR_VERSIONS) registerVariant(v);
  for (const v of OPENSHIFT_VERSIONS) registerVariant(v);
  for (const v of R4E_VERSIONS) registerVariant(v);
  for (const v of FIOT_VERSIONS) registerVariant(v);
}
