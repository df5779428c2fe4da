// Our generated schemas (as shipped: the precompiled validators, and the JSON files
// compiled afresh) must accept and reject exactly the documents Ignition's own draft-04
// schemas do. Documents: the Ignition configs the reference butane produced in the
// conformance recordings (OpenShift MachineConfigs contribute their spec.config), random
// configs of every spec version, and systematic type-level mutations of both.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { parse as parseYaml } from "yaml";
import { IGNITION_SPECS } from "../../src/ignition/spec/index";
import type { SpecVersion } from "../../src/ignition/spec/model";
import { schemaValidator, versionSlug } from "../../src/ignition/schema";
import { haveShared } from "../shared";
import { randomConfig, rng, schemaMutations, type Json } from "./corpus";

const root = join(__dirname, "../..");
const shared = join(root, "../shared");
const refDir = join(shared, "reference/ignition-schemas");
const casesDir = join(shared, "conformance/cases");
const haveReference = haveShared("schema agreement with Ignition's own schemas", "reference/ignition-schemas", "conformance/cases");

/** Ignition's draft-04 schemas use nothing draft-07 reads differently; only $schema goes. */
function loadReference(slug: string): object {
  const s = JSON.parse(readFileSync(join(refDir, `ignition-v${slug}.json`), "utf8"));
  delete s.$schema;
  return s;
}

/** The Ignition configs recorded as the reference butane's successful outputs. */
function conformanceConfigs(): { name: string; config: Json }[] {
  const out: { name: string; config: Json }[] = [];
  for (const group of readdirSync(casesDir)) {
    if (!statSync(join(casesDir, group)).isDirectory()) continue;
    for (const name of readdirSync(join(casesDir, group))) {
      const dir = join(casesDir, group, name);
      if (!statSync(dir).isDirectory() || !existsSync(join(dir, "expected.out")) || readFileSync(join(dir, "expected.code"), "utf8").trim() !== "0") continue;
      const text = readFileSync(join(dir, "expected.out"), "utf8");
      if (!text.trim()) continue;
      let config: Json;
      if (text.trimStart().startsWith("{")) config = JSON.parse(text);
      else {
        const mc = parseYaml(text) as { spec?: { config?: Json } };
        if (!mc?.spec?.config) continue;
        config = mc.spec.config;
      }
      out.push({ name: `${group}/${name}`, config });
    }
  }
  return out;
}

function versionOf(doc: Json): SpecVersion | undefined {
  const v = (doc as { ignition?: { version?: unknown } } | null)?.ignition?.version;
  return IGNITION_SPECS.find((s) => s.version === v);
}

describe.skipIf(!haveReference)("schema agreement with Ignition's own schemas", () => {
  // A skipped describe still runs its body to collect tests; the materials are absent.
  if (!haveReference) return;
  const ajv = new Ajv({ allErrors: false, strict: false });
  const reference = new Map<string, (d: unknown) => boolean>();
  const ours = new Map<string, (d: unknown) => boolean>();
  for (const spec of IGNITION_SPECS) {
    const slug = versionSlug(spec.version);
    reference.set(spec.version, ajv.compile(loadReference(slug)));
    ours.set(spec.version, ajv.compile(JSON.parse(readFileSync(join(root, `schemas/ignition-v${slug}.json`), "utf8"))));
  }

  // Build the corpus.
  const docs: { name: string; doc: Json; spec: SpecVersion }[] = [];
  const seeds = conformanceConfigs();
  const r = rng(42);
  for (const { name, config } of seeds) {
    const spec = versionOf(config);
    if (!spec) continue;
    docs.push({ name, doc: config, spec });
    schemaMutations(spec, config as { [k: string]: Json }, r, 3).forEach((d, i) => docs.push({ name: `${name}#m${i}`, doc: d, spec }));
  }
  IGNITION_SPECS.forEach((spec, vi) => {
    for (let i = 0; i < 20; i++) {
      const cfg = randomConfig(spec, rng(7000 + 100 * vi + i), 0.5);
      docs.push({ name: `random ${spec.version} #${i}`, doc: cfg, spec });
      schemaMutations(spec, cfg, r, 12).forEach((d, k) => docs.push({ name: `random ${spec.version} #${i}m${k}`, doc: d, spec }));
    }
  });

  it("covers at least 2,000 documents across all eight versions", () => {
    expect(seeds.length).toBeGreaterThan(400);
    expect(docs.length).toBeGreaterThanOrEqual(2000);
    for (const spec of IGNITION_SPECS) expect(docs.some((d) => d.spec === spec)).toBe(true);
  });

  it("accepts and rejects exactly what Ignition's schemas do, for every version", () => {
    const disagreements: string[] = [];
    let valid = 0;
    let invalid = 0;
    for (const { name, doc, spec } of docs) {
      // Each document is checked against its own version and every other one.
      for (const other of IGNITION_SPECS) {
        const want = reference.get(other.version)!(doc);
        const gotCompiled = schemaValidator(other)(doc);
        const gotJson = ours.get(other.version)!(doc);
        if (other === spec) (want ? valid++ : invalid++);
        if (want !== gotCompiled || want !== gotJson) {
          disagreements.push(`${name} against ${other.version}: ignition=${want} ours=${gotCompiled}/${gotJson}: ${JSON.stringify(doc).slice(0, 300)}`);
        }
      }
    }
    console.log(`schema agreement: ${docs.length} documents x ${IGNITION_SPECS.length} versions; own-version valid ${valid}, invalid ${invalid}`);
    expect(disagreements.slice(0, 10)).toEqual([]);
    // The corpus exercises both outcomes.
    expect(valid).toBeGreaterThan(500);
    expect(invalid).toBeGreaterThan(500);
  });
});
