// Replays test/ignition/fixtures/oracle.jsonl.gz: documents whose findings were recorded
// from the reference implementation (Ignition v2.26.0), compared entry by entry with ours.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import type { ReportEntry } from "../../src/core/report";
import { getIgnitionSpec } from "../../src/ignition/spec/index";
import {
  ignitionParse,
  validateConfigSemantics,
  validateDuplicates,
  validateEmbeddedConfig,
} from "../../src/ignition/index";
import { decodeConfig } from "../../src/ignition/decode";
import { checkJsonSyntax, parseJsonTree } from "../../src/go/json";
import { EDGE_DOCS } from "./tools/edge-docs";

interface GoEntry {
  kind: string;
  path: (string | number)[];
  atKey?: boolean;
  message: string;
  line?: number;
  col?: number;
}
interface GoOut {
  error?: string;
  unknownVersion?: boolean;
  entries: GoEntry[];
  sem?: GoEntry[];
  dups?: GoEntry[];
}
interface Rec {
  version: string;
  raw: string;
  embedded: GoOut;
  validate: GoOut;
}

const records: Rec[] = gunzipSync(readFileSync(join(__dirname, "fixtures/oracle.jsonl.gz")))
  .toString("utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as Rec);

// The oracle was built with Go 1.19, whose json type errors do not name embedded structs
// (Go 1.24, the reference build's toolchain, does); compare without them.
const EMBEDDED = /\.(Node|FileEmbedded1|DirectoryEmbedded1|LinkEmbedded1)\./g;

function norm(e: ReportEntry, withPos: boolean): GoEntry {
  const g: GoEntry = { kind: e.severity, path: [...e.path], message: e.message.replace(EMBEDDED, ".") };
  if (e.atKey) g.atKey = true;
  if (withPos) {
    if (e.line !== undefined) g.line = e.line;
    if (e.column !== undefined) g.col = e.column;
  }
  return g;
}

/** Go reports a struct's unused keys in map order (random): sort each run of them. */
function sortUnused(list: GoEntry[]): GoEntry[] {
  const out = list.slice();
  let i = 0;
  while (i < out.length) {
    if (!out[i]!.message.startsWith("unused key ")) {
      i++;
      continue;
    }
    const parent = JSON.stringify(out[i]!.path.slice(0, -1));
    let j = i;
    while (j < out.length && out[j]!.message.startsWith("unused key ") && JSON.stringify(out[j]!.path.slice(0, -1)) === parent) j++;
    const run = out.slice(i, j).sort((a, b) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
    out.splice(i, j - i, ...run);
    i = j;
  }
  return out;
}

function goNorm(e: GoEntry, withPos: boolean): GoEntry {
  const g: GoEntry = { kind: e.kind, path: e.path, message: e.message };
  if (e.atKey) g.atKey = true;
  if (withPos && e.line !== undefined && e.line > 0) {
    g.line = e.line;
    g.col = e.col;
  }
  return g;
}

describe("Ignition oracle replay", () => {
  it("has a recorded corpus", () => {
    expect(records.length).toBeGreaterThan(2000);
  });

  it("validateEmbeddedConfig matches butane's ValidateIgnitionConfig", () => {
    const diffs: string[] = [];
    for (const r of records) {
      const spec = getIgnitionSpec(r.version)!;
      const mine = validateEmbeddedConfig(r.raw, spec);
      const got = { error: mine.error, unknownVersion: mine.unknownVersion || undefined, entries: sortUnused(mine.entries.map((e) => norm(e, false))) };
      const want = { error: r.embedded.error, unknownVersion: r.embedded.unknownVersion || undefined, entries: sortUnused(r.embedded.entries.map((e) => goNorm(e, false))) };
      try {
        expect(got).toEqual(want);
      } catch {
        diffs.push(`${r.version} ${r.raw}\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(got)}`);
      }
    }
    expect(diffs.slice(0, 5).join("\n")).toBe("");
  });

  it("validateConfigSemantics and validateDuplicates match Validate and ValidateDups", () => {
    const diffs: string[] = [];
    let n = 0;
    const randomCount = records.length - EDGE_DOCS.length;
    for (const [i, r] of records.entries()) {
      if (r.embedded.error || r.embedded.unknownVersion) continue;
      const spec = getIgnitionSpec(r.version)!;
      // The typed config as the translator hands it over: a plain object.
      if (checkJsonSyntax(r.raw) !== null) continue;
      const decoded = decodeConfig(parseJsonTree(r.raw), spec);
      if ("error" in decoded) continue;
      // Random documents are used as plain objects; the hand-written ones rely on Go's
      // decoding quirks (case-insensitive keys, repeated keys), so use our decoded form.
      const config: object = i < randomCount ? JSON.parse(r.raw) : decoded.config;
      n++;
      const sem = validateConfigSemantics(config, spec).map((e) => norm(e, false));
      const dups = validateDuplicates(config, spec).map((e) => norm(e, false));
      const wantSem = (r.embedded.sem ?? []).map((e) => goNorm(e, false));
      const wantDups = (r.embedded.dups ?? []).map((e) => goNorm(e, false));
      try {
        expect(sem).toEqual(wantSem);
        expect(dups).toEqual(wantDups);
      } catch {
        diffs.push(`${r.version} ${r.raw}\n  want ${JSON.stringify([wantSem, wantDups])}\n  got  ${JSON.stringify([sem, dups])}`);
      }
    }
    expect(n).toBeGreaterThan(1500);
    expect(diffs.slice(0, 5).join("\n")).toBe("");
  });

  it("ignitionParse matches ignition-validate's config.Parse, positions included", () => {
    const diffs: string[] = [];
    for (const r of records) {
      const mine = ignitionParse(r.raw);
      const got = { error: mine.error, entries: sortUnused(mine.entries.map((e) => norm(e, true))) };
      const want = { error: r.validate.error, entries: sortUnused(r.validate.entries.map((e) => goNorm(e, true))) };
      try {
        expect(got).toEqual(want);
      } catch {
        diffs.push(`${r.version} ${r.raw}\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(got)}`);
      }
    }
    expect(diffs.slice(0, 5).join("\n")).toBe("");
  });
});
