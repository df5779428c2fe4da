// Golden tests for the variants other than fcos: each folder under
// test/variants/fixtures holds input.bu, optional args (one line of CLI flags) and
// the reference tool's (butane v0.29.0) recorded standard output, standard error
// (with --raw-errors) and exit code. The CLI's code path runs in-process here.
import { describe, expect, test } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { translateDetailed, STRICT_FAILURE } from "../../src/translate";
import { formatRaw } from "../../src/emit/diagnostics";

const root = join(__dirname, "fixtures");

function runCase(dir: string): { out: string; err: string; code: number } {
  const args = existsSync(join(dir, "args")) ? readFileSync(join(dir, "args"), "utf8").trim().split(/\s+/).filter(Boolean) : [];
  const known = new Set(["--raw", "--pretty", "--strict"]);
  for (const a of args) if (!known.has(a)) throw new Error(`unsupported flag in ${dir}/args: ${a}`);
  const r = translateDetailed(readFileSync(join(dir, "input.bu")), {
    raw: args.includes("--raw"),
    pretty: args.includes("--pretty"),
  });
  const err = formatRaw(r.entries);
  if (r.error !== undefined) return { out: "", err: err + `Error translating config: ${r.error}\n`, code: 1 };
  if (args.includes("--strict") && r.entries.length > 0) return { out: "", err: err + STRICT_FAILURE + "\n", code: 1 };
  return { out: r.output ?? "", err, code: 0 };
}

describe("variant golden cases", () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    test(name, () => {
      const got = runCase(dir);
      expect(got.err).toBe(readFileSync(join(dir, "expected.err"), "utf8"));
      expect(got.out).toBe(readFileSync(join(dir, "expected.out"), "utf8"));
      expect(got.code).toBe(Number(readFileSync(join(dir, "expected.code"), "utf8").trim()));
    });
  }
});
