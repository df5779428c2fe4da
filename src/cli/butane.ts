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
import { stderrIsTerminal, writeErr, writeOut } from "./io";

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

/** Writes `data` to `file` via a temporary file and a rename, so readers never see half a file. */
function writeAtomically(file: string, data: string): void {
  const dir = nodePath.dirname(file);
  const tmp = nodePath.join(dir, `.${nodePath.basename(file)}.${process.pid}.tmp`);
  try {
    let mode = 0o644;
    try {
      mode = fs.statSync(file).mode & 0o777;
    } catch {
      // a new file
    }
    fs.writeFileSync(tmp, data, { mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
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
    if (e instanceof FlagError) die(`${e.message}\n${usage()}`, 2);
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
  try {
    data = input === "" ? fs.readFileSync(0) : fs.readFileSync(input);
  } catch (e) {
    if (input !== "") die(`failed to open ${input}: open ${input}: ${goError(e)}\n`);
    die(`failed to read /dev/stdin: ${goError(e)}\n`);
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
