// The validators take plain objects: wrongly typed input must never make them throw.
import { describe, expect, it } from "vitest";
import { IGNITION_SPECS } from "../../src/ignition/spec/index";
import { validateConfigSemantics, validateDuplicates, validateIgnition } from "../../src/ignition/index";
import { randomConfig, rng, schemaMutations } from "./corpus";

describe("robustness", () => {
  it("never throws on wrongly typed configs", () => {
    let n = 0;
    IGNITION_SPECS.forEach((spec, vi) => {
      for (let i = 0; i < 12; i++) {
        const r = rng(90000 + 100 * vi + i);
        const cfg = randomConfig(spec, r, 0.6);
        for (const doc of [cfg, ...schemaMutations(spec, cfg, r, 40)]) {
          n++;
          expect(() => validateConfigSemantics(doc as object, spec)).not.toThrow();
          expect(() => validateDuplicates(doc as object, spec)).not.toThrow();
          expect(() => validateIgnition(JSON.stringify(doc))).not.toThrow();
          expect(() => validateIgnition(doc as object)).not.toThrow();
        }
      }
    });
    expect(n).toBeGreaterThan(3000);
  });
});
