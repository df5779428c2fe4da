// The committed generated files cannot go stale: scripts/check-generated.mjs (run by
// `npm test` before the build) fails, naming the file, when one differs from what its
// generator produces. Checked here on a copy of the generated files, so the checkout
// itself is never modified.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
/** Every committed generated file or folder (see .gitattributes). */
const GENERATED = ["schemas", "src/ignition/types", "src/ignition/generated", "src/hash/wasm.generated.ts", "src/variants-ext/acos/time-zones.generated.ts"];

function check(dir: string) {
  const r = spawnSync(process.execPath, [join(root, "scripts/check-generated.mjs"), "--root", dir], { encoding: "utf8" });
  return { code: r.status, stderr: r.stderr };
}

describe("generated files", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "butane-generated-"));
    for (const p of GENERATED) cpSync(join(root, p), join(dir, p), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("pass the check when they are what the generators produce", () => {
    expect(check(dir)).toEqual({ code: 0, stderr: "" });
  });

  for (const [file, generator] of [
    ["src/hash/wasm.generated.ts", "gen-hash-wasm"],
    ["schemas/ignition-v3_4.json", "gen-schemas"],
    ["src/ignition/types/v3_5.ts", "gen-schemas"],
    ["src/ignition/generated/validators.js", "gen-validators"],
    ["schemas/butane/fcos-1.5.0.json", "gen-butane-schemas"],
  ]) {
    it(`fail the check, naming the file, when ${file} is edited by hand`, () => {
      const p = join(dir, file);
      const original = readFileSync(p, "utf8");
      appendFileSync(p, "// edited by hand\n");
      try {
        const r = check(dir);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`${generator}: generated file(s) differ`);
        expect(r.stderr).toContain(`  ${file}\n`);
      } finally {
        writeFileSync(p, original);
      }
    });
  }

  it("name a missing file as missing", () => {
    const p = join(dir, "src/ignition/generated/validators.d.ts");
    const original = readFileSync(p, "utf8");
    rmSync(p);
    try {
      const r = check(dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("  src/ignition/generated/validators.d.ts (missing)\n");
    } finally {
      writeFileSync(p, original);
    }
  });
});
