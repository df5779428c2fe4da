// The password source of `butane-mkpasswd` for Node: file descriptors, a piped
// standard input, and a terminal prompt without echo.
import { readSync } from "node:fs";
import type { PasswordIo } from "./mkpasswd";

/** One line (up to \n or \r, without it) from a file descriptor, as raw bytes. */
export function readLineFromFd(fd: number): Uint8Array {
  const out: number[] = [];
  const buf = new Uint8Array(1);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, 1, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue;
      if (code === "EOF") break;
      throw new Error(`cannot read the password from file descriptor ${fd}: ${(e as Error).message}`);
    }
    if (n === 0 || buf[0] === 0x0a || buf[0] === 0x0d) break;
    out.push(buf[0]!);
  }
  return Uint8Array.from(out);
}

/** One line from (non-terminal) stdin, read asynchronously; the rest is ignored. */
export async function readLineFromStdin(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
    const end = chunk.findIndex((b) => b === 0x0a || b === 0x0d);
    if (end >= 0) {
      chunks.push(chunk.subarray(0, end));
      break;
    }
    chunks.push(chunk);
  }
  process.stdin.destroy();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) (out.set(c, o), (o += c.length));
  return out;
}

/** Prompts on the terminal without echo; returns the bytes typed before Enter. */
export function promptHidden(prompt: string): Promise<Uint8Array> {
  const stdin = process.stdin;
  stdin.setRawMode(true); // before the prompt appears, so nothing typed after it echoes
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    const bytes: number[] = [];
    stdin.resume();
    const done = (err?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      if (err) reject(err);
      else resolve(Uint8Array.from(bytes));
    };
    const onData = (chunk: Buffer) => {
      for (const b of chunk) {
        if (b === 0x0d || b === 0x0a) return done();
        if (b === 0x03) {
          process.stderr.write("\n");
          stdin.setRawMode(false);
          process.exit(130);
        }
        if (b === 0x04 && bytes.length === 0) return done(new Error("no password given (end of input)"));
        if (b === 0x7f || b === 0x08) {
          // delete one UTF-8 character
          while (bytes.length && (bytes[bytes.length - 1]! & 0xc0) === 0x80) bytes.pop();
          bytes.pop();
          continue;
        }
        if (b === 0x15) {
          bytes.length = 0; // Ctrl-U
          continue;
        }
        bytes.push(b);
      }
    };
    stdin.on("data", onData);
  });
}


export function nodePasswordIo(): PasswordIo {
  return { stdinIsTerminal: !!process.stdin.isTTY, readLineFromFd, readLineFromStdin, promptHidden };
}
