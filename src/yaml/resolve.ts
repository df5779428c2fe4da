// Implicit tag resolution, as yaml.v3's resolve() does it (YAML 1.1-ish, with Go's strconv rules):
//   ""/~/null/Null/NULL -> !!null, true/True/TRUE/false/... -> !!bool (yes/no/on/off stay strings),
//   Go integer syntax (0x, 0o, 0b, and 1.1-style octal 0644), floats, .inf/.nan,
//   dates/times accepted by time.Parse with yaml.v3's four layouts -> !!timestamp, else !!str.
// Underscores are removed before integers and most floats are parsed ("1_000" is an int).

import { YamlError } from "./node";

export const NULL_TAG = "!!null";
export const BOOL_TAG = "!!bool";
export const STR_TAG = "!!str";
export const INT_TAG = "!!int";
export const FLOAT_TAG = "!!float";
export const TIMESTAMP_TAG = "!!timestamp";
export const SEQ_TAG = "!!seq";
export const MAP_TAG = "!!map";
export const BINARY_TAG = "!!binary";
export const MERGE_TAG = "!!merge";

const LONG_PREFIX = "tag:yaml.org,2002:";

/** yaml.v3 shortTag: "tag:yaml.org,2002:x" -> "!!x". */
export function shortTag(tag: string): string {
  return tag.startsWith(LONG_PREFIX) ? "!!" + tag.slice(LONG_PREFIX.length) : tag;
}

/** yaml.v3 longTag: "!!x" -> "tag:yaml.org,2002:x". */
export function longTag(tag: string): string {
  return tag.startsWith("!!") ? LONG_PREFIX + tag.slice(2) : tag;
}

// Hints by first character: S(ign), D(igit), M(ap), '.'
const H_NONE = 0;
const H_SIGN = 1;
const H_DIGIT = 2;
const H_MAP = 3;
const H_DOT = 4;

function hint(c: number): number {
  if (c >= 48 && c <= 57) return H_DIGIT;
  switch (c) {
    case 43: // +
    case 45: // -
      return H_SIGN;
    case 46: // .
      return H_DOT;
    case 121: case 89: case 110: case 78: case 116: case 84: // prettier-ignore
    case 102: case 70: case 111: case 79: case 126: // y Y n N t T f F o O ~ // prettier-ignore
      return H_MAP;
  }
  return H_NONE;
}

type MapItem = [tag: string, value: unknown];
const RESOLVE_MAP = new Map<string, MapItem>();
for (const s of ["true", "True", "TRUE"]) RESOLVE_MAP.set(s, [BOOL_TAG, true]);
for (const s of ["false", "False", "FALSE"]) RESOLVE_MAP.set(s, [BOOL_TAG, false]);
for (const s of ["", "~", "null", "Null", "NULL"]) RESOLVE_MAP.set(s, [NULL_TAG, null]);
for (const s of [".nan", ".NaN", ".NAN"]) RESOLVE_MAP.set(s, [FLOAT_TAG, NaN]);
for (const s of [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]) RESOLVE_MAP.set(s, [FLOAT_TAG, Infinity]);
for (const s of ["-.inf", "-.Inf", "-.INF"]) RESOLVE_MAP.set(s, [FLOAT_TAG, -Infinity]);
RESOLVE_MAP.set("<<", [MERGE_TAG, "<<"]);

const MAX_U64 = (1n << 64n) - 1n;
const MAX_I64 = (1n << 63n) - 1n;
const MIN_I64 = -(1n << 63n);

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

/** Go strconv.ParseUint(s, base, 64) for s without underscores; null on any error. */
export function goParseUint(s: string, base: number): bigint | null {
  if (s.length === 0) return null;
  let i = 0;
  if (base === 0) {
    base = 10;
    if (s.charCodeAt(0) === 48) {
      const c1 = s.length >= 3 ? s.charCodeAt(1) | 0x20 : 0;
      if (c1 === 98) {
        base = 2;
        i = 2;
      } else if (c1 === 111) {
        base = 8;
        i = 2;
      } else if (c1 === 120) {
        base = 16;
        i = 2;
      } else {
        base = 8;
        i = 1;
      }
    }
  }
  const n = s.length;
  if (i === n) return i > 0 ? 0n : null;
  // Fast path: short numbers fit in a double exactly.
  let v = 0;
  let j = i;
  for (; j < n && j - i < 13; j++) {
    const d = digitValue(s.charCodeAt(j));
    if (d >= base) return null;
    v = v * base + d;
  }
  if (j === n) return BigInt(v);
  let big = BigInt(v);
  const b = BigInt(base);
  for (; j < n; j++) {
    const d = digitValue(s.charCodeAt(j));
    if (d >= base) return null;
    big = big * b + BigInt(d);
    if (big > MAX_U64) {
      // Keep validating the syntax: Go reports a syntax error first only for bad digits, and both are errors.
      for (j++; j < n; j++) if (digitValue(s.charCodeAt(j)) >= base) return null;
      return null;
    }
  }
  return big;
}

/** Go strconv.ParseInt(s, base, 64) for s without underscores; null on any error. */
export function goParseInt(s: string, base: number): bigint | null {
  if (s.length === 0) return null;
  let neg = false;
  let t = s;
  const c = s.charCodeAt(0);
  if (c === 43) t = s.slice(1);
  else if (c === 45) {
    neg = true;
    t = s.slice(1);
  }
  const u = goParseUint(t, base);
  if (u === null) return null;
  const v = neg ? -u : u;
  if (v > MAX_I64 || v < MIN_I64) return null;
  return v;
}

function isDigits(s: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** yaml.v3's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's strconv underscoreOK. */
function underscoreOK(s: string): boolean {
  let saw = 94; // '^'
  let i = 0;
  if (s.length >= 1 && (s[0] === "-" || s[0] === "+")) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0") {
    const l = s.charCodeAt(1) | 0x20;
    if (l === 98 || l === 111 || l === 120) {
      i = 2;
      saw = 48;
      hex = l === 120;
    }
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const lc = c | 0x20;
    if ((c >= 48 && c <= 57) || (hex && lc >= 97 && lc <= 102)) {
      saw = 48;
      continue;
    }
    if (c === 95) {
      if (saw !== 48) return false;
      saw = 95;
      continue;
    }
    if (saw === 95) return false;
    saw = 33;
  }
  return saw !== 95;
}

/**
 * Go strconv.ParseFloat(s, 64) for decimal syntax (what yaml.v3 can reach: a string
 * starting with '.', or one matching yamlStyleFloat); null on syntax error or overflow.
 */
function goParseDecimalFloat(s: string): number | null {
  // [sign] digits [. digits] [(e|E) [sign] digits], underscores between digits allowed.
  let i = 0;
  const n = s.length;
  if (i < n && (s[i] === "+" || s[i] === "-")) i++;
  let sawDigits = false;
  let sawDot = false;
  let underscores = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 95) {
      underscores = true;
      continue;
    }
    if (c === 46) {
      if (sawDot) break;
      sawDot = true;
      continue;
    }
    if (c >= 48 && c <= 57) {
      sawDigits = true;
      continue;
    }
    break;
  }
  if (!sawDigits) return null;
  if (i < n && (s.charCodeAt(i) | 0x20) === 101) {
    i++;
    if (i < n && (s[i] === "+" || s[i] === "-")) i++;
    if (i >= n || s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return null;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === 95) {
        underscores = true;
        continue;
      }
      if (c < 48 || c > 57) break;
    }
  }
  if (i !== n) return null;
  if (underscores && !underscoreOK(s)) return null;
  const v = Number(underscores ? s.replace(/_/g, "") : s);
  if (!Number.isFinite(v)) return null;
  return v;
}

// ---------------------------------------------------------------------------
// Timestamps: time.Parse with yaml.v3's layouts
//   "2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00",
//   "2006-1-2 15:4:5.999999999", "2006-1-2"

function getnum(s: string, i: number): [number, number] | null {
  const c0 = s.charCodeAt(i);
  if (!(c0 >= 48 && c0 <= 57)) return null;
  const c1 = s.charCodeAt(i + 1);
  if (!(c1 >= 48 && c1 <= 57)) return [c0 - 48, i + 1];
  return [(c0 - 48) * 10 + (c1 - 48), i + 2];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28; // prettier-ignore
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Whether Go's time.Parse accepts s with one of yaml.v3's timestamp layouts. */
export function isTimestamp(s: string): boolean {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i !== 4 || i === s.length || s.charCodeAt(i) !== 45) return false;
  for (let layout = 0; layout < 4; layout++) if (parseLayout(s, layout)) return true;
  return false;
}

function parseLayout(s: string, layout: number): boolean {
  const n = s.length;
  const year = +s.slice(0, 4);
  let i = 4;
  if (s.charCodeAt(i) !== 45) return false;
  i++;
  let r = getnum(s, i);
  if (r === null) return false;
  const month = r[0];
  i = r[1];
  if (month <= 0 || month > 12) return false;
  if (s.charCodeAt(i) !== 45) return false;
  i++;
  r = getnum(s, i);
  if (r === null) return false;
  const day = r[0];
  i = r[1];
  if (layout !== 3) {
    if (layout === 0 || layout === 1) {
      if (s.charCodeAt(i) !== (layout === 0 ? 84 : 116)) return false;
      i++;
    } else {
      // A space in the layout matches any number of spaces (at least one unless at the end).
      if (i < n && s.charCodeAt(i) !== 32) return false;
      while (i < n && s.charCodeAt(i) === 32) i++;
    }
    r = getnum(s, i);
    if (r === null || r[0] >= 24) return false;
    i = r[1];
    if (s.charCodeAt(i) !== 58) return false;
    i++;
    r = getnum(s, i);
    if (r === null || r[0] >= 60) return false;
    i = r[1];
    if (s.charCodeAt(i) !== 58) return false;
    i++;
    r = getnum(s, i);
    if (r === null || r[0] >= 60) return false;
    i = r[1];
    // Optional fraction: '.' or ',' then up to 9 digits.
    const f = s.charCodeAt(i);
    if ((f === 46 || f === 44) && i + 1 < n && s.charCodeAt(i + 1) >= 48 && s.charCodeAt(i + 1) <= 57) {
      let k = 0;
      while (k < 9 && i + 1 + k < n && s.charCodeAt(i + 1 + k) >= 48 && s.charCodeAt(i + 1 + k) <= 57) k++;
      i += 1 + k;
    }
    if (layout === 0 || layout === 1) {
      if (s.charCodeAt(i) === 90) {
        i++;
      } else {
        if (n - i < 6) return false;
        if (s.charCodeAt(i + 3) !== 58) return false;
        const sign = s.charCodeAt(i);
        if (!isDigits(s, i + 1, i + 3) || !isDigits(s, i + 4, i + 6)) return false;
        if (sign !== 43 && sign !== 45) return false;
        i += 6;
      }
    }
  }
  if (i !== n) return false;
  return day >= 1 && day <= daysIn(month, year);
}

// ---------------------------------------------------------------------------

/** The tag yaml.v3 gives an untagged plain scalar (resolve("", value)). */
export function resolveTag(value: string): string {
  if (value.length === 0) return NULL_TAG;
  const h = hint(value.charCodeAt(0));
  if (h === H_NONE) return STR_TAG;
  const item = RESOLVE_MAP.get(value);
  if (item !== undefined) return item[0];
  if (h === H_MAP) return STR_TAG;
  if (h === H_DOT) return goParseDecimalFloat(value) !== null ? FLOAT_TAG : STR_TAG;
  return resolveNumber(value, true)[0];
}

function resolveNumber(value: string, timestamps: boolean): MapItem {
  if (timestamps && isTimestamp(value)) return [TIMESTAMP_TAG, value];
  const plain = value.indexOf("_") >= 0 ? value.replace(/_/g, "") : value;
  const iv = goParseInt(plain, 0);
  if (iv !== null) return [INT_TAG, iv];
  const uv = goParseUint(plain, 0);
  if (uv !== null) return [INT_TAG, uv];
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = goParseDecimalFloat(plain);
    if (f !== null) return [FLOAT_TAG, f];
  }
  if (plain.startsWith("0b")) {
    const v = goParseInt(plain.slice(2), 2) ?? goParseUint(plain.slice(2), 2);
    if (v !== null) return [INT_TAG, v];
  } else if (plain.startsWith("-0b")) {
    const v = goParseInt("-" + plain.slice(3), 2);
    if (v !== null) return [INT_TAG, v];
  }
  if (plain.startsWith("0o")) {
    const v = goParseInt(plain.slice(2), 8) ?? goParseUint(plain.slice(2), 8);
    if (v !== null) return [INT_TAG, v];
  } else if (plain.startsWith("-0o")) {
    const v = goParseInt("-" + plain.slice(3), 8);
    if (v !== null) return [INT_TAG, v];
  }
  return [STR_TAG, value];
}

export interface Resolved {
  /** Short tag: "!!null", "!!bool", "!!int", "!!float", "!!timestamp", "!!str", "!!merge", or the given tag. */
  tag: string;
  /**
   * null, boolean, bigint (!!int: Go's int/int64/uint64 value), number (!!float),
   * or string (!!str, !!timestamp text, unresolvable tags).
   */
  value: null | boolean | bigint | number | string;
}

/**
 * yaml.v3's resolve(tag, value): the implicit type of a scalar, checked against an
 * explicit tag ("!!int", "!!float"... or "" for none). Throws YamlError with yaml.v3's
 * "cannot decode !!str `x` as a !!int" message on a mismatch.
 */
export function resolve(tag: string, value: string): Resolved {
  tag = shortTag(tag);
  switch (tag) {
    case "":
    case STR_TAG:
    case BOOL_TAG:
    case INT_TAG:
    case FLOAT_TAG:
    case NULL_TAG:
    case TIMESTAMP_TAG:
      break;
    default:
      return { tag, value };
  }
  let r: MapItem = [STR_TAG, value];
  const h = value.length === 0 ? -1 : hint(value.charCodeAt(0));
  if (h !== H_NONE && tag !== STR_TAG) {
    const item = RESOLVE_MAP.get(value);
    if (item !== undefined) r = item;
    else if (h === H_DOT) {
      const f = goParseDecimalFloat(value);
      if (f !== null) r = [FLOAT_TAG, f];
    } else if (h === H_DIGIT || h === H_SIGN) {
      r = resolveNumber(value, tag === "" || tag === TIMESTAMP_TAG);
    }
  }
  const rtag = r[0];
  if (tag === "" || tag === rtag || tag === STR_TAG) return { tag: rtag, value: r[1] as Resolved["value"] };
  if (tag === FLOAT_TAG && rtag === INT_TAG) return { tag: FLOAT_TAG, value: Number(r[1] as bigint) };
  throw new YamlError(`yaml: cannot decode ${rtag} \`${value}\` as a ${tag}`);
}
