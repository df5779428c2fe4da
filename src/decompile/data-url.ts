// File contents back to text: a `data:` URL (optionally gzip-compressed) becomes
// `inline` text only when the translator, given that text, writes exactly the same
// `source` and `compression` again. Only the two spellings the translator itself
// writes are decoded ("data:,<percent-encoded>" and "data:;base64,<base64>"); any
// other URL stays a plain `source`, which is always exact.

import { gunzip, InflateError } from "../compress/inflate";
import { makeDataUrl, plainDataUrl } from "../butane/translate/data-url";

const PERCENT_PREFIX = "data:,";
const BASE64_PREFIX = "data:;base64,";
/** Decompressed contents larger than this are left as a data URL. */
const MAX_INLINE_BYTES = 16 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function percentDecode(s: string): Uint8Array | undefined {
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37) {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      out[n++] = parseInt(hex, 16);
      i += 2;
    } else if (c < 128) {
      out[n++] = c;
    } else {
      return undefined;
    }
  }
  return out.subarray(0, n);
}

function base64Decode(s: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return undefined;
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The bytes of a data URL in one of the translator's two spellings, else undefined. */
export function decodeCanonicalDataUrl(url: string): Uint8Array | undefined {
  if (url.startsWith(PERCENT_PREFIX)) return percentDecode(url.slice(PERCENT_PREFIX.length));
  if (url.startsWith(BASE64_PREFIX)) return base64Decode(url.slice(BASE64_PREFIX.length));
  return undefined;
}

function asText(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export interface InlineChoice {
  /** The text to write as `inline`. */
  text: string;
  /** Whether the Butane resource keeps its `compression` field (only base 0.1 copies it unchanged). */
  keepCompression: boolean;
}

/**
 * The `inline` text that reproduces `source`/`compression` exactly, or undefined.
 * `inlineOnly`: base 0.1 (Ignition 3.0), where inline is always written percent-encoded
 * and compression is copied as given; otherwise the translator picks the encoding and
 * writes `compression` ("" or "gzip") itself, so it must already be one of those.
 */
export function inlineFor(source: unknown, compression: unknown, inlineOnly: boolean, allowCompression: boolean): InlineChoice | undefined {
  if (typeof source !== "string") return undefined;
  const raw = decodeCanonicalDataUrl(source);
  if (raw === undefined) return undefined;
  if (inlineOnly) {
    const text = asText(raw);
    if (text === undefined || plainDataUrl(raw) !== source) return undefined;
    return { text, keepCompression: true };
  }
  let bytes = raw;
  if (compression === "gzip") {
    try {
      bytes = gunzip(raw, MAX_INLINE_BYTES);
    } catch (e) {
      if (e instanceof InflateError) return undefined;
      throw e;
    }
  } else if (compression !== "") {
    return undefined;
  }
  const text = asText(bytes);
  if (text === undefined) return undefined;
  const again = makeDataUrl(bytes, undefined, allowCompression);
  if (again.url !== source || again.compression !== compression) return undefined;
  return { text, keepCompression: false };
}
