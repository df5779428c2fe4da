// The parts of Go's net/url that Ignition's validators depend on: whether url.Parse
// accepts a string, the scheme and opaque parts it finds, and Query() lookups.
// Behaviour follows Go 1.24's net/url (the toolchain of the reference build).

export interface GoURL {
  /** Lower-cased scheme, "" when none. */
  scheme: string;
  /** Set for "scheme:rest" where rest does not start with "/". */
  opaque: string;
  rawQuery: string;
}

const ENC_PATH = 1;
const ENC_HOST = 3;
const ENC_ZONE = 4;
const ENC_USER = 5;
const ENC_QUERY = 6;
const ENC_FRAGMENT = 7;

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function unhex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return 0;
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function shouldEscape(c: number, mode: number): boolean {
  if (isAlnum(c)) return false;
  if (mode === ENC_HOST || mode === ENC_ZONE) {
    switch (c) {
      case 33: case 36: case 38: case 39: case 40: case 41: case 42: case 43: case 44: case 59: case 61:
      case 58: case 91: case 93: case 60: case 62: case 34:
        return false;
    }
  }
  switch (c) {
    case 45: case 95: case 46: case 126: // - _ . ~
      return false;
    case 36: case 38: case 43: case 44: case 47: case 58: case 59: case 61: case 63: case 64: // $&+,/:;=?@
      switch (mode) {
        case ENC_PATH:
          return c === 63;
        case ENC_USER:
          return c === 64 || c === 47 || c === 63 || c === 58;
        case ENC_QUERY:
          return true;
        case ENC_FRAGMENT:
          return false;
      }
  }
  if (mode === ENC_FRAGMENT) {
    switch (c) {
      case 33: case 40: case 41: case 42:
        return false;
    }
  }
  return true;
}

/** Go's unescape: returns the unescaped string, or null where Go returns an error. */
function unescape(s: string, mode: number): string | null {
  let n = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === 37) {
      n++;
      if (i + 2 >= s.length || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) return null;
      if (mode === ENC_HOST && unhex(s.charCodeAt(i + 1)) < 8 && s.slice(i, i + 3) !== "%25") return null;
      if (mode === ENC_ZONE) {
        const v = (unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2));
        if (s.slice(i, i + 3) !== "%25" && v !== 32 && shouldEscape(v, ENC_HOST)) return null;
      }
      i += 3;
    } else {
      if ((mode === ENC_HOST || mode === ENC_ZONE) && c < 0x80 && shouldEscape(c, mode)) return null;
      i++;
    }
  }
  if (n === 0 && (mode !== ENC_QUERY || !s.includes("+"))) return s;
  // Only query-component values are ever needed decoded (s3 versionId).
  const bytes: number[] = [];
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === 37) {
      bytes.push((unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2)));
      i += 3;
    } else if (c === 43 && mode === ENC_QUERY) {
      bytes.push(32);
      i++;
    } else {
      const cp = s.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      for (const b of new TextEncoder().encode(ch)) bytes.push(b);
      i += ch.length;
    }
  }
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(bytes));
}

function containsCTL(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function validOptionalPort(port: string): boolean {
  if (port === "") return true;
  if (port.charCodeAt(0) !== 58) return false;
  for (let i = 1; i < port.length; i++) {
    const c = port.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function validUserinfo(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isAlnum(c)) continue;
    switch (c) {
      case 45: case 46: case 95: case 58: case 126: case 33: case 36: case 38: case 39:
      case 40: case 41: case 42: case 43: case 44: case 59: case 61: case 37: case 64:
        continue;
      default:
        return false;
    }
  }
  return true;
}

function parseHost(host: string): boolean {
  if (host.charCodeAt(0) === 91) {
    const i = host.lastIndexOf("]");
    if (i < 0) return false;
    if (!validOptionalPort(host.slice(i + 1))) return false;
    const zone = host.slice(0, i).indexOf("%25");
    if (zone >= 0) {
      return (
        unescape(host.slice(0, zone), ENC_HOST) !== null &&
        unescape(host.slice(zone, i), ENC_ZONE) !== null &&
        unescape(host.slice(i), ENC_HOST) !== null
      );
    }
  } else {
    const i = host.lastIndexOf(":");
    if (i !== -1 && !validOptionalPort(host.slice(i))) return false;
  }
  return unescape(host, ENC_HOST) !== null;
}

function parseAuthority(authority: string): boolean {
  const i = authority.lastIndexOf("@");
  if (!parseHost(i < 0 ? authority : authority.slice(i + 1))) return false;
  if (i < 0) return true;
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) return false;
  const colon = userinfo.indexOf(":");
  if (colon < 0) return unescape(userinfo, ENC_USER) !== null;
  return unescape(userinfo.slice(0, colon), ENC_USER) !== null && unescape(userinfo.slice(colon + 1), ENC_USER) !== null;
}

/** Splits off a leading scheme; null when Go reports "missing protocol scheme". */
function getScheme(raw: string): [string, string] | null {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) continue;
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
      if (i === 0) return ["", raw];
      continue;
    }
    if (c === 58) {
      if (i === 0) return null;
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ["", raw];
  }
  return ["", raw];
}

/** url.Parse: the parsed parts, or null where Go returns an error. */
export function parseURL(rawURL: string): GoURL | null {
  const hash = rawURL.indexOf("#");
  const u = hash < 0 ? rawURL : rawURL.slice(0, hash);
  if (containsCTL(u)) return null;
  const url: GoURL = { scheme: "", opaque: "", rawQuery: "" };
  if (u !== "*") {
    const sp = getScheme(u);
    if (sp === null) return null;
    url.scheme = sp[0].toLowerCase();
    let rest = sp[1];
    const q = rest.indexOf("?");
    if (rest.endsWith("?") && q === rest.length - 1) {
      rest = rest.slice(0, -1);
    } else if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
    let opaque = false;
    if (!rest.startsWith("/")) {
      if (url.scheme !== "") {
        url.opaque = rest;
        opaque = true;
      } else {
        const slash = rest.indexOf("/");
        const segment = slash < 0 ? rest : rest.slice(0, slash);
        if (segment.includes(":")) return null;
      }
    }
    if (!opaque) {
      if ((url.scheme !== "" || !rest.startsWith("///")) && rest.startsWith("//")) {
        let authority = rest.slice(2);
        rest = "";
        const i = authority.indexOf("/");
        if (i >= 0) {
          rest = authority.slice(i);
          authority = authority.slice(0, i);
        }
        if (!parseAuthority(authority)) return null;
      }
      if (unescape(rest, ENC_PATH) === null) return null;
    }
  }
  if (hash >= 0) {
    // Fragment errors are reported on the full URL; CTL bytes there are fine.
    if (unescape(rawURL.slice(hash + 1), ENC_FRAGMENT) === null) return null;
  }
  return url;
}

/**
 * url.Values lookup as `u.Query()[key]` does: the values for key in document order,
 * or undefined when the key is absent. Pairs that Go cannot parse are skipped.
 */
export function queryValues(rawQuery: string, key: string): string[] | undefined {
  let out: string[] | undefined;
  let q = rawQuery;
  while (q !== "") {
    let pair: string;
    const amp = q.indexOf("&");
    if (amp >= 0) {
      pair = q.slice(0, amp);
      q = q.slice(amp + 1);
    } else {
      pair = q;
      q = "";
    }
    if (pair.includes(";")) continue;
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const k = unescape(eq >= 0 ? pair.slice(0, eq) : pair, ENC_QUERY);
    if (k === null) continue;
    const v = unescape(eq >= 0 ? pair.slice(eq + 1) : "", ENC_QUERY);
    if (v === null) continue;
    if (k === key) (out ??= []).push(v);
  }
  return out;
}
