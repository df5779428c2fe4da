import { expect, test } from "vitest";
import { FlagError, parseFlags, type FlagSpec } from "../../src/cli/flags";

const specs: FlagSpec[] = [
  { long: "pretty", short: "p", kind: "bool", help: "" },
  { long: "strict", short: "s", kind: "bool", help: "" },
  { long: "files-dir", short: "d", kind: "string", help: "" },
  { long: "color", kind: "string", noOptDefault: "always", help: "" },
];

test("pflag conventions", () => {
  const p = parseFlags(specs, ["-ps", "-dfiles", "--color", "in.bu"]);
  expect(p.values.get("pretty")).toBe(true);
  expect(p.values.get("strict")).toBe(true);
  expect(p.values.get("files-dir")).toBe("files");
  expect(p.values.get("color")).toBe("always");
  expect(p.args).toEqual(["in.bu"]);
  expect(parseFlags(specs, ["--files-dir=x", "--color=never", "--pretty=false"]).values).toEqual(
    new Map<string, string | boolean>([["files-dir", "x"], ["color", "never"], ["pretty", false]]),
  );
  expect(parseFlags(specs, ["-d", "x", "--", "-p"]).args).toEqual(["-p"]);
});

test("unknown flags", () => {
  expect(() => parseFlags(specs, ["--bogus"])).toThrow(new FlagError("unknown flag: --bogus"));
  expect(() => parseFlags(specs, ["-x"])).toThrow("unknown shorthand flag: 'x' in -x");
  expect(() => parseFlags(specs, ["-d"])).toThrow(FlagError);
});
