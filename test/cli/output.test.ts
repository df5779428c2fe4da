// `butane -o` on targets that are not plain new files: devices, FIFOs, links, modes.
// Regular files are replaced atomically; everything else is written in place, as the
// reference (Go's os.OpenFile with O_TRUNC) does. The expected error texts were
// recorded from the reference (Go butane v0.29.0).
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, openSync, linkSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = join(__dirname, "../..");
const bin = join(root, "bin/butane.js");
const GOOD = "variant: fcos\nversion: 1.5.0\n";
const GOOD_OUT = '{"ignition":{"version":"3.4.0"}}\n';
const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "butane-cli-output-"));
  chmodSync(d, 0o777); // also writable by nobody, for the non-root cases
  dirs.push(d);
  return d;
}

function run(args: string[], opts: { input?: string; uid?: number; gid?: number } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { input: opts.input ?? GOOD, cwd: root, uid: opts.uid, gid: opts.gid });
  return { code: r.status, out: r.stdout.toString("utf8"), err: r.stderr.toString("utf8") };
}

/** Runs butane from a shell, so that the umask can be set first. */
function runWithUmask(umask: string, args: string[]) {
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const r = spawnSync("/bin/sh", ["-c", `umask ${umask} && exec ${quoted}`], { input: GOOD, cwd: root });
  return { code: r.status, err: r.stderr.toString("utf8") };
}

/** Runs butane asynchronously (for targets that block until another process opens them). */
function runAsync(args: string[]): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ["pipe", "ignore", "pipe"] });
  let err = "";
  child.stderr.on("data", (b: Buffer) => (err += b.toString("utf8")));
  child.stdin.end(GOOD);
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, err })));
}

beforeAll(() => {
  if (!existsSync(join(root, "dist/cli/butane.cjs"))) throw new Error("run `npm run build` first");
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("-o on devices and FIFOs: written in place, never replaced", () => {
  test("/dev/full: the write error, exit 1, the device still a device", () => {
    const r = run(["-o", "/dev/full"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("Failed to write config to /dev/full: write /dev/full: no space left on device\n");
    expect(statSync("/dev/full").isCharacterDevice()).toBe(true);
  });

  test("/dev/null: exit 0, also for a user who may not create files in /dev", () => {
    for (const as of [{}, NOBODY]) {
      const r = run(["-o", "/dev/null"], as);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
    }
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  test("a FIFO: the reader gets the config and the FIFO stays a FIFO", async () => {
    const d = tempDir();
    const fifo = join(d, "pipe");
    spawnSync("mkfifo", [fifo]);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    const reader = spawn("cat", [fifo], { stdio: ["ignore", "pipe", "ignore"] });
    let got = "";
    reader.stdout.on("data", (b: Buffer) => (got += b.toString("utf8")));
    const readerDone = new Promise((resolve) => reader.on("close", resolve));
    const r = await runAsync(["-o", fifo]);
    await readerDone;
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(got).toBe(GOOD_OUT);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(d)).toEqual(["pipe"]);
  });

  test("a character device made for the test (a copy of /dev/null) stays a device", (ctx) => {
    const d = tempDir();
    const dev = join(d, "null-copy");
    const made = spawnSync("mknod", [dev, "c", "1", "3"], { encoding: "utf8" });
    if (made.status !== 0) {
      const why = `mknod is not permitted here (${(made.stderr || made.error?.message || "").trim()})`;
      console.log(`skipped: -o on a temporary character device: ${why}`);
      ctx.skip(why);
    }
    const r = run(["-o", dev]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(d)).toEqual(["null-copy"]);
  });

  test("a symlink to /proc/self/fd/1: the config goes to standard output (a pipe, then a file), the link is kept", () => {
    const d = tempDir();
    const link = join(d, "stdout-link");
    symlinkSync("/proc/self/fd/1", link);
    // Node's own child pipes are sockets, which cannot be opened through /proc (ENXIO, for
    // Go too): give the command a real pipe from a shell.
    const piped = spawnSync("/bin/sh", ["-c", `'${process.execPath}' '${bin}' -o '${link}' | cat`], { input: GOOD, cwd: root });
    expect(piped.stderr.toString()).toBe("");
    expect(piped.status).toBe(0);
    expect(piped.stdout.toString()).toBe(GOOD_OUT);
    const file = join(d, "captured");
    const fd = openSync(file, "w");
    try {
      const r = spawnSync(process.execPath, [bin, "-o", link], { input: GOOD, cwd: root, stdio: ["pipe", fd, "pipe"] });
      expect(r.stderr.toString()).toBe("");
      expect(r.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, "utf8")).toBe(GOOD_OUT);
    expect(readlinkSync(link)).toBe("/proc/self/fd/1");
    expect(readdirSync(d).sort()).toEqual(["captured", "stdout-link"]);
  });

  test("a failed translation writes nothing to a FIFO or device (the FIFO is never opened)", () => {
    const d = tempDir();
    const fifo = join(d, "pipe");
    spawnSync("mkfifo", [fifo]);
    // No reader: opening the FIFO would block, so returning at all shows it was not opened.
    const r = spawnSync(process.execPath, [bin, "-o", fifo], { input: "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: relative\n", timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe("-o on regular files", () => {
  test("a symlink to a file: written through, the link kept", () => {
    const d = tempDir();
    writeFileSync(join(d, "real.ign"), "previous\n");
    symlinkSync(join(d, "real.ign"), join(d, "abs-link.ign"));
    const r = run(["-o", join(d, "abs-link.ign")]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(d, "abs-link.ign")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, "real.ign"), "utf8")).toBe(GOOD_OUT);
    expect(readdirSync(d).sort()).toEqual(["abs-link.ign", "real.ign"]);
  });

  test("a dangling symlink: the file it names is created, the link kept", () => {
    const d = tempDir();
    symlinkSync("made.ign", join(d, "dangling.ign"));
    const r = run(["-o", join(d, "dangling.ign")]);
    expect(r.code).toBe(0);
    expect(readlinkSync(join(d, "dangling.ign"))).toBe("made.ign");
    expect(readFileSync(join(d, "made.ign"), "utf8")).toBe(GOOD_OUT);
  });

  test("a hard-linked file keeps its link: both names show the new config", () => {
    const d = tempDir();
    writeFileSync(join(d, "a.ign"), "previous\n");
    linkSync(join(d, "a.ign"), join(d, "b.ign"));
    const ino = statSync(join(d, "a.ign")).ino;
    const r = run(["-o", join(d, "a.ign")]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, "b.ign"), "utf8")).toBe(GOOD_OUT);
    expect(statSync(join(d, "a.ign")).ino).toBe(ino);
    expect(statSync(join(d, "b.ign")).nlink).toBe(2);
    expect(readdirSync(d).sort()).toEqual(["a.ign", "b.ign"]);
  });

  test("a new file under umask 077 is 0600; under umask 022 it is 0644 (Go's 0644 less the umask)", () => {
    const d = tempDir();
    expect(runWithUmask("077", ["-o", join(d, "private.ign")]).code).toBe(0);
    expect(statSync(join(d, "private.ign")).mode & 0o777).toBe(0o600);
    expect(runWithUmask("022", ["-o", join(d, "public.ign")]).code).toBe(0);
    expect(statSync(join(d, "public.ign")).mode & 0o777).toBe(0o644);
    expect(readFileSync(join(d, "private.ign"), "utf8")).toBe(GOOD_OUT);
  });

  test("replacing a file keeps its mode, whatever the umask", () => {
    const d = tempDir();
    for (const mode of [0o640, 0o755, 0o600]) {
      const f = join(d, `mode-${mode.toString(8)}.ign`);
      writeFileSync(f, "previous\n");
      chmodSync(f, mode);
      expect(runWithUmask("077", ["-o", f]).code).toBe(0);
      expect(statSync(f).mode & 0o777).toBe(mode);
      expect(readFileSync(f, "utf8")).toBe(GOOD_OUT);
    }
    expect(readdirSync(d).length).toBe(3); // no temporary files left
  });
});
