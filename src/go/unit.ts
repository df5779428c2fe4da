// Systemd unit parsing as go-systemd's unit.Deserialize does it (v22.7.0), including
// its bufio-dependent "line too long" check, reduced to what Ignition needs: whether
// the contents parse (and the error text when not), and the sections of the options.

import { goQuote } from "./quote";

const LINE_MAX = 2048;
const BUF_SIZE = 4096;

/** Result: the section of each option in order, or the deserializer's error message. */
export type UnitParse = { sections: string[]; error?: undefined } | { sections?: undefined; error: string };

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** A bufio.Reader (4096-byte buffer) over a strings.Reader, simulated by positions. */
class BufReader {
  readonly len: number;
  private readonly bytes: Uint8Array | null;
  private readonly str: string;
  /** Absolute source offsets of the buffer's read and write positions. */
  r = 0;
  w = 0;
  private errPending = false;
  private lastRuneSize = -1;

  constructor(s: string) {
    if (ASCII_ONLY.test(s)) {
      this.bytes = null;
      this.str = s;
      this.len = s.length;
    } else {
      this.bytes = new TextEncoder().encode(s);
      this.str = "";
      this.len = this.bytes.length;
    }
  }

  byte(i: number): number {
    return this.bytes ? this.bytes[i]! : this.str.charCodeAt(i);
  }

  text(from: number, to: number): string {
    return this.bytes ? new TextDecoder("utf-8", { ignoreBOM: true }).decode(this.bytes.subarray(from, to)) : this.str.slice(from, to);
  }

  buffered(): number {
    return this.w - this.r;
  }

  private fill(): void {
    // Slide to the beginning (r becomes the buffer start), then read what fits.
    const room = BUF_SIZE - (this.w - this.r);
    const n = Math.min(room, this.len - this.w);
    if (n === 0) {
      this.errPending = true;
      return;
    }
    this.w += n;
  }

  private runeLen(i: number): number {
    const b = this.byte(i);
    return b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
  }

  /** ReadRune: the code point, or -1 at EOF. */
  readRune(): number {
    while (
      this.r + 4 > this.w &&
      !(this.w > this.r && this.w - this.r >= this.runeLen(this.r)) &&
      !this.errPending &&
      this.w - this.r < BUF_SIZE
    ) {
      this.fill();
    }
    this.lastRuneSize = -1;
    if (this.r === this.w) {
      this.errPending = false;
      return -1;
    }
    const b = this.byte(this.r);
    if (b < 0x80) {
      this.r++;
      this.lastRuneSize = 1;
      return b;
    }
    const size = this.runeLen(this.r);
    let cp = b & (size === 2 ? 0x1f : size === 3 ? 0x0f : 0x07);
    for (let k = 1; k < size; k++) cp = (cp << 6) | (this.byte(this.r + k) & 0x3f);
    this.r += size;
    this.lastRuneSize = size;
    return cp;
  }

  unreadRune(): void {
    if (this.lastRuneSize >= 0) this.r -= this.lastRuneSize;
    this.lastRuneSize = -1;
  }

  /** ReadBytes(delim): [start, end) of the bytes read (delimiter included) and whether it hit EOF. */
  readBytes(delim: number): [number, number, boolean] {
    const start = this.r;
    let s = 0;
    for (;;) {
      for (let i = this.r + s; i < this.w; i++) {
        if (this.byte(i) === delim) {
          this.r = i + 1;
          this.lastRuneSize = -1;
          return [start, this.r, false];
        }
      }
      if (this.errPending) {
        this.r = this.w;
        this.errPending = false;
        this.lastRuneSize = -1;
        return [start, this.r, true];
      }
      if (this.w - this.r >= BUF_SIZE) {
        // ErrBufferFull: the fragment is collected and reading goes on.
        this.r = this.w;
        s = 0;
        continue;
      }
      s = this.w - this.r;
      this.fill();
    }
  }

  /** Whether the next LINE_MAX buffered bytes contain a CR or LF. */
  peekHasNewline(): boolean {
    for (let i = this.r; i < this.r + LINE_MAX; i++) {
      const b = this.byte(i);
      if (b === 10 || b === 13) return true;
    }
    return false;
  }
}

function isSpaceRune(r: number): boolean {
  if (r <= 0xff) return r === 32 || (r >= 9 && r <= 13) || r === 0x85 || r === 0xa0;
  return r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;
}

/** bytes.TrimSpace over a decoded slice. */
function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b) {
    const cp = s.codePointAt(a)!;
    if (!isSpaceRune(cp)) break;
    a += cp > 0xffff ? 2 : 1;
  }
  while (b > a) {
    const c = s.charCodeAt(b - 1);
    const cp = c >= 0xdc00 && c <= 0xdfff && b - 2 >= a ? s.codePointAt(b - 2)! : c;
    if (!isSpaceRune(cp)) break;
    b -= cp > 0xffff ? 2 : 1;
  }
  return s.slice(a, b);
}

const enum Step {
  NextSection,
  SectionName,
  SectionSuffix,
  IgnoreLine,
  NextSectionOrOption,
  OptionName,
  OptionValue,
}

/** go-systemd unit.Deserialize, reduced to option sections and errors. */
export function parseUnit(contents: string): UnitParse {
  const rd = new BufReader(contents);
  const sections: string[] = [];
  let section = "";
  let pendingSection = "";
  let step: Step = Step.NextSection;
  // Where IgnoreLine returns to.
  let afterIgnore: Step = Step.NextSection;

  // toEOL: the line without its trailing "\r" then "\n", and whether EOF was hit.
  const toEOL = (): [string, boolean, number, number] => {
    const [a, b0, eof] = rd.readBytes(10);
    let b = b0;
    if (b > a && rd.byte(b - 1) === 13) b--;
    else if (b > a && rd.byte(b - 1) === 10) {
      b--;
      // TrimSuffix("\r") ran before TrimSuffix("\n"), so a "\r\n" keeps its "\r".
    }
    return ["", eof, a, b];
  };

  for (;;) {
    if (rd.buffered() >= LINE_MAX && !rd.peekHasNewline()) return { error: `line too long (max ${LINE_MAX} bytes)` };
    switch (step) {
      case Step.NextSection: {
        const r = rd.readRune();
        if (r === -1) return { sections };
        if (r === 91) step = Step.SectionName;
        else if (r === 35 || r === 59) {
          afterIgnore = Step.NextSection;
          step = Step.IgnoreLine;
        }
        break;
      }
      case Step.SectionName: {
        const [a, b, eof] = rd.readBytes(93);
        if (eof) return { error: "unable to find end of section" };
        pendingSection = rd.text(a, b - 1);
        step = Step.SectionSuffix;
        break;
      }
      case Step.SectionSuffix: {
        const [, , a, b] = toEOL();
        const garbage = trimSpace(rd.text(a, b));
        if (garbage.length > 0) return { error: `found garbage after section name : ${goQuote(garbage)}` };
        section = pendingSection;
        step = Step.NextSectionOrOption;
        break;
      }
      case Step.IgnoreLine: {
        for (;;) {
          const [, , a, b0] = toEOL();
          let b = b0;
          if (b > a && rd.byte(b - 1) === 32) b--;
          if (!(b > a && rd.byte(b - 1) === 92)) break;
        }
        step = afterIgnore;
        break;
      }
      case Step.NextSectionOrOption: {
        const r = rd.readRune();
        if (r === -1) return { sections };
        if (isSpaceRune(r)) break;
        if (r === 91) step = Step.SectionName;
        else if (r === 35 || r === 59) {
          afterIgnore = Step.NextSectionOrOption;
          step = Step.IgnoreLine;
        } else {
          rd.unreadRune();
          step = Step.OptionName;
        }
        break;
      }
      case Step.OptionName: {
        for (;;) {
          const r = rd.readRune();
          if (r === -1) return { error: "EOF" };
          if (r === 10 || r === 13) return { error: "unexpected newline encountered while parsing option name" };
          if (r === 61) break;
        }
        step = Step.OptionValue;
        break;
      }
      case Step.OptionValue: {
        const [, eof, a, b] = toEOL();
        const line = rd.text(a, b);
        if (trimSpace(line).length !== 0 && line.endsWith("\\")) {
          // Continuation: the value goes on over the next line.
          void eof;
          break;
        }
        sections.push(section);
        step = Step.NextSectionOrOption;
        break;
      }
    }
  }
}
