// The normalisation under which Ignition → Butane → Ignition is exact: what Ignition
// itself keeps of a config. The text is decoded the way Ignition's parser decodes it
// (Go's json.Unmarshal into the spec version's types: keys matched exactly, then
// case-insensitively; unknown keys dropped; `null` the same as absent; a repeated key's
// last value wins) and written back with the Go-compatible encoder butane uses (keys
// in the spec's declaration order, no whitespace, `omitempty`: zero-valued non-pointer
// fields, empty lists and structs whose fields are all empty are left out; a pointer
// field that is present keeps its value even when it is zero: `"overwrite": false`,
// `"compression": ""`). Two configs with the same normal form are the same config to
// Ignition.

import { emitStruct } from "../emit/json";
import { decodeConfig } from "../ignition/decode";
import { ignitionParse } from "../ignition/validate-config";

/** The normal form of an Ignition config's JSON text, or undefined when it does not parse. */
export function normalizeIgnition(text: string): string | undefined {
  const p = ignitionParse(text);
  if (!p.spec || !p.tree) return undefined;
  const d = decodeConfig(p.tree, p.spec);
  if ("error" in d) return undefined;
  return emitStruct(d.config, p.spec, "Config", false);
}
