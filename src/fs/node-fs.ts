// File access for Node hosts: reads under the files directory with the reference's
// error texts ("open files/x: no such file or directory"), and refuses what would
// leave the files directory through a symlink. Only regular files are read: a FIFO,
// socket or device (where the reference would block or read forever) is refused
// without reading, and a file is opened non-blocking so that opening a FIFO cannot
// wait for a writer. Files over MAX_LOCAL_FILE_SIZE are refused too.

import * as fs from "node:fs";
import * as nodePath from "node:path";
import { ERRNO_TEXT as REASONS, FileAccessError, type FileInfo, type FileSystemAccess } from "../core/files";


/** Largest file read from the files directory: 128 MiB (see SECURITY.md). */
export const MAX_LOCAL_FILE_SIZE = 128 * 1024 * 1024;

function fail(op: string, path: string, e: unknown): never {
  const code = (e as NodeJS.ErrnoException)?.code ?? "";
  throw new FileAccessError(`${op} ${path}: ${REASONS[code] ?? (e as Error)?.message ?? String(e)}`);
}

/** Reads a whole regular file, refusing one over the limit (also if it grows while read). */
function readBounded(fd: number, size: number, p: string): Uint8Array {
  const tooBig = () => new FileAccessError(`read ${p}: file is larger than ${MAX_LOCAL_FILE_SIZE} bytes (128 MiB)`);
  if (size > MAX_LOCAL_FILE_SIZE) throw tooBig();
  let buf = Buffer.allocUnsafe(Math.max(size, 4096));
  let n = 0;
  for (;;) {
    if (n === buf.length) {
      if (n > MAX_LOCAL_FILE_SIZE) throw tooBig();
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, MAX_LOCAL_FILE_SIZE + 1));
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
    const r = fs.readSync(fd, buf, n, buf.length - n, null);
    if (r === 0) break;
    n += r;
  }
  if (n > MAX_LOCAL_FILE_SIZE) throw tooBig();
  return buf.subarray(0, n);
}

function info(st: fs.Stats): FileInfo {
  const kind = st.isFile() ? "file" : st.isDirectory() ? "directory" : st.isSymbolicLink() ? "symlink" : "other";
  return { kind, executable: (st.mode & 0o111) !== 0 };
}

export interface NodeFileSystemOptions {
  /** The files directory; reads resolving (through symlinks) outside it are refused. */
  filesDir: string;
  /** Refuse symlinks that lead outside the files directory (default true). */
  confine?: boolean;
  /** Directory that relative paths are relative to (default: the process's). */
  cwd?: string;
}

export function nodeFileSystem(opts: NodeFileSystemOptions): FileSystemAccess {
  const confine = opts.confine !== false;
  const abs = (p: string) => (opts.cwd ? nodePath.resolve(opts.cwd, p) : p);
  let root: string | null = null;
  const realRoot = () => (root ??= fs.realpathSync(abs(opts.filesDir)));
  const checkInside = (op: string, p: string) => {
    if (!confine) return;
    let real: string;
    try {
      real = fs.realpathSync(abs(p));
    } catch (e) {
      // Nothing there to read: the operation itself reports it. Any other failure
      // (a resolved path too long, a loop, no permission) leaves the question open,
      // and an open question refuses: the operation could still reach outside.
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code === "ENOENT" || code === "ENOTDIR") return;
      const why = (code && REASONS[code]) || (e as Error)?.message || String(e);
      throw new FileAccessError(`${op} ${p}: refusing to read a path whose place in the files directory cannot be checked: ${why}`);
    }
    const base = realRoot();
    // The root (or any directory whose real path ends in a separator) is its own prefix.
    const prefix = base.endsWith(nodePath.sep) ? base : base + nodePath.sep;
    if (real !== base && !real.startsWith(prefix)) {
      throw new FileAccessError(`${op} ${p}: refusing to follow a symlink out of the files directory`);
    }
  };
  return {
    readFile(p) {
      checkInside("open", p);
      let fd: number;
      try {
        fd = fs.openSync(abs(p), fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
      } catch (e) {
        fail("open", p, e);
      }
      try {
        const st = fs.fstatSync(fd);
        if (st.isDirectory()) fail("read", p, { code: "EISDIR" });
        if (!st.isFile()) throw new FileAccessError(`open ${p}: not a regular file`);
        return readBounded(fd, st.size, p);
      } catch (e) {
        if (e instanceof FileAccessError) throw e;
        fail("read", p, e);
      } finally {
        fs.closeSync(fd);
      }
    },
    stat(p) {
      checkInside("stat", p);
      try {
        return info(fs.statSync(abs(p)));
      } catch (e) {
        fail("stat", p, e);
      }
    },
    lstat(p) {
      try {
        return info(fs.lstatSync(abs(p)));
      } catch (e) {
        fail("lstat", p, e);
      }
    },
    readDir(p) {
      try {
        return fs.readdirSync(abs(p)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      } catch (e) {
        fail("open", p, e);
      }
    },
    readLink(p) {
      try {
        return fs.readlinkSync(abs(p)).split(nodePath.sep).join("/");
      } catch (e) {
        fail("readlink", p, e);
      }
    },
  };
}
