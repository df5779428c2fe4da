// Ignition's own validation, as the Butane pipeline applies it to generated configs.
// INTERIM: no-op until src/ignition/validate lands.
import type { IgnitionChecks } from "./butane/pipeline";

export const ignitionChecks: IgnitionChecks = {
  duplicates: () => [],
  semantics: () => [],
  embedded: () => ({ entries: [] }),
};
