// `butane`: a drop-in for the reference command-line tool. Same flags, output,
// diagnostics and exit codes; output files are written atomically and only when
// translation succeeded.

import * as fs from "node:fs";
import * as nodePath from "node:path";
import { formatPretty, formatRaw } from "../emit/diagnostics";
import { nodeFileSystem } from "../node-fs";
import { translateDetailed } from "../translate";
import { FlagError, formatFlagHelp, parseFlags, type FlagSpec } from "./flags";
import { VERSION_STRING } from "../version";
import { stderrIsTerminal, writeAll, writeErr, writeOut } from "./io";
import { MAX_DOCUMENT_SIZE } from "../yaml/parse";

const FLAGS: FlagSpec[] = [
  { long: "check", short: "c", kind: "bool", help: "check config without producing output" },
  { long: "color", kind: "string", noOptDefault: "always", default: "auto", help: 'control color output: "auto", "always", or "never"' },
  { long: "colour", kind: "string", noOptDefault: "always", default: "auto", help: 'control color output: "auto", "always", or "never"', hidden: true },
  { long: "debug", short: "D", kind: "bool", help: "log translations", hidden: true },
  { long: "files-dir", short: "d", kind: "string", help: "allow embedding local files from this directory" },
  { long: "help", short: "h", kind: "bool", help: "show usage and exit" },
  { long: "input", kind: "string", help: "read from input file instead of stdin", hidden: true, deprecated: "specify filename directly on command line" },
  { long: "output", short: "o", kind: "string", help: "write to output file instead of stdout" },
  { long: "pretty", short: "p", kind: "bool", help: "output formatted json" },
  { long: "raw", short: "r", kind: "bool", help: "never wrap in a MachineConfig; force Ignition output" },
  { long: "raw-errors", kind: "bool", help: "show raw errors, rather than pretty printing them" },
  { long: "strict", short: "s", kind: "bool", help: "fail on any warning" },
  { long: "version", short: "V", kind: "bool", help: "print the version and exit" },
];

const PROG = "butane";

function usage(): string {
  return `Usage: ${PROG} [options] [input-file]\nOptions:\n` + formatFlagHelp(FLAGS);
}

function die(msg: string, code = 1): never {
  writeErr(msg);
  process.exit(code);
}

/**
 * Writes `data` to `file` via a temporary file and a rename, so readers never see half
 * a file. A symlink is written through, as the reference does: the temporary file goes
 * next to the file the link resolves to. The temporary name is random and created
 * exclusively, so a planted file or symlink of that name is never written through.
 * Where no temporary file can be created (a directory we may not write to, holding a
 * file we may), the file is overwritten in place like the reference does.
 */
function writeAtomically(file: string, data: string): void {
  let target = file;
  let mode = 0o644;
  try {
    target = fs.realpathSync(file);
    mode = fs.statSync(target).mode & 0o777;
  } catch {
    // a new file (or a dangling symlink, which the in-place fallback writes through)
  }
  const dir = nodePath.dirname(target);
  let tmp = "";
  let fd = -1;
  for (let attempt = 0; fd < 0; attempt++) {
    tmp = nodePath.join(dir, `.${nodePath.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    try {
      fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, mode);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST" && attempt < 10) continue;
      if ((code === "EACCES" || code === "EPERM" || code === "EROFS") && isRegularFile(file)) {
        fs.writeFileSync(file, data);
        return;
      }
      throw e;
    }
  }
  try {
    try {
      writeAll(fd, data);
      fs.fchmodSync(fd, mode);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}

function isRegularFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads all of a file descriptor, but no more than the largest document translate()
 * accepts (plus one byte, so that it reports the size): `/dev/zero` or an endless pipe
 * ends with that error instead of exhausting memory.
 */
function readInput(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(1 << 20, MAX_DOCUMENT_SIZE + 1 - total);
    if (want <= 0) break;
    const buf = Buffer.allocUnsafe(want);
    let n: number;
    try {
      n = fs.readSync(fd, buf, 0, want, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === "EOF") break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(n === want ? buf : buf.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

function goError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = { ENOENT: "no such file or directory", EACCES: "permission denied", EISDIR: "is a directory", ENOTDIR: "not a directory" };
  return (code && reasons[code]) || (e as Error).message;
}

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseFlags(FLAGS, argv);
  } catch (e) {
    // pflag (v1.0.10, as vendored by the reference) prints the usage, then the error.
    if (e instanceof FlagError) die(`${usage()}${e.message}\n`, 2);
    throw e;
  }
  for (const n of parsed.notices) writeErr(n + "\n");
  const v = parsed.values;
  const str = (k: string) => (typeof v.get(k) === "string" ? (v.get(k) as string) : "");
  const bool = (k: string) => v.get(k) === true;

  let color = false;
  const colorFlag = v.has("colour") && !v.has("color") ? str("colour") : v.has("color") ? str("color") : "auto";
  if (colorFlag === "always" || colorFlag === "yes") color = true;
  else if (colorFlag === "auto") color = process.env.NO_COLOR === undefined && stderrIsTerminal();

  let input = str("input");
  if (parsed.args.length === 1 && input === "") input = parsed.args[0]!;
  else if (parsed.args.length > 0) die(usage(), 2);

  if (bool("help")) {
    writeOut(usage());
    process.exit(0);
  }
  if (bool("version")) {
    writeOut(VERSION_STRING + "\n");
    process.exit(0);
  }

  let data: Buffer;
  const fileName = input === "" ? "<stdin>" : input;
  let fd = 0;
  if (input !== "") {
    try {
      fd = fs.openSync(input, "r");
    } catch (e) {
      die(`failed to open ${input}: open ${input}: ${goError(e)}\n`);
    }
  }
  try {
    data = readInput(fd);
  } catch (e) {
    const name = input === "" ? "/dev/stdin" : input;
    die(`failed to read ${name}: read ${name}: ${goError(e)}\n`);
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }

  const filesDir = str("files-dir");
  const result = translateDetailed(data, {
    filesDir,
    pretty: bool("pretty"),
    raw: bool("raw"),
    strict: false,
    cwd: process.cwd(),
    ...(filesDir !== "" ? { readFile: nodeFileSystem({ filesDir }) } : {}),
  });

  const text = bool("raw-errors") ? formatRaw(result.entries) : formatPretty(result.entries, fileName, data.toString("utf8"), color);
  if (text) writeErr(text);
  if (result.error !== undefined) die(`Error translating config: ${result.error}\n`);
  if (bool("strict") && result.entries.length > 0) die("Config produced warnings and --strict was specified\n");
  if (bool("check")) return;

  const out = result.output ?? "";
  const target = str("output");
  if (target !== "") {
    try {
      writeAtomically(target, out);
    } catch (e) {
      die(`failed to open ${target}: open ${target}: ${goError(e)}\n`);
    }
  } else {
    writeOut(out);
  }
}

main(process.argv.slice(2));
