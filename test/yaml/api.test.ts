// API-level tests of the YAML layer; the expected values are yaml.v3's (see fixtures.test.ts).

import { describe, expect, it } from "vitest";
import { emitYaml, formatFloat, keyLess, Kind, parseYaml, resolve, resolveTag, Style, YamlError } from "../../src/yaml/index";

function errorOf(input: string | Uint8Array): YamlError {
  try {
    parseYaml(input);
  } catch (e) {
    if (e instanceof YamlError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("parseYaml", () => {
  it("returns the document node with yaml.v3's kinds, styles, tags and positions", () => {
    const doc = parseYaml("a: &x [1, 'b']\nc: *x\nd: !!str 0644\ne: |\n  lit\n")!;
    expect(doc.kind).toBe(Kind.Document);
    const map = doc.content[0];
    expect(map).toMatchObject({ kind: Kind.Mapping, tag: "!!map", line: 1, column: 1, style: 0 });
    const seq = map.content[1];
    expect(seq).toMatchObject({ kind: Kind.Sequence, style: Style.Flow, anchor: "x", line: 1, column: 4 });
    expect(seq.content.map((n) => [n.tag, n.value, n.style])).toEqual([
      ["!!int", "1", 0],
      ["!!str", "b", Style.SingleQuoted],
    ]);
    const alias = map.content[3];
    expect(alias).toMatchObject({ kind: Kind.Alias, value: "x", tag: "" });
    expect(alias.alias).toBe(seq);
    expect(map.content[5]).toMatchObject({ tag: "!!str", value: "0644", style: Style.Tagged });
    expect(map.content[7]).toMatchObject({ value: "lit\n", style: Style.Literal, line: 4, column: 4 });
  });

  it("positions an empty value right after the colon", () => {
    const map = parseYaml("key:\nnext: 1\n")!.content[0];
    expect(map.content[1]).toMatchObject({ tag: "!!null", value: "", line: 1, column: 5 });
  });

  it("returns null for an empty stream", () => {
    expect(parseYaml("")).toBeNull();
    expect(parseYaml("# only a comment\n")).toBeNull();
    expect(parseYaml(new Uint8Array())).toBeNull();
  });

  it("parses only the first document", () => {
    expect(parseYaml("a\n---\nb\n")!.content[0].value).toBe("a");
  });

  it("counts columns in characters", () => {
    const map = parseYaml("😀é: x\n")!.content[0];
    expect(map.content[1].column).toBe(5);
  });

  it("decodes bytes like libyaml (BOMs, UTF-16)", () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00, 0x20, 0x00, 0xe9, 0x00]);
    expect(parseYaml(le)!.content[0].content[1].value).toBe("é");
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x61]);
    expect(parseYaml(bom)!.content[0].value).toBe("a");
    expect(parseYaml("\ufeffa")!.content[0].value).toBe("a");
  });

  it("throws YamlError with yaml.v3's messages and lines", () => {
    const e = errorOf("a: b\n c: d\n");
    expect(e.message).toBe("yaml: line 2: mapping values are not allowed in this context");
    expect(e.line).toBe(2);
    expect(errorOf("a: \u0001").message).toBe("yaml: control characters are not allowed");
    expect(errorOf(new Uint8Array([0x61, 0xff])).message).toBe("yaml: invalid leading UTF-8 octet");
    expect(errorOf("%YAML 1.2\n---\na\n").message).toBe("yaml: found incompatible YAML document");
    expect(errorOf("a: *b\n").message).toBe("yaml: unknown anchor 'b' referenced");
    // parser errors report libyaml's 0-based context line (here the inner mapping's)
    expect(errorOf("a:\n  b: c\n d: e\n").message).toBe("yaml: line 2: did not find expected key");
    expect(errorOf("a:\n  b: c\n   d: e\n").message).toBe("yaml: line 3: mapping values are not allowed in this context");
  });

  it("gives each error the position an editor should mark (YamlError.mark)", () => {
    // scanner errors: where the token that could not be scanned starts (the line the message names)
    expect(errorOf("a: b\n c: d\n").mark).toEqual({ line: 2, column: 3 });
    expect(errorOf('a: 1\nb: "open\n').mark).toEqual({ line: 2, column: 4 });
    expect(errorOf("a: 1\nb: 'x\\q'\nc: \"\\q\"\n").mark).toEqual({ line: 3, column: 4 });
    expect(errorOf("a:\n  - b\n  c\nd: e\n").mark).toEqual({ line: 3, column: 3 });
    // parser errors: the unexpected token (the message names the enclosing mapping's 0-based line)
    expect(errorOf("a:\n  b: c\n d: e\n")).toMatchObject({ line: 2, mark: { line: 3, column: 2 } });
    // composer errors: the node
    expect(errorOf("a: 1\nb: *nope\n").mark).toEqual({ line: 2, column: 4 });
    // reader errors have no position
    expect(errorOf(new Uint8Array([0x61, 0xff])).mark).toBeUndefined();
  });

  it("is not confused by deep flow nesting below the limit", () => {
    const n = 5000;
    const doc = parseYaml("[".repeat(n) + "]".repeat(n))!;
    let depth = 0;
    for (let x = doc.content[0]; x.content.length > 0; x = x.content[0]) depth++;
    expect(depth).toBe(n - 1);
    expect(errorOf("[".repeat(10001)).message).toBe("yaml: exceeded max depth of 10000");
  });
});

describe("resolve", () => {
  it("gives plain scalars yaml.v3's implicit tags", () => {
    const cases: [string, string][] = [
      ["", "!!null"],
      ["~", "!!null"],
      ["null", "!!null"],
      ["true", "!!bool"],
      ["yes", "!!str"],
      ["0644", "!!int"],
      ["0o17", "!!int"],
      ["0x1F", "!!int"],
      ["1_000", "!!int"],
      ["08", "!!float"],
      ["1e3", "!!float"],
      [".5", "!!float"],
      [".inf", "!!float"],
      ["2001-12-14", "!!timestamp"],
      ["2001-02-29", "!!str"],
      ["<<", "!!str"], // the composer gives a plain "<<" the !!merge tag
      ["abc", "!!str"],
    ];
    for (const [v, tag] of cases) expect([v, resolveTag(v)]).toEqual([v, tag]);
  });

  it("returns Go values", () => {
    expect(resolve("", "0644")).toEqual({ tag: "!!int", value: 420n });
    expect(resolve("", "-0x10")).toEqual({ tag: "!!int", value: -16n });
    expect(resolve("", "18446744073709551615")).toEqual({ tag: "!!int", value: 18446744073709551615n });
    expect(resolve("", "1.5")).toEqual({ tag: "!!float", value: 1.5 });
    expect(resolve("", "True")).toEqual({ tag: "!!bool", value: true });
    expect(resolve("", "~")).toEqual({ tag: "!!null", value: null });
    expect(resolve("!!str", "12")).toEqual({ tag: "!!str", value: "12" });
    expect(resolve("!!float", "12")).toEqual({ tag: "!!float", value: 12 });
    expect(resolve("tag:yaml.org,2002:int", "7")).toEqual({ tag: "!!int", value: 7n });
    expect(resolve("!foo", "x")).toEqual({ tag: "!foo", value: "x" });
  });

  it("rejects values that do not match an explicit tag", () => {
    expect(() => resolve("!!int", "abc")).toThrow("yaml: cannot decode !!str `abc` as a !!int");
    expect(() => resolve("!!bool", "1")).toThrow("yaml: cannot decode !!int `1` as a !!bool");
  });
});

describe("emitYaml helpers", () => {
  it("formats float64 like strconv.FormatFloat(f, 'g', -1, 64)", () => {
    const cases: [number, string][] = [
      [420, "420"],
      [2.5, "2.5"],
      [1e21, "1e+21"],
      [1e6, "1e+06"],
      [123456, "123456"],
      [1234567, "1.234567e+06"],
      [0.0001, "0.0001"],
      [1e-5, "1e-05"],
      [-0, "-0"],
      [5e-324, "5e-324"],
      [1.7976931348623157e308, "1.7976931348623157e+308"],
    ];
    for (const [f, s] of cases) expect(formatFloat(f)).toBe(s);
  });

  it("sorts keys like yaml.v3's keyList", () => {
    const keys = ["k10", "k9", "k09", "a", "B", "_x", "1", "", "é", "z", "Z"];
    expect([...keys].sort((a, b) => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0))).toEqual(["", "_x", "1", "B", "Z", "a", "k9", "k09", "k10", "z", "é"]);
  });

  it("writes a MachineConfig-shaped document", () => {
    const mc = {
      apiVersion: "machineconfiguration.openshift.io/v1",
      kind: "MachineConfig",
      metadata: { labels: { "machineconfiguration.openshift.io/role": "worker" }, name: "99-worker" },
      spec: { config: { ignition: { version: "3.4.0" }, storage: { files: [{ path: "/etc/x", mode: 420, contents: { source: "data:,hi" } }] } } },
    };
    expect(emitYaml(mc)).toBe(
      [
        "apiVersion: machineconfiguration.openshift.io/v1",
        "kind: MachineConfig",
        "metadata:",
        "  labels:",
        "    machineconfiguration.openshift.io/role: worker",
        "  name: 99-worker",
        "spec:",
        "  config:",
        "    ignition:",
        "      version: 3.4.0",
        "    storage:",
        "      files:",
        "        - contents:",
        "            source: data:,hi",
        "          mode: 420",
        "          path: /etc/x",
      ].join("\n"),
    );
  });
});
