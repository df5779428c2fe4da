// SHA-crypt ($5$ sha256crypt, $6$ sha512crypt) from Ulrich Drepper's specification, on
// a WebAssembly SHA-256/512 core that also runs the round loop
// (scripts/gen-hash-wasm/sha2.wat.mjs), with libxcrypt's stricter parsing: rounds=N must
// be 1000..999999999 without leading zeros (glibc clamps instead), and an explicit
// rounds= is echoed even when it is 5000.
import { ITOA64, MAX_PASSWORD_BYTES, PasswordHashError } from "./util";
import { sha2Module } from "./wasm";
import { sha2Layout } from "./wasm.generated";

export const ROUNDS_DEFAULT = 5000;
export const ROUNDS_MIN = 1000;
export const ROUNDS_MAX = 999_999_999;
const SALT_LEN_MAX = 16;

// Output byte order: groups of three digest bytes, each written as 4 characters (the last
// group is shorter), least significant 6 bits first.
const ORDER_256 = [
  [0, 10, 20], [21, 1, 11], [12, 22, 2], [3, 13, 23], [24, 4, 14],
  [15, 25, 5], [6, 16, 26], [27, 7, 17], [18, 28, 8], [9, 19, 29], [-1, 31, 30],
];
const ORDER_512 = [
  [0, 21, 42], [22, 43, 1], [44, 2, 23], [3, 24, 45], [25, 46, 4], [47, 5, 26], [6, 27, 48],
  [28, 49, 7], [50, 8, 29], [9, 30, 51], [31, 52, 10], [53, 11, 32], [12, 33, 54], [34, 55, 13],
  [56, 14, 35], [15, 36, 57], [37, 58, 16], [59, 17, 38], [18, 39, 60], [40, 61, 19], [62, 20, 41],
  [-1, -1, 63],
];

function encodeDigest(d: Uint8Array, order: number[][]): string {
  let out = "";
  for (const [a, b, c] of order) {
    const byte = (i: number) => (i < 0 ? 0 : d[i]!);
    let w = (byte(a!) << 16) | (byte(b!) << 8) | byte(c!);
    const n = a! >= 0 ? 4 : b! >= 0 ? 3 : 2;
    for (let k = 0; k < n; k++) {
      out += ITOA64[w & 63];
      w >>>= 6;
    }
  }
  return out;
}

/** `len` bytes of `block` repeated. */
function recycle(block: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i += block.length) out.set(block.subarray(0, Math.min(block.length, len - i)), i);
  return out;
}

interface Core {
  memory: WebAssembly.Memory;
  digest256(msg: number, len: number, out: number): void;
  digest512(msg: number, len: number, out: number): void;
  rounds256(plen: number, slen: number, rounds: number): void;
  rounds512(plen: number, slen: number, rounds: number): void;
  wipe(): void;
}
let core: Promise<Core> | null = null;
const getCore = () =>
  (core ??= sha2Module()
    .then((m) => WebAssembly.instantiate(m))
    .then((i) => i.exports as unknown as Core));

export async function shaCrypt(key: Uint8Array, setting: string): Promise<string> {
  const is512 = setting.startsWith("$6$");
  if (!is512 && !setting.startsWith("$5$")) throw new PasswordHashError(`SHA-crypt setting must start with "$5$" or "$6$"`);
  const name = is512 ? "sha512crypt" : "sha256crypt";
  let rest = setting.slice(3);
  let rounds = ROUNDS_DEFAULT;
  let custom = false;
  if (rest.startsWith("rounds=")) {
    const m = /^rounds=([1-9][0-9]*)\$/.exec(rest);
    const n = m ? Number(m[1]) : NaN;
    if (!m || !(n >= ROUNDS_MIN && n <= ROUNDS_MAX)) {
      throw new PasswordHashError(
        `${name} setting: rounds must be a number from ${ROUNDS_MIN} to ${ROUNDS_MAX} without leading zeros, followed by '$' ` +
          `(got ${JSON.stringify(rest.slice(0, (rest.indexOf("$") + 1 || rest.length + 1) - 1))})`,
      );
    }
    rounds = n;
    custom = true;
    rest = rest.slice(m[0].length);
  }
  const end = rest.search(/[$:\n]/);
  if (end >= 0 && rest[end] !== "$") throw new PasswordHashError(`${name} setting: invalid character in salt`);
  // The salt is used as raw characters (all printable ASCII here) and cut to 16.
  const saltStr = rest.slice(0, end < 0 ? rest.length : end).slice(0, SALT_LEN_MAX);
  const salt = new TextEncoder().encode(saltStr);
  if (key.length > MAX_PASSWORD_BYTES) throw new PasswordHashError(`password is longer than ${MAX_PASSWORD_BYTES} bytes`);

  const c = await getCore();
  const mem = new Uint8Array(c.memory.buffer);
  const L = sha2Layout;
  const size = is512 ? 64 : 32;
  const digest = (parts: Uint8Array[]): Uint8Array => {
    let at = L.MSG;
    for (const part of parts) {
      mem.set(part, at);
      at += part.length;
    }
    if (is512) c.digest512(L.MSG, at - L.MSG, L.A);
    else c.digest256(L.MSG, at - L.MSG, L.A);
    return mem.slice(L.A, L.A + size);
  };
  const n = key.length;
  try {
    const B = digest([key, salt, key]);
    // A = H(key, salt, B cycled to n bytes, then per bit of n: B (1) or key (0))
    const parts = [key, salt, recycle(B, n)];
    for (let k = n; k > 0; k >>>= 1) parts.push(k & 1 ? B : key);
    const A = digest(parts);
    // P = H(key repeated n times) cycled to n bytes; S = H(salt repeated 16 + A[0] times) cycled
    const P = recycle(digest(Array(n).fill(key)), n);
    const S = recycle(digest(Array(16 + A[0]!).fill(salt)), salt.length);
    mem.set(A, L.A);
    mem.set(P, L.P);
    mem.set(S, L.S);
    if (is512) c.rounds512(n, salt.length, rounds);
    else c.rounds256(n, salt.length, rounds);
    const result = mem.slice(L.A, L.A + size);
    B.fill(0);
    P.fill(0);
    const prefix = (is512 ? "$6$" : "$5$") + (custom ? `rounds=${rounds}$` : "") + saltStr + "$";
    return prefix + encodeDigest(result, is512 ? ORDER_512 : ORDER_256);
  } finally {
    c.wipe();
  }
}

/**
 * crypt_gensalt for SHA-crypt: "rounds=N$" unless N is the default, then 4 characters per
 * 3 random bytes while more bytes remain than are used (15 bytes give 16 characters).
 */
export function gensalt(is512: boolean, rounds: number, rbytes: Uint8Array): string {
  if (!Number.isInteger(rounds) || rounds < ROUNDS_MIN || rounds > ROUNDS_MAX) {
    throw new PasswordHashError(`${is512 ? "sha512crypt" : "sha256crypt"} rounds must be ${ROUNDS_MIN}..${ROUNDS_MAX} (got ${rounds})`);
  }
  if (rbytes.length < 3) throw new PasswordHashError("SHA-crypt gensalt needs at least 3 random bytes");
  let out = (is512 ? "$6$" : "$5$") + (rounds === ROUNDS_DEFAULT ? "" : `rounds=${rounds}$`);
  for (let used = 0; used + 3 < rbytes.length && (used * 4) / 3 < SALT_LEN_MAX; used += 3) {
    const v = rbytes[used]! | (rbytes[used + 1]! << 8) | (rbytes[used + 2]! << 16);
    out += ITOA64[v & 63]! + ITOA64[(v >> 6) & 63]! + ITOA64[(v >> 12) & 63]! + ITOA64[(v >> 18) & 63]!;
  }
  return out;
}
