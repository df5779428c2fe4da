// Every diagnostic has a stable code: the catalogues give each message template one
// code (and each code one template), docs/diagnostics.md lists them with their
// severities, and every diagnostic that the golden and conformance inputs produce
// carries the code of the template its message matches.
import { describe, expect, test } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BUTANE_MESSAGES } from "../../src/butane/messages";
import { IGNITION_FIXED, IGNITION_TEMPLATES } from "../../src/ignition/validate/messages";
import type { Message, Template } from "../../src/core/catalogue";
import type { Diagnostic } from "../../src/core/report";
import { translate } from "../../src/api/translate";
import { nodeFileSystem } from "../../src/fs/node-fs";
import { caseDirs, CONFORMANCE_CASES, haveShared } from "../shared";

interface Entry {
  catalogue: string;
  name: string;
  code: string;
  pattern: string;
}

function entries(catalogue: string, table: Record<string, Message | Template<never>>): Entry[] {
  return Object.entries(table).map(([name, m]) => ({ catalogue, name, code: m.code, pattern: typeof m === "function" ? m.pattern : m.message }));
}

const BUTANE = Object.entries(BUTANE_MESSAGES).flatMap(([area, table]) => entries(`butane ${area}`, table));
const IGNITION = [...entries("ignition", IGNITION_FIXED), ...entries("ignition", IGNITION_TEMPLATES)];
const ALL = [...BUTANE, ...IGNITION];
const byCode = new Map(ALL.map((e) => [e.code, e]));

/** The template as a regular expression: each {part} stands for any text. */
function matcher(pattern: string): RegExp {
  const parts = pattern.split(/\{[a-z]+\}/i).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".*")}$`, "s");
}

/** docs/diagnostics.md rows: `| CODE | severity | … |`. */
function documented(): Map<string, string> {
  const doc = readFileSync(join(__dirname, "../../docs/diagnostics.md"), "utf8");
  const rows = new Map<string, string>();
  for (const m of doc.matchAll(/^\| `?((?:BUT|IGN)\d{3})`? \| ([^|]+) \|/gm)) rows.set(m[1]!, m[2]!.trim());
  return rows;
}

describe("the message catalogues", () => {
  test("give every template one code, never shared", () => {
    const codes = ALL.map((e) => e.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
    for (const e of ALL) expect(e.code).toMatch(e.catalogue === "ignition" ? /^IGN\d{3}$/ : /^BUT\d{3}$/);
    // Within a catalogue a wording has one code (a pass-through "{problem}" aside).
    for (const list of [BUTANE, IGNITION]) {
      const patterns = list.map((e) => e.pattern).filter((p) => p !== "{problem}");
      expect(patterns.filter((p, i) => patterns.indexOf(p) !== i)).toEqual([]);
    }
  });

  test("are documented in docs/diagnostics.md, code for code", () => {
    const rows = documented();
    expect([...rows.keys()].sort()).toEqual(ALL.map((e) => e.code).sort());
    for (const [code, severity] of rows) expect(severity, code).toMatch(/^(error|warning|error or warning|outcome)$/);
  });
});

function caseArgs(dir: string): string[] {
  return existsSync(join(dir, "args")) ? readFileSync(join(dir, "args"), "utf8").trim().split(/\s+/).filter(Boolean) : [];
}

/** The library's report for a recorded case (its input, with the options its args give). */
function caseReport(dir: string): Diagnostic[] {
  const args = caseArgs(dir);
  const d = args.findIndex((a) => a === "-d" || a === "--files-dir");
  const filesDir = d >= 0 ? args[d + 1]! : (args.find((a) => a.startsWith("--files-dir="))?.slice(12) ?? "");
  return translate(readFileSync(join(dir, "input.bu")), {
    filesDir,
    raw: args.includes("-r") || args.includes("--raw"),
    cwd: dir,
    ...(filesDir ? { readFile: nodeFileSystem({ filesDir, cwd: dir }) } : {}),
  }).report;
}

const conformance = haveShared("diagnostic codes of the conformance inputs", "conformance/cases") ? caseDirs(CONFORMANCE_CASES) : [];

describe("every diagnostic of the recorded inputs", () => {
  const sets: [string, string[]][] = [
    ["golden", [...caseDirs(join(__dirname, "../golden")), ...caseDirs(join(__dirname, "../variants/fixtures"))]],
    ["conformance", conformance],
  ];
  for (const [name, dirs] of sets) {
    test.skipIf(dirs.length === 0)(`has the code of the template its message matches (${name})`, () => {
      const rows = documented();
      const problems: string[] = [];
      const seen = new Set<string>();
      let diagnostics = 0;
      for (const dir of dirs) {
        for (const d of caseReport(dir)) {
          diagnostics++;
          const where = `${dir}: ${d.severity} ${d.message}`;
          const e = d.code === undefined ? undefined : byCode.get(d.code);
          if (!e) problems.push(`${where}: code ${d.code} is in no catalogue`);
          else if (!matcher(e.pattern).test(d.message)) problems.push(`${where}: does not match ${d.code} "${e.pattern}"`);
          else if (!rows.get(d.code!)?.includes(d.severity)) problems.push(`${where}: ${d.code} is documented as ${rows.get(d.code!)}`);
          else seen.add(d.code!);
        }
      }
      expect(problems).toEqual([]);
      expect(diagnostics).toBeGreaterThan(name === "golden" ? 20 : 500);
      console.log(`${name}: ${diagnostics} diagnostics from ${dirs.length} inputs, ${seen.size} distinct codes`);
    });
  }
});
