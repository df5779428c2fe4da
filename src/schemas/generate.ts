// Everything scripts/gen-butane-schemas.mjs writes, computed from the variant registry:
// schemas/butane/<variant>-<version>.json for every registered variant version and
// the dispatcher schemas/butane.json; and schemas/ignition.json, which picks the
// Ignition schema (written by scripts/gen-schemas.mjs) by `ignition.version`. Enumerated values are asked of the compiler:
// each candidate from the documentation table is translated in a minimal config and
// kept when no error lands on that field.

import { listVariants, translate } from "../translate";
import type { VariantVersion } from "../butane/variants/define";
import { BUTANE_FIELDS, fieldDoc } from "./butane-fields";
import { formatSchemaJson } from "./json-format";
import { IGNITION_SPECS } from "../ignition/spec/index";
import { dispatcherSchema, ignitionDispatcherSchema, fieldPaths, groupByVariant, probeDocument, schemaFileName, sinceTable, versionSchema } from "./butane-schema";

/** Error messages translate() reports at exactly the probed field for `value`. */
function probeErrors(vv: VariantVersion, path: string, value: string): string[] {
  const { doc, at } = probeDocument(vv, path, value);
  const r = translate(JSON.stringify(doc), { raw: true });
  return r.report.filter((d) => d.severity === "error" && d.path === at).map((d) => d.message);
}

/** A value no enumerated field accepts: what the compiler says about it is "not one of the values". */
const BOGUS = "not-a-value-of-this-field";

/**
 * The values of an enumerated field this version accepts, per the compiler. A
 * candidate is rejected when it draws the same complaint as a bogus value; other
 * complaints (a layout that needs another field set) are about the context, not the
 * value.
 */
export function acceptedValues(vv: VariantVersion, path: string, candidates: readonly string[]): string[] {
  const invalid = new Set(probeErrors(vv, path, BOGUS));
  if (invalid.size === 0) return [...candidates]; // this version does not check the value
  const accepted = candidates.filter((value) => !probeErrors(vv, path, value).some((m) => invalid.has(m)));
  if (accepted.length === 0) throw new Error(`no candidate value of ${path} is accepted by ${vv.variant} ${vv.version}: the probe config is wrong`);
  return accepted;
}

export interface Generated {
  /** Path relative to the repository root → file content. */
  files: Map<string, string>;
  /** Field paths without an entry in the documentation table (should be none). */
  undocumented: string[];
}

export function generateButaneSchemas(): Generated {
  const files = new Map<string, string>();
  const undocumented = new Set<string>();
  const all = listVariants();
  const groups = groupByVariant(all);
  for (const [, versions] of groups) {
    const since = sinceTable(versions);
    for (const vv of versions) {
      const values = new Map<string, readonly string[]>();
      for (const [path, t] of fieldPaths(vv)) {
        const doc = fieldDoc(path);
        if (!doc) undocumented.add(path);
        else if (doc.values && t.k === "prim" && t.p === "string") values.set(path, acceptedValues(vv, path, doc.values));
      }
      files.set(`schemas/${schemaFileName(vv.variant, vv.version)}`, formatSchemaJson(versionSchema(vv, { since, values })));
    }
  }
  files.set("schemas/butane.json", formatSchemaJson(dispatcherSchema(all)));
  files.set("schemas/ignition.json", formatSchemaJson(ignitionDispatcherSchema(IGNITION_SPECS.map((s) => s.version))));
  return { files, undocumented: [...undocumented].sort() };
}

export { BUTANE_FIELDS };
