// Scalar resolution must follow the reference's YAML library (yaml.v3), not YAML 1.2.
import { describe, expect, test } from "vitest";
import { resolve, YamlError } from "../../src/yaml";

describe("resolve", () => {
  test.each([
    ["0644", "!!int", 420n],
    ["0o644", "!!int", 420n],
    ["0x1A4", "!!int", 420n],
    ["0b110100100", "!!int", 420n],
    ["4_20", "!!int", 420n],
    ["-12", "!!int", -12n],
    ["+7", "!!int", 7n],
    ["08", "!!float", 8],
    ["1e3", "!!float", 1000],
    [".5", "!!float", 0.5],
    ["true", "!!bool", true],
    ["False", "!!bool", false],
    ["~", "!!null", null],
    ["", "!!null", null],
  ])("%s → %s %s", (text, tag, value) => {
    const r = resolve("", text);
    expect(r.tag).toBe(tag);
    expect(r.value).toBe(value);
  });

  test("YAML 1.1 words stay strings", () => {
    for (const s of ["yes", "no", "on", "off", "y", "n"]) expect(resolve("", s).tag).toBe("!!str");
  });

  test("large integers keep their exact value", () => {
    expect(resolve("", "9223372036854775807").value).toBe(9223372036854775807n);
    expect(resolve("", "18446744073709551615").tag).toBe("!!int");
    expect(resolve("", "18446744073709551616").tag).toBe("!!float");
  });

  test("dates are timestamps, impossible dates are not", () => {
    expect(resolve("", "2024-02-29").tag).toBe("!!timestamp");
    expect(resolve("", "2023-02-29").tag).toBe("!!str");
    expect(resolve("", "2024-01-02T03:04:05Z").tag).toBe("!!timestamp");
  });

  test("an explicit tag that contradicts the value is fatal", () => {
    expect(() => resolve("!!int", "abc")).toThrow(YamlError);
    expect(() => resolve("!!int", "abc")).toThrow("yaml: cannot decode !!str `abc` as a !!int");
    expect(resolve("!!float", "3").tag).toBe("!!float");
    expect(resolve("!!str", "3").tag).toBe("!!str");
  });
});
