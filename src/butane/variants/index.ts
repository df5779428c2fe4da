// The built-in variants, registered when the compiler is loaded.

import { registerVariant } from "../registry";
import { FCOS_VERSIONS } from "./fcos/versions";

let registered = false;

export function registerBuiltinVariants(): void {
  if (registered) return;
  registered = true;
  for (const v of FCOS_VERSIONS) registerVariant(v);
}
