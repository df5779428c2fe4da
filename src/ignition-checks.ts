// Ignition's own validation, as the Butane pipeline applies it to generated configs.
import type { IgnitionChecks } from "./butane/pipeline";
import { validateConfigSemantics } from "./ignition/validate/semantics";
import { validateDuplicates } from "./ignition/validate/dups";
import { validateEmbeddedConfig } from "./ignition/validate-config";

export const ignitionChecks: IgnitionChecks = {
  duplicates: (config, spec) => validateDuplicates(config, spec),
  semantics: (config, spec) => validateConfigSemantics(config, spec),
  embedded: (raw, spec) => validateEmbeddedConfig(raw, spec),
};
