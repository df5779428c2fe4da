// The commands' CliIo for Node: standard streams written without creating Node's
// stream objects (which load the whole streams machinery and cost milliseconds at
// start-up), bounded reads, and `-o` written safely (see writeOutputFile).

import * as fs from "node:fs";
import * as nodePath from "node:path";
import * as tty from "node:tty";
import { ERRNO_TEXT } from "../core/files";
import { nodeFileSystem } from "../fs/node-fs";
import { HostError, type CliIo } from "./io";

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
        sleep(1);
        continue;
      }
      if (code === "EPIPE") return; // the reader went away; nothing more to do
      throw e;
    }
  }
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code ?? "";
const reason = (e: unknown) => ERRNO_TEXT[errno(e)] ?? (e instanceof Error ? e.message : String(e));
const hostError = (op: string, path: string, e: unknown) => new HostError(op, path, reason(e));
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Reads a file descriptor to its end, but no more than `limit` bytes: `/dev/zero` or an
 * endless pipe stops there instead of exhausting memory.
 */
function readBounded(fd: number, limit: number, name: string, sizeHint = -1): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    // A regular file's size (plus one byte, to see its end) sizes the first read, so a
    // small file does not cost a 1 MiB buffer (batch mode reads thousands).
    const sized = total === 0 && sizeHint >= 0;
    const want = Math.min(sized ? sizeHint + 1 : 1 << 20, limit - total);
    const buf = Buffer.allocUnsafe(want);
    let n: number;
    try {
      n = fs.readSync(fd, buf, 0, want, null);
    } catch (e) {
      if (errno(e) === "EAGAIN") {
        sleep(5);
        continue;
      }
      if (errno(e) === "EOF") break;
      throw hostError("read", name, e);
    }
    if (n === 0) break;
    chunks.push(n === want ? buf : buf.subarray(0, n));
    total += n;
    if (sized && n < want) break; // a short read of a regular file is its end
  }
  return Buffer.concat(chunks, total);
}

/** Opens `path` for writing the way Go's os.OpenFile(O_WRONLY|O_CREATE|O_TRUNC, 0644) does. */
function writeInPlace(path: string, data: Buffer): void {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC, 0o644);
  } catch (e) {
    throw hostError("open", path, e);
  }
  try {
    writeFd(fd, data, path);
  } finally {
    fs.closeSync(fd);
  }
}

function writeFd(fd: number, data: Buffer, path: string): void {
  try {
    writeAll(fd, data);
  } catch (e) {
    throw hostError("write", path, e);
  }
}

/** Paths that name a process's descriptors or devices: never replaced, always written into. */
const SPECIAL_ROOTS = ["/dev/", "/proc/"];

/**
 * `-o`: a regular file (or a new one) is written to a temporary file beside it and
 * renamed over it, so readers never see half a file and a failed write leaves the old
 * one. A symlink is written through (the temporary file goes next to its target). The
 * new file gets 0644 less the umask, as Go's O_CREAT would; a replaced file keeps its
 * mode (and its owner, where we may set it).
 *
 * Everything else is written in place, as the reference does: devices (/dev/null,
 * /dev/full), FIFOs, anything under /dev or /proc (/dev/stdout, /proc/self/fd/1),
 * a dangling symlink (the file it names is created), a file with several hard links
 * (replacing it would cut the links), and a file in a directory where no temporary
 * file can be made.
 */
function writeOutputFile(file: string, text: string, options: { durable?: boolean } = {}): void {
  const data = encodeOutput(text);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file);
  } catch (e) {
    if (errno(e) !== "ENOENT") return writeInPlace(file, data); // let open() give Go's error
    if (isSymlink(file)) return writeInPlace(file, data);
  }
  const absolute = nodePath.resolve(file);
  if (st && (!st.isFile() || st.nlink > 1)) return writeInPlace(file, data);
  if (SPECIAL_ROOTS.some((r) => absolute.startsWith(r))) return writeInPlace(file, data);

  let target = file;
  try {
    if (st) target = fs.realpathSync(file);
  } catch {
    return writeInPlace(file, data);
  }
  const dir = nodePath.dirname(target);
  let tmp = "";
  let fd = -1;
  for (let attempt = 0; fd < 0; attempt++) {
    // Random and created exclusively, so a planted file or symlink of that name is never written through.
    tmp = nodePath.join(dir, `.${nodePath.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    try {
      fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o644);
    } catch (e) {
      if (errno(e) === "EEXIST" && attempt < 10) continue;
      if (st && ["EACCES", "EPERM", "EROFS"].includes(errno(e))) return writeInPlace(file, data);
      throw hostError("open", file, e);
    }
  }
  try {
    try {
      if (st) {
        fs.fchmodSync(fd, st.mode & 0o7777);
        if (st.uid !== process.getuid?.() || st.gid !== process.getgid?.()) tryChown(fd, st);
      }
      writeFd(fd, data, file);
      if (options.durable !== false) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.renameSync(tmp, target);
    } catch (e) {
      throw hostError("write", file, e);
    }
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function tryChown(fd: number, st: fs.Stats): void {
  try {
    fs.fchownSync(fd, st.uid, st.gid);
  } catch {
    // not permitted (we are not root): the file becomes ours, as any rewrite would
  }
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function readNamedFile(path: string, limit: number): Uint8Array {
  let fd: number;
  try {
    fd = fs.openSync(path, "r");
  } catch (e) {
    throw hostError("open", path, e);
  }
  try {
    let size = -1;
    try {
      const st = fs.fstatSync(fd);
      if (st.isFile()) size = st.size;
    } catch {
      // no size: read in 1 MiB steps
    }
    return readBounded(fd, limit, path, size);
  } finally {
    fs.closeSync(fd);
  }
}

function writeStdout(text: string): void {
  try {
    writeAll(1, text);
  } catch (e) {
    throw hostError("write", "/dev/stdout", e);
  }
}

function writeStderr(text: string): void {
  try {
    writeAll(2, text);
  } catch {
    // nowhere left to report it
  }
}

/** The CliIo of this process. */
export function nodeIo(): CliIo {
  return {
    readStdin: (limit) => readBounded(0, limit, "/dev/stdin"),
    readFile: readNamedFile,
    filesDir: (dir) => nodeFileSystem({ filesDir: dir }),
    writeFile: writeOutputFile,
    stdout: writeStdout,
    stderr: writeStderr,
    stderrIsTerminal: tty.isatty(2),
    env: process.env,
    cwd: process.cwd(),
  };
}
