// Reading the cursor's place in a half-typed Butane document from indentation.
import { describe, expect, test } from "vitest";
import { cursorContext, keyAt, lineTokens, readHeader, siblingKeys } from "../../src/lsp/yaml-context";
import { nodeAtPath, propertiesOf, specTableSchema, valuesOf, docOf, type JsonSchema } from "../../src/lsp/schema";
import { lookupVariant } from "../../src/butane/registry";
import { listVariants } from "../../src/api/translate";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { structKeysAt } from "../../src/lsp/suggest";

const generated = join(__dirname, "../../schemas/butane");

const doc = (...lines: string[]) => lines;

describe("cursor context", () => {
  test("a key being typed in a list entry's mapping, with the entry's index", () => {
    const lines = doc("variant: fcos", "version: 1.5.0", "storage:", "  files:", "    - path: /a", "    - path: /b", "      ov");
    expect(cursorContext(lines, 6, 8)).toEqual({ kind: "key", path: ["storage", "files", 1], prefix: "ov", start: 6, col: 6, line: 6 });
  });

  test("sequences at their key's own indentation, and entries started on the cursor's line", () => {
    const lines = doc("storage:", "  files:", "  - path: /a", "  - ");
    expect(cursorContext(lines, 3, 4)).toMatchObject({ kind: "key", path: ["storage", "files", 1], prefix: "" });
    const nested = doc("storage:", "  disks:", "    - device: /dev/sda", "      partitions:", "        - number: 1", "        - la");
    expect(cursorContext(nested, 5, 12)).toMatchObject({ kind: "key", path: ["storage", "disks", 0, "partitions", 1], prefix: "la" });
  });

  test("an empty line under a key, and the top level", () => {
    expect(cursorContext(doc("storage:", "  "), 1, 2)).toMatchObject({ kind: "key", path: ["storage"], prefix: "" });
    expect(cursorContext(doc("variant: fcos", ""), 1, 0)).toMatchObject({ kind: "key", path: [], prefix: "" });
  });

  test("values: after the colon and a space, with the typed prefix", () => {
    const lines = doc("storage:", "  filesystems:", "    - format: ex");
    expect(cursorContext(lines, 2, 16)).toEqual({ kind: "value", path: ["storage", "filesystems", 0, "format"], key: "format", prefix: "ex", start: 14, line: 2 });
    expect(cursorContext(doc("variant: "), 0, 9)).toMatchObject({ kind: "value", path: ["variant"], prefix: "" });
    // Right after the colon nothing is offered yet.
    expect(cursorContext(doc("variant:"), 0, 8)).toBeUndefined();
  });

  test("nothing inside block scalars or after a multi-word scalar", () => {
    const lines = doc("storage:", "  files:", "    - path: /a", "      contents:", "        inline: |", "          some text", "          mo");
    expect(cursorContext(lines, 6, 12)).toBeUndefined();
    expect(cursorContext(doc("a:", "  two words"), 1, 11)).toBeUndefined();
    // After the block scalar, back in the file's mapping.
    const after = [...lines.slice(0, 6), "      mo"];
    expect(cursorContext(after, 6, 8)).toMatchObject({ kind: "key", path: ["storage", "files", 0], prefix: "mo" });
  });

  test("comments and blank lines are skipped; quoted keys are read", () => {
    const lines = doc("storage:", "  # files go here", "", '  "files":', "    - ", "");
    expect(cursorContext(lines, 4, 6)).toMatchObject({ kind: "key", path: ["storage", "files", 0] });
    expect(lineTokens('  - "a b": c # x')).toEqual([{ kind: "item", col: 2 }, { kind: "key", col: 4, key: "a b", end: 9, value: "c", valueCol: 11 }]);
  });

  test("the key under the cursor, and sibling keys", () => {
    const lines = doc("storage:", "  files:", "    - path: /a", "      mode: 420", "      ", "    - path: /b", "      user:", "        name: x");
    expect(keyAt(lines, 3, 7)).toMatchObject({ path: ["storage", "files", 0, "mode"], key: "mode", onValue: false });
    expect(keyAt(lines, 3, 13)).toMatchObject({ onValue: true });
    expect(keyAt(lines, 3, 2)).toBeUndefined();
    expect([...siblingKeys(lines, 4, 6)]).toEqual(["mode", "path"]);
    // The cursor's own line is what is being typed: not a sibling.
    expect([...siblingKeys(lines, 6, 6)]).toEqual(["path"]);
  });

  test("the header, quoted or not", () => {
    expect(readHeader(doc("variant: 'fcos'", "version: \"1.5.0\" # pinned", "  version: nested"))).toEqual({ variant: "fcos", version: "1.5.0" });
  });
});

describe("schema walking", () => {
  test("spec-table schemas have every struct's keys, in declaration order", () => {
    const def = lookupVariant("fcos", "1.5.0") ?? (listVariants(), lookupVariant("fcos", "1.5.0"))!;
    const schema = specTableSchema(def.schema, "fcos", "1.5.0");
    const top = propertiesOf(nodeAtPath(schema, [])!).map((k) => k.key);
    expect(top.slice(0, 2)).toEqual(["variant", "version"]);
    expect(top).toEqual(expect.arrayContaining(["ignition", "passwd", "storage", "systemd", "boot_device"]));
    const file = propertiesOf(nodeAtPath(schema, ["storage", "files", 0])!).map((k) => k.key);
    expect(file).toEqual(def.schema.structs.File!.map((f) => f.key));
    expect(valuesOf(nodeAtPath(schema, ["storage", "files", 0, "overwrite"])!)).toEqual([true, false]);
  });

  test("$ref, allOf, anyOf and if/then are followed; markdownDescription wins", () => {
    const schema: JsonSchema = {
      $defs: { A: { properties: { a: { type: "string", description: "plain", markdownDescription: "**md**" } } } },
      allOf: [{ $ref: "#/$defs/A" }, { if: { properties: { variant: { const: "x" } } }, then: { properties: { b: { enum: [1, 2] } } } }],
      anyOf: [{ properties: { c: { type: "array", items: { properties: { d: { const: "z" } } } } } }],
    };
    expect(propertiesOf(nodeAtPath(schema, [])!).map((k) => k.key)).toEqual(["a", "b", "c"]);
    expect(docOf(nodeAtPath(schema, ["a"])!)).toBe("**md**");
    expect(valuesOf(nodeAtPath(schema, ["b"])!)).toEqual([1, 2]);
    expect(valuesOf(nodeAtPath(schema, ["c", 3, "d"])!)).toEqual(["z"]);
    expect(nodeAtPath(schema, ["nope"])).toBeUndefined();
  });

  test("the generated schemas offer, at every struct the walk reaches, the keys the spec tables have, each documented", () => {
    let checked = 0;
    for (const def of listVariants()) {
      const file = join(generated, `${def.variant}-${def.version}.json`);
      expect(existsSync(file), file).toBe(true);
      const schema = JSON.parse(readFileSync(file, "utf8")) as JsonSchema;
      // Walk the spec tables' struct fields breadth-first, a list entry standing for its items.
      const queue: (string | number)[][] = [[]];
      const seen = new Set<string>();
      while (queue.length > 0) {
        const path = queue.shift()!;
        const keys = structKeysAt(def.schema, path);
        if (!keys) continue;
        // A field the variant refuses (doNotSuggest, at most an empty value) has no items to walk into.
        if (path.some((_, i) => nodeAtPath(schema, path.slice(0, i + 1))?.parts.some((p) => (p as { doNotSuggest?: boolean }).doNotSuggest))) continue;
        const node = nodeAtPath(schema, path);
        expect(node, `${def.variant} ${def.version} ${path.join(".")}`).toBeDefined();
        const offered = propertiesOf(node!);
        expect(new Set(offered.map((k) => k.key)), `${def.variant} ${def.version} ${path.join(".")}`).toEqual(new Set(keys));
        for (const k of offered) expect(docOf(k.schema), `${path.join(".")}.${k.key}`).toBeTruthy();
        checked++;
        for (const key of keys) {
          const sig = `${path.filter((p) => typeof p === "string").join(".")}.${key}`;
          if (seen.has(sig)) continue;
          seen.add(sig);
          queue.push([...path, key], [...path, key, 0]);
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
