// yescrypt ($y$) as libxcrypt computes it for crypt(3), including its flavors that
// crypt() accepts: the default read-write flavor "j", classic scrypt "." and WORM "/",
// with optional p and t. Written from the yescrypt specification; the memory-hard core
// (SMix) is a WebAssembly module (scripts/gen-hash-wasm/yescrypt.wat.mjs), the
// SHA-256 based steps use hash-wasm.
import { hmacSha256, pbkdf2Sha256, sha256 } from "./primitives";
import { ITOA64, PasswordHashError, atoi64 } from "./util";
import { yescryptModule } from "./wasm";

// Flags (yescrypt.h values; the setting string encodes them as a "flavor").
const WORM = 1;
const RW = 2;
/** RW | ROUNDS_6 | GATHER_4 | SIMPLE_2 | SBOX_12K: the only read-write flavor there is. */
export const YESCRYPT_DEFAULTS = 0xb6;

const SBYTES = 12288; // 3 S-boxes of 2^8 * 2 * 8 bytes
const SALLOC = SBYTES + 64; // S-boxes + pwxform context (S0, S1, S2, w)

/** Most memory a yescrypt computation may take here (V plus small buffers). */
export const YESCRYPT_MAX_MEMORY = 2 ** 31;

export interface YescryptParams {
  /** 0 = classic scrypt, 1 = WORM, 0xb6 = yescrypt defaults (read-write). */
  flags: number;
  N: number;
  r: number;
  p: number;
  t: number;
}

const err = (msg: string): never => {
  throw new PasswordHashError(`yescrypt setting: ${msg}`);
};

// ---- the setting string --------------------------------------------------------------------

/** libxcrypt's variable-length integer encoding of setting parameters (encode64_uint32). */
export function encodeParam(value: number, min: number): string {
  if (!Number.isInteger(value) || value < min || value > 0xffffffff) err(`parameter ${value} out of range`);
  let src = value - min;
  let start = 0, end = 47, chars = 1, bits = 0;
  for (;;) {
    const count = (end + 1 - start) * 2 ** bits;
    if (src < count) break;
    if (start >= 63) err(`parameter ${value} too large to encode`);
    start = end + 1;
    end = start + Math.floor((62 - end) / 2);
    src -= count;
    chars++;
    bits += 6;
  }
  let out = ITOA64[start + Math.floor(src / 2 ** bits)]!;
  while (--chars) {
    bits -= 6;
    out += ITOA64[Math.floor(src / 2 ** bits) % 64]!;
  }
  return out;
}

/** Reads one encoded parameter at s[pos]; returns [value, next position] or null. */
function decodeParam(s: string, pos: number, min: number): [number, number] | null {
  let c = atoi64(s[pos++]);
  if (c < 0) return null;
  let value = min;
  let start = 0, end = 47, chars = 1, bits = 0;
  while (c > end) {
    value += (end + 1 - start) * 2 ** bits;
    start = end + 1;
    end = start + Math.floor((62 - end) / 2);
    chars++;
    bits += 6;
  }
  value += (c - start) * 2 ** bits;
  while (--chars) {
    c = atoi64(s[pos++]);
    if (c < 0) return null;
    bits -= 6;
    value += c * 2 ** bits;
  }
  return [value % 2 ** 32, pos]; // uint32 arithmetic, as in C
}

/** yescrypt's base-64 of bytes: little-endian 24-bit groups, low 6 bits first. */
export function encode64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    let value = 0, bits = 0;
    do {
      value |= bytes[i++]! << bits;
      bits += 8;
    } while (bits < 24 && i < bytes.length);
    for (let b = 0; b < bits; b += 6) {
      out += ITOA64[value & 63]!;
      value >>>= 6;
    }
  }
  return out;
}

/**
 * Inverse of encode64, refusing what libxcrypt refuses: characters outside the alphabet,
 * a final group of one character, non-zero leftover bits, more than maxBytes bytes.
 */
export function decode64(s: string, maxBytes = 64): Uint8Array | null {
  const out: number[] = [];
  let pos = 0;
  while (pos < s.length) {
    let value = 0, bits = 0;
    while (pos < s.length && bits < 24) {
      const c = atoi64(s[pos]);
      if (c < 0) return null;
      value |= c << bits;
      bits += 6;
      pos++;
    }
    if (bits < 12) return null; // must carry at least one full byte
    for (;;) {
      if (out.length >= maxBytes) return null;
      out.push(value & 255);
      value >>>= 8;
      bits -= 8;
      if (bits < 8) {
        if (value !== 0) return null;
        break;
      }
    }
  }
  return Uint8Array.from(out);
}

/** The setting prefix ("$y$<params>$") for the given parameters. */
export function encodeParams(params: YescryptParams): string {
  const { flags, N, r, p, t } = params;
  let flavor: number;
  if (flags === 0 || flags === WORM) flavor = flags;
  else if (flags === YESCRYPT_DEFAULTS) flavor = RW + (flags >> 2);
  else return err(`unsupported flags 0x${flags.toString(16)}`);
  const Nlog2 = Math.log2(N);
  if (!Number.isInteger(Nlog2) || Nlog2 < 1) err(`N must be a power of 2 (got ${N})`);
  let s = "$y$" + encodeParam(flavor, 0) + encodeParam(Nlog2, 1) + encodeParam(r, 1);
  const have = (p !== 1 ? 1 : 0) | (t ? 2 : 0);
  if (have) s += encodeParam(have, 1);
  if (p !== 1) s += encodeParam(p, 2);
  if (t) s += encodeParam(t, 1);
  return s + "$";
}

export interface ParsedSetting {
  params: YescryptParams;
  /** The setting up to and including the salt string (copied verbatim to the output). */
  prefix: string;
  salt: Uint8Array;
}

/** Parses a "$y$..." setting or hash exactly as libxcrypt's yescrypt_r() does. */
export function parseSetting(setting: string): ParsedSetting {
  if (!setting.startsWith("$y$")) err(`expected "$y$" at the start of ${JSON.stringify(setting)}`);
  // libxcrypt needs room for setting + "$" + 43 + NUL in its 384-byte output buffer
  if (setting.length + 45 > 384) err(`setting is ${setting.length} characters long; at most 339 are accepted`);
  let pos = 3;
  const field = (what: string, min: number): number => {
    const d = decodeParam(setting, pos, min);
    if (!d) return err(`malformed ${what} field at offset ${pos} in ${JSON.stringify(setting)}`);
    pos = d[1];
    return d[0];
  };
  const flavor = field("flavor", 0);
  let flags: number;
  if (flavor < RW) flags = flavor;
  else if (flavor === RW + (YESCRYPT_DEFAULTS >> 2)) flags = YESCRYPT_DEFAULTS;
  else {
    return err(
      `unsupported flavor ${JSON.stringify(setting.slice(3, pos))} (value ${flavor}); ` +
        `crypt() computes only 'j' (yescrypt defaults), '.' (classic scrypt) and '/' (WORM)`,
    );
  }
  const Nlog2 = field("N", 1);
  const r = field("r", 1);
  let p = 1, t = 0;
  if (setting[pos] !== "$") {
    const have = field("optional-parameters", 1);
    if (have & 1) p = field("p", 2);
    if (have & 2) t = field("t", 1);
    if (have & 4) {
      field("g", 1);
      err("the g parameter (hash upgrades) is not supported by libxcrypt");
    }
    if (have & 8) {
      field("NROM", 1);
      err("the NROM parameter needs a ROM, which crypt() cannot use");
    }
  }
  if (setting[pos] !== "$") err(`expected '$' after the parameters at offset ${pos} in ${JSON.stringify(setting)}`);
  pos++;
  if (Nlog2 > 63) err(`N = 2^${Nlog2} is out of range`);
  const rest = setting.slice(pos);
  const lastDollar = rest.lastIndexOf("$");
  const saltStr = lastDollar >= 0 ? rest.slice(0, lastDollar) : rest;
  const salt = decode64(saltStr);
  if (!salt) {
    err(
      `salt ${JSON.stringify(saltStr)} is not valid yescrypt base-64 ` +
        `(crypt alphabet ./0-9A-Za-z, no 4n+1 lengths, zero leftover bits, at most 64 bytes)`,
    );
  }
  const params: YescryptParams = { flags, N: 2 ** Nlog2, r, p, t };
  checkParams(params);
  return { params, prefix: setting.slice(0, pos + saltStr.length), salt: salt! };
}

function checkParams({ flags, N, r, p, t }: YescryptParams): void {
  if (flags === 0 && t !== 0) err("classic scrypt flavor cannot have t != 0");
  if (r * p >= 2 ** 30) err(`r * p = ${r * p} is too large (must be below 2^30)`);
  if (N > 2 ** 32) err(`N = ${N} is too large (at most 2^32)`);
  if (N <= 3) err(`N = ${N} is too small (at least 4)`);
  if (flags & RW && Math.floor(N / p) <= 3) err(`N / p = ${Math.floor(N / p)} is too small (must be above 3)`);
  const need = memoryNeed(N, r, p, flags);
  if (need > YESCRYPT_MAX_MEMORY) {
    err(`N = ${N}, r = ${r}, p = ${p} needs ${Math.ceil(need / 2 ** 20)} MiB; at most ${YESCRYPT_MAX_MEMORY / 2 ** 20} MiB are supported`);
  }
  if (N * (t + 1) > 2 ** 40) err(`t = ${t} is too large for N = ${N}`);
}

// ---- gensalt -----------------------------------------------------------------------------

/** crypt_gensalt("$y$", count, rbytes): count 1..11 (0 = 5), 16..64 random bytes. */
export function gensalt(count: number, rbytes: Uint8Array): string {
  if (!Number.isInteger(count) || count < 0 || count > 11) {
    throw new PasswordHashError(`yescrypt cost must be 1..11 (got ${count})`);
  }
  if (rbytes.length < 16) throw new PasswordHashError(`yescrypt gensalt needs at least 16 random bytes (got ${rbytes.length})`);
  return encodeParams(countParams(count)) + encode64(rbytes.subarray(0, 64));
}

/** The parameters crypt_gensalt picks for a count (0 means the default, 5). */
export function countParams(count: number): YescryptParams {
  if (count === 0) count = 5;
  return count < 3
    ? { flags: YESCRYPT_DEFAULTS, N: 2 ** (count + 9), r: 8, p: 1, t: 0 }
    : { flags: YESCRYPT_DEFAULTS, N: 2 ** (count + 7), r: 32, p: 1, t: 0 };
}

// ---- the KDF -------------------------------------------------------------------------------

const align64 = (n: number) => Math.ceil(n / 64) * 64;

interface Layout {
  B: number;
  XY: number;
  S: number;
  V: number;
  total: number;
}
function layout(N: number, r: number, p: number, flags: number): Layout {
  const B = 0;
  const XY = align64(128 * r * p);
  const S = XY + 256 * r;
  const V = align64(S + (flags & RW ? SALLOC * p : 0));
  return { B, XY, S, V, total: V + 128 * r * N };
}
const memoryNeed = (N: number, r: number, p: number, flags: number) => layout(N, r, p, flags).total;

interface Core {
  smix1(B: number, r: number, N: number, V: number, XY: number, ctx: number, flags: number): void;
  smix2(B: number, r: number, N: number, Nloop: number, V: number, XY: number, ctx: number, flags: number): void;
}

/** SMix2 with a loop count beyond the core's 32-bit counter, in pieces (B carries X). */
function smix2(core: Core, B: number, r: number, N: number, Nloop: number, V: number, XY: number, ctx: number, flags: number): void {
  for (let done = 0; done < Nloop; done += 2 ** 30) core.smix2(B, r, N, Math.min(2 ** 30, Nloop - done), V, XY, ctx, flags);
}

/** Largest power of 2 not above x. */
function p2floor(x: number): number {
  let y = 1;
  while (y * 2 <= x) y *= 2;
  return y;
}

async function kdfBody(
  core: Core,
  mem: WebAssembly.Memory,
  passwd: Uint8Array,
  salt: Uint8Array,
  params: YescryptParams,
  prehash: boolean,
): Promise<Uint8Array> {
  const { flags, N, r, p, t } = params;
  const L = layout(N, r, p, flags);
  const blockBytes = 128 * r;

  let key = passwd;
  if (flags) key = await hmacSha256(new TextEncoder().encode(prehash ? "yescrypt-prehash" : "yescrypt"), passwd);

  const B0 = await pbkdf2Sha256(key, salt, 1, blockBytes * p);
  let state = flags ? B0.slice(0, 32) : key; // becomes the PBKDF2 password of the last step
  new Uint8Array(mem.buffer, L.B, B0.length).set(B0);

  if (flags & RW) {
    // read-write SMix: p lanes share V; each lane's S-boxes come from its own block.
    const Nchunk = Math.floor(N / p);
    let NloopAll = Nchunk;
    if (t <= 1) {
      if (t) NloopAll *= 2;
      NloopAll = Math.floor((NloopAll + 2) / 3);
    } else NloopAll *= t - 1;
    let NloopRw = Math.floor(NloopAll / p);
    const NchunkEven = Nchunk - (Nchunk % 2);
    NloopAll += NloopAll % 2;
    NloopRw += NloopRw % 2;
    for (let i = 0; i < p; i++) {
      const Vchunk = i * NchunkEven;
      const Np = i < p - 1 ? NchunkEven : N - Vchunk;
      const Bp = L.B + i * blockBytes;
      const Sp = L.S + i * SALLOC;
      const ctx = Sp + SBYTES;
      // S-boxes: SMix1 with r = 1 over Sbytes/128 blocks, plain salsa20/8
      core.smix1(Bp, 1, SBYTES / 128, Sp, L.XY, 0, 0);
      new Uint32Array(mem.buffer, ctx, 4).set([Sp + 8192, Sp + 4096, Sp, 0]); // S0, S1, S2, w
      if (i === 0) {
        const last = new Uint8Array(mem.buffer, Bp + blockBytes - 64, 64).slice();
        state = await hmacSha256(last, state);
      }
      core.smix1(Bp, r, Np, L.V + Vchunk * blockBytes, L.XY, ctx, 3);
      smix2(core, Bp, r, p2floor(Np), NloopRw, L.V + Vchunk * blockBytes, L.XY, ctx, 3);
    }
    if (NloopAll > NloopRw) {
      for (let i = 0; i < p; i++) {
        smix2(core, L.B + i * blockBytes, r, N, NloopAll - NloopRw, L.V, L.XY, L.S + i * SALLOC + SBYTES, 2);
      }
    }
  } else {
    // classic scrypt / WORM: each lane on its own, salsa20/8 BlockMix
    let Nloop = N;
    if (t) {
      if (t === 1) Nloop += Math.floor((Nloop + 1) / 2);
      Nloop *= t;
    }
    Nloop += Nloop % 2;
    for (let i = 0; i < p; i++) {
      const Bp = L.B + i * blockBytes;
      core.smix1(Bp, r, N, L.V, L.XY, 0, 0);
      smix2(core, Bp, r, N, Nloop, L.V, L.XY, 0, 0);
    }
  }

  const Bout = new Uint8Array(mem.buffer, L.B, blockBytes * p).slice();
  const dk = await pbkdf2Sha256(state, Bout, 1, 32);
  if (!flags || prehash) return dk;
  // SCRAM-style finish: StoredKey = SHA-256(HMAC-SHA-256(dk, "Client Key"))
  return sha256(await hmacSha256(dk, new TextEncoder().encode("Client Key")));
}

// One instance with its memory is kept for reuse when it is at most this big (the default
// cost needs 16 MiB and a fresh allocation costs a few ms of page faults per hash);
// larger computations get a memory of their own that is dropped afterwards, so the
// process holds on to no more than this after a 1 GiB hash.
const KEEP_MEMORY = 32 * 2 ** 20;
interface Instance {
  core: Core;
  mem: WebAssembly.Memory;
  bytes: number;
}
let idle: Instance | null = null;

async function acquire(bytes: number): Promise<Instance> {
  if (idle && idle.bytes >= bytes) {
    const it = idle;
    idle = null;
    return it;
  }
  const pages = Math.ceil(bytes / 65536);
  let mem: WebAssembly.Memory;
  try {
    mem = new WebAssembly.Memory({ initial: pages, maximum: pages });
  } catch (e) {
    throw new PasswordHashError(`cannot allocate the ${Math.ceil(bytes / 2 ** 20)} MiB these yescrypt parameters need: ${(e as Error).message}`);
  }
  const instance = await WebAssembly.instantiate(await yescryptModule(), { env: { memory: mem } });
  return { core: instance.exports as unknown as Core, mem, bytes: pages * 65536 };
}

function release(it: Instance, used: number): void {
  // The password-derived state lives in V as well: wipe what was used before reuse or drop.
  new Uint8Array(it.mem.buffer, 0, Math.min(used, it.bytes)).fill(0);
  if (it.bytes <= KEEP_MEMORY && (!idle || idle.bytes < it.bytes)) idle = it;
}

/** yescrypt_kdf() with a 32-byte output, including the pre-hash of large settings. */
export async function yescryptKdf(passwd: Uint8Array, salt: Uint8Array, params: YescryptParams): Promise<Uint8Array> {
  checkParams(params);
  const { flags, N, r, p } = params;
  const need = memoryNeed(N, r, p, flags);
  const it = await acquire(need);
  try {
    if (flags & RW && Math.floor(N / p) >= 0x100 && Math.floor(N / p) * r >= 0x20000) {
      passwd = await kdfBody(it.core, it.mem, passwd, salt, { ...params, N: N / 64, t: 0 }, true);
    }
    return await kdfBody(it.core, it.mem, passwd, salt, params, false);
  } finally {
    release(it, need);
  }
}

/** crypt(3) for "$y$" settings: the result is what libxcrypt returns. */
export async function yescryptCrypt(passwd: Uint8Array, setting: string): Promise<string> {
  const { params, prefix, salt } = parseSetting(setting);
  const hash = await yescryptKdf(passwd, salt, params);
  return prefix + "$" + encode64(hash);
}
