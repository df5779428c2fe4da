// Writing to standard output and error without creating Node's stream objects
// (which load the whole streams machinery and cost milliseconds at start-up).

import * as fs from "node:fs";
import * as tty from "node:tty";

/** Writes all of `text` to a file descriptor, waiting out EAGAIN on non-blocking pipes. */
export function writeAll(fd: number, text: string | Uint8Array): void {
  const buf = typeof text === "string" ? Buffer.from(text, "utf8") : text;
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
