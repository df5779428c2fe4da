// Everything scripts/gen-butane-schemas.mjs writes, computed from the variant registry:
// schemas/butane/<variant>-<version>.json for every registered variant version and
// the dispatcher schemas/butane.json; and schemas/ignition.json, which picks the
// Ignition schema (written by scripts/gen-schemas.mjs) by `ignition.version`. Enumerated values are asked of the compiler:
// each candidate from the documentation table is translated in a minimal config and
// kept when no error lands on that field.

import { listVariants, translate } from "../api/translate";
import { registerShippedVariants } from "../variants-ext/register";
import type { VariantVersion } from "../butane/variants/define";
import { BUTANE_FIELDS, fieldDoc } from "./butane-fields";
import { formatSchemaJson } from "./json-format";
import { IGNITION_SPECS } from "../ignition/spec/index";
import { type Refusal, dispatcherSchema, ignitionDispatcherSchema, fieldPaths, groupByVariant, probeDocument, schemaFileName, sinceTable, versionSchema } from "./butane-schema";

/**
 * Fields a variant refuses whatever their value (its field filters: r4e has no
 * `storage.disks`, OpenShift no `storage.links`, …). Each field is set to a few
 * non-empty values in a minimal config; it is refused when every value draws an
 * error, at the field or a parent, that the same config does not draw in an
 * unrestricted version of the same Ignition spec (a version without filters or
 * wrapper, e.g. fcos). Values that some check accepts (`name: core` for OpenShift
 * users) show the field is merely checked, not refused.
 */
registerShippedVariants(); // acos and any other variant the package ships beyond the reference's

export function refusedFields(vv: VariantVersion, all: readonly VariantVersion[]): Map<string, Refusal> {
  const known = refusedCache.get(vv);
  if (known) return known;
  const refused = new Map<string, Refusal>();
  refusedCache.set(vv, refused);
  if (vv.filters.length === 0 && !vv.wrapper) return refused;
  const spec = vv.base.features.spec.version;
  const reference = all.find((x) => x.filters.length === 0 && !x.wrapper && x.base.features.spec.version === spec);
  if (!reference) return refused;
  const prelude = PROBE_PRELUDE[vv.variant] ?? {};
  const refPaths = fieldPaths(reference);
  const errorsNear = (target: VariantVersion, path: string, value: Json): Set<string> => {
    const key = `${target.variant} ${target.version}|${JSON.stringify(prelude)}|${path}|${JSON.stringify(value)}`;
    const hit = probeCache.get(key);
    if (hit) return hit;
    const { doc, at } = probeDocument(target, path, value, prelude);
    const r = translate(JSON.stringify(doc));
    const found = new Set<string>();
    for (const d of r.report) {
      const tail = d.severity === "error" ? aboutField(d.path, at) : undefined;
      if (tail !== undefined) found.add(`${tail}\u0000${d.message}`);
    }
    probeCache.set(key, found);
    return found;
  };
  for (const [path, t] of fieldPaths(vv)) {
    if (path === "variant" || path === "version" || !refPaths.has(path)) continue;
    if ([...refused.keys()].some((r) => path.startsWith(r + "."))) continue;
    const probes = t.k === "prim" ? PROBE_VALUES[t.p] : t.k === "list" ? (t.elem.k === "prim" ? [[PROBE_VALUES[t.elem.p]![0]!]] : [[{}]]) : undefined;
    if (!probes) continue;
    let message: string | undefined;
    for (const value of probes) {
      const mine = errorsNear(vv, path, value);
      const theirs = errorsNear(reference, path, value);
      const fresh = [...mine].filter((e) => !theirs.has(e));
      if (fresh.length === 0) {
        message = undefined;
        break;
      }
      message ??= fresh[0]!.split("\u0000")[1];
    }
    if (message === undefined) continue;
    // Is a present-but-zero value ("", 0, false) still fine? (Go's emptiness; OpenShift 4.8 lets `compression: ""` through.)
    const zero = t.k === "prim" ? (t.p === "string" ? "" : t.p === "int" || t.p === "float" ? 0 : false) : undefined;
    const zeroOk = zero !== undefined && [...errorsNear(vv, path, zero)].every((e) => errorsNear(reference, path, zero).has(e));
    refused.set(path, { message, zeroOk });
  }
  return refused;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * Whether an error at `errorPath` is about the field at `fieldPath` or a parent of it:
 * the error's path ends in one of the field's ancestors-or-self, which is returned. (A
 * wrapped config's error may keep its path in the wrapper document, e.g.
 * `$.spec.config.storage.links`.)
 */
function aboutField(errorPath: string, fieldPath: string): string | undefined {
  if (errorPath === "$") return undefined;
  const e = errorPath.slice(2).split("."), f = fieldPath.slice(2).split(".");
  for (let o = 0; o < e.length; o++) {
    const tail = e.slice(o);
    if (tail.length <= f.length && tail.every((part, i) => part === f[i])) return tail.join(".");
  }
  return undefined;
}

const refusedCache = new WeakMap<VariantVersion, Map<string, Refusal>>();
const probeCache = new Map<string, Set<string>>();

/** Non-empty values to try per type; a list gets one element (an empty struct, or the first value here). */
const PROBE_VALUES: Readonly<Record<"string" | "int" | "float" | "bool", readonly Json[]>> = {
  string: ["x", "core", "/x", "data:,x", "ext4"],
  int: [1, 420],
  float: [0.5],
  bool: [true],
};

/**
 * What a variant needs in a config for its field filters to be reached (the checks
 * before them must pass): OpenShift wants the MachineConfig's name and role, and users
 * named `core`.
 */
const PROBE_PRELUDE: Readonly<Record<string, { [k: string]: Json }>> = {
  openshift: {
    metadata: { name: "probe", labels: { "machineconfiguration.openshift.io/role": "worker" } },
    passwd: { users: [{ name: "core" }] },
  },
};

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
      const refused = refusedFields(vv, all);
      files.set(`schemas/${schemaFileName(vv.variant, vv.version)}`, formatSchemaJson(versionSchema(vv, { since, values, refused })));
    }
  }
  files.set("schemas/butane.json", formatSchemaJson(dispatcherSchema(all)));
  files.set("schemas/ignition.json", formatSchemaJson(ignitionDispatcherSchema(IGNITION_SPECS.map((s) => s.version))));
  return { files, undocumented: [...undocumented].sort() };
}

export { BUTANE_FIELDS };
