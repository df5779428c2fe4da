// Go's strconv.Quote (%q, and %#v of a string), which the reference uses to quote
// names and keys in its messages: printable Unicode as it is, everything else escaped.

/** Go's %q / strconv.Quote for a string. */
export function goQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    i += size;
    if (cp === 34) out += '\\"';
    else if (cp === 92) out += "\\\\";
    else if (cp >= 0x20 && cp < 0x7f) out += String.fromCharCode(cp);
    else if (cp === 7) out += "\\a";
    else if (cp === 8) out += "\\b";
    else if (cp === 12) out += "\\f";
    else if (cp === 10) out += "\\n";
    else if (cp === 13) out += "\\r";
    else if (cp === 9) out += "\\t";
    else if (cp === 11) out += "\\v";
    else if (cp < 0x20 || cp === 0x7f) out += "\\x" + cp.toString(16).padStart(2, "0");
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\ufffd"; // a lone surrogate decodes to U+FFFD in Go
    else if (isPrint(cp)) out += String.fromCodePoint(cp);
    else if (cp < 0x10000) out += "\\u" + cp.toString(16).padStart(4, "0");
    else out += "\\U" + cp.toString(16).padStart(8, "0");
  }
  return out + '"';
}

// Built on first use: a literal with Unicode property classes costs about a millisecond
// at load time (ICU), and non-ASCII names in %q are rare.
let PRINT: RegExp | null = null;
function isPrint(cp: number): boolean {
  PRINT ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
  return PRINT.test(String.fromCodePoint(cp));
}
