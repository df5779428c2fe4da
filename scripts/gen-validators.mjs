#!/usr/bin/env node
// Generates the Ignition schemas and types (scripts/gen-schemas.mjs), then compiles each
// schema ahead of time with ajv's standalone code generation (ajv-formats loaded), into
//   src/ignition/generated/validators.js    one validate function per spec version
//   src/ignition/generated/validators.d.ts  its declarations
// so that nothing compiles a schema at run time: no eval/new Function, usable under a
// strict Content-Security-Policy and in the browser bundle. Run by scripts/build.mjs.
import Ajv from "ajv";
import addFormats from "ajv-formats";
import standaloneCode from "ajv/dist/standalone/index.js";
import { generateAll, versionSlug, writeFiles } from "./gen-schemas.mjs";

const check = process.argv.includes("--check");
const { specs, files } = await generateAll();

const ajv = new Ajv({
  code: { source: true, esm: true, lines: false },
  allErrors: true,
  strict: true,
  // One function per definition, called by reference: keeps the generated code small.
  inlineRefs: false,
});
addFormats(ajv);
const exportsMap = {};
for (const spec of specs) {
  const slug = versionSlug(spec.version);
  const schema = JSON.parse(files.get(`schemas/ignition-v${slug}.json`));
  ajv.addSchema(schema);
  exportsMap[`validate_v${slug}`] = schema.$id;
}
let code = standaloneCode(ajv, exportsMap);
if (/\brequire\(/.test(code)) throw new Error("gen-validators: generated code needs runtime helpers (require); keep schemas to plain keywords");
code =
  "// Ignition schema validators, compiled ahead of time by scripts/gen-validators.mjs\n" +
  "// (ajv standalone code) from schemas/ignition-v3_*.json. Do not edit.\n" +
  "/* eslint-disable */\n" +
  code +
  "\n";
files.set("src/ignition/generated/validators.js", code);

const dts = [
  "// Declarations of the precompiled Ignition schema validators. Generated; do not edit.",
  "export interface SchemaError {",
  "  instancePath: string;",
  "  schemaPath: string;",
  "  keyword: string;",
  "  params: Record<string, unknown>;",
  "  message?: string;",
  "}",
  "export interface SchemaValidator {",
  "  (data: unknown): boolean;",
  "  errors?: SchemaError[] | null;",
  "}",
  ...Object.keys(exportsMap).map((k) => `export declare const ${k}: SchemaValidator;`),
  "",
].join("\n");
files.set("src/ignition/generated/validators.d.ts", dts);

const stale = writeFiles(files, check);
if (check && stale.length) {
  console.error(`gen-validators: stale generated files:\n  ${stale.join("\n  ")}`);
  process.exit(1);
}
