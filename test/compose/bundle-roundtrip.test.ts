// The bundle's guarantee, over every recorded conformance case that embeds local
// files (a files/ folder and -d in its arguments): translating bundle(x) with no
// files directory gives exactly the bytes translate(x, { filesDir }) gives; a case
// the translator rejects gets no bundle and the same error.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundle, translate } from "../../src/node";
import { caseDirs, CONFORMANCE_CASES, haveShared } from "../shared";

/** The cases that embed local files: a files/ folder and -d in their arguments. */
function findCases(root: string): string[] {
  return caseDirs(root).filter((p) => {
    const args = existsSync(join(p, "args")) ? readFileSync(join(p, "args"), "utf8").split("\n")[0]!.trim().split(/\s+/) : [];
    return existsSync(join(p, "files")) && args.includes("-d");
  });
}

const scratch = mkdtempSync(join(tmpdir(), "bundle-roundtrip-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The case as check.mjs runs it: a copy with the links of its `symlinks` manifest made again. */
function prepared(caseDir: string, n: number): string {
  const manifest = join(caseDir, "symlinks");
  if (!existsSync(manifest)) return caseDir;
  const dir = join(scratch, String(n));
  cpSync(caseDir, dir, { recursive: true, verbatimSymlinks: true });
  for (const { path, target } of JSON.parse(readFileSync(manifest, "utf8")) as { path: string; target: string }[]) {
    rmSync(join(dir, path), { force: true, recursive: true });
    symlinkSync(target, join(dir, path));
  }
  return dir;
}

function optionsOf(dir: string) {
  const args = existsSync(join(dir, "args")) ? readFileSync(join(dir, "args"), "utf8").split("\n")[0]!.trim().split(/\s+/) : [];
  const d = args[args.indexOf("-d") + 1]!;
  return {
    filesDir: d,
    cwd: dir,
    pretty: args.includes("-p") || args.includes("--pretty"),
    raw: args.includes("-r") || args.includes("--raw"),
    strict: args.includes("-s") || args.includes("--strict"),
  };
}

const cases = haveShared("bundle round trip over the conformance cases with local files", "conformance/cases") ? findCases(CONFORMANCE_CASES) : [];

describe.skipIf(cases.length === 0)("bundle round trip over the conformance cases with local files", () => {
  it("translate(bundle(x)) === translate(x, { filesDir }) for every case", () => {
    let same = 0, rejected = 0, sameWarnings = 0;
    const warningDiffs: string[] = [];
    const failures: string[] = [];
    cases.forEach((caseDir, n) => {
      const dir = prepared(caseDir, n);
      const input = readFileSync(join(dir, "input.bu"));
      const options = optionsOf(dir);
      const prevCwd = process.cwd();
      process.chdir(dir);
      try {
        const want = translate(input, options);
        const b = bundle(input, options);
        if (want.error !== undefined) {
          if (b.output === undefined && b.error === want.error) rejected++;
          else failures.push(`${caseDir}: translate failed (${want.error}) but bundle gave ${b.error ?? "a bundle"}`);
          return;
        }
        if (b.output === undefined) {
          failures.push(`${caseDir}: no bundle: ${b.error}`);
          return;
        }
        const { filesDir: _f, ...noFiles } = options;
        const got = translate(b.output, noFiles);
        if (got.output !== want.output || /\blocal\s*:|contents_local|ssh_authorized_keys_local|\btrees\s*:/.test(b.output)) {
          failures.push(`${caseDir}: ${got.error ?? "different output"}`);
          return;
        }
        same++;
        // The same warnings, by message (their paths name the bundled fields, e.g. inline for local).
        const messages = (r: typeof want) => r.report.map((d) => `${d.severity}: ${d.message}`).sort();
        if (JSON.stringify(messages(got)) === JSON.stringify(messages(want))) sameWarnings++;
        else warningDiffs.push(`${caseDir}: ${JSON.stringify(messages(want))} vs ${JSON.stringify(messages(got))}`);
      } finally {
        process.chdir(prevCwd);
      }
    });
    console.log(`bundle round trip: ${same} of ${cases.length} cases give identical output (${sameWarnings} with the same warnings); ${rejected} rejected by the translator are rejected by bundle too; ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(warningDiffs).toEqual([]);
    expect(same + rejected).toBe(cases.length);
  });
});
