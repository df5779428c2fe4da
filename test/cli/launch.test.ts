// bin/launch.js runs a bundled command with V8's code cache. V8 checks only the
// source's length against a cache, so a cache older than its source must be ignored,
// or a rebuild that kept the length would go on running the old code.
import { expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

test("a code cache older than the command's source is not used", () => {
  const dir = mkdtempSync(join(tmpdir(), "butane-launch-"));
  mkdirSync(join(dir, "bin"));
  mkdirSync(join(dir, "dist/cli"), { recursive: true });
  copyFileSync(join(__dirname, "../../bin/launch.js"), join(dir, "bin/launch.js"));
  writeFileSync(join(dir, "bin/package.json"), '{"type":"commonjs"}');
  writeFileSync(join(dir, "bin/cmd.js"), 'require("./launch.js")("cmd");\n');
  const source = join(dir, "dist/cli/cmd.cjs");
  const run = (env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(dir, "bin/cmd.js")], { encoding: "utf8", env: { ...process.env, ...env } }).stdout;

  writeFileSync(source, 'process.stdout.write("old");');
  expect(run({ BUTANE_WRITE_CODE_CACHE: "1" })).toBe("old");
  expect(statSync(source + ".cache").size).toBeGreaterThan(0);
  expect(run()).toBe("old"); // the cache is used

  // A new source of the same length, written after the cache.
  writeFileSync(source, 'process.stdout.write("new");');
  const later = new Date(statSync(source + ".cache").mtimeMs + 5000);
  utimesSync(source, later, later);
  expect(run()).toBe("new");
  expect(run()).toBe("new"); // and the rewritten cache is the new code's
});
