// DEFLATE decompression (RFC 1951) and gzip member parsing (RFC 1952), synchronous
// and without Node built-ins, so Ignition → Butane can turn gzip-compressed file
// contents back into text in browsers too. Input is untrusted: every malformed
// stream ends in InflateError, and the output size is capped by the caller.

import { crc32 } from "./gzip";

export class InflateError extends Error {}

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code as counts per length and symbols in code order (zlib's "puff" layout). */
interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
}

function buildHuffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Uint16Array(16);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i]!]!++;
  counts[0] = 0;
  let left = 1;
  for (let len = 1; len < 16; len++) {
    left = left * 2 - counts[len]!;
    if (left < 0) throw new InflateError("over-subscribed Huffman code");
  }
  const offsets = new Uint16Array(16);
  for (let len = 1; len < 15; len++) offsets[len + 1] = offsets[len]! + counts[len]!;
  const symbols = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) if (lengths[s] !== 0) symbols[offsets[lengths[s]!]!++] = s;
  return { counts, symbols };
}

let fixed: { lit: Huffman; dist: Huffman } | null = null;

function fixedCodes(): { lit: Huffman; dist: Huffman } {
  if (fixed) return fixed;
  const l = new Uint8Array(288);
  l.fill(8, 0, 144);
  l.fill(9, 144, 256);
  l.fill(7, 256, 280);
  l.fill(8, 280, 288);
  fixed = { lit: buildHuffman(l), dist: buildHuffman(new Uint8Array(30).fill(5)) };
  return fixed;
}

class Output {
  buf: Uint8Array;
  len = 0;
  constructor(
    initial: number,
    private readonly limit: number,
  ) {
    this.buf = new Uint8Array(Math.max(64, Math.min(initial, limit)));
  }
  private room(n: number): void {
    const need = this.len + n;
    if (need > this.limit) throw new InflateError(`decompressed data exceeds ${this.limit} bytes`);
    if (need <= this.buf.length) return;
    const next = new Uint8Array(Math.min(this.limit, Math.max(need, this.buf.length * 2)));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  byte(b: number): void {
    this.room(1);
    this.buf[this.len++] = b;
  }
  bytes(src: Uint8Array): void {
    this.room(src.length);
    this.buf.set(src, this.len);
    this.len += src.length;
  }
  copy(dist: number, n: number): void {
    if (dist > this.len) throw new InflateError("distance too far back");
    this.room(n);
    for (let i = 0; i < n; i++, this.len++) this.buf[this.len] = this.buf[this.len - dist]!;
  }
}

class Bits {
  pos: number;
  private bitBuf = 0;
  private bitCount = 0;
  constructor(
    private readonly data: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }
  bits(n: number): number {
    let v = this.bitBuf;
    while (this.bitCount < n) {
      if (this.pos >= this.data.length) throw new InflateError("unexpected end of compressed data");
      v |= this.data[this.pos++]! << this.bitCount;
      this.bitCount += 8;
    }
    this.bitBuf = v >>> n;
    this.bitCount -= n;
    return v & ((1 << n) - 1);
  }
  alignToByte(): void {
    this.bitBuf = 0;
    this.bitCount = 0;
  }
  decode(h: Huffman): number {
    let code = 0, first = 0, index = 0;
    for (let len = 1; len < 16; len++) {
      code |= this.bits(1);
      const count = h.counts[len]!;
      if (code - count < first) return h.symbols[index + (code - first)]!;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new InflateError("invalid Huffman code");
  }
}

function inflateBlock(b: Bits, out: Output, lit: Huffman, dist: Huffman): void {
  for (;;) {
    const sym = b.decode(lit);
    if (sym < 256) out.byte(sym);
    else if (sym === 256) return;
    else {
      const li = sym - 257;
      if (li >= 29) throw new InflateError("invalid length symbol");
      const len = LENGTH_BASE[li]! + b.bits(LENGTH_EXTRA[li]!);
      const di = b.decode(dist);
      if (di >= 30) throw new InflateError("invalid distance symbol");
      out.copy(DIST_BASE[di]! + b.bits(DIST_EXTRA[di]!), len);
    }
  }
}

function dynamicCodes(b: Bits): { lit: Huffman; dist: Huffman } {
  const nlen = b.bits(5) + 257, ndist = b.bits(5) + 1, ncode = b.bits(4) + 4;
  if (nlen > 286 || ndist > 30) throw new InflateError("too many length or distance codes");
  const cl = new Uint8Array(19);
  for (let i = 0; i < ncode; i++) cl[CODE_LENGTH_ORDER[i]!] = b.bits(3);
  const clCode = buildHuffman(cl);
  const lengths = new Uint8Array(nlen + ndist);
  for (let i = 0; i < nlen + ndist; ) {
    const sym = b.decode(clCode);
    if (sym < 16) {
      lengths[i++] = sym;
      continue;
    }
    let repeat: number, value = 0;
    if (sym === 16) {
      if (i === 0) throw new InflateError("repeat with no previous length");
      value = lengths[i - 1]!;
      repeat = 3 + b.bits(2);
    } else if (sym === 17) repeat = 3 + b.bits(3);
    else repeat = 11 + b.bits(7);
    if (i + repeat > nlen + ndist) throw new InflateError("too many code lengths");
    lengths.fill(value, i, i + repeat);
    i += repeat;
  }
  if (lengths[256] === 0) throw new InflateError("no end-of-block code");
  return { lit: buildHuffman(lengths.subarray(0, nlen)), dist: buildHuffman(lengths.subarray(nlen)) };
}

/** Decompresses a raw DEFLATE stream starting at `start`; returns the data and where the stream ended. */
export function inflateRaw(data: Uint8Array, start = 0, limit = 128 * 1024 * 1024): { data: Uint8Array; end: number } {
  const b = new Bits(data, start);
  const out = new Output(data.length * 4, limit);
  let last = 0;
  while (!last) {
    last = b.bits(1);
    const type = b.bits(2);
    if (type === 0) {
      b.alignToByte();
      if (b.pos + 4 > data.length) throw new InflateError("unexpected end of compressed data");
      const len = data[b.pos]! | (data[b.pos + 1]! << 8);
      const nlen = data[b.pos + 2]! | (data[b.pos + 3]! << 8);
      if ((len ^ 0xffff) !== nlen) throw new InflateError("stored block length mismatch");
      b.pos += 4;
      if (b.pos + len > data.length) throw new InflateError("unexpected end of compressed data");
      out.bytes(data.subarray(b.pos, b.pos + len));
      b.pos += len;
    } else if (type === 1) {
      const f = fixedCodes();
      inflateBlock(b, out, f.lit, f.dist);
    } else if (type === 2) {
      const d = dynamicCodes(b);
      inflateBlock(b, out, d.lit, d.dist);
    } else {
      throw new InflateError("invalid block type");
    }
  }
  return { data: out.buf.slice(0, out.len), end: b.pos };
}

/** Decompresses one gzip member that must fill `data` exactly; checks its CRC-32 and size. */
export function gunzip(data: Uint8Array, limit?: number): Uint8Array {
  if (data.length < 18 || data[0] !== 0x1f || data[1] !== 0x8b || data[2] !== 8) throw new InflateError("not a gzip stream");
  const flags = data[3]!;
  let p = 10;
  if (flags & 4) p += 2 + (data[p]! | (data[p + 1]! << 8)); // FEXTRA
  const skipString = () => {
    while (p < data.length && data[p] !== 0) p++;
    p++;
  };
  if (flags & 8) skipString(); // FNAME
  if (flags & 16) skipString(); // FCOMMENT
  if (flags & 2) p += 2; // FHCRC
  if (p >= data.length) throw new InflateError("unexpected end of gzip header");
  const { data: out, end } = inflateRaw(data, p, limit);
  if (end + 8 !== data.length) throw new InflateError("data after the gzip member");
  const word = (i: number) => (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) >>> 0;
  if (word(end) !== crc32(out) >>> 0) throw new InflateError("gzip checksum mismatch");
  if (word(end + 4) !== out.length >>> 0) throw new InflateError("gzip size mismatch");
  return out;
}
