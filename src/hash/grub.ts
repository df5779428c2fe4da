// GRUB 2's password hash, as grub-mkpasswd-pbkdf2 prints it:
//   grub.pbkdf2.sha512.<iterations>.<SALT hex>.<HASH hex>
// HASH = PBKDF2-HMAC-SHA512(password, salt, iterations, len(HASH)). Web Crypto's PBKDF2
// is used when the platform has it (it runs natively, ~6x faster than WASM); hash-wasm
// is the fallback (no secure context, or an engine that refuses an empty password).
import { createSHA512, pbkdf2 } from "hash-wasm";
import { PasswordHashError, toHex } from "./util";

export const GRUB_PREFIX = "grub.pbkdf2.sha512.";
export const GRUB_DEFAULT_ITERATIONS = 10000;
export const GRUB_DEFAULT_SALT_BYTES = 64;
export const GRUB_DEFAULT_HASH_BYTES = 64;
const MAX_ITERATIONS = 0xffffffff;

/** Test hook: force the hash-wasm path. */
export const grubOptions = { webCrypto: true };

async function pbkdf2Sha512(password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Promise<Uint8Array> {
  const subtle = grubOptions.webCrypto ? (globalThis.crypto as Crypto | undefined)?.subtle : undefined;
  if (subtle) {
    try {
      const key = await subtle.importKey("raw", password as Uint8Array<ArrayBuffer>, "PBKDF2", false, ["deriveBits"]);
      const bits = await subtle.deriveBits({ name: "PBKDF2", hash: "SHA-512", salt: salt as Uint8Array<ArrayBuffer>, iterations }, key, length * 8);
      return new Uint8Array(bits);
    } catch {
      // fall through to hash-wasm
    }
  }
  return pbkdf2({ password, salt, iterations, hashLength: length, hashFunction: createSHA512(), outputType: "binary" });
}

function hexBytes(s: string, what: string): Uint8Array {
  if (!/^(?:[0-9A-Fa-f]{2})+$/.test(s)) throw new PasswordHashError(`GRUB hash: ${what} must be a non-empty even-length hex string (got ${JSON.stringify(s)})`);
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export interface GrubSetting {
  iterations: number;
  salt: Uint8Array;
  /** Length of the derived key: that of the HASH field if present, else 64. */
  hashBytes: number;
  hasHash: boolean;
}

export function parseGrub(setting: string): GrubSetting {
  if (!setting.startsWith(GRUB_PREFIX)) throw new PasswordHashError(`GRUB hash must start with "${GRUB_PREFIX}"`);
  const fields = setting.slice(GRUB_PREFIX.length).split(".");
  if (fields.length < 2 || fields.length > 3) {
    throw new PasswordHashError(`GRUB hash must be ${GRUB_PREFIX}<iterations>.<SALT>[.<HASH>] (got ${JSON.stringify(setting)})`);
  }
  const [it, salt, hash] = fields as [string, string, string?];
  const iterations = /^[1-9][0-9]*$/.test(it) ? Number(it) : NaN;
  if (!(iterations <= MAX_ITERATIONS)) throw new PasswordHashError(`GRUB hash: iterations must be 1..${MAX_ITERATIONS} (got ${JSON.stringify(it)})`);
  return {
    iterations,
    salt: hexBytes(salt, "SALT"),
    hashBytes: hash === undefined ? GRUB_DEFAULT_HASH_BYTES : hexBytes(hash, "HASH").length,
    hasHash: hash !== undefined,
  };
}

export function grubSetting(iterations: number, salt: Uint8Array): string {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new PasswordHashError(`GRUB PBKDF2 iterations must be 1..${MAX_ITERATIONS} (got ${iterations})`);
  }
  if (salt.length < 1) throw new PasswordHashError("GRUB PBKDF2 salt must not be empty");
  return `${GRUB_PREFIX}${iterations}.${toHex(salt, true)}`;
}

/** The full hash for a setting (a complete hash is recomputed with its own length). */
export async function grubCrypt(password: Uint8Array, setting: string): Promise<string> {
  const s = parseGrub(setting);
  const dk = await pbkdf2Sha512(password, s.salt, s.iterations, s.hashBytes);
  return `${GRUB_PREFIX}${s.iterations}.${toHex(s.salt, true)}.${toHex(dk, true)}`;
}
