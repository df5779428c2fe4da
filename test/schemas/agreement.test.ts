// The generated Butane schemas against the compiler, over every conformance input:
// a config the compiler translates without complaint must validate, and a config it
// refuses for a reason a schema can express (a type mismatch, an unknown key, a value
// outside an enumeration, a bad variant or version, a field the variant does not
// support at all) must not. Inputs refused only for
// semantic reasons (a relative path, a missing files directory, …) are counted but
// cannot disagree. The YAML is read with the `yaml` package (YAML 1.2), as
// yaml-language-server reads it.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import { parseDocument } from "yaml";
import { translate } from "../../src/api/translate";
import { SUPPORT } from "../../src/butane/messages";
import { caseDirs, CONFORMANCE_CASES, haveShared } from "../shared";

const root = join(__dirname, "../..");
const hasCases = haveShared("schema agreement over the conformance inputs", "conformance/cases");

/** Where the schemas are "retrieved" from: their relative references resolve against it, as in an editor. */
const BASE = "https://schemas.example/";

/** Compiles schemas/butane.json with every per-version schema it refers to. */
export function butaneValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const dir = join(root, "schemas/butane");
  for (const f of readdirSync(dir).sort()) ajv.addSchema({ ...JSON.parse(readFileSync(join(dir, f), "utf8")), $id: `${BASE}butane/${f}` });
  return ajv.compile({ ...JSON.parse(readFileSync(join(root, "schemas/butane.json"), "utf8")), $id: `${BASE}butane.json` });
}

/** Messages of refusals a schema expresses: types, unknown keys, enumerations, the header. */
const SCHEMA_LEVEL: readonly RegExp[] = [
  /cannot unmarshal !!/, // yaml.v3's type errors (not "json: …" inside an embedded Ignition config)
  /^unused key /, // only where the key is in this document, see located()
  /^error parsing variant/,
  /^error parsing version/,
  /^No translator exists/,
  /variant has been removed/,
  /^invalid filesystem format$/,
  /^invalid compression method$/,
  /^unrecognized raid level$/,
  /^unsupported clevis pin$/,
  /^layout must be one of/,
  /^must be empty, "default", or "realtime"$/,
];

/**
 * What a variant's field filters say, with the key each refuses: such an error is one
 * the schema can express when it is reported at that key (not when sugar such as
 * `grub.users` expanded into the refused Ignition field).
 */
const REFUSED_FIELD: ReadonlyMap<string, string> = new Map([
  [SUPPORT.clevisSupport.message, "clevis"],
  [SUPPORT.cexNotSupported.message, "cex"],
  [SUPPORT.generalKernelArgumentSupport.message, "kernel_arguments"],
  [SUPPORT.diskSupport.message, "disks"],
  [SUPPORT.filesystemSupport.message, "filesystems"],
  [SUPPORT.luksSupport.message, "luks"],
  [SUPPORT.raidSupport.message, "raid"],
  [SUPPORT.groupSupport.message, "groups"],
  [SUPPORT.userFieldSupport.message, "users"],
  [SUPPORT.directorySupport.message, "directories"],
  [SUPPORT.linkSupport.message, "links"],
  [SUPPORT.fileAppendSupport.message, "append"],
  [SUPPORT.fileCompressionSupport.message, "compression"],
  [SUPPORT.fileHeaderSupport.message, "http_headers"],
  [SUPPORT.kernelArgumentSupport.message, "kernel_arguments"],
]);

type Verdict = "valid" | "schema-level" | "semantic" | "yaml";

interface Case {
  name: string;
  verdict: Verdict;
  reasons: string[];
  json?: unknown;
}

/** Whether a report path ("$.a.0.b") names a key of the document (not of an embedded config). */
function located(json: unknown, path: string): boolean {
  let node = json;
  for (const part of path.split(".").slice(1)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

function classify(name: string, text: string): Case {
  // Merge keys stay keys: Butane merges them but also warns "unused key <<", so the
  // schema sees them as the unknown keys they are to Butane's key check.
  const doc = parseDocument(text, { merge: false, uniqueKeys: true });
  const r = translate(text);
  let json: unknown;
  try {
    json = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: -1 });
  } catch (e) {
    return { name, verdict: "yaml", reasons: [(e as Error).message] };
  }
  const messages = r.report
    .filter((d) => !/^unused key /.test(d.message) || located(json, d.path))
    .map((d) => (REFUSED_FIELD.has(d.message) && d.path.split(".").includes(REFUSED_FIELD.get(d.message)!) ? `refused field: ${d.message}` : d.message))
    .concat(r.error ? [r.error] : []);
  if (doc.errors.length > 0) return { name, verdict: "yaml", reasons: doc.errors.map((e) => e.message) };
  const schemaLevel = messages.filter((m) => SCHEMA_LEVEL.some((re) => re.test(m)) || m.startsWith("refused field: "));
  if (schemaLevel.length) return { name, verdict: "schema-level", reasons: schemaLevel, json };
  const errors = r.report.filter((d) => d.severity === "error").map((d) => d.message);
  if (r.error !== undefined || errors.length) return { name, verdict: "semantic", reasons: errors.length ? errors : [r.error!], json };
  return { name, verdict: "valid", reasons: [], json };
}

function conformanceCases(): Case[] {
  const out: Case[] = [];
  for (const dir of caseDirs(CONFORMANCE_CASES)) out.push(classify(relative(CONFORMANCE_CASES, dir), readFileSync(join(dir, "input.bu"), "utf8")));
  return out;
}

describe.skipIf(!hasCases)("Butane schemas agree with the compiler on the conformance inputs", () => {
  it("accepts every valid input and rejects every schema-level refusal", () => {
    const validate = butaneValidator();
    const cases = conformanceCases();
    const tally = { valid: [0, 0], "schema-level": [0, 0], semantic: [0, 0], yaml: [0, 0] } as Record<Verdict, [number, number]>;
    const disagreements: string[] = [];
    for (const c of cases) {
      if (c.verdict === "yaml") {
        tally.yaml[1]++;
        continue;
      }
      const ok = validate(c.json) as boolean;
      tally[c.verdict][ok ? 0 : 1]++;
      if (c.verdict === "valid" && !ok) disagreements.push(`${c.name}: compiler accepts, schema rejects: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      if (c.verdict === "schema-level" && ok) disagreements.push(`${c.name}: compiler refuses (${c.reasons.join("; ")}), schema accepts`);
    }
    console.log(
      [
        `Butane schema agreement over ${cases.length} conformance inputs (schema accepted / rejected):`,
        `  valid for the compiler:             ${tally.valid[0]} / ${tally.valid[1]}`,
        `  refused for type/key/enum/header/refused field: ${tally["schema-level"][0]} / ${tally["schema-level"][1]}`,
        `  refused for semantic reasons:       ${tally.semantic[0]} / ${tally.semantic[1]} (not a disagreement either way)`,
        `  not YAML the editor's parser reads: ${tally.yaml[1]} (skipped)`,
        `  disagreements:                      ${disagreements.length}`,
      ].join("\n"),
    );
    expect(disagreements).toEqual([]);
    // The corpus really exercises both sides.
    expect(tally.valid[0]).toBeGreaterThan(300);
    expect(tally["schema-level"][1]).toBeGreaterThan(150);
  });
});

/** Compiles schemas/ignition.json with the per-version Ignition schemas. */
function ignitionValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const f of readdirSync(join(root, "schemas")).filter((f) => /^ignition-v.*\.json$/.test(f)).sort()) {
    ajv.addSchema({ ...JSON.parse(readFileSync(join(root, "schemas", f), "utf8")), $id: `${BASE}${f}` });
  }
  return ajv.compile({ ...JSON.parse(readFileSync(join(root, "schemas/ignition.json"), "utf8")), $id: `${BASE}ignition.json` });
}

describe.skipIf(!hasCases)("schemas/ignition.json (for *.ign files) dispatches on ignition.version", () => {
  it("accepts every Ignition config the reference produced and rejects wrong versions and types", () => {
    const validate = ignitionValidator();
    let accepted = 0;
    const rejected: string[] = [];
    for (const dir of caseDirs(CONFORMANCE_CASES)) {
      const out = join(dir, "expected.out");
      if (!existsSync(out) || readFileSync(join(dir, "expected.code"), "utf8").trim() !== "0") continue;
      const text = readFileSync(out, "utf8");
      if (!text.trimStart().startsWith("{")) continue; // OpenShift MachineConfigs are YAML
      if (validate(JSON.parse(text))) accepted++;
      else rejected.push(`${relative(CONFORMANCE_CASES, dir)}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
    }
    console.log(`Ignition dispatcher: ${accepted} reference outputs accepted, ${rejected.length} rejected`);
    expect(rejected).toEqual([]);
    expect(accepted).toBeGreaterThan(300);
    expect(validate({ ignition: { version: "3.4.0" } })).toBe(true);
    expect(validate({ ignition: { version: "3.9.0" } })).toBe(false);
    expect(validate({ ignition: { version: "3.4.0" }, storage: { files: "x" } })).toBe(false);
    expect(validate({ ignition: { version: "3.0.0" }, passwd: { users: [{ name: 1 }] } })).toBe(false);
  });
});
