// Every reference vector: crypt(password, setting) equals libxcrypt's hash (or GRUB's),
// verifyPassword accepts the hash and rejects a changed password. Yescrypt counts 9-11
// (256 MiB - 1 GiB) are included: together they take about 10 s here.
import { describe, expect, it } from "vitest";
import { crypt, verifyPassword } from "../../src/hash/index";
import { haveShared } from "../shared";
import { changed, grubSettingOf, loadVectors, pwBytes, type Vector } from "./vectors";

const files = ["yescrypt.jsonl", "bcrypt.jsonl", "sha512crypt.jsonl", "sha256crypt.jsonl", "grub-pbkdf2.jsonl"];

// The 256 MiB..1 GiB yescrypt vectors take 0.5-2.5 s per computation: for them the
// checks that repeat an identical computation are left out.
const expensive = (v: Vector) => /^count=(9|10|11)$/.test(v.family ?? "");

function checkVector(v: Vector) {
  const isGrub = v.iterations !== undefined;
  // GRUB: the hash length is only known from the HASH field unless it is the default 64.
  const setting = isGrub ? (v.dklen === 64 ? grubSettingOf(v) : v.hash!) : v.setting!;
  const label = `${v.family ?? v.scheme} ${JSON.stringify(setting.slice(0, 40))} ${v.note ?? ""}`.slice(0, 160);
  it(label, async () => {
    // The string form when there is one (exercises the UTF-8 path), else raw bytes.
    const pw = v.password ?? pwBytes(v);
    expect(await crypt(pw, setting)).toBe(v.hash);
    if (!expensive(v)) {
      expect(await crypt(pwBytes(v), setting)).toBe(v.hash);
      expect(await verifyPassword(pw, v.hash!)).toBe(true);
    }
    expect(await verifyPassword(changed(v), v.hash!)).toBe(false);
  });
}

describe.skipIf(!haveShared("hash reference vectors", "vectors"))("reference vectors", () => {
  for (const f of files) {
    describe(f, () => {
      const vs = loadVectors(f);
      it("has vectors", () => expect(vs.length).toBeGreaterThan(30));
      vs.forEach(checkVector);
    });
  }
  describe("extra/yescrypt-extended.jsonl", () => {
    loadVectors("extra/yescrypt-extended.jsonl").forEach(checkVector);
  });
  describe("extra/nonutf8.jsonl", () => {
    loadVectors("extra/nonutf8.jsonl").forEach(checkVector);
  });
});
