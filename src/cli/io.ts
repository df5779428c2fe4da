// Writing to standard output and error without creating Node's stream objects
// (which load the whole streams machinery and cost milliseconds at start-up).

import * as fs from "node:fs";
import * as tty from "node:tty";

// A lone low surrogate U+DC80–U+DCFF stands for a raw byte that is not UTF-8 (see
// shortValue in src/parse/decode.ts): Go prints such bytes as they are.
const RAW_BYTE = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

/** UTF-8 of `text`, with each lone U+DC80–U+DCFF written as the byte it stands for. */
export function encodeOutput(text: string): Buffer {
  if (!RAW_BYTE.test(text)) return Buffer.from(text, "utf8");
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc80 || c > 0xdcff) continue;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (prev >= 0xd800 && prev <= 0xdbff) continue; // the second half of a pair
    parts.push(Buffer.from(text.slice(start, i), "utf8"), Buffer.from([c - 0xdc00]));
    start = i + 1;
  }
  parts.push(Buffer.from(text.slice(start), "utf8"));
  return Buffer.concat(parts);
}

/** Writes all of `text` to a file descriptor, waiting out EAGAIN on non-blocking pipes. */
export function writeAll(fd: number, text: string | Uint8Array): void {
  const buf = typeof text === "string" ? encodeOutput(text) : text;
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        continue;
      }
      if (code === "EPIPE") return; // the reader went away; nothing more to do
      throw e;
    }
  }
}

export const writeOut = (text: string) => writeAll(1, text);
export const writeErr = (text: string) => writeAll(2, text);
export const stderrIsTerminal = () => tty.isatty(2);
