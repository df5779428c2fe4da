// A files directory held in memory, for hosts without a file system (browsers, or a
// Node caller that already has the bytes). It implements the whole FileSystemAccess
// interface, so `local:` contents and `storage.trees` both work, with the reference's
// error texts ("open etc/x: no such file or directory").
//
// Keys are slash-separated paths relative to the files directory ("etc/hostname",
// "tree/bin/tool"); directories are implied by the files under them, or can be listed
// on their own (a key ending in "/", or the value { directory: true }) to be empty.

import { FileAccessError, byteOrder, cleanPath, joinPath, type FileInfo, type FileSystemAccess } from "../core/files";

/** A file with metadata, a symbolic link, or an (empty) directory. */
export type MemoryEntry =
  | { contents: Uint8Array | string; executable?: boolean }
  | { symlink: string }
  | { directory: true };

/** What a files directory in memory may be given as: path → bytes, text or an entry. */
export type MemoryFiles =
  | Map<string, Uint8Array | string | MemoryEntry>
  | Record<string, Uint8Array | string | MemoryEntry>;

export interface MemoryFileSystemOptions {
  /**
   * The `filesDir` string that translate() joins paths with (default "."). Keys are
   * relative to it; paths outside it are not found.
   */
  root?: string;
}

type Node =
  | { kind: "file"; data: Uint8Array; executable: boolean }
  | { kind: "symlink"; target: string }
  | { kind: "directory"; children: Set<string> };

const MAX_LINKS = 40;
const enc = new TextEncoder();

/** A files map that cannot be used (a key outside the directory, a value that is not a file…). */
export class MemoryFilesError extends Error {
  override name = "MemoryFilesError";
}

function parentOf(p: string): string {
  const i = p.lastIndexOf("/");
  if (i < 0) return ".";
  return i === 0 ? "/" : p.slice(0, i);
}

function baseOf(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

/** True when the value is usable as a MemoryFiles (a Map or a plain record of entries). */
export function isMemoryFiles(v: unknown): v is MemoryFiles {
  return v instanceof Map || (typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype);
}

const shown = (key: string) => JSON.stringify(key.length > 80 ? key.slice(0, 77) + "..." : key);

/** The node a files-map value stands for; a MemoryFilesError for anything else. */
function toNode(key: string, value: unknown): Node {
  if (typeof value === "string") return { kind: "file", data: enc.encode(value), executable: false };
  if (value instanceof Uint8Array) return { kind: "file", data: value, executable: false };
  if (value !== null && typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.symlink === "string") return { kind: "symlink", target: v.symlink };
    if (typeof v.contents === "string" || v.contents instanceof Uint8Array) {
      return { kind: "file", data: typeof v.contents === "string" ? enc.encode(v.contents) : v.contents, executable: !!v.executable };
    }
  }
  const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object without contents or symlink" : typeof value;
  throw new MemoryFilesError(`memory files: ${shown(key)} has a value that is not bytes, text or an entry (got ${got})`);
}

/**
 * A FileSystemAccess over files in memory. Symbolic links are followed by readFile and
 * stat (never out of the files directory), reported as links by lstat and readLink,
 * and kept as links by `storage.trees`. A map that cannot be used (a key outside the
 * directory, a path that is both a file and a directory, a value that is not a file)
 * throws a MemoryFilesError naming the key.
 */
export function memoryFileSystem(files: MemoryFiles, options: MemoryFileSystemOptions = {}): FileSystemAccess {
  if (!isMemoryFiles(files)) throw new MemoryFilesError("memory files: expected a Map or a plain object from paths to files");
  if (options.root !== undefined && typeof options.root !== "string") throw new MemoryFilesError("memory files: root must be a path string");
  const root = cleanPath(options.root ?? ".");
  const nodes = new Map<string, Node>();

  /** Makes `p` and its missing ancestors directories (a loop: keys may be thousands of levels deep). */
  const ensureDir = (p: string, key: string): void => {
    const missing: string[] = [];
    for (let d = p; ; d = parentOf(d)) {
      const n = nodes.get(d);
      if (n) {
        if (n.kind !== "directory") throw new MemoryFilesError(`memory files: ${shown(d)} is both a file and a directory (key ${shown(key)})`);
        break;
      }
      missing.push(d);
      if (d === "." || d === "/") break;
    }
    for (let i = missing.length - 1; i >= 0; i--) {
      const d = missing[i]!;
      nodes.set(d, { kind: "directory", children: new Set() });
      const parent = nodes.get(parentOf(d));
      if (parent?.kind === "directory" && d !== parentOf(d)) parent.children.add(baseOf(d));
    }
  };

  ensureDir(root, root);
  const entries: [unknown, unknown][] = files instanceof Map ? [...files.entries()] : Object.entries(files);
  for (const [key, value] of entries) {
    if (typeof key !== "string") throw new MemoryFilesError(`memory files: keys must be path strings (got ${typeof key})`);
    const rel = cleanPath(key);
    const isDir = key.endsWith("/") || (value !== null && typeof value === "object" && !(value instanceof Uint8Array) && (value as { directory?: unknown }).directory === true);
    if (isDir && rel === ".") continue;
    if (rel === "." || rel === ".." || rel.startsWith("../") || rel.startsWith("/")) {
      throw new MemoryFilesError(`memory files: key ${shown(key)} must be a relative path inside the files directory`);
    }
    const p = joinPath(root, rel);
    if (isDir) {
      ensureDir(p, key);
      continue;
    }
    const node = toNode(key, value);
    if (nodes.has(p)) throw new MemoryFilesError(`memory files: ${shown(key)} is given twice, or is also a directory`);
    ensureDir(parentOf(p), key);
    (nodes.get(parentOf(p)) as Extract<Node, { kind: "directory" }>).children.add(baseOf(p));
    nodes.set(p, node);
  }

  const inside = (p: string) => root === "." ? !(p === ".." || p.startsWith("../") || p.startsWith("/")) : p === root || p.startsWith(root === "/" ? "/" : root + "/");

  /** Resolves symlinks in the directories of `path` (and in its last part when `followLast`). */
  const resolve = (op: string, path: string, followLast: boolean): string => {
    // Every ancestor of a stored node is a stored directory, never a link: a path stored
    // as it is needs no walk (which costs a join per level, and made deep trees cubic).
    const clean = cleanPath(path);
    const direct = nodes.get(clean);
    if (direct && (direct.kind !== "symlink" || !followLast)) return clean;
    const split = (p: string): [string, string[]] => {
      const c = cleanPath(p);
      if (c === ".") return [".", []];
      if (c === "/") return ["/", []];
      return c.startsWith("/") ? ["/", c.slice(1).split("/")] : [".", c.split("/")];
    };
    let [cur, parts] = split(path);
    let hops = 0;
    for (let i = 0; i < parts.length; i++) {
      const dir = nodes.get(cur);
      if (!dir) throw new FileAccessError(`${op} ${path}: no such file or directory`);
      if (dir.kind !== "directory") throw new FileAccessError(`${op} ${path}: not a directory`);
      const next = joinPath(cur, parts[i]!);
      const n = nodes.get(next);
      if (n?.kind === "symlink" && (i < parts.length - 1 || followLast)) {
        if (++hops > MAX_LINKS) throw new FileAccessError(`${op} ${path}: too many levels of symbolic links`);
        const target = joinPath(cur, n.target);
        if (n.target.startsWith("/") || !inside(target)) {
          throw new FileAccessError(`${op} ${path}: refusing to follow a symlink out of the files directory`);
        }
        const [start, tparts] = split(target);
        cur = start;
        parts = [...tparts, ...parts.slice(i + 1)];
        i = -1;
        continue;
      }
      cur = next;
    }
    return cur;
  };

  const lookup = (op: string, path: string, followLast: boolean): Node => {
    const p = resolve(op, path, followLast);
    const n = nodes.get(p);
    if (!n || !inside(p)) throw new FileAccessError(`${op} ${path}: no such file or directory`);
    return n;
  };

  const info = (n: Node): FileInfo => ({
    kind: n.kind,
    executable: n.kind === "file" ? n.executable : n.kind === "directory",
  });

  return {
    readFile(path) {
      const n = lookup("open", path, true);
      if (n.kind === "directory") throw new FileAccessError(`read ${path}: is a directory`);
      if (n.kind !== "file") throw new FileAccessError(`open ${path}: not a regular file`);
      return n.data;
    },
    stat(path) {
      return info(lookup("stat", path, true));
    },
    lstat(path) {
      return info(lookup("lstat", path, false));
    },
    readDir(path) {
      const n = lookup("open", path, true);
      if (n.kind !== "directory") throw new FileAccessError(`open ${path}: not a directory`);
      return [...n.children].sort(byteOrder);
    },
    readLink(path) {
      const n = lookup("readlink", path, false);
      if (n.kind !== "symlink") throw new FileAccessError(`readlink ${path}: invalid argument`);
      return n.target;
    },
  };
}
