// The files directory (-d/--files-dir) confines what a config can read: one test per
// rule (SECURITY.md). Where the reference refuses, the message is the reference's;
// where it would read outside (through a symlink) or block (a FIFO, a device), the
// refusal is ours. Each rule is checked for every way a config names a file: local:
// contents, contents_local, ssh_authorized_keys_local and storage.trees.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { memoryFileSystem } from "../../src/fs/memory-fs";
import { MAX_LOCAL_FILE_SIZE, nodeFileSystem } from "../../src/fs/node-fs";
import { translate, type TranslateResult } from "../../src/api/translate";

const SECRET = "top-secret-outside-the-files-dir";
let base = "";

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "butane-confine-"));
  const f = (p: string) => join(base, "files", p);
  mkdirSync(f("tree/sub"), { recursive: true });
  mkdirSync(f("dir"));
  mkdirSync(join(base, "outside"));
  writeFileSync(join(base, "outside/secret"), SECRET + "\n");
  writeFileSync(join(base, "outside/key.pub"), "ssh-ed25519 AAAA " + SECRET + "\n");
  writeFileSync(f("ok.txt"), "inside\n");
  writeFileSync(f("tree/a.txt"), "a\n");
  symlinkSync("../outside/secret", f("out-file"));
  symlinkSync(join(base, "outside"), f("out-dir"));
  symlinkSync("ok.txt", f("in-link"));
  symlinkSync("/dev/zero", f("zero"));
  symlinkSync(join(base, "outside"), f("out-tree"));
  symlinkSync(join(base, "outside/secret"), f("tree/sub/out-link"));
  execFileSync("mkfifo", [f("fifo")]);
  truncateSync((writeFileSync(f("huge"), ""), f("huge")), MAX_LOCAL_FILE_SIZE + 1);
});

afterAll(() => {
  // rm(1), not rmSync: the too-long-path test leaves a tree deeper than PATH_MAX.
  if (base) execFileSync("rm", ["-rf", base]);
});

function run(body: string, version = "1.5.0"): TranslateResult {
  const r = translate(`variant: fcos\nversion: ${version}\n${body}`, {
    filesDir: "files",
    cwd: base,
    readFile: nodeFileSystem({ filesDir: "files", cwd: base }),
  });
  // Nothing from outside ever reaches the output or a message.
  expect(JSON.stringify(r)).not.toContain(SECRET);
  return r;
}

/** The one error of a failed translation, as "path: message". */
function errorOf(r: TranslateResult): string[] {
  expect(r.error).toBe("source config is invalid");
  return r.report.filter((d) => d.severity === "error").map((d) => `${d.path}: ${d.message}`);
}

const local = (p: string) => `storage:\n  files:\n    - path: /x\n      contents:\n        local: ${p}\n`;
const unit = (p: string) => `systemd:\n  units:\n    - name: x.service\n      contents_local: ${p}\n`;
const keys = (p: string) => `passwd:\n  users:\n    - name: core\n      ssh_authorized_keys_local: [${p}]\n`;
const tree = (p: string) => `storage:\n  trees:\n    - local: ${p}\n      path: /t\n`;

describe("files-dir confinement", () => {
  test("`..` that climbs out is refused (reference message), for every kind of reference", () => {
    const msg = "local file path traverses outside the files directory";
    expect(errorOf(run(local("../outside/secret")))).toEqual([`$.storage.files.0.contents.local: ${msg}`]);
    expect(errorOf(run(unit("../outside/secret")))).toEqual([`$.systemd.units.0.contents_local: ${msg}`]);
    expect(errorOf(run(keys("../outside/key.pub")))).toEqual([`$.passwd.users.0.ssh_authorized_keys_local.0: ${msg}`]);
    expect(errorOf(run(tree("../outside")))).toEqual([`$.storage.trees.0: ${msg}`]);
    // `..` that stays inside is fine.
    expect(run(local("tree/../ok.txt")).error).toBeUndefined();
  });

  test("absolute paths are taken inside the files directory (reference behaviour)", () => {
    const abs = join(base, "outside/secret");
    expect(errorOf(run(local(abs)))).toEqual([`$.storage.files.0.contents.local: open files${abs}: no such file or directory`]);
  });

  test("a symlink to a file outside is refused, for every kind of reference", () => {
    const msg = "refusing to follow a symlink out of the files directory";
    expect(errorOf(run(local("out-file")))).toEqual([`$.storage.files.0.contents.local: open files/out-file: ${msg}`]);
    expect(errorOf(run(unit("out-file")))).toEqual([`$.systemd.units.0.contents_local: open files/out-file: ${msg}`]);
    expect(errorOf(run(keys("out-dir/key.pub")))).toEqual([`$.passwd.users.0.ssh_authorized_keys_local.0: open files/out-dir/key.pub: ${msg}`]);
  });

  test("a symlink whose resolved path is too long to check is refused, not followed", () => {
    // Three hops of 8 directories of 250 characters: each link's target is short enough
    // for the kernel to follow, but the whole resolved path (~6,000 characters) is over
    // PATH_MAX, so realpath fails with ENAMETOOLONG while open() would reach the secret.
    const seg = Array.from({ length: 8 }, (_, i) => String(i).repeat(250)).join("/");
    execFileSync("bash", ["-c", `set -e; cd "$1"; mkdir -p long; cd long; for hop in 1 2 3; do mkdir -p "$2"; ln -s "$2" hop; cd "$2"; done; cp "$1/secret" s`, "_", join(base, "outside"), seg]);
    symlinkSync("../outside/long/hop/hop/hop/s", join(base, "files", "long-link"));
    const r = errorOf(run(local("long-link")));
    expect(r).toEqual(["$.storage.files.0.contents.local: open files/long-link: refusing to read a path whose place in the files directory cannot be checked: file name too long"]);
  });

  test("the files directory may be the root (-d /)", () => {
    const r = translate(`variant: fcos\nversion: 1.5.0\n${local(join(base, "files", "ok.txt").slice(1))}`, { filesDir: "/", readFile: nodeFileSystem({ filesDir: "/" }) });
    expect(r.error).toBeUndefined();
    expect(r.output).toContain("data:,inside%0A");
  });

  test("a symlinked directory on the way out is refused", () => {
    expect(errorOf(run(local("out-dir/secret")))).toEqual(["$.storage.files.0.contents.local: open files/out-dir/secret: refusing to follow a symlink out of the files directory"]);
  });

  test("a tree whose root is a symlink out is refused; symlinks inside a tree stay links and are not read", () => {
    expect(errorOf(run(tree("out-tree")))).toEqual(["$.storage.trees.0: stat files/out-tree: refusing to follow a symlink out of the files directory"]);
    const r = run(tree("tree"));
    expect(r.error).toBeUndefined();
    expect((r.config as { storage: { links: unknown[] } }).storage.links).toEqual([{ path: "/t/sub/out-link", target: join(base, "outside/secret"), user: {}, group: {} }]);
  });

  test("a symlink that stays inside is followed", () => {
    const r = run(local("in-link"));
    expect(r.error).toBeUndefined();
    expect(r.output).toContain("data:,inside%0A");
  });

  test("devices are not read (a symlink to /dev/zero leads out; a device node is not a regular file)", () => {
    expect(errorOf(run(local("zero")))).toEqual(["$.storage.files.0.contents.local: open files/zero: refusing to follow a symlink out of the files directory"]);
    const dev = join(base, "files/null-device");
    try {
      execFileSync("mknod", [dev, "c", "1", "3"], { stdio: "ignore" });
    } catch {
      return; // not allowed to make device nodes here (not root)
    }
    expect(errorOf(run(local("null-device")))).toEqual(["$.storage.files.0.contents.local: open files/null-device: not a regular file"]);
  });

  test("a FIFO is refused at once, never opened for a blocking read; in a tree it is the reference's error", () => {
    const t0 = performance.now();
    expect(errorOf(run(local("fifo")))).toEqual(["$.storage.files.0.contents.local: open files/fifo: not a regular file"]);
    expect(errorOf(run(unit("fifo")))).toEqual(["$.systemd.units.0.contents_local: open files/fifo: not a regular file"]);
    expect(performance.now() - t0).toBeLessThan(2000);
    mkdirSync(join(base, "files/fifo-tree"));
    execFileSync("mkfifo", [join(base, "files/fifo-tree/pipe")]);
    expect(errorOf(run(tree("fifo-tree")))).toEqual(["$.storage.trees.0: trees may only contain files, directories, and symlinks"]);
  });

  test("a directory where a file is expected, and a file where a tree is expected (reference messages)", () => {
    expect(errorOf(run(local("dir")))).toEqual(["$.storage.files.0.contents.local: read files/dir: is a directory"]);
    expect(errorOf(run(keys("dir")))).toEqual(["$.passwd.users.0.ssh_authorized_keys_local.0: read files/dir: is a directory"]);
    expect(errorOf(run(tree("ok.txt")))).toEqual(["$.storage.trees.0: root of tree must be a directory"]);
  });

  test("a file over 128 MiB is refused without being read", () => {
    expect(errorOf(run(local("huge")))).toEqual([`$.storage.files.0.contents.local: read files/huge: file is larger than ${MAX_LOCAL_FILE_SIZE} bytes (128 MiB)`]);
  });

  test("in memory (browsers): links out and keys outside the directory are refused", () => {
    const fs = memoryFileSystem({ "ok.txt": "inside\n", out: { symlink: "../secret" }, abs: { symlink: "/etc/passwd" } }, { root: "files" });
    const r = (p: string) => translate(`variant: fcos\nversion: 1.5.0\n${local(p)}`, { filesDir: "files", readFile: fs });
    expect(r("ok.txt").error).toBeUndefined();
    expect(r("out").report[0]!.message).toBe("open files/out: refusing to follow a symlink out of the files directory");
    expect(r("abs").report[0]!.message).toBe("open files/abs: refusing to follow a symlink out of the files directory");
    expect(r("../secret").report[0]!.message).toBe("local file path traverses outside the files directory");
    expect(() => memoryFileSystem({ "../escape": "x" })).toThrow(/must be a relative path inside the files directory/);
    expect(() => memoryFileSystem({ "/etc/passwd": "x" })).toThrow(/must be a relative path inside the files directory/);
  });
});
