// Shared helpers for the password hashes: input normalisation, the crypt(3) base-64
// alphabet, random bytes and comparison. Browser-safe: no Node built-ins.

/** Thrown for every invalid setting, hash, parameter or password. */
export class PasswordHashError extends Error {
  override name = "PasswordHashError";
}

/** The most bytes libxcrypt accepts in a passphrase (CRYPT_MAX_PASSPHRASE_SIZE - 1). */
export const MAX_PASSWORD_BYTES = 511;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The bytes that get hashed: a string is UTF-8 encoded (not normalised); a Uint8Array is
 * used as is. Strings with lone UTF-16 surrogates are refused rather than silently
 * turned into U+FFFD, and NUL bytes are refused because crypt(3) takes C strings (the
 * password would be cut at the NUL).
 */
export function passwordBytes(password: string | Uint8Array, maxBytes: number = MAX_PASSWORD_BYTES): Uint8Array {
  let bytes: Uint8Array;
  if (typeof password === "string") {
    if (LONE_SURROGATE.test(password)) {
      throw new PasswordHashError("password is not well-formed Unicode (it contains a lone UTF-16 surrogate)");
    }
    bytes = new TextEncoder().encode(password);
  } else if (password instanceof Uint8Array) {
    bytes = password;
  } else {
    throw new PasswordHashError("password must be a string or a Uint8Array");
  }
  if (bytes.includes(0)) throw new PasswordHashError("password contains a NUL byte, which crypt(3) cannot represent");
  if (bytes.length > maxBytes) {
    throw new PasswordHashError(`password is ${bytes.length} bytes long; at most ${maxBytes} bytes are accepted`);
  }
  return bytes;
}

/** The crypt(3) alphabet: "." = 0, "/" = 1, "0".."9" = 2..11, "A".."Z" = 12..37, "a".."z" = 38..63. */
export const ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Value of a crypt(3) alphabet character, or -1. */
export function atoi64(ch: string | undefined): number {
  return ch === undefined || ch.length !== 1 ? -1 : ITOA64.indexOf(ch);
}

/** Cryptographically secure random bytes from Web Crypto (Node >= 19 and browsers). */
export function randomBytes(n: number): Uint8Array {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (!c?.getRandomValues) throw new PasswordHashError("no Web Crypto getRandomValues() available for generating salts");
  const out = new Uint8Array(n);
  // getRandomValues fills at most 65536 bytes per call.
  for (let i = 0; i < n; i += 65536) c.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
  return out;
}

/** Equality of two strings in time that depends only on their lengths. */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * libxcrypt's generic check of a setting (crypt(5)): printable ASCII only, no
 * whitespace and none of `! * : ; \`.
 */
export function checkSettingChars(setting: string): void {
  for (let i = 0; i < setting.length; i++) {
    const c = setting.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) {
      throw new PasswordHashError(`invalid character ${JSON.stringify(setting[i])} in setting (only printable ASCII without spaces is allowed)`);
    }
    if ("!*:;\\".includes(setting[i]!)) {
      throw new PasswordHashError(`invalid character '${setting[i]}' in setting (crypt(5) reserves ! * : ; \\)`);
    }
  }
}

/** Decodes base64 (standard alphabet) without Node's Buffer. */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const toHex = (b: Uint8Array, upper = false): string => {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return upper ? s.toUpperCase() : s;
};
