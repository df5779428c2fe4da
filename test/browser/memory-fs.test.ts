// The browser entry's in-memory files directory: the same output and messages as the
// Node entry reading the same files from disk, for `local:` contents and storage.trees.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryFileSystem, readPickedFiles, translate, type MemoryFiles } from "../../src/browser";
import { FileAccessError } from "../../src/core/files";
import { translate as nodeTranslate } from "../../src/node";

const tmp = mkdtempSync(join(tmpdir(), "butane-memfs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Spec = Record<string, string | { contents: string; executable?: boolean } | { symlink: string } | { directory: true }>;

/** Writes the same files to a fresh directory on disk. */
function onDisk(spec: Spec): string {
  const dir = mkdtempSync(join(tmp, "d-"));
  for (const [k, v] of Object.entries(spec)) {
    const p = join(dir, k);
    if (typeof v === "object" && "directory" in v) {
      mkdirSync(p, { recursive: true });
      continue;
    }
    mkdirSync(dirname(p), { recursive: true });
    if (typeof v === "string") writeFileSync(p, v);
    else if ("symlink" in v) symlinkSync(v.symlink, p);
    else {
      writeFileSync(p, v.contents);
      chmodSync(p, v.executable ? 0o755 : 0o644);
    }
  }
  return dir;
}

const FILES: Spec = {
  "etc/hostname": "node1\n",
  "etc/motd": "x".repeat(4000),
  "tree/bin/tool": { contents: "#!/bin/sh\necho tool\n", executable: true },
  "tree/bin/link": { symlink: "tool" },
  "tree/share/a b/ünï.txt": "unicode name\n",
  "tree/empty": { directory: true },
  "tree/zeta": "last\n",
  "tree/Alpha": "first (upper case sorts first)\n",
};

function both(config: string, spec: Spec = FILES, options: { pretty?: boolean } = {}) {
  const mem = translate(config, { ...options, filesDir: spec as MemoryFiles });
  const disk = nodeTranslate(config, { ...options, filesDir: onDisk(spec) });
  return { mem, disk };
}

const header = "variant: fcos\nversion: 1.6.0\n";

describe("in-memory filesDir", () => {
  it("local contents and trees translate exactly as from disk", () => {
    const config =
      header +
      "storage:\n  files:\n    - path: /etc/hostname\n      contents:\n        local: etc/hostname\n" +
      "    - path: /etc/motd\n      contents:\n        local: ./etc/../etc/motd\n" +
      "  trees:\n    - local: tree\n      path: /opt/tree\n";
    const { mem, disk } = both(config, FILES, { pretty: true });
    expect(disk.error).toBeUndefined();
    expect(mem).toEqual(disk);
    const files = (mem.config!.storage as { files: { path: string; mode?: number }[]; links: { path: string; target: string }[] });
    expect(files.files.find((f) => f.path === "/opt/tree/bin/tool")!.mode).toBe(0o755);
    expect(files.files.find((f) => f.path === "/opt/tree/zeta")!.mode).toBe(0o644);
    expect(files.links).toEqual([expect.objectContaining({ path: "/opt/tree/bin/link", target: "tool" })]);
  });

  it("reports missing files, directories and escapes with the CLI's messages", () => {
    const cases = [
      "storage:\n  files:\n    - path: /a\n      contents:\n        local: etc/nope\n",
      "storage:\n  files:\n    - path: /a\n      contents:\n        local: etc\n",
      "storage:\n  files:\n    - path: /a\n      contents:\n        local: ../outside\n",
      "storage:\n  files:\n    - path: /a\n      contents:\n        local: etc/hostname/x\n",
      "storage:\n  trees:\n    - local: etc/hostname\n",
      "storage:\n  trees:\n    - local: nope\n",
    ];
    for (const c of cases) {
      const { mem, disk } = both(header + c);
      expect(disk.report.length).toBeGreaterThan(0);
      // Messages name the path relative to the files directory in memory; on disk, joined with it.
      const rel = (s: string) => s.replaceAll(/\/tmp\/[^ ]*?\/d-[^/ ]+\/?/g, "");
      expect(mem.report.map((d) => ({ ...d, message: rel(d.message) }))).toEqual(disk.report.map((d) => ({ ...d, message: rel(d.message) })));
      expect(mem.error).toBe(disk.error);
    }
  });

  it("accepts a Map of bytes and text, and a plain record", () => {
    const config = header + "storage:\n  files:\n    - path: /a\n      contents:\n        local: a\n    - path: /b\n      contents:\n        local: dir/b\n";
    const map = new Map<string, Uint8Array | string>([["a", new Uint8Array([104, 105])], ["dir/b", "hi"]]);
    const fromMap = translate(config, { filesDir: map });
    const fromRecord = translate(config, { filesDir: { a: "hi", "dir/b": new TextEncoder().encode("hi") } });
    expect(fromMap.error).toBeUndefined();
    expect(fromMap.output).toBe(fromRecord.output);
    expect(fromMap.output).toContain('"source":"data:,hi"');
    // A string filesDir is still a path, read through readFile.
    const viaReader = translate(config, { filesDir: "files", readFile: (p) => (p === "files/a" || p === "files/dir/b" ? "hi" : new Uint8Array()) });
    expect(viaReader.output).toBe(fromMap.output);
  });

  it("without a files directory, local paths are refused as by the CLI", () => {
    const r = translate(header + "storage:\n  files:\n    - path: /a\n      contents:\n        local: a\n");
    expect(r.report[0]!.message).toMatch(/must be specified with -d\/--files-dir/);
  });
});

describe("memoryFileSystem", () => {
  const fs = memoryFileSystem(
    {
      "d/f": "data",
      "d/exe": { contents: "x", executable: true },
      "d/l": { symlink: "f" },
      "d/up": { symlink: "../d/f" },
      "d/out": { symlink: "../../etc/passwd" },
      "d/abs": { symlink: "/etc/passwd" },
      "d/loop": { symlink: "loop" },
      "d/dirlink": { symlink: "." },
      "e/": "",
    },
    { root: "files" },
  );
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(FileAccessError);
      return (e as Error).message;
    }
    throw new Error("no error");
  };

  it("reads files, follows links inside the files directory, lists directories in byte order", () => {
    expect(new TextDecoder().decode(fs.readFile("files/d/f"))).toBe("data");
    expect(new TextDecoder().decode(fs.readFile("files/d/l"))).toBe("data");
    expect(new TextDecoder().decode(fs.readFile("files/d/up"))).toBe("data");
    expect(new TextDecoder().decode(fs.readFile("files/d/dirlink/f"))).toBe("data");
    expect(fs.readDir!("files")).toEqual(["d", "e"]);
    expect(fs.readDir!("files/d")).toEqual(["abs", "dirlink", "exe", "f", "l", "loop", "out", "up"]);
    expect(fs.readDir!("files/e")).toEqual([]);
    expect(fs.stat!("files/d/l")).toEqual({ kind: "file", executable: false });
    expect(fs.lstat!("files/d/l")).toEqual({ kind: "symlink", executable: false });
    expect(fs.stat!("files/d/exe")).toEqual({ kind: "file", executable: true });
    expect(fs.readLink!("files/d/l")).toBe("f");
  });

  it("fails as the Node reader does", () => {
    expect(err(() => fs.readFile("files/nope"))).toBe("open files/nope: no such file or directory");
    expect(err(() => fs.readFile("files/d"))).toBe("read files/d: is a directory");
    expect(err(() => fs.readFile("files/d/f/x"))).toBe("open files/d/f/x: not a directory");
    expect(err(() => fs.readFile("files/d/loop"))).toBe("open files/d/loop: too many levels of symbolic links");
    expect(err(() => fs.readFile("files/d/out"))).toMatch(/refusing to follow a symlink out of the files directory/);
    expect(err(() => fs.readFile("files/d/abs"))).toMatch(/refusing to follow a symlink out of the files directory/);
    expect(err(() => fs.readFile("other/x"))).toBe("open other/x: no such file or directory");
    expect(err(() => fs.readLink!("files/d/f"))).toBe("readlink files/d/f: invalid argument");
  });

  it("rejects keys outside the files directory and conflicting entries", () => {
    expect(() => memoryFileSystem({ "../x": "" })).toThrow(/relative path inside/);
    expect(() => memoryFileSystem({ "/etc/x": "" })).toThrow(/relative path inside/);
    expect(() => memoryFileSystem({ a: "", "a/b": "" })).toThrow(/both a file and a directory|given twice/);
    expect(() => memoryFileSystem(new Map([["a/b", ""], ["a", ""]]))).toThrow(/given twice/);
  });
});

describe("readPickedFiles", () => {
  const file = (path: string, text: string) => ({
    name: path.split("/").pop()!,
    webkitRelativePath: path,
    arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
  });

  it("makes paths relative to the picked folder", async () => {
    const picked = await readPickedFiles([file("config-files/etc/motd", "hi"), file("config-files/tree/x", "xx")]);
    expect(picked.name).toBe("config-files");
    expect([...picked.files.keys()]).toEqual(["etc/motd", "tree/x"]);
    expect(picked.size).toBe(4);
    const r = translate(header + "storage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: etc/motd\n", { filesDir: picked.files });
    expect(r.output).toContain('"source":"data:,hi"');
  });

  it("keeps single picked files by name", async () => {
    const picked = await readPickedFiles([{ name: "a.txt", arrayBuffer: async () => new ArrayBuffer(1) }]);
    expect(picked.name).toBe("");
    expect([...picked.files.keys()]).toEqual(["a.txt"]);
  });
});
