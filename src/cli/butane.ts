// `butane`: a drop-in for the reference command-line tool. Same flags, output,
// diagnostics and exit codes; output files are written only when translation
// succeeded (and atomically where the host can: see node-io.ts). A pure function of
// argv and a CliIo; bin/butane.js runs it with the Node one.

import { formatPretty, formatRaw } from "../emit/diagnostics";
import { STRICT_FAILURE, translateDetailed } from "../api/translate";
import { FlagError, formatFlagHelp, parseFlags, type FlagSpec } from "./flags";
import { VERSION_STRING } from "../core/version";
import { HostError, memoryIo, type CliIo, type CliRun, type MemoryIoOptions } from "./io";
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

/** Ends the command with an exit status (what Go's os.Exit does in the reference). */
class Exit {
  constructor(readonly code: number) {}
}

/** Runs `butane` with the arguments after the program name; returns the exit status. */
export function butane(argv: readonly string[], io: CliIo): number {
  try {
    main(argv, io);
    return 0;
  } catch (e) {
    if (e instanceof Exit) return e.code;
    throw e;
  }
}

/**
 * Runs `butane` on plain values (standard input, input files, a files directory) and
 * returns what it printed: the form tests, batch mode and editors use.
 */
export function runButane(argv: readonly string[], options: MemoryIoOptions = {}): CliRun & { written: Map<string, string> } {
  const io = memoryIo(options);
  return { ...io.run(butane(argv, io)), written: io.written };
}

function main(argv: readonly string[], io: CliIo): void {
  function die(msg: string, code = 1): never {
    io.stderr(msg);
    throw new Exit(code);
  }
  let parsed;
  try {
    parsed = parseFlags(FLAGS, argv);
  } catch (e) {
    // pflag (v1.0.10, as vendored by the reference) prints the usage, then the error.
    if (e instanceof FlagError) die(`${usage()}${e.message}\n`, 2);
    throw e;
  }
  for (const n of parsed.notices) io.stderr(n + "\n");
  const v = parsed.values;
  const str = (k: string) => (typeof v.get(k) === "string" ? (v.get(k) as string) : "");
  const bool = (k: string) => v.get(k) === true;

  let color = false;
  const colorFlag = v.has("colour") && !v.has("color") ? str("colour") : v.has("color") ? str("color") : "auto";
  if (colorFlag === "always" || colorFlag === "yes") color = true;
  else if (colorFlag === "auto") color = io.env.NO_COLOR === undefined && io.stderrIsTerminal;

  let input = str("input");
  if (parsed.args.length === 1 && input === "") input = parsed.args[0]!;
  else if (parsed.args.length > 0) die(usage(), 2);

  if (bool("help")) {
    io.stdout(usage());
    throw new Exit(0);
  }
  if (bool("version")) {
    io.stdout(VERSION_STRING + "\n");
    throw new Exit(0);
  }

  // One byte over the size limit, so that translate() reports the size.
  let data: Uint8Array;
  const fileName = input === "" ? "<stdin>" : input;
  try {
    data = input === "" ? io.readStdin(MAX_DOCUMENT_SIZE + 1) : io.readFile(input, MAX_DOCUMENT_SIZE + 1);
  } catch (e) {
    if (!(e instanceof HostError)) throw e;
    die(`failed to ${e.op === "open" ? "open" : "read"} ${e.path}: ${e.message}\n`);
  }

  const filesDir = str("files-dir");
  const result = translateDetailed(data, {
    filesDir,
    pretty: bool("pretty"),
    raw: bool("raw"),
    strict: false,
    cwd: io.cwd,
    ...(filesDir !== "" && io.filesDir ? { readFile: io.filesDir(filesDir) } : {}),
  });

  const text = bool("raw-errors") ? formatRaw(result.entries) : formatPretty(result.entries, fileName, new TextDecoder("utf-8", { ignoreBOM: true }).decode(data), color);
  if (text) io.stderr(text);
  if (result.error !== undefined) die(`Error translating config: ${result.error}\n`);
  if (bool("strict") && result.entries.length > 0) die(STRICT_FAILURE + "\n");
  if (bool("check")) return;

  const out = result.output ?? "";
  const target = str("output");
  try {
    if (target !== "") io.writeFile(target, out);
    else io.stdout(out);
  } catch (e) {
    if (!(e instanceof HostError)) throw e;
    const name = target === "" ? "/dev/stdout" : target;
    if (e.op === "open") die(`failed to open ${name}: ${e.message}\n`);
    die(`Failed to write config to ${name}: ${e.message}\n`);
  }
}
