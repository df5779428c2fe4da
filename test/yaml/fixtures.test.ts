// Golden fixtures for the YAML layer. Every expected value is gopkg.in/yaml.v3's
// own result (the node tree or error of `yaml.Unmarshal(input, &node)`, and the
// output of its Encoder with SetIndent(2)), recorded from the reference build.
//
//   fixtures/parse/NAME.yaml + NAME.json        input bytes -> {"node": tree} | {"error": message}
//   fixtures/conformance/NAME.yaml + NAME.json  the conformance cases whose reference error
//                                               mentions yaml (plus "butaneError", that output)
//   fixtures/parse-corpus.jsonl                 generated documents (mutated configs, synthetic
//                                               YAML, comments, large inputs, UTF-16), compact trees
//   fixtures/emit/NAME.json + NAME.yaml         JSON value -> YAML text (trimmed of newlines)

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { emitYaml, parseYaml, YamlError, type YamlNode } from "../../src/yaml/index";

const DIR = fileURLToPath(new URL("./fixtures", import.meta.url));

interface OracleNode {
  kind: number;
  style: number;
  tag: string;
  value: string;
  anchor?: string;
  line?: number;
  column?: number;
  content?: OracleNode[];
  alias?: { kind: number; line: number; column: number };
}

/** Our node tree in the recorded form (alias targets by kind and position). */
function toOracle(n: YamlNode): OracleNode {
  const o: OracleNode = { kind: n.kind, style: n.style, tag: n.tag, value: n.value };
  if (n.anchor !== "") o.anchor = n.anchor;
  o.line = n.line;
  o.column = n.column;
  if (n.content.length > 0) o.content = n.content.map(toOracle);
  if (n.alias !== null) o.alias = { kind: n.alias.kind, line: n.alias.line, column: n.alias.column };
  return o;
}

function normalizeExpected(n: OracleNode): OracleNode {
  const o: OracleNode = { kind: n.kind, style: n.style, tag: n.tag, value: n.value };
  if (n.anchor) o.anchor = n.anchor;
  o.line = n.line;
  o.column = n.column;
  if (n.content && n.content.length > 0) o.content = n.content.map(normalizeExpected);
  if (n.alias) o.alias = { kind: n.alias.kind, line: n.alias.line, column: n.alias.column };
  return o;
}

type Outcome = { node: OracleNode | null } | { error: string };

function run(input: string | Uint8Array): Outcome {
  try {
    const n = parseYaml(input);
    return { node: n === null ? null : toOracle(n) };
  } catch (e) {
    if (e instanceof YamlError) return { error: e.message };
    throw e;
  }
}

function expectedOutcome(raw: { node?: OracleNode; error?: string }): Outcome {
  if (raw.error !== undefined) return { error: raw.error };
  const n = raw.node!;
  return { node: n.kind === 0 ? null : normalizeExpected(n) };
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function pairs(dir: string, inExt: string, outExt: string): [string, string, string][] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(inExt))
    .sort()
    .map((f) => {
      const name = f.slice(0, -inExt.length);
      return [name, join(dir, f), join(dir, name + outExt)];
    });
}

function checkParse(bytes: Uint8Array, expected: Outcome): void {
  expect(run(bytes)).toEqual(expected);
  // The same text given as a string must give the same result.
  const text = utf8(bytes);
  if (text !== null && bytes[0] !== 0xff && bytes[0] !== 0xfe) expect(run(text)).toEqual(expected);
}

describe("parse fixtures", () => {
  for (const [name, input, output] of pairs(join(DIR, "parse"), ".yaml", ".json")) {
    it(name, () => {
      const bytes = new Uint8Array(readFileSync(input));
      checkParse(bytes, expectedOutcome(JSON.parse(readFileSync(output, "utf8"))));
    });
  }
});

describe("conformance YAML errors", () => {
  for (const [name, input, output] of pairs(join(DIR, "conformance"), ".yaml", ".json")) {
    it(name, () => {
      const bytes = new Uint8Array(readFileSync(input));
      const raw = JSON.parse(readFileSync(output, "utf8"));
      checkParse(bytes, expectedOutcome(raw));
      // Syntax errors appear verbatim in butane's message.
      if (raw.error !== undefined) expect(raw.butaneError).toContain(raw.error);
    });
  }
});

type Compact = [number, number, string, string, number, number, Compact[], string?, number?, number?];

function fromCompact(a: Compact): OracleNode {
  const o: OracleNode = { kind: a[0], style: a[1], tag: a[2], value: a[3] };
  if (a[7]) o.anchor = a[7];
  o.line = a[4];
  o.column = a[5];
  if (a[6].length > 0) o.content = a[6].map(fromCompact);
  if (a[8] !== undefined) o.alias = { kind: 0, line: a[8], column: a[9]! };
  return o;
}

function stripAliasKind(o: Outcome): Outcome {
  if (!("node" in o) || o.node === null) return o;
  const walk = (n: OracleNode): OracleNode => ({
    ...n,
    ...(n.content ? { content: n.content.map(walk) } : {}),
    ...(n.alias ? { alias: { kind: 0, line: n.alias.line, column: n.alias.column } } : {}),
  });
  return { node: walk(o.node) };
}

describe("generated corpus", () => {
  const lines = readFileSync(join(DIR, "parse-corpus.jsonl"), "utf8").split("\n").filter(Boolean);
  it(`${lines.length} documents`, () => {
    let i = 0;
    for (const line of lines) {
      const c = JSON.parse(line) as { cat: string; input: string; expected: { node?: Compact | null; error?: string } };
      const bytes = Uint8Array.from(atob(c.input), (ch) => ch.charCodeAt(0));
      const expected: Outcome =
        c.expected.error !== undefined ? { error: c.expected.error } : { node: c.expected.node ? fromCompact(c.expected.node) : null };
      const got = stripAliasKind(run(bytes));
      expect(got, `corpus #${i} (${c.cat})`).toEqual(expected);
      i++;
    }
  });
});

describe("emit fixtures", () => {
  for (const [name, input, output] of pairs(join(DIR, "emit"), ".json", ".yaml")) {
    it(name, () => {
      const value = JSON.parse(readFileSync(input, "utf8"));
      const expected = readFileSync(output, "utf8").replace(/\n$/, "");
      expect(emitYaml(value)).toBe(expected);
    });
  }
});
