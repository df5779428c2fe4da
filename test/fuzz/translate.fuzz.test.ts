// Property-based tests of translate() on hostile and broken input (see SECURITY.md):
// seed documents with random edits, and documents generated from each variant
// version's schema. FUZZ_SEED replays a run; FUZZ_SCALE makes it longer.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fuzzParams, mutatedSeed, schemaDocument } from "./arbitraries";
import { checkTranslation, type CheckStats } from "./check";
import { seeds } from "./corpus";

describe("translate never fails badly", () => {
  test("every seed document as it is", () => {
    const stats: CheckStats = { ok: 0, failed: 0, validated: 0 };
    for (const s of seeds()) checkTranslation(s.text, s, stats);
    console.log(`fuzz: ${seeds().length} seed documents (${stats.ok} translated, ${stats.failed} rejected)`);
    expect(stats.ok).toBeGreaterThan(0);
  });

  test("seed documents with random edits", () => {
    const stats: CheckStats = { ok: 0, failed: 0, validated: 0 };
    fc.assert(
      fc.property(mutatedSeed(), ({ seed, text }) => {
        checkTranslation(text, seed, stats);
      }),
      fuzzParams(4000),
    );
    console.log(`fuzz: ${stats.ok + stats.failed} edited documents (${stats.ok} translated and validated, ${stats.failed} rejected)`);
  });

  test("documents generated from the schemas", () => {
    const stats: CheckStats = { ok: 0, failed: 0, validated: 0 };
    fc.assert(
      fc.property(schemaDocument, ({ text }) => {
        checkTranslation(text, undefined, stats);
      }),
      fuzzParams(3000),
    );
    console.log(`fuzz: ${stats.ok + stats.failed} generated documents (${stats.ok} translated and validated, ${stats.failed} rejected)`);
    expect(stats.ok).toBeGreaterThan(100);
  });
});
