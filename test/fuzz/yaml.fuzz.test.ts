// Fuzzing the YAML parser directly: whatever the text or bytes, parseYaml returns a
// well-formed node tree or throws a YamlError with yaml.v3's shape of message —
// never another exception — deterministically, and the same for a string as for its
// UTF-8 bytes.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Kind, parseYaml, YamlError, type YamlNode } from "../../src/yaml";
import { applyEdits, edit, fuzzParams } from "./arbitraries";
import { seeds } from "./corpus";
import { MAX_MS } from "./check";

const FRAGMENTS = [
  "a", "b: c", "- ", "-", ": ", "? ", "[", "]", "{", "}", ",", "&x ", "*x", "!!str ", "!t ", "! ", "'q'", '"d\\n"', "|", ">-", "\n", "\n  ",
  "\n    ", "\t", "#c", " #c\n", "---", "...", "%YAML 1.1\n", "%TAG !e! tag:e,2000:\n", "<<: ", "~", "null", "0x1F", "1e3", "\u00e9", "\ud83d\ude00",
  "\ud800", "\u0000", "\u0085", "\ufeff", "\r\n", "\r", "@", "`", "%", "\\",
];

const fragments = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((xs) => xs.join(""));

/** Checks the shape of a parsed tree (iteratively: it may be 10000 levels deep). */
function checkTree(doc: YamlNode | null): void {
  if (doc === null) return;
  expect(doc.kind).toBe(Kind.Document);
  const todo: YamlNode[] = [doc];
  let n = 0;
  while (todo.length) {
    const node = todo.pop()!;
    n++;
    if (!(node.line >= 1 && node.column >= 1)) throw new Error(`node without a position: ${node.kind} ${node.line}:${node.column}`);
    if (node.kind === Kind.Mapping && node.content.length % 2 !== 0) throw new Error("mapping with an odd number of children");
    if (node.kind === Kind.Alias && !node.alias) throw new Error("alias without a target");
    if ((node.kind === Kind.Scalar || node.kind === Kind.Alias) && node.content.length) throw new Error("leaf with children");
    for (const c of node.content) todo.push(c);
  }
  expect(n).toBeGreaterThan(0);
}

/** parseYaml's outcome, as comparable text. */
function outcome(input: string | Uint8Array): string {
  const t0 = performance.now();
  try {
    const doc = parseYaml(input);
    checkTree(doc);
    return JSON.stringify(doc, (k, v) => (k === "alias" && v ? `->${v.line}:${v.column}` : v));
  } catch (e) {
    if (!(e instanceof YamlError)) throw new Error(`parseYaml threw ${(e as Error)?.stack ?? e}`);
    if (!e.message.startsWith("yaml: ")) throw new Error(`unexpected message ${e.message}`);
    const m = /^yaml: line (\d+): /.exec(e.message);
    if (m && Number(m[1]) !== e.line) throw new Error(`line ${e.line} does not match the message ${e.message}`);
    return "error: " + e.message;
  } finally {
    const ms = performance.now() - t0;
    // biome-ignore lint/correctness/noUnsafeFinally: too slow fails the property even when parsing succeeded
    if (ms > MAX_MS) throw new Error(`parseYaml took ${ms.toFixed(0)} ms`);
  }
}

function property(text: string): void {
  const a = outcome(text);
  expect(outcome(text)).toBe(a);
  expect(outcome(new TextEncoder().encode(text))).toBe(a);
}

describe("parseYaml on hostile input", () => {
  test("random fragments of YAML syntax", () => {
    fc.assert(fc.property(fragments, property), fuzzParams(1500));
  });

  test("seed documents with random edits", () => {
    const pool = seeds();
    fc.assert(
      fc.property(fc.nat({ max: pool.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (i, edits) => property(applyEdits(pool[i]!.text, edits))),
      fuzzParams(1500),
    );
  });

  test("random bytes, with and without a BOM", () => {
    const bom = fc.constantFrom(new Uint8Array(0), new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xfe, 0xff]));
    fc.assert(
      fc.property(bom, fc.uint8Array({ maxLength: 700 }), (b, body) => {
        const input = new Uint8Array([...b, ...body]);
        const a = outcome(input);
        expect(outcome(input)).toBe(a);
      }),
      fuzzParams(500),
    );
  });
});
