// Golden tests: each folder under test/golden holds input.bu, optional args and
// files/, and the reference tool's recorded stdout, stderr (--raw-errors) and exit
// code. The same CLI code path runs in-process here. An optional expected.report.json
// holds the library's report for the case.
import { describe, expect, test } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { translateDetailed, STRICT_FAILURE } from "../src/translate";
import type { Diagnostic } from "../src/core/report";
import { formatRaw } from "../src/emit/diagnostics";
import { nodeFileSystem } from "../src/node-fs";
import { parseFlags } from "../src/cli/flags";
import { encodeOutput } from "../src/cli/io";

const root = join(__dirname, "golden");

function runCase(dir: string): { out: string; err: string; code: number; report: Diagnostic[] } {
  const args = existsSync(join(dir, "args")) ? readFileSync(join(dir, "args"), "utf8").trim().split(/\s+/).filter(Boolean) : [];
  const { values } = parseFlags(
    [
      { long: "files-dir", short: "d", kind: "string", help: "" },
      { long: "pretty", short: "p", kind: "bool", help: "" },
      { long: "strict", short: "s", kind: "bool", help: "" },
      { long: "raw", short: "r", kind: "bool", help: "" },
    ],
    args,
  );
  // Paths are as the CLI would see them when run in the case folder.
  const filesDir = typeof values.get("files-dir") === "string" ? (values.get("files-dir") as string) : "";
  const r = translateDetailed(readFileSync(join(dir, "input.bu")), {
    filesDir,
    pretty: values.get("pretty") === true,
    raw: values.get("raw") === true,
    cwd: dir,
    ...(filesDir ? { readFile: nodeFileSystem({ filesDir, cwd: dir }) } : {}),
  });
  let err = formatRaw(r.entries);
  const report = r.report;
  if (r.error !== undefined) return { out: "", err: err + `Error translating config: ${r.error}\n`, code: 1, report };
  if (values.get("strict") === true && r.entries.length > 0) return { out: "", err: err + STRICT_FAILURE + "\n", code: 1, report };
  return { out: r.output ?? "", err, code: 0, report };
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
      if (existsSync(reportFile)) expect(got.report).toEqual(JSON.parse(readFileSync(reportFile, "utf8")));
    });
  }
});
