// translateAsync(): the same result as translate() for the same files, whether the
// reader answers synchronously, with Promises, or late and out of order; fs.promises
// works as it is; wrong options are named errors and a rejected read is located.
import fc from "fast-check";
import { mkdirSync, promises as fsp, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { FileSystemAccess } from "../../src/core/files";
import { translate, translateAsync, type AsyncFileSystemAccess } from "../../src/node";
import { nodeFileSystem } from "../../src/fs/node-fs";
import { recordedCases } from "./cases";
import { removeTemporary, temporary } from "./packed";

afterAll(removeTemporary);

const LOCAL = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/x\n      contents:\n        local: x.txt\n";

/** The same file access, each answer a Promise settled after a pseudo-random delay (so answers arrive out of order). */
function delayed(fs: FileSystemAccess, seed: number): AsyncFileSystemAccess {
  let state = seed;
  const later = <T>(f: () => T): Promise<T> =>
    new Promise((resolve, reject) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      setTimeout(() => {
        try {
          resolve(f());
        } catch (e) {
          reject(e);
        }
      }, state % 3);
    });
  const out: AsyncFileSystemAccess = { readFile: (p) => later(() => fs.readFile(p)) };
  if (fs.stat) out.stat = (p) => later(() => fs.stat!(p));
  if (fs.lstat) out.lstat = (p) => later(() => fs.lstat!(p));
  if (fs.readDir) out.readDir = (p) => later(() => fs.readDir!(p));
  if (fs.readLink) out.readLink = (p) => later(() => fs.readLink!(p));
  return out;
}

describe("translateAsync() gives translate()'s result", () => {
  const { cases, conformance } = recordedCases();
  const withFiles = cases.filter((c) => c.options.filesDir !== "");

  test(`over the recorded cases that read files (${withFiles.length}${conformance ? "" : "; ../shared absent: golden cases only"}), with async and with sync readers`, async () => {
    expect(withFiles.length).toBeGreaterThan(3);
    let i = 0;
    for (const c of withFiles) {
      const fs = () => nodeFileSystem({ filesDir: c.options.filesDir, cwd: c.options.cwd });
      const expected = translate(c.input, { ...c.options, readFile: fs() });
      expect(await translateAsync(c.input, { ...c.options, readFile: delayed(fs(), ++i) }), c.name).toEqual(expected);
      expect(await translateAsync(c.input, { ...c.options, readFile: fs() }), c.name).toEqual(expected);
    }
  }, 240_000);

  test("fs.promises.readFile as it is; each path read once; a rejection is the located ENOENT error", async () => {
    const dir = temporary("butane-async-");
    mkdirSync(join(dir, "files"));
    writeFileSync(join(dir, "files/x.txt"), "hello\n");
    const reads: string[] = [];
    const readFile = (p: string) => (reads.push(p), fsp.readFile(join(dir, p)));
    const r = await translateAsync(LOCAL, { filesDir: "files", readFile });
    expect(r.error).toBeUndefined();
    expect(r.output).toContain('"source":"data:,hello%0A"');
    expect(reads).toEqual(["files/x.txt"]);

    const direct = await translateAsync(LOCAL, { filesDir: join(dir, "files"), readFile: fsp.readFile });
    expect(direct.output).toContain('"source":"data:,hello%0A"');

    const missing = await translateAsync(LOCAL, { filesDir: "files", readFile: (p) => fsp.readFile(join(dir, "nowhere", p)) });
    expect(missing.ok).toBe(false);
    expect(missing.report[0]).toMatchObject({ message: "open files/x.txt: no such file or directory", path: "$.storage.files.0.contents.local", line: 7, column: 16 });
  });

  test("a tree read through async lstat/readDir/readLink", async () => {
    const dir = temporary("butane-async-tree-");
    mkdirSync(join(dir, "files/tree/sub/deeper"), { recursive: true });
    writeFileSync(join(dir, "files/tree/a"), "a");
    writeFileSync(join(dir, "files/tree/sub/b"), "b", { mode: 0o755 });
    writeFileSync(join(dir, "files/tree/sub/deeper/c"), "c");
    const yaml = "variant: fcos\nversion: 1.5.0\nstorage:\n  trees:\n    - local: tree\n      path: /opt\n";
    const options = { filesDir: "files", cwd: dir };
    const expected = translate(yaml, { ...options, readFile: nodeFileSystem({ filesDir: "files", cwd: dir }) });
    expect(expected.output).toContain("/opt/sub/deeper/c");
    expect(await translateAsync(yaml, { ...options, readFile: delayed(nodeFileSystem({ filesDir: "files", cwd: dir }), 7) })).toEqual(expected);
  });

  test("without a reader it is translate(); filesDir alone reads from disk", async () => {
    const dir = temporary("butane-async-disk-");
    writeFileSync(join(dir, "x.txt"), "disk");
    expect(await translateAsync(LOCAL, { filesDir: dir })).toEqual(translate(LOCAL, { filesDir: dir }));
    expect((await translateAsync(LOCAL, { filesDir: dir })).output).toContain("data:,disk");
  });
});

describe("translateAsync() arguments", () => {
  test("random option objects: never a rejection, never an internal error, translate()'s answer when the readers are synchronous", async () => {
    const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.object(), fc.constant(() => "x"), fc.constant(() => null), fc.constant(() => { throw new Error("boom"); }));
    const asyncValue = fc.oneof(value, fc.constant(async () => "y"), fc.constant(() => Promise.reject(Object.assign(new Error("gone"), { code: "ENOENT" }))), fc.constant(async () => 42));
    const options = fc.record(
      { filesDir: value, strict: value, pretty: value, raw: value, noResourceAutoCompression: value, cwd: value, readFile: fc.oneof(asyncValue, fc.record({ readFile: asyncValue, stat: asyncValue, readDir: asyncValue })) },
      { requiredKeys: [] },
    );
    const call = translateAsync as (i: unknown, o: unknown) => ReturnType<typeof translateAsync>;
    const callSync = translate as (i: unknown, o: unknown) => ReturnType<typeof translate>;
    const isAsync = (f: unknown) => typeof f === "function" && (f.constructor.name === "AsyncFunction" || /Promise/.test(String(f)));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(LOCAL), value), options, async (input, opts) => {
        const r = await call(input, opts);
        expect(r.error ?? "").not.toMatch(/internal error|pending/);
        expect(r.ok).toBe(r.error === undefined);
        if (!r.ok) expect(r.report.some((d) => d.severity === "error") || r.error !== "").toBe(true);
        const reader = (opts as { readFile?: unknown }).readFile;
        const methods = reader !== null && typeof reader === "object" ? Object.values(reader) : [reader];
        if (!methods.some(isAsync)) expect(r).toEqual(callSync(input, opts));
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  test("options that are not an object are named errors in the Node entry too", async () => {
    for (const [options, what] of [[null, "null"], [42, "number"], [[], "an array"], ["x", "string"]] as const) {
      const message = `invalid options: expected an object, got ${what}`;
      const sync = (translate as (i: unknown, o: unknown) => ReturnType<typeof translate>)(LOCAL, options);
      const later = await (translateAsync as (i: unknown, o: unknown) => ReturnType<typeof translateAsync>)(LOCAL, options);
      for (const r of [sync, later]) expect([r.ok, r.error, r.report]).toEqual([false, message, [{ severity: "error", path: "$", message, code: "BUT004" }]]);
    }
  });

  test("an async reader's answer of the wrong type is a located error, as in translate()", async () => {
    const r = await translateAsync(LOCAL, { filesDir: "files", readFile: async () => 42 as unknown as string });
    expect(r.report[0]).toMatchObject({ message: "open files/x.txt: the readFile option returned number, expected a string or Uint8Array", line: 7 });
  });
});
