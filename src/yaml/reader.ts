// Input decoding, modelled on libyaml's reader as yaml.v3 uses it.
//
// libyaml decodes its input lazily: the raw bytes are read into a 512-byte
// window, every complete character in the window is validated and decoded,
// and the window is refilled only when the scanner asks for more characters
// than have been decoded. A decoding error (bad UTF-8, a control character...)
// therefore surfaces only when the scanner first asks for a character from
// the window holding it, which can be after a syntax error earlier in the
// document has already been reported. To reproduce that, this module decodes
// the whole input up front (validation is cheap) and records how many
// characters each 512-byte read makes available and which read fails; the
// scanner replays the reads on demand (see Scanner.fill).

export interface Decoded {
  /** The decoded characters before the first decoding error (all of them when there is none); the BOM is stripped. */
  text: string;
  /** Characters made available by each raw read of libyaml's reader (the reads after the first one happen on demand). */
  reads: number[];
  /** The read whose decoding fails (reads.length stands for the read that meets the end of input), or -1. */
  errRead: number;
  /** The decoding error's message (without the "yaml: " prefix). */
  errMsg: string;
  /** Number of characters decoded before the error (so available after a swallowed failure). */
  errChars: number;
  /** The end of input was already seen while sniffing the encoding (fewer than 3 bytes). */
  eofEarly: boolean;
  /** Whether the first read holds bytes beyond the BOM. */
  firstReadData: boolean;
}

const RAW = 512; // libyaml's raw buffer size

let utf8Decoder: TextDecoder | null = null;

function isAllowed(v: number): boolean {
  // #x9 | #xA | #xD | [#x20-#x7E] | #x85 | [#xA0-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
  if (v < 0x7f) return v >= 0x20 || v === 0x09 || v === 0x0a || v === 0x0d;
  if (v < 0xa0) return v === 0x85;
  if (v <= 0xd7ff) return true;
  if (v < 0xe000) return false;
  if (v <= 0xfffd) return true;
  return v >= 0x10000 && v <= 0x10ffff;
}

/** Decode bytes the way libyaml does (UTF-8, or UTF-16 when the input starts with a UTF-16 BOM). */
export function decodeBytes(input: Uint8Array): Decoded {
  let b = input;
  if (b.length === 0) b = new Uint8Array([0x0a]); // yaml.v3 parses an empty document as "\n"
  const n = b.length;
  const avail = n < RAW ? n : RAW;
  if (avail >= 2 && b[0] === 0xff && b[1] === 0xfe) return decodeUtf16(b, true);
  if (avail >= 2 && b[0] === 0xfe && b[1] === 0xff) return decodeUtf16(b, false);
  const start = avail >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;

  const reads: number[] = [];
  let chars = 0;
  let batchStart = 0;
  let windowEnd = RAW;
  let p = start;
  let errMsg = "";
  let errRead = -1;
  let errReq = 0; // bytes that must be in the window for the error to be seen; 0 = seen at end of input
  while (p < n) {
    const o = b[p];
    if (o < 0x80) {
      if (o < 0x20 ? o !== 0x09 && o !== 0x0a && o !== 0x0d : o === 0x7f) {
        errMsg = "control characters are not allowed";
        errReq = 1;
        break;
      }
      if (p >= windowEnd) {
        reads.push(chars - batchStart);
        batchStart = chars;
        windowEnd = p + RAW;
      }
      p++;
      chars++;
      continue;
    }
    let w: number;
    let v: number;
    if ((o & 0xe0) === 0xc0) {
      w = 2;
      v = o & 0x1f;
    } else if ((o & 0xf0) === 0xe0) {
      w = 3;
      v = o & 0x0f;
    } else if ((o & 0xf8) === 0xf0) {
      w = 4;
      v = o & 0x07;
    } else {
      errMsg = "invalid leading UTF-8 octet";
      errReq = 1;
      break;
    }
    if (p + w > n) {
      errMsg = "incomplete UTF-8 octet sequence";
      errReq = 0;
      break;
    }
    let bad = "";
    for (let k = 1; k < w; k++) {
      const t = b[p + k];
      if ((t & 0xc0) !== 0x80) {
        bad = "invalid trailing UTF-8 octet";
        break;
      }
      v = (v << 6) + (t & 0x3f);
    }
    if (bad === "") {
      if ((w === 2 && v < 0x80) || (w === 3 && v < 0x800) || (w === 4 && v < 0x10000)) bad = "invalid length of a UTF-8 sequence";
      else if ((v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff) bad = "invalid Unicode character";
      else if (!isAllowed(v)) bad = "control characters are not allowed";
    }
    if (bad !== "") {
      errMsg = bad;
      errReq = w;
      break;
    }
    if (p + w > windowEnd) {
      reads.push(chars - batchStart);
      batchStart = chars;
      windowEnd = p + RAW;
    }
    p += w;
    chars++;
  }
  if (errMsg !== "") {
    if (errReq === 0) {
      // Truncated character: it is reported by the read that meets the end of input.
      if (n > windowEnd) {
        reads.push(chars - batchStart);
        batchStart = chars;
      }
      reads.push(chars - batchStart);
      errRead = reads.length;
    } else {
      if (p + errReq > windowEnd) {
        reads.push(chars - batchStart);
        batchStart = chars;
      }
      reads.push(chars - batchStart);
      errRead = reads.length - 1;
    }
  } else {
    reads.push(chars - batchStart);
  }
  if (utf8Decoder === null) utf8Decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const text = utf8Decoder.decode(b.subarray(start, p));
  return { text, reads, errRead, errMsg, errChars: chars, eofEarly: n < 3, firstReadData: n > start };
}

function decodeUtf16(b: Uint8Array, le: boolean): Decoded {
  const n = b.length;
  const lo = le ? 0 : 1;
  const hi = le ? 1 : 0;
  const reads: number[] = [];
  const units: number[] = [];
  let chars = 0;
  let batchStart = 0;
  let windowEnd = RAW;
  let p = 2;
  let errMsg = "";
  let errReq = 0;
  while (p < n) {
    if (p + 2 > n) {
      errMsg = "incomplete UTF-16 character";
      errReq = 0;
      break;
    }
    let v = b[p + lo] + (b[p + hi] << 8);
    let w = 2;
    if ((v & 0xfc00) === 0xdc00) {
      errMsg = "unexpected low surrogate area";
      errReq = 2;
      break;
    }
    let v2 = 0;
    if ((v & 0xfc00) === 0xd800) {
      w = 4;
      if (p + 4 > n) {
        errMsg = "incomplete UTF-16 surrogate pair";
        errReq = 0;
        break;
      }
      v2 = b[p + lo + 2] + (b[p + hi + 2] << 8);
      if ((v2 & 0xfc00) !== 0xdc00) {
        errMsg = "expected low surrogate area";
        errReq = 4;
        break;
      }
      v = 0x10000 + ((v & 0x3ff) << 10) + (v2 & 0x3ff);
    }
    if (!isAllowed(v)) {
      errMsg = "control characters are not allowed";
      errReq = w;
      break;
    }
    if (p + w > windowEnd) {
      reads.push(chars - batchStart);
      batchStart = chars;
      windowEnd = p + RAW;
    }
    if (w === 4) {
      units.push(b[p + lo] + (b[p + hi] << 8), v2);
    } else {
      units.push(v);
    }
    p += w;
    chars++;
  }
  let errRead = -1;
  if (errMsg !== "") {
    if (errReq === 0) {
      if (n > windowEnd) {
        reads.push(chars - batchStart);
        batchStart = chars;
      }
      reads.push(chars - batchStart);
      errRead = reads.length;
    } else {
      if (p + errReq > windowEnd) {
        reads.push(chars - batchStart);
        batchStart = chars;
      }
      reads.push(chars - batchStart);
      errRead = reads.length - 1;
    }
  } else {
    reads.push(chars - batchStart);
  }
  let text = "";
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode.apply(null, units.slice(i, i + 4096));
  return { text, reads, errRead, errMsg, errChars: chars, eofEarly: n < 3, firstReadData: n > 2 };
}

/**
 * Take a string as already-decoded text: the result is what decodeBytes gives for
 * its UTF-8 encoding (a leading U+FEFF is a BOM; lone surrogates become U+FFFD).
 */
export function decodeString(input: string): Decoded {
  let s = input;
  if (s.length === 0) s = "\n";
  let bom = 0;
  if (s.charCodeAt(0) === 0xfeff) {
    bom = 3;
    s = s.slice(1);
  }
  const len = s.length;
  const reads: number[] = [];
  let chars = 0;
  let batchStart = 0;
  let windowEnd = RAW;
  let p = bom; // byte offset of the character at index i
  let errMsg = "";
  let errReq = 0;
  let i = 0;
  let fixed: string | null = null; // set when lone surrogates had to be replaced
  for (; i < len; i++) {
    let v = s.charCodeAt(i);
    let w: number;
    if (v < 0x80) {
      if (v < 0x20 ? v !== 0x09 && v !== 0x0a && v !== 0x0d : v === 0x7f) {
        errMsg = "control characters are not allowed";
        errReq = 1;
        break;
      }
      if (p >= windowEnd) {
        reads.push(chars - batchStart);
        batchStart = chars;
        windowEnd = p + RAW;
      }
      if (fixed !== null) fixed += s[i];
      p++;
      chars++;
      continue;
    }
    if (v < 0x800) w = 2;
    else if (v >= 0xd800 && v <= 0xdfff) {
      const v2 = i + 1 < len ? s.charCodeAt(i + 1) : 0;
      if (v <= 0xdbff && v2 >= 0xdc00 && v2 <= 0xdfff) {
        w = 4;
        v = 0x10000 + ((v & 0x3ff) << 10) + (v2 & 0x3ff);
      } else {
        // A lone surrogate: UTF-8 encoders write U+FFFD for it.
        if (fixed === null) fixed = s.slice(0, i);
        fixed += "\ufffd";
        if (p + 3 > windowEnd) {
          reads.push(chars - batchStart);
          batchStart = chars;
          windowEnd = p + RAW;
        }
        p += 3;
        chars++;
        continue;
      }
    } else w = 3;
    if (!isAllowed(v)) {
      errMsg = "control characters are not allowed";
      errReq = w;
      break;
    }
    if (p + w > windowEnd) {
      reads.push(chars - batchStart);
      batchStart = chars;
      windowEnd = p + RAW;
    }
    if (fixed !== null) fixed += w === 4 ? s.slice(i, i + 2) : s[i];
    if (w === 4) i++;
    p += w;
    chars++;
  }
  let errRead = -1;
  if (errMsg !== "") {
    if (p + errReq > windowEnd) {
      reads.push(chars - batchStart);
      batchStart = chars;
    }
    reads.push(chars - batchStart);
    errRead = reads.length - 1;
  } else {
    reads.push(chars - batchStart);
  }
  let text: string;
  if (fixed !== null) text = fixed;
  else text = i < len ? s.slice(0, i) : s;
  // The total byte length decides whether libyaml met the end of input while sniffing.
  let total = p;
  for (let k = i; k < len; k++) {
    const c = s.charCodeAt(k);
    total += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : c >= 0xdc00 && c <= 0xdfff ? 2 : 3;
  }
  return { text, reads, errRead, errMsg, errChars: chars, eofEarly: total < 3, firstReadData: total > bom };
}
