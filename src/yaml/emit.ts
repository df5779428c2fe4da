// emitYaml: the YAML text yaml.v3's Encoder (SetIndent(2)) writes for a value that
// Go's json.Unmarshal produced into interface{} (maps with string keys, slices,
// strings, float64 numbers, booleans, nil), with leading/trailing newlines trimmed
// as butane does (bytes.Trim(out, "\n")). This is how butane writes OpenShift
// MachineConfig YAML.
//
// The emitter follows libyaml's emitter as modified by yaml.v3, restricted to the
// events such values produce (block collections, "[]"/"{}" for empty ones, scalars
// without tags or anchors, unlimited line width, unicode output).

import { resolveTag, STR_TAG } from "./resolve";

const BEST_INDENT = 2;

// ---------------------------------------------------------------------------
// Scalar analysis (yaml_emitter_analyze_scalar) on code points

function isBreakCp(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** libyaml's is_printable, on code points (4-byte UTF-8 characters are not printable). */
function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
  /** number of code points */
  chars: number;
  /** length in UTF-8 bytes */
  bytes: number;
}

/** The code point at s[i] (lone surrogates read as U+FFFD, as Go's JSON decoder makes them). */
function cpAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  if (c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
  }
  return 0xfffd;
}

function codePoints(s: string): number[] {
  const cps: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = cpAt(s, i);
    cps.push(c);
    if (c >= 0x10000) i++;
  }
  return cps;
}

/** Replace lone surrogates by U+FFFD (Go strings hold valid UTF-8 after JSON decoding). */
function wellFormed(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      let out = "";
      for (const cp of codePoints(s)) out += String.fromCodePoint(cp);
      return out;
    }
  }
  return s;
}

function analyze(s: string): Analysis {
  const n = s.length;
  if (n === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false, chars: 0, bytes: 0 };
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let chars = 0;
  let bytes = 0;
  const c0 = s.charCodeAt(0);
  if (n >= 3 && ((c0 === 45 && s.charCodeAt(1) === 45 && s.charCodeAt(2) === 45) || (c0 === 46 && s.charCodeAt(1) === 46 && s.charCodeAt(2) === 46))) {
    blockIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) c = cpAt(s, i);
    const w = c >= 0x10000 ? 2 : 1;
    const last = i + w >= n;
    const next = last ? -1 : s.charCodeAt(i + w);
    const followedByWhitespace = last || next === 32 || next === 9;
    chars++;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (i === 0) {
      switch (c) {
        case 35: case 44: case 91: case 93: case 123: case 125: case 38: case 42: // prettier-ignore
        case 33: case 124: case 62: case 39: case 34: case 37: case 64: case 96: // prettier-ignore
          blockIndicators = true;
          break;
        case 63: // ?
        case 58: // :
        case 45: // -
          if (followedByWhitespace) blockIndicators = true;
          break;
      }
    } else if (c === 58) {
      if (followedByWhitespace) blockIndicators = true;
    } else if (c === 35) {
      if (precededByWhitespace) blockIndicators = true;
    }
    if (c === 9) tabCharacters = true;
    else if (c < 0x20 || c > 0x7e ? !isPrintable(c) : false) specialCharacters = true;
    if (c === 32) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreakCp(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === 32 || c === 9 || c === 0 || isBreakCp(c);
    i += w - 1;
  }
  let blockPlain = true;
  let single = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
  if (trailingSpace) block = false;
  if (breakSpace) {
    blockPlain = false;
    single = false;
  }
  if (spaceBreak || tabCharacters || specialCharacters) {
    blockPlain = false;
    single = false;
  }
  if (spaceBreak || specialCharacters) block = false;
  if (lineBreaks) blockPlain = false;
  if (blockIndicators) blockPlain = false;
  // (flow indicators only matter inside flow collections, where no scalar occurs here)
  return { multiline: lineBreaks, blockPlainAllowed: blockPlain, singleQuotedAllowed: single, blockAllowed: block, chars, bytes };
}

// ---------------------------------------------------------------------------
// Go formatting helpers

/** strconv.FormatFloat(f, 'g', -1, 64), with yaml.v3's .inf/.nan spellings. */
export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return ".nan";
  if (f === Infinity) return ".inf";
  if (f === -Infinity) return "-.inf";
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  if (a === 0) return neg ? "-0" : "0";
  const e = a.toExponential(); // shortest round-trip digits: d[.ddd]e±x
  const ei = e.indexOf("e");
  const digits = e.slice(0, ei).replace(".", "");
  const x = parseInt(e.slice(ei + 1), 10);
  const nd = digits.length;
  const dp = x + 1;
  let out: string;
  if (x < -4 || x >= 6) {
    out = digits[0];
    if (nd > 1) out += "." + digits.slice(1);
    const ax = Math.abs(x);
    out += (x < 0 ? "e-" : "e+") + (ax < 10 ? "0" + ax : String(ax));
  } else {
    if (dp > 0) out = nd >= dp ? digits.slice(0, dp) : digits + "0".repeat(dp - nd);
    else out = "0";
    const frac = Math.max(nd - dp, 0);
    if (frac > 0) {
      out += ".";
      for (let i = 1; i <= frac; i++) {
        const j = dp + i - 1;
        out += j >= 0 && j < nd ? digits[j] : "0";
      }
    }
  }
  return neg ? "-" + out : out;
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

function isBase60Float(s: string): boolean {
  if (s === "") return false;
  const c = s.charCodeAt(0);
  if (!(c === 43 || c === 45 || (c >= 48 && c <= 57)) || s.indexOf(":") < 0) return false;
  return BASE60_FLOAT.test(s);
}

function isOldBool(s: string): boolean {
  switch (s) {
    case "y": case "Y": case "yes": case "Yes": case "YES": case "on": case "On": case "ON": // prettier-ignore
    case "n": case "N": case "no": case "No": case "NO": case "off": case "Off": case "OFF": // prettier-ignore
      return true;
  }
  return false;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const isLetter = (c: number): boolean => (c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : LETTER.test(String.fromCodePoint(c)));
const isDigit = (c: number): boolean => (c < 128 ? c >= 48 && c <= 57 : DIGIT.test(String.fromCodePoint(c)));

const I64 = 64;
function digitRun(r: number[], i: number, start: bigint): [bigint, number] {
  let v = start;
  let k = i;
  for (; k < r.length && isDigit(r[k]); k++) v = BigInt.asIntN(I64, v * 10n + BigInt(r[k] - 48));
  return [v, k];
}

/** yaml.v3's keyList.Less for two string keys (natural order for digit runs). */
export function keyLess(a: string, b: string): boolean {
  return runesLess(codePoints(a), codePoints(b));
}

function runesLess(ar: number[], br: number[]): boolean {
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]);
      continue;
    }
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 48 || br[i] === 48) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 48) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    const [av, ai] = digitRun(ar, i, an);
    const [bv, bi] = digitRun(br, i, bn);
    if (av !== bv) return av < bv;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

function sortKeys(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  const dec = keys.map((k) => ({ k, r: codePoints(k) }));
  dec.sort((x, y) => (runesLess(x.r, y.r) ? -1 : runesLess(y.r, x.r) ? 1 : 0));
  return dec.map((d) => d.k);
}

// ---------------------------------------------------------------------------
// The emitter

const enum Sty {
  Plain,
  SingleQuoted,
  DoubleQuoted,
  Literal,
}

/**
 * A scalar whose spelling the caller chooses (for emitYaml's callers that write Butane
 * rather than MachineConfigs): `plain` text written as it is (an octal mode, `0644`),
 * or a string forced into double quotes.
 */
export class YamlScalar {
  constructor(
    readonly text: string,
    readonly style: "plain" | "double",
  ) {}
}

export interface EmitYamlOptions {
  /** Keep each mapping's keys in insertion order instead of yaml.v3's sorted order. */
  keepKeyOrder?: boolean;
  /** Trim leading and trailing newlines as butane does (default true); false keeps the text a parser reads back exactly. */
  trimNewlines?: boolean;
}

class Emitter {
  constructor(private readonly keepKeyOrder = false) {}
  out = "";
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;
  readonly indents: number[] = [];

  putBreak(): void {
    this.out += "\n";
    this.column = 0;
    this.indention = true;
  }

  put(s: string): void {
    this.out += s;
    this.column++;
  }

  writeCp(c: number): void {
    this.out += String.fromCodePoint(c);
    this.column++;
  }

  /** write_break for a line break character. */
  writeBreak(c: number): void {
    if (c === 10) {
      this.putBreak();
    } else {
      this.writeCp(c);
      this.column = 0;
      this.indention = true;
    }
  }

  writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
  }

  writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.out += ind;
    this.column += ind.length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** yaml_emitter_increase_indent; `inBlockSequence`: the node is an item of a block sequence. */
  increaseIndent(flow: boolean, inBlockSequence: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? BEST_INDENT : 0;
    } else if (inBlockSequence) {
      this.indent += 2;
    } else {
      this.indent = BEST_INDENT * Math.floor((this.indent + BEST_INDENT) / BEST_INDENT);
    }
  }

  popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  // --- nodes

  node(v: unknown, inBlockSequence: boolean, simpleKey: boolean, root: boolean): void {
    if (v instanceof YamlScalar) {
      const text = wellFormed(v.text);
      this.scalar(text, analyze(text), v.style === "plain" ? Sty.Plain : Sty.DoubleQuoted, inBlockSequence, simpleKey);
    } else if (Array.isArray(v)) {
      if (v.length === 0) this.emptyFlow("[", "]", inBlockSequence);
      else this.blockSequence(v, inBlockSequence);
    } else if (v !== null && typeof v === "object") {
      const keys = Object.keys(v);
      if (keys.length === 0) this.emptyFlow("{", "}", inBlockSequence);
      else this.blockMapping(v as Record<string, unknown>, this.keepKeyOrder ? keys : sortKeys(keys), inBlockSequence);
    } else {
      this.scalarValue(v, inBlockSequence, simpleKey, root);
    }
  }

  emptyFlow(open: string, close: string, inBlockSequence: boolean): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, inBlockSequence);
    this.popIndent();
    if (this.column === 0) this.writeIndent();
    this.writeIndicator(close, false, false, false);
  }

  blockSequence(items: unknown[], inBlockSequence: boolean): void {
    this.increaseIndent(false, inBlockSequence);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, true, false, false);
    }
    this.popIndent();
  }

  blockMapping(m: Record<string, unknown>, keys: string[], inBlockSequence: boolean): void {
    this.increaseIndent(false, inBlockSequence);
    for (const key of keys) {
      this.writeIndent();
      const k = wellFormed(key);
      const a = analyze(k);
      if (!a.multiline && a.bytes <= 128) {
        this.scalar(k, a, stringStyle(k), false, true);
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.scalar(k, a, stringStyle(k), false, false);
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(m[key], false, false, false);
    }
    this.popIndent();
  }

  scalarValue(v: unknown, inBlockSequence: boolean, simpleKey: boolean, root: boolean): void {
    void root;
    let text: string;
    if (v === null || v === undefined) text = "null";
    else if (typeof v === "boolean") text = v ? "true" : "false";
    else if (typeof v === "number") text = formatFloat(v);
    else if (typeof v === "bigint") text = v.toString();
    else {
      text = wellFormed(String(v));
      this.scalar(text, analyze(text), stringStyle(text), inBlockSequence, simpleKey);
      return;
    }
    this.scalar(text, analyze(text), Sty.Plain, inBlockSequence, simpleKey);
  }

  /** yaml_emitter_emit_scalar: select the style (yaml_emitter_select_scalar_style), then write. */
  scalar(s: string, a: Analysis, requested: Sty, inBlockSequence: boolean, simpleKey: boolean): void {
    let style = requested;
    if (simpleKey && a.multiline) style = Sty.DoubleQuoted;
    if (style === Sty.Plain) {
      if (!a.blockPlainAllowed) style = Sty.SingleQuoted;
      if (s.length === 0 && simpleKey) style = Sty.SingleQuoted;
    }
    if (style === Sty.SingleQuoted && !a.singleQuotedAllowed) style = Sty.DoubleQuoted;
    if (style === Sty.Literal && (!a.blockAllowed || simpleKey)) style = Sty.DoubleQuoted;

    this.increaseIndent(true, inBlockSequence);
    switch (style) {
      case Sty.Plain:
        // Plain scalars here never contain line breaks, and the line width is unlimited.
        if (s.length > 0) {
          if (!this.whitespace) this.put(" ");
          this.out += s;
          this.column += a.chars;
          this.whitespace = false;
        }
        this.indention = false;
        break;
      case Sty.SingleQuoted:
        this.writeSingleQuoted(s, a);
        break;
      case Sty.DoubleQuoted:
        this.writeDoubleQuoted(s);
        break;
      case Sty.Literal:
        this.writeLiteral(s);
        break;
    }
    this.popIndent();
  }

  writeSingleQuoted(s: string, a: Analysis): void {
    this.writeIndicator("'", true, false, false);
    if (!a.multiline && s.indexOf("'") < 0) {
      this.out += s;
      this.column += a.chars;
    } else {
      let breaks = false;
      for (let i = 0; i < s.length; i++) {
        const c = cpAt(s, i);
        if (c >= 0x10000) i++;
        if (c === 32) {
          this.writeCp(c);
        } else if (isBreakCp(c)) {
          if (!breaks && c === 10) this.putBreak();
          this.writeBreak(c);
          breaks = true;
        } else {
          if (breaks) this.writeIndent();
          if (c === 39) this.put("'");
          this.writeCp(c);
          this.indention = false;
          breaks = false;
        }
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeDoubleQuoted(s: string): void {
    this.writeIndicator('"', true, false, false);
    // yaml.v3's is_bom looks at the start of the value, not at the current character.
    const bom = s.charCodeAt(0) === 0xfeff;
    let run = 0; // start of the pending run of characters written as they are
    let runChars = 0;
    for (let i = 0; i < s.length; i++) {
      const c = cpAt(s, i);
      const w = c >= 0x10000 ? 2 : 1;
      if (!isPrintable(c) || bom || isBreakCp(c) || c === 34 || c === 92) {
        if (i > run) {
          this.out += s.slice(run, i);
          this.column += runChars;
        }
        let esc: string;
        switch (c) {
          case 0x00: esc = "\\0"; break; // prettier-ignore
          case 0x07: esc = "\\a"; break; // prettier-ignore
          case 0x08: esc = "\\b"; break; // prettier-ignore
          case 0x09: esc = "\\t"; break; // prettier-ignore
          case 0x0a: esc = "\\n"; break; // prettier-ignore
          case 0x0b: esc = "\\v"; break; // prettier-ignore
          case 0x0c: esc = "\\f"; break; // prettier-ignore
          case 0x0d: esc = "\\r"; break; // prettier-ignore
          case 0x1b: esc = "\\e"; break; // prettier-ignore
          case 0x22: esc = '\\"'; break; // prettier-ignore
          case 0x5c: esc = "\\\\"; break; // prettier-ignore
          case 0x85: esc = "\\N"; break; // prettier-ignore
          case 0xa0: esc = "\\_"; break; // prettier-ignore
          case 0x2028: esc = "\\L"; break; // prettier-ignore
          case 0x2029: esc = "\\P"; break; // prettier-ignore
          default: {
            const hex = c.toString(16).toUpperCase();
            if (c <= 0xff) esc = "\\x" + hex.padStart(2, "0");
            else if (c <= 0xffff) esc = "\\u" + hex.padStart(4, "0");
            else esc = "\\U" + hex.padStart(8, "0");
          }
        }
        this.out += esc;
        this.column += esc.length;
        run = i + w;
        runChars = 0;
      } else {
        runChars++;
      }
      i += w - 1;
    }
    if (s.length > run) {
      this.out += s.slice(run);
      this.column += runChars;
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeLiteral(s: string): void {
    this.writeIndicator("|", true, false, false);
    // yaml_emitter_write_block_scalar_hints
    const c0 = cpAt(s, 0);
    if (s.length > 0 && (c0 === 32 || isBreakCp(c0))) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = "";
    const n = s.length;
    if (n === 0) chomp = "-";
    else if (!isBreakCp(s.charCodeAt(n - 1))) chomp = "-";
    else if (n === 1) chomp = "+";
    else if (isBreakCp(s.charCodeAt(n - 2))) chomp = "+";
    if (chomp !== "") this.writeIndicator(chomp, false, false, false);
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < n; i++) {
      const c = cpAt(s, i);
      if (isBreakCp(c)) {
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        // The rest of the line as one run.
        let j = i;
        let chars = 0;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (isBreakCp(d)) break;
          j += d >= 0xd800 && d <= 0xdbff && j + 1 < n ? 2 : 1;
          chars++;
        }
        this.out += s.slice(i, j);
        this.column += chars;
        i = j - 1;
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** encoder.stringv: the style requested for a string. */
function stringStyle(s: string): Sty {
  if (s.indexOf("\n") >= 0) return Sty.Literal;
  const canUsePlain = resolveTag(s) === STR_TAG && !(isBase60Float(s) || isOldBool(s));
  return canUsePlain ? Sty.Plain : Sty.DoubleQuoted;
}

/**
 * Encode `value` (as produced by JSON.parse) the way butane writes MachineConfig YAML:
 * yaml.v3 Encoder with SetIndent(2), then bytes.Trim(out, "\n").
 */
export function emitYaml(value: unknown, options: EmitYamlOptions = {}): string {
  const e = new Emitter(options.keepKeyOrder);
  e.node(value, false, false, true);
  e.writeIndent(); // document end
  let s = e.out;
  if (options.trimNewlines === false) return s;
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 10) a++;
  while (b > a && s.charCodeAt(b - 1) === 10) b--;
  if (a !== 0 || b !== s.length) s = s.slice(a, b);
  return s;
}
