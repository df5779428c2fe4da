// bcrypt ($2b$, $2a$, $2y$, and $2x$ for verifying old hashes) with libxcrypt's
// (crypt_blowfish's) semantics: the key is the password bytes plus a NUL, cycled to 72
// bytes; $2a$ adds the anti-collision "safety" tweak for some keys with 0xff bytes and
// $2x$ reproduces the old sign-extension bug. The EksBlowfish core is WebAssembly
// (scripts/gen-hash-wasm/bcrypt.wat.mjs); it takes raw bytes, which bcryptjs cannot.
import { PasswordHashError } from "./util";
import { bcryptModule } from "./wasm";
import { bcryptLayout } from "./wasm.generated";

const BF_ITOA64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const bfAtoi = (ch: string | undefined): number => (ch === undefined ? -1 : BF_ITOA64.indexOf(ch));

// Per-subtype flags as in crypt_blowfish: bit 0 = sign-extension bug, bit 1 = safety.
const SUBTYPE_FLAGS: Record<string, number> = { a: 2, b: 4, x: 1, y: 4 };

/** bcrypt's base-64 (its own alphabet, big-endian bit order), as BF_encode. */
export function bfEncode(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    let c1 = bytes[i++]!;
    out += BF_ITOA64[c1 >> 2];
    c1 = (c1 & 3) << 4;
    if (i >= bytes.length) {
      out += BF_ITOA64[c1];
      break;
    }
    let c2 = bytes[i++]!;
    c1 |= c2 >> 4;
    out += BF_ITOA64[c1];
    c1 = (c2 & 0x0f) << 2;
    if (i >= bytes.length) {
      out += BF_ITOA64[c1];
      break;
    }
    c2 = bytes[i++]!;
    c1 |= c2 >> 6;
    out += BF_ITOA64[c1] + BF_ITOA64[c2 & 0x3f];
  }
  return out;
}

/** Decodes `size` bytes from bcrypt base-64 (BF_decode); null on an invalid character. */
export function bfDecode(s: string, size: number): Uint8Array | null {
  const out = new Uint8Array(size);
  let d = 0, p = 0;
  const next = () => bfAtoi(s[p++]);
  while (d < size) {
    const c1 = next(), c2 = next();
    if (c1 < 0 || c2 < 0) return null;
    out[d++] = (c1 << 2) | ((c2 & 0x30) >> 4);
    if (d >= size) break;
    const c3 = next();
    if (c3 < 0) return null;
    out[d++] = ((c2 & 0x0f) << 4) | ((c3 & 0x3c) >> 2);
    if (d >= size) break;
    const c4 = next();
    if (c4 < 0) return null;
    out[d++] = ((c3 & 3) << 6) | c4;
  }
  return out;
}

/** crypt_blowfish's BF_set_key: the 18 key words and the safety bit for P[0]. */
function setKey(key: Uint8Array, flags: number): { expanded: Uint32Array; sign: number } {
  const bug = flags & 1;
  const safety = (flags & 2) << 15;
  const expanded = new Uint32Array(18);
  let ptr = 0, sign = 0, diff = 0;
  for (let i = 0; i < 18; i++) {
    let correct = 0, buggy = 0;
    for (let j = 0; j < 4; j++) {
      const b = ptr < key.length ? key[ptr]! : 0;
      correct = (correct << 8) | b;
      buggy = (buggy << 8) | (b & 0x80 ? b | 0xffffff00 : b); // (signed char) extension
      if (j) sign |= buggy & 0x80;
      ptr = b === 0 ? 0 : ptr + 1;
    }
    diff |= correct ^ buggy;
    expanded[i] = bug ? buggy : correct;
  }
  diff |= diff >>> 16;
  diff &= 0xffff;
  diff += 0xffff; // bit 16 set iff the two keys differed
  sign = (sign << 9) & ~diff & safety;
  return { expanded, sign };
}

interface Core {
  memory: WebAssembly.Memory;
  bcrypt(log: number, sign: number): void;
  wipe(): void;
}
let core: Promise<Core> | null = null;
const getCore = () =>
  (core ??= bcryptModule()
    .then((m) => WebAssembly.instantiate(m))
    .then((i) => i.exports as unknown as Core));

const err = (msg: string): never => {
  throw new PasswordHashError(`bcrypt setting: ${msg}`);
};

/** crypt(3) for "$2a$", "$2b$", "$2x$", "$2y$" settings, as libxcrypt's BF_crypt. */
export async function bcryptCrypt(key: Uint8Array, setting: string): Promise<string> {
  const m = /^\$2([a-z])\$(\d\d)\$/.exec(setting);
  if (!m) {
    if (/^\$2[a-z]?\$/.test(setting)) err(`expected "$2b$NN$" with a two-digit cost in ${JSON.stringify(setting)}`);
    err(`expected "$2b$", "$2a$", "$2y$" or "$2x$" at the start of ${JSON.stringify(setting)}`);
  }
  const flags = SUBTYPE_FLAGS[m![1]!];
  if (flags === undefined) err(`unknown bcrypt version "$2${m![1]}$" (expected 2a, 2b, 2x or 2y)`);
  const cost = Number(m![2]);
  if (cost < 4 || cost > 31) err(`cost ${m![2]} is out of range (04..31)`);
  const saltStr = setting.slice(7, 29);
  const salt = saltStr.length === 22 ? bfDecode(saltStr, 16) : null;
  if (!salt) err(`salt must be 22 characters of ./A-Za-z0-9 (got ${JSON.stringify(saltStr)})`);

  const { expanded, sign } = setKey(key, flags!);
  const c = await getCore();
  const L = bcryptLayout;
  const words = new Uint32Array(c.memory.buffer);
  words.set(expanded, L.K / 4);
  for (let i = 0; i < 4; i++) {
    words[L.SALT / 4 + i] = ((salt![4 * i]! << 24) | (salt![4 * i + 1]! << 16) | (salt![4 * i + 2]! << 8) | salt![4 * i + 3]!) >>> 0;
  }
  c.bcrypt(cost, sign);
  const out = new Uint8Array(24);
  for (let i = 0; i < 6; i++) {
    const w = words[L.OUT / 4 + i]!;
    out.set([w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255], 4 * i);
  }
  c.wipe();
  expanded.fill(0);
  // The 22nd salt character carries only 2 bits; libxcrypt re-encodes it canonically.
  const last = BF_ITOA64[bfAtoi(setting[28]) & 0x30];
  return setting.slice(0, 28) + last + bfEncode(out.subarray(0, 23));
}

/** crypt_gensalt for bcrypt: "$2<subtype>$<cost>$" + 22 salt characters from 16 bytes. */
export function gensalt(subtype: "a" | "b" | "y", cost: number, rbytes: Uint8Array): string {
  if (!Number.isInteger(cost) || cost < 4 || cost > 31) throw new PasswordHashError(`bcrypt cost must be 4..31 (got ${cost})`);
  if (rbytes.length < 16) throw new PasswordHashError(`bcrypt needs 16 random salt bytes (got ${rbytes.length})`);
  return `$2${subtype}$${String(cost).padStart(2, "0")}$${bfEncode(rbytes.subarray(0, 16))}`;
}
