// Fuzzing validateIgnition on JSON text: recorded Ignition configs with random edits,
// random JSON values shaped like configs, and random text. It never throws, answers
// the same twice, and its verdict agrees with its report.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { validateIgnition } from "../../src/ignition/index";
import { fuzzParams } from "./arbitraries";
import { MAX_MS } from "./check";
import { ignitionSeeds } from "./corpus";

const VERSIONS = ["3.0.0", "3.1.0", "3.2.0", "3.3.0", "3.4.0", "3.5.0", "3.6.0", "3.7.0-experimental", "3.9.0", "2.2.0", "x"];

function check(input: string): void {
  const t0 = performance.now();
  let r: ReturnType<typeof validateIgnition>;
  try {
    r = validateIgnition(input);
  } catch (e) {
    throw new Error(`validateIgnition threw: ${(e as Error)?.stack ?? e}`);
  }
  const ms = performance.now() - t0;
  if (ms > MAX_MS) throw new Error(`validateIgnition took ${ms.toFixed(0)} ms`);
  expect(r.valid).toBe(!r.report.some((d) => d.severity === "error"));
  for (const d of r.report) {
    expect(typeof d.message).toBe("string");
    expect(d.path.startsWith("$")).toBe(true);
  }
  expect(JSON.stringify(validateIgnition(input))).toBe(JSON.stringify(r));
}

const JSON_EDITS = ['"', "{", "}", "[", "]", ",", ":", "null", "true", "-", "1e999", "0.5", "\\u0000", "\\ud800", '"__proto__":', "\u00e9", " ", "\n"];

const edited = (pool: string[]) =>
  fc
    .tuple(
      fc.nat({ max: pool.length - 1 }),
      fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 6 }), text: fc.constantFrom(...JSON_EDITS) }), { minLength: 1, maxLength: 4 }),
    )
    .map(([i, edits]) => {
      let s = pool[i]!;
      for (const e of edits) {
        const at = e.at % (s.length + 1);
        s = s.slice(0, at) + e.text + s.slice(at + e.del);
      }
      return s;
    });

const configLike = fc.record(
  {
    ignition: fc.record({ version: fc.constantFrom(...VERSIONS), config: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: ["version"] }),
    storage: fc.dictionary(fc.constantFrom("files", "directories", "links", "disks", "raid", "filesystems", "luks", "x"), fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 })),
    systemd: fc.record({ units: fc.array(fc.record({ name: fc.constantFrom("a.service", "b.mount", "x"), contents: fc.string(), enabled: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] })) }),
    passwd: fc.jsonValue({ maxDepth: 3 }),
    kernelArguments: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ["ignition"] },
);

describe("validateIgnition on hostile JSON text", () => {
  test("recorded Ignition configs with random edits", () => {
    const pool = ignitionSeeds();
    expect(pool.length).toBeGreaterThan(10);
    fc.assert(fc.property(edited(pool), check), fuzzParams(1500));
  });

  test("random values shaped like configs", () => {
    fc.assert(fc.property(configLike, (v) => check(JSON.stringify(v))), fuzzParams(1200));
  });

  test("random JSON and random text", () => {
    fc.assert(fc.property(fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ maxLength: 60 })), check), fuzzParams(800));
  });
});
