// gzip member framing as Go's compress/gzip writes it with
// gzip.NewWriterLevel(w, gzip.BestCompression), one Write, Close: a 10-byte header
// with no optional fields, mtime 0, XFL 2 (best compression), OS 255 (unknown), then
// the DEFLATE stream, CRC-32 and the input size modulo 2^32.

import { deflateGo } from "./deflate";

let table: Int32Array | null = null;

function crcTable(): Int32Array {
  if (table) return table;
  // Slicing-by-4 tables for the reflected IEEE polynomial.
  const t = new Int32Array(1024);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let s = 1; s < 4; s++) {
      c = t[c & 255] ^ (c >>> 8);
      t[s * 256 + n] = c;
    }
  }
  table = t;
  return t;
}

/** CRC-32 (IEEE 802.3, as in gzip and zlib) of `data`. */
export function crc32(data: Uint8Array, crc = 0): number {
  const t = crcTable();
  let c = ~crc;
  const n = data.length;
  let i = 0;
  for (const end = n - 3; i < end; i += 4) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = t[768 + (c & 255)] ^ t[512 + ((c >>> 8) & 255)] ^ t[256 + ((c >>> 16) & 255)] ^ t[c >>> 24];
  }
  for (; i < n; i++) c = t[(c ^ data[i]) & 255] ^ (c >>> 8);
  return ~c >>> 0;
}

/** A gzip member byte-identical to what Go writes at gzip.BestCompression. */
export function gzipGo(data: Uint8Array): Uint8Array {
  const body = deflateGo(data);
  const out = new Uint8Array(10 + body.length + 8);
  out.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
  out.set(body, 10);
  const crc = crc32(data);
  const size = data.length >>> 0;
  let o = 10 + body.length;
  for (const v of [crc, size]) {
    out[o++] = v & 255;
    out[o++] = (v >>> 8) & 255;
    out[o++] = (v >>> 16) & 255;
    out[o++] = v >>> 24;
  }
  return out;
}
