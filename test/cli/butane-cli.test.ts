// The `butane` command as a process: flags, exit codes, output files.
import { describe, expect, test, beforeAll } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "../..");
const bin = join(root, "bin/butane.js");

function run(args: string[], input = "", cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, cwd, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const good = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      mode: 0644\n";
const warns = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      mode: 644\n";
const bad = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        inline: a\n        source: https://example.com/x\n";

beforeAll(() => {
  if (!existsSync(join(root, "dist/cli/butane.cjs"))) throw new Error("run `npm run build` first");
});

describe("butane CLI", () => {
  test("stdin to stdout, compact, with a final newline", () => {
    const r = run([], good);
    expect(r.code).toBe(0);
    expect(r.out).toBe('{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/etc/motd","mode":420}]}}\n');
    expect(r.err).toBe("");
  });

  test("--pretty indents by two spaces", () => {
    expect(run(["-p"], good).out.split("\n")[1]).toBe('  "ignition": {');
  });

  test("warnings go to stderr and --strict turns them into failure", () => {
    const r = run(["--raw-errors"], warns);
    expect(r.code).toBe(0);
    expect(r.err).toContain("warning at $.storage.files.0.mode, line 6 col 13: unreasonable mode");
    const s = run(["--raw-errors", "--strict"], warns);
    expect(s.code).toBe(1);
    expect(s.out).toBe("");
    expect(s.err.trim().split("\n").pop()).toBe("Config produced warnings and --strict was specified");
  });

  test("annotated diagnostics by default, without colour when not a terminal", () => {
    const r = run([], bad);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      [
        "error[$.storage.files.0.contents.source]:",
        "  --> <stdin>:8:17",
        "   |",
        " 6 |       contents:",
        " 7 |         inline: a",
        " 8 |         source: https://example.com/x",
        "   |                 ^^^^^^^^^^^^^^^^^^^^^ only one of the following can be set: inline, local, source",
        " 9 | ",
        "   |",
        "Error translating config: source config is invalid",
        "",
      ].join("\n"),
    );
    expect(run(["--color=always"], bad).err).toContain("\x1b[1;31merror\x1b[0m[");
  });

  test("the underline counts a byte order mark on the first line, as the reference does", () => {
    const r = run(["--color=never"], "\ufeffvariant: openshift\nversion: 4.14.0\n");
    expect(r.err.split("\n").slice(0, 6)).toEqual([
      "error[$.metadata.name]:",
      "  --> <stdin>:1:1",
      "   |",
      " 1 | \ufeffvariant: openshift",
      "   | ^^^^^^^^^^^ metadata.name is required", // 3 bytes of BOM + "variant:"
      " 2 | version: 4.14.0",
    ]);
  });

  test("--check prints nothing on success", () => {
    const r = run(["-c"], good);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
  });

  test("-o writes the file only on success and never leaves a partial one", () => {
    const dir = mkdtempSync(join(tmpdir(), "butane-cli-"));
    const out = join(dir, "out.ign");
    expect(run(["-o", out], good).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^\{"ignition"/);
    writeFileSync(out, "previous contents\n");
    expect(run(["-o", out], bad).code).toBe(1);
    expect(readFileSync(out, "utf8")).toBe("previous contents\n");
    expect(readdirSync(dir)).toEqual(["out.ign"]);
  });

  test("input from a file argument; a missing file is reported", () => {
    expect(run([join(root, "examples/acos.bu")]).code).toBe(0);
    const r = run(["/nonexistent/x.bu"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("failed to open /nonexistent/x.bu: open /nonexistent/x.bu: no such file or directory\n");
  });

  test("usage errors exit 2", () => {
    const u = run(["--bogus"]);
    expect(u.code).toBe(2);
    // as pflag v1.0.10 (vendored by the reference) does it: the usage, then the error
    expect(u.err.split("\n")[0]).toBe("Usage: butane [options] [input-file]");
    expect(u.err.endsWith("\n  -V, --version                   print the version and exit\nunknown flag: --bogus\n")).toBe(true);
    expect(run(["a.bu", "b.bu"]).code).toBe(2);
  });

  test("--help and --version", () => {
    const h = run(["--help"]);
    expect(h.code).toBe(0);
    expect(h.out).toContain("Usage: butane [options] [input-file]");
    expect(h.out).toContain("  -d, --files-dir string          allow embedding local files from this directory");
    expect(run(["-V"]).out).toMatch(/^Butane 0\.29\.0 /);
  });
});
