// Validation of "data:" URLs as github.com/vincent-petithory/dataurl's DecodeString
// does it (the lexer and parser run in lock-step, so the first failure in input order
// wins), with Go's base64.StdEncoding and strconv.Unquote error behaviour.

/** Returns the error message DecodeString would return, or null when it decodes. */
export function dataURLError(s: string): string | null {
  if (!s.startsWith("data:")) return "missing data prefix";
  const n = s.length;
  let pos = 5;
  let start = 5;
  let width = 0;
  let seenBase64 = false;
  let unquoteNext = false;
  // Runes are read one code point at a time, as the Go lexer does.
  const next = (): number => {
    if (pos >= n) {
      width = 0;
      return -1;
    }
    const cp = s.codePointAt(pos)!;
    width = cp > 0xffff ? 2 : 1;
    pos += width;
    return cp;
  };
  const backup = (): void => {
    pos -= width;
  };
  // Parameter values are checked by the parser as soon as the lexer emits them.
  const paramVal = (): string | null => {
    if (pos <= start) return null;
    const v = s.slice(start, pos);
    start = pos;
    if (unquoteNext) {
      unquoteNext = false;
      return goUnquoteOK(v) ? null : "invalid syntax";
    }
    return unescapeError(v);
  };

  const enum St {
    AfterPrefix, XToken, Discrete, MediaType, AfterMediaSep, AfterSubType, ParamSemicolon, AfterParamSemicolon,
    InParamAttr, Base64Enc, ParamEqual, InQuoted, QuotedVal, InParamVal, ParamVal, AfterParamVal, DataComma,
  }
  let st: St = St.AfterPrefix;
  let r: number;
  for (;;) {
    switch (st) {
      case St.AfterPrefix:
        r = next();
        if (r === 59) { backup(); st = St.ParamSemicolon; }
        else if (r === 44) { backup(); st = St.DataComma; }
        else if (r === -1) return "missing comma before data";
        else if (r === 120 || r === 88) st = next() === 45 ? St.XToken : St.Discrete;
        else if (isTokenRune(r)) st = St.Discrete;
        else return "invalid character after data prefix";
        break;
      case St.XToken:
      case St.Discrete:
        for (;;) {
          r = next();
          if (r === 47) {
            backup();
            if (st === St.Discrete && !isDiscreteOrComposite(s.slice(start, pos))) return "invalid media type";
            st = St.MediaType;
            break;
          }
          if (r === -1) return "missing media type slash";
          if (!isTokenRune(r)) return "invalid character for media type";
        }
        break;
      case St.MediaType:
        // emit media type, then the separator
        pos++;
        start = pos;
        st = St.AfterMediaSep;
        break;
      case St.AfterMediaSep:
        for (;;) {
          r = next();
          if (r === 59 || r === 44) { backup(); break; }
          if (r === -1) return "incomplete media type";
          if (!isTokenRune(r)) return "invalid character for media subtype";
        }
        start = pos;
        st = St.AfterSubType;
        break;
      case St.AfterSubType:
      case St.AfterParamVal:
        r = next();
        if (r === 59) { backup(); st = St.ParamSemicolon; }
        else if (r === 44) { backup(); st = St.DataComma; }
        else if (r === -1) return "missing comma before data";
        else return "expected semicolon or comma";
        break;
      case St.ParamSemicolon:
        next();
        start = pos;
        st = St.AfterParamSemicolon;
        break;
      case St.AfterParamSemicolon:
        r = next();
        if (r === -1 || r === 61 || r === 44) return "unterminated parameter sequence";
        if (!isTokenRune(r)) return "invalid character for parameter attribute";
        backup();
        st = St.InParamAttr;
        break;
      case St.InParamAttr:
        for (;;) {
          r = next();
          if (r === 61) { backup(); st = St.ParamEqual; break; }
          if (r === 44) { backup(); st = St.Base64Enc; break; }
          if (r === -1) return "unterminated parameter sequence";
          if (!isTokenRune(r)) return "invalid character for parameter attribute";
        }
        break;
      case St.Base64Enc:
        if (pos > start) {
          const v = s.slice(start, pos);
          if (v !== "base64") return `expected base64, got ${v}`;
          seenBase64 = true;
          start = pos;
        }
        st = St.DataComma;
        break;
      case St.ParamEqual:
        start = pos; // attribute emitted
        next();
        start = pos; // "=" emitted
        r = next();
        if (r === 34) { start = pos; unquoteNext = true; st = St.InQuoted; }
        else if (r === -1) return "missing comma before data";
        else if (isTokenRune(r)) st = St.InParamVal;
        else return "invalid character for parameter value";
        break;
      case St.InQuoted:
        for (;;) {
          r = next();
          if (r === -1) return "unclosed quoted string";
          if (r === 92) {
            // An escaped ASCII rune (or EOF, which the next read reports).
            if (next() > 0x7f) return "invalid escaped character";
            continue;
          }
          if (r === 34) { backup(); break; }
          if (r > 0x7f) return "invalid character for parameter value";
        }
        st = St.QuotedVal;
        break;
      case St.QuotedVal: {
        const e = paramVal();
        if (e) return e;
        next();
        start = pos;
        st = St.AfterParamVal;
        break;
      }
      case St.InParamVal:
        for (;;) {
          r = next();
          if (r === 59 || r === 44) { backup(); break; }
          if (r === -1) return "missing comma before data";
          if (!isTokenRune(r)) return "invalid character for parameter value";
        }
        st = St.ParamVal;
        break;
      case St.ParamVal: {
        const e = paramVal();
        if (e) return e;
        st = St.AfterParamVal;
        break;
      }
      case St.DataComma: {
        next();
        start = pos;
        // Any non-ASCII rune is an invalid data character, so code units do here.
        for (; pos < n; pos++) {
          const c = s.charCodeAt(pos);
          if (c > 0x7f || (seenBase64 ? !isBase64Rune(c) : !isURLCharRune(c))) return "invalid data character";
        }
        if (pos > start) return seenBase64 ? base64Error(s.slice(start, pos)) : unescapeError(s.slice(start, pos));
        return null;
      }
    }
  }
}

function isDiscreteOrComposite(t: string): boolean {
  return (
    t.startsWith("text") ||
    t.startsWith("image") ||
    t.startsWith("audio") ||
    t.startsWith("video") ||
    t.startsWith("application") ||
    t.startsWith("message") ||
    t.startsWith("multipart")
  );
}

function isTokenRune(r: number): boolean {
  if (r > 0x7f || r < 0x20 || r === 0x7f || r === 32) return false;
  switch (r) {
    case 40: case 41: case 60: case 62: case 64: case 44: case 59: case 58: case 92: case 34:
    case 47: case 91: case 93: case 63: case 61:
      return false;
  }
  return true;
}

function isURLCharRune(r: number): boolean {
  if (r > 0x7f || r <= 0x1f || r === 0x7f) return false;
  switch (r) {
    case 32: case 60: case 62: case 35: case 34: case 123: case 125: case 124: case 92: case 94:
    case 91: case 93: case 96:
      return false;
  }
  return true;
}

function isBase64Rune(r: number): boolean {
  return (r >= 97 && r <= 122) || (r >= 65 && r <= 90) || (r >= 48 && r <= 57) || r === 43 || r === 47 || r === 61 || r === 10;
}

function isHexChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** dataurl's RFC 2396 Unescape (input is ASCII here). */
function unescapeError(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== 37) continue;
    if (i + 1 >= s.length) return "rfc2396: unexpected end of unescape sequence";
    if (!isHexChar(s.charCodeAt(i + 1))) return "rfc2396: invalid char 0x25 in unescape sequence";
    if (i + 2 >= s.length) return "rfc2396: unexpected end of unescape sequence";
    if (!isHexChar(s.charCodeAt(i + 2))) return "rfc2396: invalid char 0x25 in unescape sequence";
    i += 2;
  }
  return null;
}

const B64 = (() => {
  const t = new Int16Array(128).fill(-1);
  const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < a.length; i++) t[a.charCodeAt(i)] = i;
  return t;
})();

/** Go's base64.StdEncoding.DecodeString error message, or null (input is ASCII). */
export function base64Error(src: string): string | null {
  const n = src.length;
  let si = 0;
  const bad = (at: number) => `illegal base64 data at input byte ${at}`;
  while (si < n) {
    // One quantum, as decodeQuantum reads it.
    let j = 0;
    for (; j < 4; j++) {
      if (si === n) {
        if (j === 0) return null;
        return bad(si - j);
      }
      const c = src.charCodeAt(si);
      si++;
      if (c < 128 && B64[c]! >= 0) continue;
      if (c === 10 || c === 13) {
        j--;
        continue;
      }
      if (c !== 61) return bad(si - 1);
      // Padding.
      if (j === 0 || j === 1) return bad(si - 1);
      if (j === 2) {
        while (si < n && (src.charCodeAt(si) === 10 || src.charCodeAt(si) === 13)) si++;
        if (si === n) return bad(n);
        if (src.charCodeAt(si) !== 61) return bad(si - 1);
        si++;
      }
      while (si < n && (src.charCodeAt(si) === 10 || src.charCodeAt(si) === 13)) si++;
      if (si < n) return bad(si);
      return null;
    }
  }
  return null;
}

/** Whether strconv.Unquote accepts `"` + s + `"` (s is ASCII, without bare quotes). */
function goUnquoteOK(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) return false;
    if (c !== 92) continue;
    i++;
    if (i >= s.length) return false;
    const e = s[i]!;
    switch (e) {
      case "a": case "b": case "f": case "n": case "r": case "t": case "v": case "\\": case '"':
        break;
      case "x":
        if (!hexRun(s, i + 1, 2)) return false;
        i += 2;
        break;
      case "u":
      case "U": {
        const len = e === "u" ? 4 : 8;
        if (!hexRun(s, i + 1, len)) return false;
        const v = parseInt(s.slice(i + 1, i + 1 + len), 16);
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return false;
        i += len;
        break;
      }
      case "0": case "1": case "2": case "3": case "4": case "5": case "6": case "7": {
        let v = 0;
        for (let k = 0; k < 3; k++) {
          const d = s.charCodeAt(i + k) - 48;
          if (!(d >= 0 && d <= 7)) return false;
          v = v * 8 + d;
        }
        if (v > 255) return false;
        i += 2;
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

function hexRun(s: string, from: number, len: number): boolean {
  if (from + len > s.length) return false;
  for (let k = 0; k < len; k++) if (!isHexChar(s.charCodeAt(from + k))) return false;
  return true;
}
