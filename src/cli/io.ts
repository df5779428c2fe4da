// What the commands need from the world, as one object: the command-line cores
// (runButane, runIgnitionValidate, runMkpasswd) are functions of argv and a CliIo, so
// bin/, the tests, batch mode and the language server all run the same code. The Node
// implementation is in node-io.ts; memoryIo() makes one from plain values.

import type { FileSystemAccess } from "../core/files";

/** A failed host operation, worded like Go's *PathError ("open x: no such file or directory"). */
export class HostError extends Error {
  constructor(
    readonly op: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${op} ${path}: ${reason}`);
  }
}

export interface CliIo {
  /** All of standard input, but no more than `limit` bytes. Throws HostError. */
  readStdin(limit: number): Uint8Array;
  /** All of a named file, but no more than `limit` bytes. Throws HostError (op "open" or "read"). */
  readFile(path: string, limit: number): Uint8Array;
  /** Access to the files directory (`-d`), confined to it; absent: no local files. */
  filesDir?(dir: string): FileSystemAccess;
  /**
   * Replaces or creates `path` with `data` (`-o`). Throws HostError (op "open" or "write").
   * `durable: false` (batch mode) skips flushing each file to disk before it replaces the
   * old one; it is still replaced whole or not at all.
   */
  writeFile(path: string, data: string, options?: { durable?: boolean }): void;
  /** Standard output and error. A failed write throws HostError (op "write"). */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether standard error is a terminal (for --color=auto). */
  stderrIsTerminal: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** What a command printed and how it ended, for hosts that capture rather than stream. */
export interface CliRun {
  stdout: string;
  stderr: string;
  code: number;
}

export interface MemoryIoOptions {
  stdin?: string | Uint8Array;
  /** Input files by path, for `butane FILE` and `ignition-validate FILE`. */
  files?: Readonly<Record<string, string | Uint8Array>>;
  filesDir?: (dir: string) => FileSystemAccess;
  env?: Record<string, string | undefined>;
  cwd?: string;
  stderrIsTerminal?: boolean;
}

const encoder = new TextEncoder();
const asBytes = (v: string | Uint8Array) => (typeof v === "string" ? encoder.encode(v) : v);

/**
 * A CliIo over plain values that records what the command prints and writes;
 * `written` holds the `-o` files.
 */
export function memoryIo(options: MemoryIoOptions = {}): CliIo & { run(code: number): CliRun; written: Map<string, string> } {
  let out = "";
  let err = "";
  const written = new Map<string, string>();
  const files = options.files ?? {};
  return {
    readStdin: (limit) => asBytes(options.stdin ?? "").subarray(0, limit),
    readFile(path, limit) {
      if (!Object.hasOwn(files, path)) throw new HostError("open", path, "no such file or directory");
      return asBytes(files[path]!).subarray(0, limit);
    },
    ...(options.filesDir ? { filesDir: options.filesDir } : {}),
    writeFile: (path, data) => void written.set(path, data),
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    stderrIsTerminal: options.stderrIsTerminal ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? "/",
    written,
    run: (code) => ({ stdout: out, stderr: err, code }),
  };
}
