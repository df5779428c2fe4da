// `butane --report=json|sarif` and `--suggest`: machine-readable diagnostics and
// near-miss suggestions. The SARIF log is validated against the OASIS SARIF 2.1.0
// schema (errata 01, test/fixtures/sarif-schema-2.1.0.json, from the
// oasis-tcs/sarif-spec repository, sarif-2.1/schema/).
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { runButane } from "../../src/cli/butane";
import { tokenEnd, diagnosticCode } from "../../src/emit/report-json";
import { fileUri } from "../../src/emit/sarif";
import { editDistance, nearest, nearestVersion, nearMisses } from "../../src/lsp/suggest";
import { translate } from "../../src/api/translate";

const typo = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      overwite: true\n      mode: 644\n";
const invalid = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        inline: a\n        source: https://example.com/x\n";

function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(__dirname, "../fixtures/sarif-schema-2.1.0.json"), "utf8"));
  // The published schema is draft-04 ("id"); it uses nothing else that draft-07 reads differently.
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe("--report=json", () => {
  test("one document on stderr with every diagnostic; stdout and exit status unchanged", () => {
    const plain = runButane(["config.bu"], { files: { "config.bu": typo } });
    const r = runButane(["--report=json", "config.bu"], { files: { "config.bu": typo } });
    expect(r.code).toBe(plain.code);
    expect(r.stdout).toBe(plain.stdout);
    const doc = JSON.parse(r.stderr);
    expect(doc).toMatchObject({ format: "butane-report", formatVersion: 1, file: "config.bu", success: true });
    expect(doc.error).toBeUndefined();
    expect(doc.diagnostics).toEqual([
      { severity: "warning", code: "BUT120", message: "unused key overwite", path: "$.storage.files.0.overwite", line: 6, column: 7, endLine: 6, endColumn: 15 },
      expect.objectContaining({ severity: "warning", path: "$.storage.files.0.mode", line: 7, column: 13, endLine: 7, endColumn: 16, code: "BUT203" }),
      expect.objectContaining({ severity: "warning", path: "$.storage.files.0.mode", message: expect.stringMatching(/^setuid/) }),
    ]);
  });

  test("a failed translation: error, located diagnostics, exit 1, no output", () => {
    const r = runButane(["--report=json"], { stdin: invalid });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const doc = JSON.parse(r.stderr);
    expect(doc.success).toBe(false);
    expect(doc.file).toBeUndefined();
    expect(doc.error).toBe("Error translating config: source config is invalid");
    expect(doc.diagnostics).toHaveLength(1);
    expect(doc.diagnostics[0]).toMatchObject({ severity: "error", path: "$.storage.files.0.contents.source", line: 8, column: 17, endLine: 8, endColumn: 38 });
  });

  test("fatal errors the plain output does not list (YAML, header) are in the document", () => {
    const r = runButane(["--report=json"], { stdin: "variant: fcos\nversion: 1.5.0\nstorage: [\n" });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stderr);
    expect(doc.error).toMatch(/^Error translating config: Error unmarshaling yaml: /);
    expect(doc.diagnostics.length).toBeGreaterThan(0);
    expect(doc.diagnostics[0].line).toBeGreaterThan(0);
  });

  test("--strict, --check and a file that cannot be read", () => {
    const strict = runButane(["--report=json", "--strict"], { stdin: typo });
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stderr)).toMatchObject({ success: false, error: "Config produced warnings and --strict was specified" });
    const check = runButane(["--report=json", "--check"], { stdin: typo });
    expect(check.code).toBe(0);
    expect(check.stdout).toBe("");
    expect(JSON.parse(check.stderr).diagnostics).toHaveLength(3);
    const missing = runButane(["--report=json", "nope.bu"]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr)).toMatchObject({ success: false, error: "failed to open nope.bu: open nope.bu: no such file or directory", diagnostics: [] });
  });

  test("the extension flags stay out of --help, which is the reference's", () => {
    const help = runButane(["--help"]).stdout;
    expect(help).not.toContain("--report");
    expect(help).not.toContain("--suggest");
  });

  test("a bad --report value is a command-line error (exit 2)", () => {
    const r = runButane(["--report=xml"], { stdin: typo });
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n").pop()).toBe('invalid argument "xml" for "--report" flag: must be "json" or "sarif"');
  });

  test("without the new flags the output is what it was", () => {
    for (const args of [[], ["--raw-errors"], ["--strict"]]) {
      const r = runButane(args, { stdin: typo });
      expect(r.stderr).not.toContain("did you mean");
      expect(r.stderr).not.toContain('"diagnostics"');
    }
    expect(runButane(["--raw-errors"], { stdin: typo }).stderr).toBe(
      "warning at $.storage.files.0.overwite, line 6 col 7: unused key overwite\n" +
        "warning at $.storage.files.0.mode, line 7 col 13: unreasonable mode would be reasonable if specified in octal; remember to add a leading zero\n" +
        "warning at $.storage.files.0.mode, line 7 col 13: setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0\n",
    );
  });
});

describe("--report=sarif", () => {
  const validate = sarifValidator();

  test("validates against the SARIF 2.1.0 schema and carries rules, levels and regions", () => {
    const r = runButane(["--report=sarif", "--suggest", "dir/my config.bu"], { files: { "dir/my config.bu": typo } });
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stderr);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("butane-ts");
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(run.results.map((x: { ruleId: string }) => x.ruleId));
    const [first, second] = run.results;
    expect(first).toMatchObject({ ruleId: "BUT120", level: "warning", message: { text: "unused key overwite" } });
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "dir/my%20config.bu", index: 0 },
      region: { startLine: 6, startColumn: 7, endLine: 6, endColumn: 15 },
    });
    expect(first.fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { startLine: 6, startColumn: 7, endLine: 6, endColumn: 15 },
      insertedContent: { text: "overwrite" },
    });
    expect(second.level).toBe("warning");
    expect(run.invocations[0]).toEqual({ executionSuccessful: true, exitCode: 0 });
  });

  test("file names become URI references", () => {
    expect(fileUri("configs/a b#1.bu")).toBe("configs/a%20b%231.bu");
    expect(fileUri("/srv/x.bu")).toBe("file:///srv/x.bu");
    expect(fileUri("C:\\work\\x.bu")).toBe("file:///C:/work/x.bu");
    expect(fileUri("sub\\x.bu")).toBe("sub/x.bu");
  });

  test("failures, standard input and unreadable files validate too", () => {
    const cases = [
      runButane(["--report=sarif"], { stdin: invalid }),
      runButane(["--report=sarif"], { stdin: "variant: fcos\nversion: 1.5.0\nstorage: [\n" }),
      runButane(["--report=sarif", "--suggest"], { stdin: "variant: fcoss\nversion: 1.5.0\n" }),
      runButane(["--report=sarif", "missing.bu"]),
      runButane(["--report=sarif"], { stdin: "variant: fcos\nversion: 1.5.0\npasswd:\n  users:\n    - name: \"ünïcode\"\n      bogus: 1\n" }),
    ];
    for (const r of cases) {
      const log = JSON.parse(r.stderr);
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(cases[0]!.code).toBe(1);
    expect(JSON.parse(cases[0]!.stderr).runs[0].results[0]).toMatchObject({ level: "error", locations: [{ physicalLocation: { region: { startLine: 8, startColumn: 17 } } }] });
    const unreadable = JSON.parse(cases[3]!.stderr).runs[0].invocations[0];
    expect(unreadable.executionSuccessful).toBe(false);
    expect(unreadable.toolExecutionNotifications[0].message.text).toMatch(/^failed to open missing\.bu/);
    // Columns are code points, as declared.
    const uni = JSON.parse(cases[4]!.stderr).runs[0];
    expect(uni.columnKind).toBe("unicodeCodePoints");
  });
});

describe("--suggest", () => {
  test("a misspelt key gets the nearest key of its struct, as an info entry after the warning", () => {
    const r = runButane(["--raw-errors", "--suggest"], { stdin: typo });
    expect(r.stderr.split("\n").slice(0, 2)).toEqual([
      "warning at $.storage.files.0.overwite, line 6 col 7: unused key overwite",
      'info at $.storage.files.0.overwite, line 6 col 7: did you mean "overwrite"?',
    ]);
    expect(r.code).toBe(0);
    const pretty = runButane(["--suggest"], { stdin: typo }).stderr;
    expect(pretty).toContain('   |       ^^^^^^^^^ did you mean "overwrite"?');
  });

  test("keys of the right struct, other case or separators, and no wild guesses", () => {
    const cfg = "variant: fcos\nversion: 1.5.0\nstorage:\n  Files: []\n  disks:\n    - device: /dev/sda\n      wipe-table: true\n      xyzzy: 1\n";
    const lines = runButane(["--raw-errors", "--suggest"], { stdin: cfg }).stderr.split("\n").filter((l) => l.startsWith("info"));
    expect(lines).toEqual([
      'info at $.storage.Files, line 4 col 3: did you mean "files"?',
      'info at $.storage.disks.0.wipe-table, line 7 col 7: did you mean "wipe_table"?',
    ]);
  });

  test("a wrong variant name, a version the variant lacks, a misspelt header key", () => {
    const raw = (stdin: string) => runButane(["--raw-errors", "--suggest"], { stdin });
    const v = raw("variant: fcoss\nversion: 1.5.0\n");
    expect(v.code).toBe(1);
    expect(v.stderr).toBe('info at $.variant, line 1 col 10: did you mean "fcos"?\nError translating config: No translator exists for variant fcoss with version 1.5.0\n');
    expect(raw("variant: fcos\nversion: 1.9.0\n").stderr).toContain(`did you mean "${nearestVersion("fcos", "1.9.0")}"?`);
    expect(raw("variant: flatcar\nversion: 1.5\n").stderr).toContain('info at $.version, line 2 col 10: did you mean "1.1.0"?');
    expect(raw("varient: fcos\nversion: 1.5.0\n").stderr).toContain('info at $.varient, line 1 col 1: did you mean "variant"?');
    expect(raw("variant: fcos\nverison: 1.5.0\n").stderr).toContain('info at $.verison, line 2 col 1: did you mean "version"?');
  });

  test("nearest version: same major and minor first, stable over experimental", () => {
    expect(nearestVersion("fcos", "1.4.1")).toBe("1.4.0");
    expect(nearestVersion("fcos", "1.99.0")).not.toMatch(/experimental/);
    expect(nearestVersion("nosuchvariant", "1.0.0")).toBeUndefined();
  });

  test("edit distance counts a swap of neighbours as one edit", () => {
    expect(editDistance("overwrite", "overwite")).toBe(1);
    expect(editDistance("mdoe", "mode")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(nearest("mdoe", ["path", "mode"])).toBe("mode");
    expect(nearest("contents", ["path", "mode"])).toBeUndefined();
  });

  test("the library's report can be given fixes too", () => {
    const { report } = translate(typo);
    const fixes = nearMisses(typo, report);
    expect([...fixes.values()].map((f) => f.replacement)).toEqual(["overwrite"]);
  });
});

describe("token ends", () => {
  const lines = [
    "a: plain value # comment",
    'b: "quoted \\" still" x',
    "c: 'it''s'",
    "d: [1, [2, 3], {e: ']'}]",
    "f: |",
    "  one",
    "",
    "  two",
    "g: *alias",
    "h: &anchor value",
    "- item",
    'i: "multi',
    '  line"',
  ];
  test.each([
    [1, 1, 1, 2],
    [1, 4, 1, 15],
    [2, 4, 2, 21],
    [3, 4, 3, 11],
    [4, 4, 4, 25],
    [5, 4, 8, 6],
    [9, 4, 9, 10],
    [10, 4, 10, 17],
    [11, 1, 11, 2],
    [12, 4, 13, 8],
  ])("token at %i:%i ends at %i:%i", (line, column, endLine, endColumn) => {
    expect(tokenEnd(lines, line, column)).toEqual({ endLine, endColumn });
  });
  test("outside the text", () => {
    expect(tokenEnd(lines, 99, 1)).toBeUndefined();
  });
  test("codes: the catalogue's when present, else derived without the varying parts", () => {
    expect(diagnosticCode({ code: "x.y", message: "anything" })).toBe("x.y");
    expect(diagnosticCode({ message: "unused key foo" })).toBe("derived.unused-key-foo");
    expect(diagnosticCode({ message: 'invalid "x" at 3' })).toBe(diagnosticCode({ message: 'invalid "y" at 3' }));
  });
});
