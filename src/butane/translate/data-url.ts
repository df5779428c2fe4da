// Encoding file contents as data URLs the way the reference does: the shortest of
// percent-encoding and base64, and, when allowed, base64 of gzip at the best
// compression level if that is shorter still (counting the 4 bytes that
// `"compression": "gzip"` costs). The gzip bytes are the ones Go writes, so the
// output is byte-identical to the reference's.

import { gzipGo } from "../../compress";

const UNRESERVED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  UNRESERVED[c] = /[a-zA-Z0-9\-_.!~*'()]/.test(ch) ? 1 : 0;
}
const HEX = "0123456789ABCDEF";

/** RFC 2396 escaping of bytes: unreserved characters stay, everything else becomes %XX. */
export function percentEncode(data: Uint8Array): string {
  const parts: string[] = [];
  let run = "";
  for (let i = 0; i < data.length; i++) {
    const b = data[i]!;
    if (b < 128 && UNRESERVED[b]) run += String.fromCharCode(b);
    else run += "%" + HEX[b >> 4] + HEX[b & 15];
    if (run.length > 8192) {
      parts.push(run);
      run = "";
    }
  }
  parts.push(run);
  return parts.join("");
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64Encode(data: Uint8Array): string {
  const parts: string[] = [];
  let s = "";
  let i = 0;
  for (; i + 2 < data.length; i += 3) {
    const n = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    s += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
    if (s.length > 8192) {
      parts.push(s);
      s = "";
    }
  }
  const rest = data.length - i;
  if (rest === 1) {
    const n = data[i]! << 16;
    s += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + "==";
  } else if (rest === 2) {
    const n = (data[i]! << 16) | (data[i + 1]! << 8);
    s += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + "=";
  }
  parts.push(s);
  return parts.join("");
}

export interface DataUrl {
  url: string;
  /**
   * The compression value to write: "" or "gzip" when the caller's compression was
   * unset (so a child config cannot inherit a parent's), undefined when the user
   * set one (their contents are already compressed; it is left alone).
   */
  compression: string | undefined;
}

const GZIP_MIN_ENCODED = 8 + Math.ceil(19 / 3) * 4;

/** Length of percentEncode(data), without building it. */
export function percentEncodedLength(data: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    const b = data[i]!;
    n += b < 128 && UNRESERVED[b] ? 1 : 3;
  }
  return n;
}

export function makeDataUrl(contents: Uint8Array, currentCompression: string | undefined, allowCompression: boolean): DataUrl {
  const unset = currentCompression === undefined || currentCompression === "";
  let compression: string | undefined = unset ? "" : undefined;
  // Only the encoding that wins is built (for large contents the others would cost
  // several times their size in memory): "," + percent-encoding, or ";base64," + base64.
  const escapedLength = 1 + percentEncodedLength(contents);
  const base64Length = 8 + Math.ceil(contents.length / 3) * 4;
  let opaque: string | null = null;
  const bestLength = Math.min(escapedLength, base64Length);
  // A gzip stream has at least 19 bytes (10 header, 1 deflate, 8 trailer), 36 once
  // base64-encoded with ";base64,": it cannot win against 40 characters or fewer.
  if (unset && allowCompression && bestLength > GZIP_MIN_ENCODED + 4) {
    const gz = gzipGo(contents);
    const encodedLen = 8 + Math.ceil(gz.length / 3) * 4;
    if (encodedLen + 4 < bestLength) {
      opaque = ";base64," + base64Encode(gz);
      compression = "gzip";
    }
  }
  opaque ??= base64Length < escapedLength ? ";base64," + base64Encode(contents) : "," + percentEncode(contents);
  return { url: "data:" + opaque, compression };
}

/** The data URL butane 0.1 (Ignition 3.0) writes for inline contents: always percent-encoded. */
export function plainDataUrl(contents: Uint8Array): string {
  return "data:," + percentEncode(contents);
}
