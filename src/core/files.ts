// Access to the files directory (`-d/--files-dir`), injected so that the compiler
// core has no Node built-ins. Paths given to these methods are the files-dir-joined,
// cleaned paths the reference would open (e.g. "files/etc/hostname"); failures are
// thrown as FileAccessError whose message is the full text to report (e.g.
// "open files/etc/hostname: no such file or directory").

export type FileKind = "file" | "directory" | "symlink" | "other";

export interface FileInfo {
  kind: FileKind;
  /** Any execute bit set (used to pick 0755 vs 0644 for files from trees). */
  executable: boolean;
}

export interface FileSystemAccess {
  /** Reads a whole file (following symlinks). */
  readFile(path: string): Uint8Array;
  /** Describes a path, following symlinks. */
  stat?(path: string): FileInfo;
  /** Describes a path without following a final symlink. */
  lstat?(path: string): FileInfo;
  /** Names in a directory, in byte order. */
  readDir?(path: string): string[];
  /** The target of a symlink. */
  readLink?(path: string): string;
}

export class FileAccessError extends Error {}

/** Go's texts for the errno codes a host file system reports (Node's `code`). */
export const ERRNO_TEXT: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "not a directory",
  ELOOP: "too many levels of symbolic links",
  EINVAL: "invalid argument",
  ENAMETOOLONG: "file name too long",
  EMFILE: "too many open files",
  ENOSPC: "no space left on device",
  EROFS: "read-only file system",
  EEXIST: "file exists",
  EIO: "input/output error",
  EFBIG: "file too large",
  EDQUOT: "disk quota exceeded",
  ENXIO: "no such device or address",
  ETXTBSY: "text file busy",
  EBADF: "bad file descriptor",
  EPIPE: "broken pipe",
};


/** Go's path.Clean for slash-separated paths. */
const utf8 = new TextEncoder();

/** Go's order of strings (sort.Strings): by their UTF-8 bytes, as directory listings are sorted. */
export function byteOrder(a: string, b: string): number {
  const x = utf8.encode(a), y = utf8.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

export function cleanPath(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? "/" : "") + out.join("/");
  return s === "" ? "." : s;
}

/** Go's filepath.Join: joins the non-empty elements with "/" and cleans the result. */
export function joinPath(...parts: string[]): string {
  const nonEmpty = parts.filter((p) => p !== "");
  return nonEmpty.length ? cleanPath(nonEmpty.join("/")) : "";
}

// Stands in for the working directory when the host does not give one: deep
// enough that relative paths climbing out of it behave as they would in a real one.
const VIRTUAL_CWD = "/" + Array.from({ length: 32 }, (_, i) => `\u0000${i}`).join("/");

/**
 * Whether `path` (already joined with `filesDir`) stays inside `filesDir`, judged on
 * the paths alone as the reference does after making both absolute against `cwd`.
 */
export function isWithin(path: string, filesDir: string, cwd: string = VIRTUAL_CWD): boolean {
  const abs = (p: string) => cleanPath(p.startsWith("/") ? p : cwd + "/" + p);
  const base = abs(filesDir), target = abs(path);
  return target === base || target.startsWith(base === "/" ? "/" : base + "/");
}
