// The `butane` command on broken input and in awkward places (SECURITY.md): output is
// written atomically and only on success, wherever it goes; standard input that is
// binary, mis-encoded, empty or endless gets the reference's answer or a clear error.
// Expected texts were recorded from the reference (Go butane v0.29.0).
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";

const root = join(__dirname, "../..");
const bin = join(root, "bin/butane.js");
const GOOD = "variant: fcos\nversion: 1.5.0\n";
const GOOD_OUT = '{"ignition":{"version":"3.4.0"}}\n';
const BAD = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: relative\n";

function run(args: string[], input: string | Buffer = "", opts: { cwd?: string; uid?: number; gid?: number } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, cwd: opts.cwd ?? root, uid: opts.uid, gid: opts.gid, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout.toString("utf8"), err: r.stderr.toString("utf8") };
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "butane-cli-safety-"));
  chmodSync(d, 0o755);
  return d;
}

beforeAll(() => {
  if (!existsSync(join(root, "dist/cli/butane.cjs"))) throw new Error("run `npm run build` first");
});

describe("-o", () => {
  test("into a directory that does not exist: the reference's error, nothing created", () => {
    const r = run(["-o", "/nonexistent-dir/x/out.ign"], GOOD);
    expect(r.code).toBe(1);
    expect(r.err).toBe("failed to open /nonexistent-dir/x/out.ign: open /nonexistent-dir/x/out.ign: no such file or directory\n");
  });

  test("naming a directory: the reference's error", () => {
    const d = tempDir();
    const r = run(["-o", d], GOOD);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`failed to open ${d}: open ${d}: is a directory\n`);
  });

  test("into a read-only directory: a new file is refused; an existing writable file is overwritten in place, as the reference does", () => {
    const d = tempDir();
    const ro = join(d, "ro");
    mkdirSync(ro);
    writeFileSync(join(ro, "exists.ign"), "previous\n", { mode: 0o666 });
    chmodSync(join(ro, "exists.ign"), 0o666);
    writeFileSync(join(d, "in.bu"), GOOD);
    chmodSync(ro, 0o555);
    // Permissions do not bind root: run as nobody then.
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const fresh = run(["-o", join(ro, "new.ign"), join(d, "in.bu")], "", as);
    expect(fresh.code).toBe(1);
    expect(fresh.err).toBe(`failed to open ${join(ro, "new.ign")}: open ${join(ro, "new.ign")}: permission denied\n`);
    const existing = run(["-o", join(ro, "exists.ign"), join(d, "in.bu")], "", as);
    expect(existing.err).toBe("");
    expect(existing.code).toBe(0);
    expect(readFileSync(join(ro, "exists.ign"), "utf8")).toBe(GOOD_OUT);
    expect(readdirSync(ro).sort()).toEqual(["exists.ign"]);
  });

  test("naming the input file: the input is read first, then replaced (reference behaviour)", () => {
    const d = tempDir();
    const f = join(d, "same.bu");
    writeFileSync(f, GOOD);
    const r = run([f, "-o", f]);
    expect(r.code).toBe(0);
    expect(readFileSync(f, "utf8")).toBe(GOOD_OUT);
    expect(readdirSync(d)).toEqual(["same.bu"]);
  });

  test("through a symlink: the link's target is replaced and the link kept, as the reference writes through it", () => {
    const d = tempDir();
    writeFileSync(join(d, "real.ign"), "previous\n");
    symlinkSync("real.ign", join(d, "link.ign"));
    const r = run(["-o", join(d, "link.ign")], GOOD);
    expect(r.code).toBe(0);
    expect(lstatSync(join(d, "link.ign")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, "link.ign"))).toBe("real.ign");
    expect(readFileSync(join(d, "real.ign"), "utf8")).toBe(GOOD_OUT);
    expect(readdirSync(d).sort()).toEqual(["link.ign", "real.ign"]);
  });

  test("a failed run leaves the existing output untouched and no temporary file", () => {
    const d = tempDir();
    const out = join(d, "out.ign");
    writeFileSync(out, "previous\n", { mode: 0o600 });
    expect(run(["-o", out], BAD).code).toBe(1);
    expect(readFileSync(out, "utf8")).toBe("previous\n");
    expect(run(["-o", out], GOOD).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(GOOD_OUT);
    expect(lstatSync(out).mode & 0o777).toBe(0o600); // the mode is kept
    expect(readdirSync(d)).toEqual(["out.ign"]);
  });

  test("SIGTERM during a slow translation leaves the output untouched and no temporary file", async () => {
    const d = tempDir();
    let big = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n";
    for (let i = 0; i < 40_000; i++) big += `    - path: /etc/f${i}\n      contents:\n        inline: "x${i} = ${"y".repeat(40)}"\n`;
    writeFileSync(join(d, "big.bu"), big);
    writeFileSync(join(d, "out.ign"), "previous\n");
    const child = spawn(process.execPath, [bin, join(d, "big.bu"), "-o", join(d, "out.ign")], { stdio: "ignore" });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    await new Promise((r) => setTimeout(r, 700));
    child.kill("SIGTERM");
    const { code, signal } = await exited;
    // Killed mid-translation (the run takes seconds): nothing was written.
    expect(signal === "SIGTERM" || code !== 0).toBe(true);
    expect(readFileSync(join(d, "out.ign"), "utf8")).toBe("previous\n");
    expect(readdirSync(d).sort()).toEqual(["big.bu", "out.ign"]);
  });
});

describe("broken input on stdin (reference behaviour)", () => {
  const cases: Array<[string, Buffer, number, string, string]> = [
    ["empty input", Buffer.alloc(0), 1, "", "Error translating config: error parsing variant; must be specified\n"],
    ["a NUL byte", Buffer.from("variant: fcos\nversion: 1.5.0\0\n"), 1, "", "Error translating config: Error unmarshaling yaml: yaml: control characters are not allowed\n"],
    ["binary data", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]), 1, "", "Error translating config: Error unmarshaling yaml: yaml: control characters are not allowed\n"],
    ["invalid UTF-8", Buffer.from([...Buffer.from('variant: fcos\nversion: 1.5.0\nx: "'), 0xff, 0xfe, 0x22, 0x0a]), 1, "", "Error translating config: Error unmarshaling yaml: yaml: invalid leading UTF-8 octet\n"],
    ["a UTF-8 BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD)]), 0, GOOD_OUT, ""],
    ["UTF-16LE with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, "utf16le")]), 0, GOOD_OUT, ""],
    ["UTF-16BE with a BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(GOOD, "utf16le").swap16()]), 0, GOOD_OUT, ""],
    ["UTF-16LE without a BOM", Buffer.from(GOOD, "utf16le"), 1, "", "Error translating config: Error unmarshaling yaml: yaml: control characters are not allowed\n"],
    [
      "CRLF line ends",
      Buffer.from("variant: fcos\r\nversion: 1.5.0\r\nstorage:\r\n  files:\r\n    - path: /a\r\n      contents:\r\n        inline: |\r\n          x\r\n          y\r\n"),
      0,
      '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/a","contents":{"compression":"","source":"data:,x%0Ay%0A"}}]}}\n',
      "",
    ],
  ];
  for (const [name, input, code, out, err] of cases) {
    test(name, () => {
      const r = run([], input);
      expect({ code: r.code, out: r.out, err: r.err }).toEqual({ code, out, err });
    });
  }

  test("an endless input stops at the document size limit", () => {
    const r = run(["/dev/zero"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("Error translating config: Error unmarshaling yaml: yaml: document is larger than 134217728 bytes (128 MiB)\n");
  });

  test("a directory as input: the reference's error", () => {
    const d = tempDir();
    expect(run([d]).err).toBe(`failed to read ${d}: read ${d}: is a directory\n`);
  });

  test("many diagnostics on one huge line print a window of it, not the whole line each time", () => {
    const doc = "variant: fcos\nversion: 1.5.0\nstorage:\n  directories: [" + Array(3000).fill("{path: /a}").join(",") + "]\n";
    const r = run([], doc);
    expect(r.code).toBe(1);
    expect(r.err.length).toBeLessThan(3000 * 1500);
    expect(r.err).toMatch(/\n 4 \| \.\.\.[^\n]{390,410}\.\.\.\n/);
  });
});
