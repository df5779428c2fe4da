#!/usr/bin/env node
// Generates the Ignition schemas and types (scripts/gen-schemas.mjs), then compiles each
// schema ahead of time with ajv's standalone code generation (ajv-formats loaded), into
//   src/ignition/generated/validators.js    one validate function per spec version
//   src/ignition/generated/validators.d.ts  its declarations
// so that nothing compiles a schema at run time: no eval/new Function, usable under a
// strict Content-Security-Policy and in the browser bundle. Run by scripts/build.mjs;
// `--check [--root DIR]` compares instead of writing (see scripts/gen-files.mjs).
import Ajv from "ajv";
import addFormats from "ajv-formats";
import standaloneCode from "ajv/dist/standalone/index.js";
import { createHash } from "node:crypto";
import { finish, genArgs } from "./gen-files.mjs";
import { generateAll, versionSlug } from "./gen-schemas.mjs";

const args = genArgs();
const { specs, files } = await generateAll();

const ajv = new Ajv({
  code: { source: true, esm: true, lines: false },
  allErrors: true,
  strict: true,
  // One function per definition, called by reference: keeps the generated code small.
  inlineRefs: false,
  // Messages are made from keyword and params (src/ignition/schema.ts).
  messages: false,
});
addFormats(ajv);

// The versions share most definitions. Each definition becomes its own schema whose id
// is a hash of its content (with its references already rewritten to such ids), so a
// definition identical across versions is compiled once. Validation is unchanged: the
// same keywords, only addressed by id instead of by JSON pointer.
const byHash = new Map();
function splitDefinitions(schema) {
  const defs = schema.definitions ?? {};
  const ids = new Map();
  const idOf = (name) => {
    if (ids.has(name)) return ids.get(name);
    ids.set(name, null); // cycle guard (the spec tables have no recursive structs)
    const body = rewrite(defs[name]);
    const id = "urn:butane-ts:ignition-def:" + name + ":" + createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 12);
    if (!byHash.has(id)) byHash.set(id, { $id: id, ...body });
    ids.set(name, id);
    return id;
  };
  const rewrite = (node) => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== "object") return node;
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string" && v.startsWith("#/definitions/")) out.$ref = idOf(v.slice("#/definitions/".length));
      else out[k] = rewrite(v);
    }
    return out;
  };
  const { definitions: _defs, $schema: _s, title: _t, description: _d, ...rootBody } = schema;
  return rewrite(rootBody);
}

const exportsMap = {};
const roots = [];
for (const spec of specs) {
  const slug = versionSlug(spec.version);
  const schema = JSON.parse(files.get(`schemas/ignition-v${slug}.json`));
  roots.push(splitDefinitions(schema));
  exportsMap[`validate_v${slug}`] = schema.$id;
}
for (const def of byHash.values()) ajv.addSchema(def);
for (const root of roots) ajv.addSchema(root);
let code = standaloneCode(ajv, exportsMap);
// The generated code keeps each schema as a constant only to read error params from it
// (e.g. `params:{type: schema10.properties.hash.type}`); inline those values instead, so
// loading the module evaluates no schema objects.
{
  const consts = new Map();
  code = code.replace(/const (schema\d+) = (\{.*?\});(?=const |function |export )/g, (_, name, json) => {
    consts.set(name, JSON.parse(json));
    return "";
  });
  code = code.replace(/\b(schema\d+)((?:\.[A-Za-z_$][\w$]*|\[\d+\])+)/g, (all, name, path) => {
    if (!consts.has(name)) return all;
    let v = consts.get(name);
    for (const m of path.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) v = v?.[m[1] ?? Number(m[2])];
    if (v === undefined) throw new Error(`gen-validators: cannot inline ${all}`);
    return JSON.stringify(v);
  });
  const left = code.match(/\bschema\d+\b/);
  if (left) throw new Error(`gen-validators: schema constant ${left[0]} still referenced`);
}
// Shorter code, same behaviour: every error is collected through one helper, and the
// schemaPath of errors (unused by src/ignition/schema.ts) is left out.
{
  let n = 0;
  code = code.replace(
    /const (err\d+) = (\{instancePath[^;]*?\}\});if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}errors\+\+;/g,
    (_, _name, obj) => {
      n++;
      return `vErrors = addError(vErrors, ${obj});errors++;`;
    },
  );
  const left = (code.match(/if\(vErrors === null\)/g) ?? []).length;
  if (n === 0 || left !== 0) throw new Error(`gen-validators: unexpected error-collection code (${n} rewritten, ${left} left)`);
  code = code.replace(/,schemaPath:"[^"]*"/g, "");
  code = code.replace(/\/\*# sourceURL="[^"]*" \*\/;?/g, "");
  if (/schemaPath/.test(code)) throw new Error("gen-validators: unexpected schemaPath form");
  // Nested validators only need the instance path (no $data or dynamic refs here):
  // pass it positionally instead of in a fresh options object per call.
  const calls = (code.match(/\{instancePath:[^{},]*,parentData:[^{},]*,parentDataProperty:[^{},]*,rootData\}/g) ?? []).length;
  code = code.replace(/\{instancePath:([^{},]*),parentData:[^{},]*,parentDataProperty:[^{},]*,rootData\}/g, "$1");
  code = code.replace(/\(data, \{instancePath="", parentData, parentDataProperty, rootData=data\}=\{\}\)/g, '(data, instancePath="")');
  if (calls === 0 || /parentData|rootData/.test(code)) throw new Error("gen-validators: unexpected validator call form");
  code = code.replace(/^"use strict";/, '"use strict";function addError(list, e) { if (list === null) return [e]; list.push(e); return list; }');
}
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
  "  schemaPath?: string;",
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

finish("gen-validators", files, args);
