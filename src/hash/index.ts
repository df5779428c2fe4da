// Password hashes for Butane's `password_hash` fields: the strings that
// `mkpasswd --method=...` (libxcrypt crypt(3)) and `grub-mkpasswd-pbkdf2` produce.
// Runs in Node and in browsers (Web Crypto for random salts, WebAssembly + hash-wasm
// for the hashing); every function returns a Promise.
import { bcryptCrypt, gensalt as bcryptGensalt } from "./bcrypt";
import {
  GRUB_DEFAULT_ITERATIONS,
  GRUB_DEFAULT_SALT_BYTES,
  GRUB_PREFIX,
  grubCrypt,
  grubSetting,
  parseGrub,
} from "./grub";
import { ROUNDS_DEFAULT, ROUNDS_MAX, ROUNDS_MIN, shaCrypt, gensalt as shaGensalt } from "./shacrypt";
import { PasswordHashError, checkSettingChars, passwordBytes, randomBytes, timingSafeEqual } from "./util";
import { countParams, decode64, encodeParams, yescryptCrypt, gensalt as yescryptGensalt } from "./yescrypt";

import { checkCostLimits, costLimits, type CostLimits } from "./limits";

export { PasswordHashError } from "./util";
export { DEFAULT_COST_LIMITS, NO_COST_LIMITS, type CostLimits } from "./limits";

/** Options of crypt() and verifyPassword(). */
export interface CryptOptions {
  /**
   * Cost ceilings, over the defaults (DEFAULT_COST_LIMITS: a few seconds of work per
   * hash). A setting that asks for more is refused with a PasswordHashError before any
   * work is done; pass NO_COST_LIMITS to lift them for parameters you chose yourself.
   */
  limits?: Partial<CostLimits>;
}

/** A method name as `mkpasswd --method` takes it (plus `grub-pbkdf2`). */
export type HashMethod = "yescrypt" | "bcrypt" | "bcrypt_a" | "sha512crypt" | "sha256crypt" | "grub-pbkdf2";

export interface HashMethodInfo {
  name: HashMethod;
  /** Other accepted spellings (all names are case-insensitive). */
  aliases: readonly string[];
  /** Start of the hashes this method makes. */
  prefix: string;
  description: string;
  /** What `cost` means, its range and default (the default is that of mkpasswd / grub-mkpasswd-pbkdf2). */
  cost: { name: string; min: number; max: number; default: number };
  /** Random salt bytes drawn when no salt is given (crypt_gensalt's default). */
  saltBytes: number;
}

export const HASH_METHODS: readonly HashMethodInfo[] = [
  {
    name: "yescrypt",
    aliases: [],
    prefix: "$y$",
    description: "yescrypt (default; cost 1..11 = 1 MiB..1 GiB, 5 = 16 MiB)",
    cost: { name: "cost", min: 1, max: 11, default: 5 },
    saltBytes: 16,
  },
  {
    name: "bcrypt",
    aliases: [],
    prefix: "$2b$",
    description: "bcrypt (cost = log2 of the rounds)",
    cost: { name: "cost", min: 4, max: 31, default: 5 },
    saltBytes: 16,
  },
  {
    name: "bcrypt_a",
    aliases: ["bcrypt-a"],
    prefix: "$2a$",
    description: "bcrypt (obsolete $2a$ version)",
    cost: { name: "cost", min: 4, max: 31, default: 5 },
    saltBytes: 16,
  },
  {
    name: "sha512crypt",
    aliases: ["sha-512", "sha512"],
    prefix: "$6$",
    description: "SHA-512",
    cost: { name: "rounds", min: ROUNDS_MIN, max: ROUNDS_MAX, default: ROUNDS_DEFAULT },
    saltBytes: 15,
  },
  {
    name: "sha256crypt",
    aliases: ["sha-256", "sha256"],
    prefix: "$5$",
    description: "SHA-256",
    cost: { name: "rounds", min: ROUNDS_MIN, max: ROUNDS_MAX, default: ROUNDS_DEFAULT },
    saltBytes: 15,
  },
  {
    name: "grub-pbkdf2",
    aliases: ["grub", "pbkdf2", "grub_pbkdf2"],
    prefix: GRUB_PREFIX,
    description: "GRUB 2 PBKDF2-HMAC-SHA512 (grub-mkpasswd-pbkdf2)",
    cost: { name: "iterations", min: 1, max: 0xffffffff, default: GRUB_DEFAULT_ITERATIONS },
    saltBytes: GRUB_DEFAULT_SALT_BYTES,
  },
];

/** Looks a method up by name or alias, case-insensitively. */
export function findMethod(name: string): HashMethodInfo | undefined {
  const n = name.toLowerCase();
  return HASH_METHODS.find((m) => m.name === n || m.aliases.includes(n));
}

export interface HashOptions {
  /** Default "yescrypt". */
  method?: HashMethod | (string & {});
  /**
   * yescrypt: crypt_gensalt count 1..11 (default 5, i.e. `$y$j9T$`); bcrypt: 4..31 (default 5,
   * as mkpasswd); SHA-crypt: rounds 1000..999999999 (default 5000, not written in the hash);
   * GRUB: PBKDF2 iterations (default 10000).
   */
  cost?: number;
  /**
   * Omitted: fresh random bytes (16 for yescrypt/bcrypt, 15 for SHA-crypt, 64 for GRUB).
   * Uint8Array: the random bytes to encode, as crypt_gensalt would (yescrypt 16..64 bytes,
   * bcrypt 16, SHA-crypt 3..15, GRUB any non-empty length).
   * string: the salt exactly as it appears in the hash (yescrypt: its base-64 form;
   * bcrypt: 22 characters; SHA-crypt: up to 16 characters; GRUB: hex).
   */
  salt?: string | Uint8Array;
  /** Cost ceilings, as for crypt(): a `cost` above them is refused. */
  limits?: Partial<CostLimits>;
}

function resolveMethod(method: string | undefined): HashMethodInfo {
  const m = findMethod(method ?? "yescrypt");
  if (!m) {
    throw new PasswordHashError(`unknown hash method ${JSON.stringify(method)} (available: ${HASH_METHODS.map((x) => x.name).join(", ")})`);
  }
  return m;
}

function checkCost(m: HashMethodInfo, cost: number | undefined): number {
  if (cost === undefined) return m.cost.default;
  if (!Number.isInteger(cost) || cost < m.cost.min || cost > m.cost.max) {
    throw new PasswordHashError(`${m.name} ${m.cost.name} must be an integer from ${m.cost.min} to ${m.cost.max} (got ${cost})`);
  }
  return cost;
}

/** The crypt(3) setting (or GRUB prefix) hashPassword() would hash with. */
export function makeSetting(options: HashOptions = {}): string {
  const m = resolveMethod(options.method);
  const cost = checkCost(m, options.cost);
  const salt = options.salt ?? randomBytes(m.saltBytes);
  const bad = (what: string): never => {
    throw new PasswordHashError(`${m.name} salt: ${what}`);
  };
  switch (m.name) {
    case "yescrypt": {
      if (typeof salt === "string") {
        const bytes = decode64(salt);
        if (!bytes) bad(`${JSON.stringify(salt)} is not valid yescrypt base-64 (./0-9A-Za-z, at most 64 bytes, canonical)`);
        if (!bytes!.length) bad("must not be empty");
        return encodeParams(countParams(cost)) + salt;
      }
      if (salt.length > 64) bad(`at most 64 bytes are used (got ${salt.length})`);
      return yescryptGensalt(cost, salt);
    }
    case "bcrypt":
    case "bcrypt_a": {
      const sub = m.name === "bcrypt" ? "b" : "a";
      if (typeof salt === "string") {
        if (!/^[./A-Za-z0-9]{22}$/.test(salt)) bad(`must be 22 characters of ./A-Za-z0-9 (got ${JSON.stringify(salt)})`);
        return bcryptGensalt(sub, cost, new Uint8Array(16)).slice(0, 7) + salt;
      }
      if (salt.length !== 16) bad(`must be 16 bytes (got ${salt.length})`);
      return bcryptGensalt(sub, cost, salt);
    }
    case "sha512crypt":
    case "sha256crypt": {
      const is512 = m.name === "sha512crypt";
      if (typeof salt === "string") {
        if (!salt.length || salt.length > 16) bad(`must be 1..16 characters (got ${salt.length})`);
        if (salt.includes("$")) bad("must not contain '$'");
        checkSettingChars(salt);
        return shaGensalt(is512, cost, new Uint8Array(3)) + salt;
      }
      if (salt.length < 3 || salt.length > 15) bad(`must be 3..15 random bytes (got ${salt.length})`);
      return shaGensalt(is512, cost, salt);
    }
    case "grub-pbkdf2": {
      if (typeof salt === "string") return grubSetting(cost, parseGrub(`${GRUB_PREFIX}1.${salt}`).salt);
      return grubSetting(cost, salt);
    }
  }
}

/** Hashes a password with a fresh (or the given) salt; the default method is yescrypt. */
export async function hashPassword(password: string | Uint8Array, options: HashOptions = {}): Promise<string> {
  return crypt(password, makeSetting(options), options.limits ? { limits: options.limits } : {});
}

/**
 * crypt(3): hashes `password` with a setting (a salt string such as "$y$j9T$<salt>", or a
 * complete hash) and returns exactly what libxcrypt returns for it, or, for a
 * "grub.pbkdf2.sha512.<iterations>.<SALT>[.<HASH>]" setting, the complete GRUB hash.
 * Invalid settings throw a PasswordHashError (libxcrypt would return a "*" token).
 */
export async function crypt(password: string | Uint8Array, setting: string, options: CryptOptions = {}): Promise<string> {
  if (typeof setting !== "string") throw new PasswordHashError("setting must be a string");
  checkCostLimits(setting, costLimits(options?.limits));
  if (setting.startsWith(GRUB_PREFIX)) return grubCrypt(passwordBytes(password, Infinity), setting);
  checkSettingChars(setting);
  const key = passwordBytes(password);
  if (setting.startsWith("$y$")) return yescryptCrypt(key, setting);
  if (setting.startsWith("$2")) return bcryptCrypt(key, setting);
  if (setting.startsWith("$6$") || setting.startsWith("$5$")) return shaCrypt(key, setting);
  const known: Record<string, string> = {
    "$1$": "md5crypt", "$7$": "scrypt ($7$)", "$gy$": "gost-yescrypt", "$sha1": "sha1crypt", "$md5": "SunMD5", "$3$": "NT-Hash", _: "bsdicrypt",
  };
  const hit = Object.keys(known).find((p) => setting.startsWith(p));
  if (hit) throw new PasswordHashError(`${known[hit]} hashes are not supported (supported: yescrypt, bcrypt, sha512crypt, sha256crypt, GRUB PBKDF2)`);
  throw new PasswordHashError(
    `unrecognised setting ${JSON.stringify(setting.slice(0, 24))}: expected "$y$", "$2b$", "$2a$", "$2y$", "$2x$", "$6$", "$5$" or "${GRUB_PREFIX}"`,
  );
}

const COMPLETE: [RegExp, RegExp][] = [
  [/^\$y\$/, /^\$y\$[^$]+\$[^$]*\$[./0-9A-Za-z]{43}$/],
  [/^\$2/, /^\$2[a-z]\$\d\d\$[./A-Za-z0-9]{53}$/],
  [/^\$6\$/, /^\$6\$(?:rounds=\d+\$)?[^$]{0,16}\$[./0-9A-Za-z]{86}$/],
  [/^\$5\$/, /^\$5\$(?:rounds=\d+\$)?[^$]{0,16}\$[./0-9A-Za-z]{43}$/],
];

/**
 * Checks a password against a complete hash of any supported scheme. Returns false for
 * a wrong password; throws a PasswordHashError for a malformed or unsupported hash, and
 * for a bare salt setting (a hash without its checksum).
 */
export async function verifyPassword(password: string | Uint8Array, hash: string, options: CryptOptions = {}): Promise<boolean> {
  if (typeof hash !== "string") throw new PasswordHashError("hash must be a string");
  checkCostLimits(hash, costLimits(options?.limits));
  if (hash.startsWith(GRUB_PREFIX)) {
    if (!parseGrub(hash).hasHash) throw new PasswordHashError("GRUB setting has no HASH field; it is not a complete hash");
    // hex case does not matter to GRUB; ours is upper-case like grub-mkpasswd-pbkdf2's
    return timingSafeEqual(await crypt(password, hash, options), GRUB_PREFIX + hash.slice(GRUB_PREFIX.length).toUpperCase());
  }
  const shape = COMPLETE.find(([p]) => p.test(hash));
  if (shape && !shape[1].test(hash)) {
    await crypt(password, hash, options); // a malformed setting throws its own, more precise error
    throw new PasswordHashError("not a complete hash (the checksum part is missing or malformed)");
  }
  return timingSafeEqual(await crypt(password, hash, options), hash);
}
