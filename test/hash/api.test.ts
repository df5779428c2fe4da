// hashPassword/verifyPassword/crypt behaviour beyond the reference vectors: defaults and
// formats, crypt_gensalt-identical salt encoding, cross-checks against independent
// implementations (bcryptjs, node:crypto scrypt/pbkdf2, the system libxcrypt via perl
// when available), concurrency, and the browser-safety of src/hash.
import { spawnSync } from "node:child_process";
import { pbkdf2Sync, scryptSync } from "node:crypto";
import { fileURLToPath } from "node:url";
import bcryptjs from "bcryptjs";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { HASH_METHODS, crypt, findMethod, hashPassword, makeSetting, verifyPassword } from "../../src/hash/index";
import { grubOptions } from "../../src/hash/grub";
import { YESCRYPT_DEFAULTS, decode64, encode64, encodeParams, type YescryptParams } from "../../src/hash/yescrypt";
import { haveShared } from "../shared";
import { loadVectors } from "./vectors";

const root = fileURLToPath(new URL("../../", import.meta.url));
const B64 = "[./0-9A-Za-z]";

describe("hashPassword defaults", () => {
  it("yescrypt is the default, with mkpasswd's $y$j9T$ and 16 random salt bytes", async () => {
    const h = await hashPassword("correct horse");
    expect(h).toMatch(new RegExp(`^\\$y\\$j9T\\$${B64}{22}\\$${B64}{43}$`));
    expect(decode64(h.split("$")[3]!)!.length).toBe(16);
    expect(await verifyPassword("correct horse", h)).toBe(true);
    expect(await verifyPassword("correct horse ", h)).toBe(false);
    expect(await hashPassword("correct horse")).not.toBe(h); // fresh salt each time
  });

  const formats: [string, RegExp][] = [
    ["bcrypt", /^\$2b\$05\$[./A-Za-z0-9]{53}$/],
    ["bcrypt_a", /^\$2a\$05\$[./A-Za-z0-9]{53}$/],
    ["sha512crypt", new RegExp(`^\\$6\\$${B64}{16}\\$${B64}{86}$`)],
    ["sha256crypt", new RegExp(`^\\$5\\$${B64}{16}\\$${B64}{43}$`)],
    ["grub-pbkdf2", /^grub\.pbkdf2\.sha512\.10000\.[0-9A-F]{128}\.[0-9A-F]{128}$/],
  ];
  for (const [method, re] of formats) {
    it(`${method} defaults match mkpasswd / grub-mkpasswd-pbkdf2`, async () => {
      const h = await hashPassword("pässwörd", { method });
      expect(h).toMatch(re);
      expect(await verifyPassword("pässwörd", h)).toBe(true);
      expect(await verifyPassword(new TextEncoder().encode("pässwörd"), h)).toBe(true);
      expect(await verifyPassword("passwörd", h)).toBe(false);
    });
  }

  it("costs", async () => {
    const zeros = new Uint8Array(16);
    const settings = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((cost) => makeSetting({ cost, salt: zeros }).slice(0, 7));
    expect(settings).toEqual(["$y$j75$", "$y$j85$", "$y$j7T$", "$y$j8T$", "$y$j9T$", "$y$jAT$", "$y$jBT$", "$y$jCT$", "$y$jDT$", "$y$jET$", "$y$jFT$"]);
    expect(makeSetting({ method: "bcrypt", cost: 12, salt: zeros })).toBe("$2b$12$......................");
    expect(makeSetting({ method: "sha512crypt", cost: 5000, salt: "abc" })).toBe("$6$abc");
    expect(makeSetting({ method: "SHA-256", cost: 10000, salt: "abc" })).toBe("$5$rounds=10000$abc");
    expect(makeSetting({ method: "grub", cost: 1, salt: "00ff" })).toBe("grub.pbkdf2.sha512.1.00FF");
    expect(await hashPassword("pw", { method: "bcrypt", cost: 4, salt: "......................" })).toBe(
      bcryptjs.hashSync("pw", "$2b$04$......................"),
    );
  });

  it("method names are case-insensitive with mkpasswd's aliases", () => {
    expect(findMethod("YESCRYPT")?.name).toBe("yescrypt");
    expect(findMethod("sha-512")?.name).toBe("sha512crypt");
    expect(findMethod("bcrypt-a")?.name).toBe("bcrypt_a");
    expect(findMethod("md5")).toBeUndefined();
    expect(HASH_METHODS.map((m) => m.name)).toContain("grub-pbkdf2");
  });
});

describe.skipIf(!haveShared("hash salts against libxcrypt's crypt_gensalt vectors", "vectors"))("salts are encoded exactly like libxcrypt's crypt_gensalt", () => {
  it("yescrypt: the random bytes behind every gensalt vector give its setting back", () => {
    let n = 0;
    for (const v of loadVectors("yescrypt.jsonl")) {
      const m = /crypt_gensalt_rn\('\$y\$', (\d+), <(\d+) random bytes>\)/.exec(v.note!);
      if (!m) continue;
      const [, count, nbytes] = m;
      const saltStr = v.setting!.split("$")[3]!;
      const bytes = decode64(saltStr)!;
      expect(bytes.length).toBe(Math.min(64, Number(nbytes)));
      expect(encode64(bytes)).toBe(saltStr);
      expect(makeSetting({ cost: Number(count), salt: bytes })).toBe(v.setting);
      n++;
    }
    expect(n).toBeGreaterThan(25);
  });

  it("SHA-crypt: 15 random bytes give 16 characters, 4 bytes give 4", () => {
    let n = 0;
    for (const [file, method] of [["sha512crypt.jsonl", "sha512crypt"], ["sha256crypt.jsonl", "sha256crypt"]] as const) {
      for (const v of loadVectors(file)) {
        const m = /crypt_gensalt_rn\('\$[56]\$', (\d+), <(\d+) random bytes>\)/.exec(v.note!);
        if (!m) continue;
        const saltStr = v.setting!.split("$").at(-1)!;
        // invert the 4-characters-per-3-bytes encoding; the bytes gensalt did not use are arbitrary
        const bytes = new Uint8Array(Number(m[2]));
        for (let g = 0; g < saltStr.length / 4; g++) {
          let w = 0;
          for (let k = 3; k >= 0; k--) w = w * 64 + "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".indexOf(saltStr[4 * g + k]!);
          bytes.set([w & 255, (w >> 8) & 255, w >> 16], 3 * g);
        }
        const cost = Number(m[1]) || undefined;
        expect(makeSetting({ method, cost, salt: bytes })).toBe(v.setting);
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
  });

  it("bcrypt: 16 bytes give the 22 canonical characters", () => {
    for (const v of loadVectors("bcrypt.jsonl")) {
      const salt = v.hash!.slice(7, 29);
      const prefix = v.hash!.slice(0, 4);
      if (prefix === "$2y$") continue;
      const bytes = Uint8Array.from(Buffer.from(bcryptjs.decodeBase64(salt, 16)));
      const method = prefix === "$2b$" ? "bcrypt" : "bcrypt_a";
      expect(makeSetting({ method, cost: Number(v.hash!.slice(4, 6)), salt: bytes })).toBe(v.hash!.slice(0, 29));
    }
  });
});

describe("cross-checks with independent implementations", () => {
  const rnd = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const next = rnd(42);
  const randomPassword = () => {
    const chars = ["a", "Z", "0", " ", "$", "é", "€", "😀", "\u0301", "ß", "\t"];
    let s = "";
    const len = Math.floor(next() * 40);
    for (let i = 0; i < len; i++) s += chars[Math.floor(next() * chars.length)];
    return s;
  };

  it("bcrypt equals bcryptjs for UTF-8 passwords (including > 72 bytes)", async () => {
    for (let i = 0; i < 24; i++) {
      const pw = randomPassword().repeat(i % 5 === 0 ? 4 : 1);
      const setting = "$2" + "aby"[i % 3] + "$04$" + bcryptjs.genSaltSync(4).slice(7);
      expect(await crypt(pw, setting)).toBe(bcryptjs.hashSync(pw, setting));
    }
  });

  it("yescrypt flavor 0 equals scrypt (node:crypto)", async () => {
    for (let i = 0; i < 4; i++) {
      const pw = randomPassword();
      const salt = Uint8Array.from({ length: 16 }, () => Math.floor(next() * 256));
      const N = 2 ** (4 + i * 2), r = 1 + i * 3;
      const setting = "$y$." + "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[Math.log2(N) - 1] +
        "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[r - 1] + "$" + encode64(salt);
      const expected = encode64(scryptSync(pw, salt, 32, { N, r, p: 1 }));
      expect(await crypt(pw, setting)).toBe(`${setting}$${expected}`);
    }
  });

  it("GRUB: Web Crypto path, hash-wasm path and node:crypto agree", async () => {
    const setting = "grub.pbkdf2.sha512.1000.0011223344556677";
    const expected = `${setting}.${pbkdf2Sync("pässwörd", Buffer.from("0011223344556677", "hex"), 1000, 64, "sha512").toString("hex").toUpperCase()}`;
    expect(await crypt("pässwörd", setting)).toBe(expected);
    grubOptions.webCrypto = false;
    try {
      expect(await crypt("pässwörd", setting)).toBe(expected);
      expect(await crypt("", setting)).toBe(`${setting}.${pbkdf2Sync("", Buffer.from("0011223344556677", "hex"), 1000, 64, "sha512").toString("hex").toUpperCase()}`);
    } finally {
      grubOptions.webCrypto = true;
    }
    // lower-case hex in a stored hash still verifies
    expect(await verifyPassword("pässwörd", expected.replace(/[A-F]/g, (c) => c.toLowerCase()).replace("GRUB", "grub"))).toBe(true);
  });

  it("concurrent hashes do not disturb each other", async () => {
    const settings = ["$y$j75$saltsalt", "$y$j9T$saltsalt", "$y$j8T$saltsalt", "$y$jAT$saltsalt", "$y$j75..$saltsalt"];
    const sequential = [];
    for (const s of settings) sequential.push(await crypt("pw", s));
    const parallel = await Promise.all([...settings, ...settings].map((s) => crypt("pw", s)));
    expect(parallel).toEqual([...sequential, ...sequential]);
  });
});

const perlCrypt = (pw: string, setting: string): string | null => {
  const r = spawnSync("perl", ["-e", "print crypt($ARGV[0], $ARGV[1])", pw, setting], { encoding: "utf8" });
  return r.status === 0 ? r.stdout : null;
};
const havePerlYescrypt = (perlCrypt("pw", "$y$j75$saltsalt") ?? "").startsWith("$y$j75$saltsalt$");

describe.skipIf(!havePerlYescrypt)("the system's libxcrypt (perl crypt) accepts our new hashes", () => {
  for (const method of ["yescrypt", "bcrypt", "bcrypt_a", "sha512crypt", "sha256crypt"]) {
    it(method, async () => {
      for (const pw of ["password", "pässwörd €", ""]) {
        for (const cost of [undefined, method === "yescrypt" ? 1 : method.startsWith("bcrypt") ? 4 : 1000]) {
          const h = await hashPassword(pw, { method, cost });
          expect(perlCrypt(pw, h)).toBe(h);
        }
      }
    });
  }
});

describe.skipIf(!havePerlYescrypt)("yescrypt parameters crypt_gensalt never makes, against the system libxcrypt", () => {
  const cases: YescryptParams[] = [
    { flags: YESCRYPT_DEFAULTS, N: 1024, r: 8, p: 3, t: 0 }, // odd p: uneven V chunks
    { flags: YESCRYPT_DEFAULTS, N: 1024, r: 1, p: 100, t: 0 }, // p in two characters
    { flags: YESCRYPT_DEFAULTS, N: 512, r: 5, p: 1, t: 5 }, // t > 1
    { flags: YESCRYPT_DEFAULTS, N: 256, r: 70, p: 1, t: 0 }, // r in two characters
    { flags: YESCRYPT_DEFAULTS, N: 2 ** 14, r: 4, p: 5, t: 1 }, // pre-hash with p > 1
    { flags: 1, N: 128, r: 3, p: 2, t: 3 }, // WORM with p and t
    { flags: 0, N: 64, r: 2, p: 3, t: 0 }, // classic scrypt with p
  ];
  for (const params of cases) {
    it(JSON.stringify(params), async () => {
      const setting = encodeParams(params) + "saltsaltsaltsalt";
      const ours = await crypt("pässwörd", setting);
      expect(ours).toBe(perlCrypt("pässwörd", setting));
    });
  }
});

describe("packaging", () => {
  it("src/hash bundles for the browser without Node built-ins", async () => {
    const r = await build({
      entryPoints: [`${root}src/hash/index.ts`],
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(r.metafile!.inputs);
    expect(inputs.filter((f) => f.startsWith("node:") || /(^|\/)(fs|crypto|path|buffer)$/.test(f))).toEqual([]);
    expect(inputs.some((f) => f.includes("bcryptjs"))).toBe(false);
  });
});
