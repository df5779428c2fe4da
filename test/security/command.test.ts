// The commands' own hostile-input bounds, run as processes: write errors on standard
// output, endless input to ignition-validate.
import { spawnSync } from "node:child_process";
import { openSync, closeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const root = join(__dirname, "../..");
const config = "variant: fcos\nversion: 1.5.0\n";

describe("commands under hostile input", () => {
  test("butane > /dev/full: the reference's message and exit 1, no stack trace", () => {
    const full = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [join(root, "bin/butane.js")], { input: config, stdio: ["pipe", full, "pipe"], encoding: "utf8" });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("Failed to write config to /dev/stdout: write /dev/stdout: no space left on device\n");
    } finally {
      closeSync(full);
    }
  });

  test("ignition-validate < /dev/zero stops at 128 MiB with a clear error", () => {
    const zero = openSync("/dev/zero", "r");
    try {
      const r = spawnSync(process.execPath, [join(root, "bin/ignition-validate.js")], { stdio: [zero, "pipe", "pipe"], encoding: "utf8", timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("couldn't read config: standard input is larger than 134217728 bytes (128 MiB)\n");
    } finally {
      closeSync(zero);
    }
  });
});
