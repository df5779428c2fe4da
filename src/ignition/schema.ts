// Schema validation of an Ignition config against our generated JSON Schemas, with the
// validators compiled ahead of time (no schema compilation, eval or Function at run time).

import type { PathPart, ReportEntry } from "../core/report";
import type { SpecVersion } from "./spec/model";
import { versionSlug } from "./spec/slug";
import * as validators from "./generated/validators.js";
import { IGNITION_TEMPLATES as T } from "./validate/messages";
import type { SchemaError, SchemaValidator } from "./generated/validators.js";

export { versionSlug };

const byName = validators as unknown as Record<string, SchemaValidator>;

/** The precompiled validator of a spec version's schema. */
export function schemaValidator(spec: SpecVersion): SchemaValidator {
  const v = byName[`validate_v${versionSlug(spec.version)}`];
  if (!v) throw new Error(`no schema validator for Ignition ${spec.version}`);
  return v;
}

function pathParts(instancePath: string): PathPart[] {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((p) => {
      const s = p.replace(/~1/g, "/").replace(/~0/g, "~");
      return /^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s;
    });
}

function typeText(t: unknown): string {
  return (Array.isArray(t) ? t : [t]).join(" or ");
}

/** Schema errors of a value as report entries (paths relative to the config root). */
export function validateSchema(value: unknown, spec: SpecVersion): ReportEntry[] {
  const validate = schemaValidator(spec);
  if (validate(value)) return [];
  const errors: SchemaError[] = validate.errors ?? [];
  // Nullable structs are `anyOf: [null, $ref]`: report the object branch as "object or null".
  const nullable = new Set<string>();
  for (const e of errors) if (e.keyword === "anyOf") nullable.add(e.instancePath);
  const out: ReportEntry[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === "anyOf") continue;
    // The null branch of a nullable struct's anyOf.
    if (e.keyword === "type" && e.params.type === "null") continue;
    let m: { code: string; message: string };
    const path = pathParts(e.instancePath);
    if (e.keyword === "type") {
      m = T.schemaType(typeText(e.params.type) + (nullable.has(e.instancePath) ? " or null" : ""));
    } else if (e.keyword === "required") {
      m = T.schemaRequired(String(e.params.missingProperty));
    } else {
      m = T.schemaOther(e.message ?? `does not match schema keyword ${e.keyword}`);
    }
    const { message, code } = m;
    const key = e.instancePath + "\0" + message;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ severity: "error", message, path, tag: "json", code });
  }
  return out;
}
