// Cost bombs: a hash from elsewhere names its own cost. Each family has a ceiling
// (DEFAULT_COST_LIMITS), checked before any work, so verifying an untrusted 120-byte
// string can never block the event loop for minutes or take gigabytes.
import { describe, expect, test } from "vitest";
import { crypt, DEFAULT_COST_LIMITS, hashPassword, NO_COST_LIMITS, PasswordHashError, verifyPassword } from "../../src/hash/index";
import { encodeParams } from "../../src/hash/yescrypt";

const checksum = (n: number) => "A".repeat(n);
const Y_FLAGS = 0xb6; // YESCRYPT_DEFAULTS, the 'j' flavor

const bombs: [string, string, RegExp][] = [
  ["sha512crypt, rounds 999,999,999 (~20 min)", `$6$rounds=999999999$salt$${checksum(86)}`, /sha512crypt rounds 999999999 is above the cost ceiling \(shaRounds: 5000000\)/],
  ["sha256crypt, rounds 10,000,000", `$5$rounds=10000000$salt$${checksum(43)}`, /sha256crypt rounds 10000000 is above the cost ceiling/],
  ["bcrypt, cost 31 (days)", `$2b$31$${"a".repeat(53)}`, /bcrypt cost 31 is above the cost ceiling \(bcryptCost: 14\)/],
  ["bcrypt, cost 20", `$2y$20$${"a".repeat(53)}`, /bcrypt cost 20 is above/],
  ["yescrypt, 1.5 GiB", `${encodeParams({ flags: Y_FLAGS, N: 2 ** 18, r: 48, p: 1, t: 0 })}saltsaltsalt$${checksum(43)}`, /yescrypt memory 1536 MiB .* is above the cost ceiling \(yescryptMemory/],
  ["yescrypt, count 11 with t=3", `${encodeParams({ flags: Y_FLAGS, N: 2 ** 18, r: 32, p: 1, t: 3 })}saltsaltsalt$${checksum(43)}`, /yescrypt work .* is above the cost ceiling \(yescryptWork/],
  ["GRUB PBKDF2, 4,000,000,000 iterations", `grub.pbkdf2.sha512.4000000000.00.${"00".repeat(64)}`, /GRUB PBKDF2 iterations 4000000000 is above the cost ceiling \(pbkdf2Iterations: 5000000\)/],
];

describe("hash cost ceilings", () => {
  for (const [name, hash, message] of bombs) {
    test(`verifyPassword refuses ${name} before doing any work`, async () => {
      await expect(verifyPassword("pw", hash)).rejects.toThrow(message);
      await expect(crypt("pw", hash)).rejects.toThrow(PasswordHashError);
    });
  }

  test("the defaults allow every cost mkpasswd makes by default and the vectors' largest", () => {
    expect(DEFAULT_COST_LIMITS).toEqual({ shaRounds: 5_000_000, bcryptCost: 14, yescryptMemory: 2 ** 30, yescryptWork: 2 ** 23, pbkdf2Iterations: 5_000_000 });
  });

  test("count 11 yescrypt (1 GiB, mkpasswd's maximum) is under the ceiling", async () => {
    // Refused only for its malformed checksum, i.e. after the ceiling check passed.
    const count11 = `${encodeParams({ flags: Y_FLAGS, N: 2 ** 18, r: 32, p: 1, t: 0 })}saltsaltsalt`;
    await expect(verifyPassword("pw", count11)).rejects.toThrow(/not a complete hash/);
  });

  test("ceilings can be lowered and raised per call", async () => {
    await expect(crypt("pw", "$6$rounds=3000$salt", { limits: { shaRounds: 2000 } })).rejects.toThrow(/shaRounds: 2000/);
    expect(await crypt("pw", "$6$rounds=2000$salt", { limits: { shaRounds: 2000 } })).toMatch(/^\$6\$rounds=2000\$salt\$/);
    await expect(hashPassword("pw", { method: "bcrypt", cost: 6, limits: { bcryptCost: 5 } })).rejects.toThrow(/bcrypt cost 06 is above the cost ceiling \(bcryptCost: 5\)/);
    expect(await hashPassword("pw", { method: "bcrypt", cost: 5, limits: { bcryptCost: 5 } })).toMatch(/^\$2b\$05\$/);
    await expect(crypt("pw", "grub.pbkdf2.sha512.200.00", { limits: { pbkdf2Iterations: 100 } })).rejects.toThrow(/GRUB PBKDF2 iterations 200/);
    // NO_COST_LIMITS lifts every ceiling (butane-mkpasswd uses it: its parameters are the user's own).
    expect(Object.values(NO_COST_LIMITS).every((v) => v === Infinity)).toBe(true);
  });

  test("bad limits are a named error", async () => {
    await expect(crypt("pw", "$6$salt", { limits: { shaRounds: -1 } })).rejects.toThrow(/limits.shaRounds must be a number ≥ 0/);
    await expect(crypt("pw", "$6$salt", { limits: "x" as never })).rejects.toThrow(/limits must be an object/);
  });

  test("malformed settings keep their own precise errors", async () => {
    await expect(crypt("pw", "$6$rounds=1000000000$salt")).rejects.toThrow(/rounds must be a number from 1000 to 999999999/);
    await expect(crypt("pw", "$2b$32$" + "a".repeat(22))).rejects.toThrow(/cost 32 is out of range/);
  });
});
