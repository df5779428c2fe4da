// The `ignition-validate` command as a process.
import { beforeAll, describe, expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "../..");
const bin = join(root, "bin/ignition-validate.js");

function run(args: string[], input = "") {
  const r = spawnSync(process.execPath, [bin, ...args], { input, cwd: root, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, "dist/cli/ignition-validate.cjs"))) throw new Error("run `npm run build` first");
});

const good = '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/etc/motd","mode":420}]}}\n';
const bad = '{\n  "ignition": {"version": "3.4.0"},\n  "storage": {"files": [{"path": "etc/motd", "mode": 99999}]}\n}\n';

describe("ignition-validate", () => {
  test("a valid file: no output, exit 0", () => {
    const dir = mkdtempSync(join(tmpdir(), "ign-validate-"));
    writeFileSync(join(dir, "good.ign"), good);
    expect(run([join(dir, "good.ign")])).toEqual({ code: 0, out: "", err: "" });
  });

  test("stdin, invalid: raw-error lines with positions, exit 1", () => {
    const r = run(["-"], bad);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      "error at $.storage.files.0.path, line 3 col 34: path not absolute\n" +
        "error at $.storage.files.0.mode, line 3 col 54: illegal file mode\n" +
        "warning at $.storage.files.0.mode, line 3 col 54: setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0\n",
    );
    expect(run([], bad).code).toBe(1);
  });

  test("unknown keys: errors by default, warnings with --warn-unused", () => {
    const doc = '{"ignition":{"version":"3.0.0","proxy":{}}}';
    expect(run([], doc)).toEqual({ code: 1, out: "error at $.ignition.proxy, line 1 col 32: unused key proxy\n", err: "" });
    expect(run(["--warn-unused"], doc)).toEqual({ code: 0, out: "warning at $.ignition.proxy, line 1 col 32: unused key proxy\n", err: "" });
  });

  test("unparsable input", () => {
    expect(run([], "{")).toEqual({ code: 1, out: "error at line 1 col 2: unexpected end of JSON input\n", err: "" });
    expect(run([], "")).toEqual({ code: 1, out: "error: not a config (empty)\n", err: "" });
  });

  test("a missing file, usage errors, help and version", () => {
    const r = run(["/nonexistent/x.ign"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("couldn't read config: open /nonexistent/x.ign: no such file or directory\n");
    expect(run(["a", "b"]).code).toBe(2);
    expect(run(["--bogus"]).code).toBe(2);
    expect(run(["--help"])).toMatchObject({ code: 0, out: expect.stringContaining("Usage: ignition-validate") });
    expect(run(["--version"]).out).toMatch(/^ignition-validate \(butane-ts .*\), Ignition v2\.26\.0 rules\n$/);
  });
});

describe("ignition-validate, in process (runIgnitionValidate)", async () => {
  const { runIgnitionValidate } = await import("../../src/cli/ignition-validate");

  test("a type mismatch is one diagnostic, Go's message at the value's path", () => {
    const r = runIgnitionValidate(["-"], { stdin: '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/a","mode":"420"}]}}' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "error at $.storage.files.0.mode, line 1 col 78: json: cannot unmarshal string into Go struct field File.storage.files.FileEmbedded1.mode of type int\n",
    );
  });

  test("truncated JSON is located just past its end", () => {
    expect(runIgnitionValidate(["-"], { stdin: '{\n  "ignition": {' })).toEqual({ code: 1, stdout: "error at line 2 col 16: unexpected end of JSON input\n", stderr: "" });
  });

  test("a Butane config gets a hint to translate it first", () => {
    const r = runIgnitionValidate(["cfg.bu"], { files: { "cfg.bu": "# users\nvariant: fcos\nversion: 1.5.0\n" } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^error at line 1 col 2: invalid character '#'/);
    expect(r.stderr).toBe("ignition-validate: this looks like a Butane config, not Ignition JSON; translate it first: butane cfg.bu | ignition-validate\n");
    // Plain invalid JSON gets no such hint.
    expect(runIgnitionValidate(["-"], { stdin: "nonsense" }).stderr).toBe("");
  });

  test("input over 128 MiB is refused without reading on", () => {
    const big = new Uint8Array(128 * 1024 * 1024 + 1).fill(0x20);
    const r = runIgnitionValidate(["-"], { stdin: big });
    expect(r).toEqual({ code: 1, stdout: "", stderr: "couldn't read config: standard input is larger than 134217728 bytes (128 MiB)\n" });
  });
});
