// Settings and passwords libxcrypt rejects must be rejected here too, with a
// PasswordHashError that says what is wrong (never a silent fallback to some default).
import { describe, expect, it } from "vitest";
import { PasswordHashError, crypt, hashPassword, verifyPassword } from "../../src/hash/index";
import { haveShared } from "../shared";
import { loadVectors } from "./vectors";

describe.skipIf(!haveShared("hash vectors extra/invalid.jsonl", "vectors"))("extra/invalid.jsonl", () => {
  const vs = loadVectors("extra/invalid.jsonl");
  it("has vectors", () => expect(vs.length).toBeGreaterThan(20));
  for (const v of vs) {
    it(`${v.scheme}: ${v.note}`, async () => {
      expect(v.hash).toBeNull();
      const e = await crypt(v.password!, v.setting!).then(
        (h) => new Error(`accepted, returned ${h}`),
        (e: unknown) => e,
      );
      expect(e).toBeInstanceOf(PasswordHashError);
      expect((e as Error).message.length).toBeGreaterThan(15);
    });
  }
});

const rejects = async (p: Promise<unknown>, pattern: RegExp) => {
  await expect(p).rejects.toBeInstanceOf(PasswordHashError);
  await expect(p).rejects.toThrow(pattern);
};

describe("error cases", () => {
  it("unknown and unsupported schemes", async () => {
    await rejects(crypt("pw", "$1$saltsalt$"), /md5crypt .*not supported/);
    await rejects(crypt("pw", "$7$C6..../....SodiumChloride"), /scrypt.*not supported/);
    await rejects(crypt("pw", "ab"), /unrecognised setting/);
    await rejects(crypt("pw", ""), /unrecognised setting/);
    await rejects(crypt("pw", "$y$"), /yescrypt setting/);
  });

  it("passwords crypt(3) cannot take", async () => {
    await rejects(crypt("a\u0000b", "$6$salt"), /NUL/);
    await rejects(crypt(new Uint8Array([0x61, 0]), "$y$j75$saltsalt"), /NUL/);
    await rejects(crypt("\uD800x", "$6$salt"), /lone UTF-16 surrogate/);
    await rejects(crypt("x".repeat(512), "$2b$04$......................"), /512 bytes.*511/);
    // 511 is fine
    await expect(crypt("x".repeat(511), "$6$rounds=1000$salt")).resolves.toMatch(/^\$6\$rounds=1000\$salt\$/);
    // @ts-expect-error wrong type on purpose
    await rejects(crypt(42, "$6$salt"), /string or a Uint8Array/);
  });

  it("yescrypt settings", async () => {
    await rejects(crypt("pw", "$y$j9T$abc"), /not valid yescrypt base-64/);
    await rejects(crypt("pw", "$y$j.T$MzUbU.Y0Ul7y1gxs1JDbq."), /N = 2 is too small/);
    await rejects(crypt("pw", "$y$i9T$MzUbU.Y0Ul7y1gxs1JDbq."), /unsupported flavor/);
    await rejects(crypt("pw", "$y$j751.$MzUbU.Y0Ul7y1gxs1JDbq."), /g parameter/);
    await rejects(crypt("pw", "$y$j757.$MzUbU.Y0Ul7y1gxs1JDbq."), /NROM/);
    await rejects(crypt("pw", "$y$.9T/.$MzUbU.Y0Ul7y1gxs1JDbq."), /classic scrypt.*t/);
    await rejects(crypt("pw", "$y$jHT$MzUbU.Y0Ul7y1gxs1JDbq."), /needs 409[67] MiB; at most 2048 MiB/); // N = 2^20, r = 32
    await rejects(crypt("pw", "$y$j75$" + "a".repeat(340)), /at most 339/);
  });

  it("bcrypt settings", async () => {
    await rejects(crypt("pw", "$2b$03$......................"), /cost 03 is out of range/);
    await rejects(crypt("pw", "$2c$04$......................"), /unknown bcrypt version/);
    await rejects(crypt("pw", "$2b$04$....................."), /22 characters/);
    await rejects(crypt("pw", "$2b$4$......................"), /two-digit cost/);
  });

  it("SHA-crypt settings", async () => {
    await rejects(crypt("pw", "$6$rounds=999$salt"), /rounds must be a number from 1000/);
    await rejects(crypt("pw", "$5$rounds=01000$salt"), /leading zeros/);
    await rejects(crypt("pw", "$6$sa lt"), /invalid character/);
  });

  it("GRUB settings", async () => {
    await rejects(crypt("pw", "grub.pbkdf2.sha512.0.00"), /iterations/);
    await rejects(crypt("pw", "grub.pbkdf2.sha512.10.0"), /SALT must be a non-empty even-length hex/);
    await rejects(crypt("pw", "grub.pbkdf2.sha512.10"), /must be grub\.pbkdf2\.sha512/);
    await rejects(crypt("pw", "grub.pbkdf2.sha512.10.00.XY"), /HASH/);
  });

  it("verifyPassword refuses settings without a checksum and malformed hashes", async () => {
    await rejects(verifyPassword("pw", "$y$j75$saltsalt"), /not a complete hash/);
    await rejects(verifyPassword("pw", "$6$salt"), /not a complete hash/);
    await rejects(verifyPassword("pw", "$2b$04$......................"), /not a complete hash/);
    await rejects(verifyPassword("pw", "grub.pbkdf2.sha512.10.00"), /not a complete hash/);
    await rejects(verifyPassword("pw", "$6$rounds=10$salt$" + "a".repeat(86)), /rounds must be/);
    await rejects(verifyPassword("pw", "*0"), /invalid character|unrecognised/);
  });

  it("hashPassword parameters", async () => {
    await rejects(hashPassword("pw", { method: "md5" }), /unknown hash method "md5"/);
    await rejects(hashPassword("pw", { cost: 12 }), /yescrypt cost must be an integer from 1 to 11 \(got 12\)/);
    await rejects(hashPassword("pw", { cost: 0 }), /from 1 to 11/);
    await rejects(hashPassword("pw", { method: "bcrypt", cost: 3 }), /from 4 to 31/);
    await rejects(hashPassword("pw", { method: "bcrypt", cost: 10.5 }), /integer/);
    await rejects(hashPassword("pw", { method: "sha512crypt", cost: 999 }), /rounds must be an integer from 1000/);
    await rejects(hashPassword("pw", { method: "grub-pbkdf2", cost: 0 }), /iterations must be an integer from 1/);
    await rejects(hashPassword("pw", { salt: "abc" }), /yescrypt salt: "abc" is not valid/);
    await rejects(hashPassword("pw", { salt: new Uint8Array(65) }), /at most 64 bytes/);
    await rejects(hashPassword("pw", { method: "bcrypt", salt: "short" }), /22 characters/);
    await rejects(hashPassword("pw", { method: "bcrypt", salt: new Uint8Array(15) }), /16 bytes/);
    await rejects(hashPassword("pw", { method: "sha512crypt", salt: "x".repeat(17) }), /1\.\.16 characters/);
    await rejects(hashPassword("pw", { method: "sha512crypt", salt: "a$b" }), /'\$'/);
    await rejects(hashPassword("pw", { method: "sha256crypt", salt: "a:b" }), /invalid character/);
    await rejects(hashPassword("pw", { method: "grub-pbkdf2", salt: "ABC" }), /hex/);
  });
});
