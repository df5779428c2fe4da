// The extensions of the `butane` command for Ignition → Butane (--from-ignition,
// --variant) and many inputs per run (--out-dir, or -o DIR with several inputs): the
// command core with in-memory IO, and the real process for what touches the disk.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runButane } from "../../src/cli/butane";
import { normalizeIgnition } from "../../src/decompile/normalize";

const root = join(__dirname, "../..");
const good = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      mode: 0644\n      contents:\n        inline: hi\n";
const warns = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      mode: 644\n";
const bad = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: motd\n";
const ign = '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/etc/motd","contents":{"compression":"","source":"data:,hi"},"mode":420}]}}\n';

describe("--from-ignition", () => {
  test("reads Ignition from a file or stdin and writes Butane", () => {
    const expected = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        inline: hi\n      mode: 0644\n";
    expect(runButane(["--from-ignition", "in.ign"], { files: { "in.ign": ign } })).toMatchObject({ code: 0, stdout: expected, stderr: "" });
    expect(runButane(["--from-ignition"], { stdin: ign })).toMatchObject({ code: 0, stdout: expected });
    const back = runButane([], { stdin: expected });
    expect(normalizeIgnition(back.stdout)).toBe(normalizeIgnition(ign));
  });

  test("--variant picks the variant; -o writes the file; -c only checks", () => {
    const r = runButane(["--from-ignition", "--variant", "flatcar", "-o", "out.bu", "in.ign"], { files: { "in.ign": ign } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.written.get("out.bu")).toMatch(/^variant: flatcar\nversion: 1\.1\.0\n/);
    expect(runButane(["--from-ignition", "-c", "in.ign"], { files: { "in.ign": ign } })).toMatchObject({ code: 0, stdout: "" });
  });

  test("errors are positioned in the .ign file and nothing is written", () => {
    const text = '{"ignition":{"version":"3.4.0"},\n "storage":{"files":[{"path":"motd"}]}}\n';
    const r = runButane(["--from-ignition", "--raw-errors", "-o", "out.bu", "in.ign"], { files: { "in.ign": text } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error at $.storage.files.0.path, line 2 col 30: path not absolute\nError decompiling config: the input is not a valid Ignition config\n");
    expect(r.written.size).toBe(0);
    const pretty = runButane(["--from-ignition", "in.ign"], { files: { "in.ign": text } });
    expect(pretty.stderr).toContain("--> in.ign:2:30");
    const noVersion = runButane(["--from-ignition", "--variant", "flatcar", "--raw-errors"], { stdin: '{"ignition":{"version":"3.5.0"}}' });
    expect(noVersion.stderr).toMatch(/^error at \$\.ignition\.version, line 1 col 24: no flatcar version translates to Ignition 3\.5\.0/);
  });

  test("flags that do not apply are usage errors", () => {
    for (const args of [["--from-ignition", "-p"], ["--from-ignition", "-d", "x"], ["--from-ignition", "-r"], ["--variant", "fcos"]]) {
      expect(runButane(args, { stdin: ign }).code).toBe(2);
    }
  });
});

describe("--out-dir", () => {
  const files = { "a.bu": good, "dir/b.bu": warns, "c.bu": bad, "d.yaml": good };

  test("translates each input to DIR/<name>.ign; failures are named and write nothing", () => {
    const r = runButane(["--out-dir", "out", "a.bu", "dir/b.bu", "c.bu", "d.yaml", "missing.bu"], { files });
    expect(r.code).toBe(1);
    expect([...r.written.keys()]).toEqual(["out/a.ign", "out/b.ign", "out/d.yaml.ign"]);
    expect(r.written.get("out/a.ign")).toBe(runButane(["a.bu"], { files }).stdout);
    expect(r.stderr).toContain("==> dir/b.bu <==\nwarning[$.storage.files.0.mode]:\n  --> dir/b.bu:6:13");
    expect(r.stderr).toContain("==> c.bu <==\nerror[$.storage.files.0.path]:\n  --> c.bu:5:13");
    expect(r.stderr).toContain("Error translating config: config generated was invalid\n");
    expect(r.stderr).toContain("==> missing.bu <==\nfailed to open missing.bu: open missing.bu: no such file or directory\n");
    expect(r.stderr.endsWith("2 of 5 inputs failed\n")).toBe(true);
  });

  test("--raw-errors prefixes every line with the file name; -p and -s apply to every input", () => {
    const r = runButane(["-o", "out", "--raw-errors", "-s", "-p", "a.bu", "dir/b.bu", "c.bu"], { files });
    expect(r.code).toBe(1);
    expect([...r.written.keys()]).toEqual(["out/a.ign"]);
    expect(r.written.get("out/a.ign")).toBe(runButane(["-p", "a.bu"], { files }).stdout);
    expect(r.stderr).toBe(
      "dir/b.bu: warning at $.storage.files.0.mode, line 6 col 13: unreasonable mode would be reasonable if specified in octal; remember to add a leading zero\n" +
        "dir/b.bu: warning at $.storage.files.0.mode, line 6 col 13: setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0\n" +
        "dir/b.bu: Config produced warnings and --strict was specified\n" +
        "c.bu: error at $.storage.files.0.path, line 5 col 13: path not absolute\n" +
        "c.bu: Error translating config: config generated was invalid\n" +
        "2 of 3 inputs failed\n",
    );
  });

  test("all inputs good: exit 0, nothing on stderr; two inputs with one base name are refused", () => {
    expect(runButane(["--out-dir", "o/", "a.bu", "d.yaml"], { files })).toMatchObject({ code: 0, stderr: "" });
    const dup = runButane(["--out-dir", "o", "a.bu", "x/a.bu"], { files: { "a.bu": good, "x/a.bu": good } });
    expect(dup.code).toBe(1);
    expect([...dup.written.keys()]).toEqual(["o/a.ign"]);
    expect(dup.stderr).toContain("output o/a.ign is already written for a.bu");
  });

  test("one input keeps -o's reference meaning; bad combinations are usage errors", () => {
    const one = runButane(["-o", "out.ign", "a.bu"], { files });
    expect([...one.written.keys()]).toEqual(["out.ign"]);
    expect(runButane(["a.bu", "c.bu"], { files }).code).toBe(2); // as the reference: one input only
    expect(runButane(["--out-dir", "o"], { files }).code).toBe(2);
    expect(runButane(["--out-dir", "o", "-o", "x", "a.bu", "c.bu"], { files }).code).toBe(2);
    expect(runButane(["--out-dir", "o", "--from-ignition", "a.bu"], { files }).code).toBe(2);
  });

  test("the real command writes the files atomically and only for good inputs", () => {
    const dir = mkdtempSync(join(tmpdir(), "butane-batch-"));
    for (const [n, t] of Object.entries({ "a.bu": good, "c.bu": bad })) writeFileSync(join(dir, n), t);
    const out = join(dir, "out");
    spawnSync("mkdir", [out]);
    const r = spawnSync(process.execPath, [join(root, "bin/butane.js"), "--out-dir", "out", "a.bu", "c.bu"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(readdirSync(out)).toEqual(["a.ign"]);
    expect(readFileSync(join(out, "a.ign"), "utf8")).toBe(runButane(["a.bu"], { files }).stdout);
    expect(existsSync(join(out, "c.ign"))).toBe(false);
  });
});
