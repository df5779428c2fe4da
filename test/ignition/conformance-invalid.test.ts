// The recorded reference cases that fail with "config generated was invalid": Butane
// translates them, and Ignition's checks reject the generated config. Here the project's
// translator (with the project's Ignition checks) must give exactly the diagnostics the
// reference printed (message, severity, path mapped back to the Butane source, position).
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { formatEntryRaw } from "../../src/core/report";
import { translateDetailed } from "../../src/api/translate";
import { haveShared } from "../shared";

const casesDir = join(__dirname, "../../../shared/conformance/cases");

function invalidConfigCases(): string[] {
  if (!existsSync(casesDir)) return [];
  const out: string[] = [];
  for (const group of readdirSync(casesDir)) {
    const g = join(casesDir, group);
    if (!statSync(g).isDirectory()) continue;
    for (const name of readdirSync(g)) {
      const dir = join(g, name);
      const err = join(dir, "expected.err");
      if (!existsSync(err) || existsSync(join(dir, "stderr-exact"))) continue;
      const input = readFileSync(join(dir, "input.bu"), "utf8");
      // Rejected generated configs, and configs embedded inline in ignition.config.merge/replace.
      if (readFileSync(err, "utf8").includes("config generated was invalid") || /(merge|replace):[\s\S]*inline:/.test(input)) out.push(dir);
    }
  }
  return out.sort();
}

function run(dir: string): string {
  const input = readFileSync(join(dir, "input.bu"));
  const args = existsSync(join(dir, "args")) ? readFileSync(join(dir, "args"), "utf8").trim().split(/\s+/) : [];
  const res = translateDetailed(input, {
    strict: args.includes("--strict"),
    ...(args.includes("-d") || args.includes("--files-dir") ? { filesDir: "files", readFile: (p: string) => readFileSync(join(dir, p)) } : {}),
  });
  const lines = res.entries.map(formatEntryRaw);
  if (res.error !== undefined) lines.push(`Error translating config: ${res.error}`);
  return lines.map((l) => l + "\n").join("");
}

const cases = haveShared("reference cases rejected by Ignition's checks", "conformance/cases") ? invalidConfigCases() : [];

describe.skipIf(cases.length === 0)("reference cases rejected by Ignition's checks", () => {
  it("reproduces the reference's diagnostics for every case", () => {
    const failures: string[] = [];
    let compared = 0;
    for (const dir of cases) {
      const want = readFileSync(join(dir, "expected.err"), "utf8");
      const got = run(dir);
      // Variants the translator does not support yet are not this module's concern.
      if (got.includes("No translator exists for variant")) continue;
      compared++;
      if (got !== want) failures.push(`${dir}\n--- want\n${want}--- got\n${got}`);
    }
    console.log(`invalid-generated-config and embedded-config cases: ${compared} of ${cases.length} compared`);
    expect(compared).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});
