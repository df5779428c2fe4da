// Golden tests for the variants other than fcos: each folder under
// test/variants/fixtures holds input.bu, optional args (one line of CLI flags) and
// the reference tool's (butane v0.29.0) recorded standard output, standard error
// (with --raw-errors) and exit code. The CLI's code path runs in-process here.
import { describe, expect, test } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runButane } from "../../src/cli/butane";

const root = join(__dirname, "fixtures");

/** The command as the reference was run: the config on standard input, raw errors. */
function runCase(dir: string): { out: string; err: string; code: number } {
  const args = existsSync(join(dir, "args")) ? readFileSync(join(dir, "args"), "utf8").trim().split(/\s+/).filter(Boolean) : [];
  const run = runButane([...args, "--raw-errors"], { stdin: readFileSync(join(dir, "input.bu")) });
  return { out: run.stdout, err: run.stderr, code: run.code };
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
