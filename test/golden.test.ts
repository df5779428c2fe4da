// Golden tests: each folder under test/golden holds input.bu, optional args and
// files/, and the reference tool's recorded stdout, stderr (--raw-errors) and exit
// code. The same CLI code path runs in-process here. An optional expected.report.json
// holds the library's report for the case.
import { describe, expect, test } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { translate } from "../src/api/translate";
import type { Diagnostic } from "../src/core/report";
import { nodeFileSystem } from "../src/fs/node-fs";
import { runButane } from "../src/cli/butane";
import { encodeOutput } from "../src/cli/node-io";

const root = join(__dirname, "golden");

function caseArgs(dir: string): string[] {
  return existsSync(join(dir, "args")) ? readFileSync(join(dir, "args"), "utf8").trim().split(/\s+/).filter(Boolean) : [];
}

/** The command as the reference was run: in the case folder, the config on standard input. */
function runCase(dir: string) {
  const input = readFileSync(join(dir, "input.bu"));
  const run = runButane([...caseArgs(dir), "--raw-errors"], {
    stdin: input,
    cwd: dir,
    filesDir: (filesDir) => nodeFileSystem({ filesDir, cwd: dir }),
  });
  return { out: run.stdout, err: run.stderr, code: run.code, input };
}

/** The library's report for the same case and options. */
function caseReport(dir: string, input: Uint8Array): Diagnostic[] {
  const args = caseArgs(dir);
  const d = args.findIndex((a) => a === "-d" || a === "--files-dir");
  const filesDir = d >= 0 ? args[d + 1]! : (args.find((a) => a.startsWith("--files-dir="))?.slice(12) ?? "");
  return translate(input, {
    filesDir,
    pretty: args.includes("-p") || args.includes("--pretty"),
    raw: args.includes("-r") || args.includes("--raw"),
    cwd: dir,
    ...(filesDir ? { readFile: nodeFileSystem({ filesDir, cwd: dir }) } : {}),
  }).report;
}

describe("golden", () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    test(name, () => {
      const got = runCase(dir);
      expect(got.code).toBe(Number(readFileSync(join(dir, "expected.code"), "utf8").trim()));
      // Byte for byte: the reference may print bytes that are not UTF-8 (a value cut
      // in the middle of a character); latin1 keeps each byte as one character.
      expect(encodeOutput(got.err).toString("latin1")).toBe(readFileSync(join(dir, "expected.err")).toString("latin1"));
      expect(got.out).toBe(readFileSync(join(dir, "expected.out"), "utf8"));
      // The library's report (ours, not the reference's: it also locates fatal errors).
      const reportFile = join(dir, "expected.report.json");
      if (existsSync(reportFile)) expect(caseReport(dir, got.input)).toEqual(JSON.parse(readFileSync(reportFile, "utf8")));
    });
  }
});
