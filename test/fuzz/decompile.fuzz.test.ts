// Fuzzing Ignition → Butane: random Ignition configs of every spec version (built from
// the spec tables with values that make Ignition's rules fire), random file contents
// and unit texts, and recorded configs with random edits. decompile() never throws;
// it succeeds exactly on valid configs, and then the Butane text translates back to
// the same config (normalize.ts); every failure is located in the input.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decompile } from "../../src/decompile";
import { normalizeIgnition } from "../../src/decompile/normalize";
import { makeDataUrl } from "../../src/butane/translate/data-url";
import { IGNITION_SPECS } from "../../src/ignition/spec";
import { validateIgnition } from "../../src/ignition/index";
import { translate } from "../../src/api/translate";
import { parseYaml } from "../../src/yaml";
import { randomConfig, rng } from "../ignition/corpus";
import { fuzzParams } from "./arbitraries";
import { MAX_MS } from "./check";
import { ignitionSeeds } from "./corpus";

function run(text: string) {
  const t0 = performance.now();
  let r: ReturnType<typeof decompile>;
  try {
    r = decompile(text);
  } catch (e) {
    throw new Error(`decompile threw: ${(e as Error)?.stack ?? e}`);
  }
  const ms = performance.now() - t0;
  if (ms > MAX_MS * 2) throw new Error(`decompile took ${ms.toFixed(0)} ms`);
  return r;
}

/** The property: valid ⇔ ok; ok ⇒ exact round trip; not ok ⇒ a located error. */
function check(text: string): boolean {
  const r = run(text);
  const valid = text !== "" && validateIgnition(text).valid;
  expect(r.ok).toBe(valid);
  if (r.ok) {
    const back = translate(r.yaml);
    expect(back.error).toBeUndefined();
    expect(normalizeIgnition(back.output!)).toBe(normalizeIgnition(text));
    expect(JSON.stringify(run(text))).toBe(JSON.stringify(r));
  } else if (text.trim() !== "") {
    const errors = r.report.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    // Errors that Ignition gives no place (an unknown version) still name a path.
    for (const d of errors) expect(d.line !== undefined || d.path !== "$" || /version|empty|unexpected end/.test(d.message)).toBe(true);
  }
  return r.ok;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const specIndex = fc.nat({ max: IGNITION_SPECS.length - 1 });
const unicodeText = fc.string({ unit: fc.oneof(fc.constantFrom("\n", "\r", "\t", " ", "\u0000", "\u0085", "\u2028", "\ufeff", "é", "😀", "#", ":", "'", '"', "|", "-"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), maxLength: 60 });

describe("decompile fuzz", () => {
  test("random configs of every spec version: valid ones round-trip, invalid ones fail located", () => {
    let valid = 0, total = 0;
    fc.assert(
      fc.property(specIndex, fc.nat(), fc.constantFrom(0.15, 0.35, 0.5), (i, seed, density) => {
        total++;
        if (check(JSON.stringify(randomConfig(IGNITION_SPECS[i]!, rng(seed), density)))) valid++;
      }),
      fuzzParams(300),
    );
    console.log(`decompile fuzz: ${valid} of ${total} random Ignition configs valid, each round-tripped exactly`);
    expect(valid).toBeGreaterThan(total / 5);
  });

  test("any text as file contents comes back as the same inline text", () => {
    fc.assert(
      fc.property(unicodeText, fc.integer({ min: 1, max: 60 }), fc.boolean(), (s, repeat, gzip) => {
        const text = gzip ? s.repeat(repeat) : s;
        const bytes = new TextEncoder().encode(text);
        const d = makeDataUrl(bytes, undefined, true);
        const ign = JSON.stringify({ ignition: { version: "3.4.0" }, storage: { files: [{ path: "/f", contents: { compression: d.compression, source: d.url } }] } });
        expect(check(ign)).toBe(true);
        const r = decompile(ign);
        if (!r.ok) return;
        // Where the text is UTF-8 as written (no lone surrogates), it is inline.
        if (!LONE_SURROGATE.test(text)) {
          const doc = parseYaml(r.yaml)!;
          const find = (n: NonNullable<typeof doc>, key: string): string | undefined => {
            if (n.kind === 4) for (let k = 0; k < n.content.length; k += 2) if (n.content[k]!.value === key) return n.content[k + 1]!.value;
            for (const c of n.content ?? []) {
              const v = find(c, key);
              if (v !== undefined) return v;
            }
            return undefined;
          };
          expect(find(doc, "inline")).toBe(text);
        }
      }),
      fuzzParams(300),
    );
  });

  test("any text as unit contents, names and keys survives the YAML", () => {
    fc.assert(
      fc.property(unicodeText, unicodeText, (contents, gecos) => {
        check(JSON.stringify({ ignition: { version: "3.5.0" }, passwd: { users: [{ name: "u", gecos }] }, systemd: { units: [{ name: "a.service", contents }] } }));
      }),
      fuzzParams(300),
    );
  });

  test("recorded configs with random edits", () => {
    const pool = ignitionSeeds();
    const EDITS = ['"', "{", "}", "[", "]", ",", ":", "null", "true", "0", "-1", "1e3", '"3.0.0"', '"data:,x"', '"gzip"', "\\n", "\\u0000", " ", '"__proto__":1,'];
    fc.assert(
      fc.property(fc.nat({ max: pool.length - 1 }), fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 8 }), text: fc.constantFrom(...EDITS) }), { maxLength: 3 }), (i, edits) => {
        let s = pool[i]!;
        for (const e of edits) {
          const at = e.at % (s.length + 1);
          s = s.slice(0, at) + e.text + s.slice(at + e.del);
        }
        check(s);
      }),
      fuzzParams(300),
    );
  });
});
