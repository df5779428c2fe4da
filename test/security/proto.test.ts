// Keys such as __proto__, constructor and prototype are data like any other: they
// never reach an object's prototype, and the output holds exactly what the input said
// (SECURITY.md). One test per place that turns input keys into objects.
import { afterEach, describe, expect, test } from "vitest";
import { parse as parseYamlValue } from "yaml";
import { memoryFileSystem } from "../../src/fs/memory-fs";
import { mergeConfigs } from "../../src/ignition/merge";
import { getIgnitionSpec, validateIgnition } from "../../src/ignition/index";
import { Decoder, typeDesc } from "../../src/parse/decode";
import { translate } from "../../src/api/translate";
import { emitYaml, parseYaml } from "../../src/yaml";
import { listVariants } from "../../src/api/translate";

const KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

afterEach(() => {
  // Nothing leaked into the prototypes every object shares.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
  expect(typeof Object.prototype.toString).toBe("function");
});

describe("prototype keys in input", () => {
  test("YAML: unknown keys are only warned about, at every level and through merges", () => {
    const doc = [
      "variant: fcos",
      "version: 1.5.0",
      ...KEYS.map((k) => `${k}: {polluted: true}`),
      "storage:",
      "  files:",
      "    - path: /x",
      ...KEYS.map((k) => `      ${k}: {polluted: true}`),
      "      <<: {__proto__: {polluted: true}, mode: 0644}",
    ].join("\n");
    const r = translate(doc);
    expect(r.error).toBeUndefined();
    expect(r.output).toBe('{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/x","mode":420}]}}\n');
    expect(r.report.map((d) => d.message)).toEqual([...KEYS, ...KEYS, "<<"].map((k) => `unused key ${k}`));
    expect(Object.getPrototypeOf(r.config)).toBe(Object.prototype);
  });

  test("the decoder: struct fields come from the schema, never from the key text", () => {
    const fcos = listVariants().find((v) => v.variant === "fcos" && v.version === "1.5.0")!;
    const cfg = new Decoder().decodeDocument(parseYaml("__proto__: {storage: 1}\nconstructor: x\nvariant: fcos\n"), typeDesc(fcos.schema, "Config")) as object;
    expect(Object.keys(cfg)).toEqual(["variant"]);
    expect(Object.getPrototypeOf(cfg)).toBe(Object.prototype);
  });

  test("OpenShift labels (a string map): the keys are kept exactly, in the MachineConfig and with merges", () => {
    const doc = [
      "variant: openshift",
      "version: 4.14.0",
      "metadata:",
      "  name: x",
      "  labels:",
      "    machineconfiguration.openshift.io/role: worker",
      ...KEYS.map((k) => `    ${k}: v-${k}`),
      "    <<: {__proto__: merged-ignored, extra: from-merge}",
    ].join("\n");
    const r = translate(doc);
    expect(r.error).toBeUndefined();
    const mc = parseYamlValue(r.output!, { merge: false }) as { metadata: { labels: Record<string, string> } };
    const labels = mc.metadata.labels;
    expect(Object.keys(labels).sort()).toEqual(["machineconfiguration.openshift.io/role", ...KEYS, "extra"].sort());
    for (const k of KEYS) expect(Object.getOwnPropertyDescriptor(labels, k)?.value).toBe(`v-${k}`);
    expect(labels.extra).toBe("from-merge");
    expect(r.output).toContain("    __proto__: v-__proto__\n");
  });

  test("Ignition JSON: validateIgnition reports the keys as unknown, from text and from a parsed object", () => {
    const text = JSON.stringify({ ignition: { version: "3.4.0" }, storage: { files: [{ path: "/x" }] } }).replace('"storage"', '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"storage"').replace('{"path":"/x"}', '{"path":"/x","__proto__":{"mode":493}}');
    const fromText = validateIgnition(text, { unusedKeys: "warning" });
    expect(fromText.valid).toBe(true);
    expect(fromText.report.map((d) => `${d.path}: ${d.message}`)).toEqual([
      "$.__proto__: unused key __proto__",
      "$.constructor: unused key constructor",
      "$.storage.files.0.__proto__: unused key __proto__",
    ]);
    const fromObject = validateIgnition(JSON.parse(text), { unusedKeys: "warning" });
    expect(fromObject.report.map((d) => `${d.path}: ${d.message}`)).toEqual(fromText.report.map((d) => `${d.path}: ${d.message}`));
  });

  test("an embedded Ignition config with such keys is embedded as written", () => {
    const inline = '{"ignition":{"version":"3.4.0"},"__proto__":{"polluted":true}}';
    const r = translate(`variant: fcos\nversion: 1.5.0\nignition:\n  config:\n    merge:\n      - inline: '${inline}'\n`);
    expect(r.error).toBeUndefined();
    expect(r.report.map((d) => d.message)).toEqual(["unused key __proto__"]);
    const url = (r.config as { ignition: { config: { merge: Array<{ source: string }> } } }).ignition.config.merge[0]!.source;
    expect(Buffer.from(url.slice("data:;base64,".length), "base64").toString()).toBe(inline);
  });

  test("Ignition merge copies only the spec's fields", () => {
    const spec = getIgnitionSpec("3.4.0")!;
    const parent = JSON.parse('{"ignition":{"version":"3.4.0"},"__proto__":{"polluted":true},"storage":{"files":[{"path":"/a","__proto__":{"polluted":true}}]}}');
    const child = JSON.parse('{"constructor":{"prototype":{"polluted":true}},"storage":{"files":[{"path":"/a","mode":420}]}}');
    const { result } = mergeConfigs(parent, child, spec);
    expect(JSON.stringify(result)).toBe('{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/a","mode":420}]}}');
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  test("the YAML emitter writes such keys as keys", () => {
    const value = JSON.parse('{"__proto__":{"a":1},"constructor":"c","b":[{"prototype":true}]}');
    expect(emitYaml(value)).toBe("__proto__:\n  a: 1\nb:\n  - prototype: true\nconstructor: c");
  });

  test("in-memory files directories: such names are ordinary file names", () => {
    const files = JSON.parse('{"__proto__":"proto file\\n","constructor":"ctor\\n","dir/prototype":"p\\n"}');
    const fs = memoryFileSystem(files, { root: "files" });
    expect(new TextDecoder().decode(fs.readFile("files/__proto__"))).toBe("proto file\n");
    expect(fs.readDir!("files")).toEqual(["__proto__", "constructor", "dir"]);
    const r = translate("variant: fcos\nversion: 1.5.0\nstorage:\n  trees:\n    - local: .\n      path: /t\n", { filesDir: "files", readFile: fs });
    expect(r.error).toBeUndefined();
    expect((r.config as { storage: { files: Array<{ path: string }> } }).storage.files.map((f) => f.path)).toEqual(["/t/__proto__", "/t/constructor", "/t/dir/prototype"]);
  });
});
