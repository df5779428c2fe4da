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

test("pflag v1.0.10's edge cases, as the reference parses them", () => {
  // "-f=" needs something after "=": a bool takes its default, then "=" is a flag.
  expect(() => parseFlags(specs, ["-p="])).toThrow("unknown shorthand flag: '=' in -=");
  expect(parseFlags(specs, ["-d="]).values.get("files-dir")).toBe("=");
  expect(parseFlags(specs, ["-p=0"]).values.get("pretty")).toBe(false);
  // a bad bool value names the flag with its shorthand, however it was given
  expect(() => parseFlags(specs, ["--pretty=maybe"])).toThrow('invalid argument "maybe" for "-p, --pretty" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
  expect(() => parseFlags(specs, ["--strict=2"])).toThrow('invalid argument "2" for "-s, --strict" flag');
  // long names may not start with "-" or "="
  expect(() => parseFlags(specs, ["---x"])).toThrow(new FlagError("bad flag syntax: ---x"));
  expect(() => parseFlags(specs, ["--=x"])).toThrow(new FlagError("bad flag syntax: --=x"));
});
