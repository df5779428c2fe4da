#!/usr/bin/env node
// Generates the Butane JSON Schemas from the variant registry (src/schemas/generate.ts):
//   schemas/butane/<variant>-<version>.json   one per registered variant version
//   schemas/butane.json                       dispatches on variant + version
//   schemas/ignition.json                     dispatches on ignition.version (for *.ign)
// Output is deterministic; rerun after adding or changing a variant version.
//
// Usage: node scripts/gen-butane-schemas.mjs [--check [--root DIR]]
//   --check: write nothing; fail naming every file that differs from what would be
//            generated (or that is in schemas/butane/ but no longer generated).
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { genArgs, importTs, repoRoot as root, writeFiles } from "./gen-files.mjs";

/**
 * The generated per-version schemas folded into one compact table for the playground's
 * completion and hover (loaded as a virtual module by scripts/build-playground.mjs):
 *   { docs: [markdown…], nodes: [node…], versions: { "fcos 1.6.0": rootNodeIndex } }
 * where a node is { k: "o"|"m"|"a"|"s"|"i"|"b", d?: doc, p?: {key: node}, e?: [values], i?: node, x?: 1 }
 * (object, string map, array, string, integer, boolean; x: the variant refuses the
 * field, it only accepts an empty value). Identical nodes and texts are stored once, so
 * the versions share almost everything.
 */
export function completionTable(schemasDir = join(root, "schemas")) {
  const docs = [], docIndex = new Map();
  const nodes = [], nodeIndex = new Map();
  const doc = (text) => {
    if (!docIndex.has(text)) docIndex.set(text, docs.push(text) - 1);
    return docIndex.get(text);
  };
  const intern = (node) => {
    const key = JSON.stringify(node);
    if (!nodeIndex.has(key)) nodeIndex.set(key, nodes.push(node) - 1);
    return nodeIndex.get(key);
  };
  const fold = (s) => {
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    const n = {};
    if (type === "object" && s.properties) {
      n.k = "o";
      n.p = {};
      for (const [k, v] of Object.entries(s.properties)) n.p[k] = fold(v);
    } else if (type === "object") n.k = "m";
    else if (type === "array") {
      n.k = "a";
      if (s.items) n.i = fold(s.items);
    } else n.k = type === "integer" ? "i" : type === "boolean" ? "b" : "s";
    if (s.maxItems === 0 || s.maxProperties === 0 || (Array.isArray(s.enum) && s.enum.every((v) => v === null || v === "" || v === 0 || v === false))) n.x = 1;
    const text = s.markdownDescription ?? s.description;
    if (text) n.d = doc(text);
    const values = s.enum ?? (s.const !== undefined ? [s.const] : undefined);
    if (values) n.e = values.filter((v) => typeof v === "string");
    return intern(n);
  };
  const versions = {};
  const dir = join(schemasDir, "butane");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  const schemas = files.map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
  // In registry order: variants by name, versions in semver order (as the dispatcher lists them).
  const dispatcher = JSON.parse(readFileSync(join(schemasDir, "butane.json"), "utf8"));
  for (const branch of dispatcher.allOf) {
    const ref = branch.then?.$ref;
    if (!ref) continue;
    const s = schemas[files.indexOf(ref.replace(/^\.\/butane\//, ""))];
    versions[`${s.properties.variant.const} ${s.properties.version.default}`] = fold(s);
  }
  return { docs, nodes, versions };
}

async function main() {
  // --check, and --root DIR to compare against a copy (scripts/gen-files.mjs).
  const { check, root: target } = genArgs();
  const { generateButaneSchemas } = await importTs("src/schemas/generate.ts");
  const { files, undocumented } = generateButaneSchemas();
  if (undocumented.length) {
    console.error(`gen-butane-schemas: fields without documentation in src/schemas/butane-fields.ts:\n  ${undocumented.join("\n  ")}`);
  }
  const stale = writeFiles(files, { check, root: target });
  const dir = join(target, "schemas/butane");
  const extra = existsSync(dir) ? readdirSync(dir).map((f) => `schemas/butane/${f}`).filter((rel) => !files.has(rel)).sort() : [];
  if (check) {
    if (stale.length || extra.length) {
      // The same report as the other generators' (scripts/gen-files.mjs).
      const lines = [...stale.map((f) => (existsSync(join(target, f)) ? f : `${f} (missing)`)), ...extra.map((f) => `${f} (no longer generated)`)];
      console.error(`gen-butane-schemas: generated file(s) differ from what scripts/gen-butane-schemas.mjs produces:\n  ${lines.join("\n  ")}`);
      console.error("Do not edit generated files by hand: change the generator or its inputs, then run node scripts/gen-butane-schemas.mjs");
      process.exit(1);
    }
    return;
  }
  for (const rel of extra) rmSync(join(target, rel));
  if (stale.length || extra.length) console.log(`gen-butane-schemas: wrote ${stale.length} file(s), removed ${extra.length}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
