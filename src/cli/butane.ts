// `butane`: a drop-in for the reference command-line tool. Same flags, output,
// diagnostics and exit codes; output files are written only when translation
// succeeded (and atomically where the host can: see node-io.ts). A pure function of
// argv and a CliIo; bin/butane.js runs it with the Node one.

import { formatPretty, formatRaw } from "../emit/diagnostics";
import { STRICT_FAILURE, translateDetailed, type TranslateOptions } from "../api/translate";
import { FlagError, formatFlagHelp, parseFlags, type FlagSpec } from "./flags";
import { VERSION_STRING } from "../core/version";
import { HostError, memoryIo, type CliIo, type CliRun, type MemoryIoOptions } from "./io";
import { MAX_DOCUMENT_SIZE } from "../yaml/parse";
import { formatJsonReport, type ReportInput } from "../emit/report-json";
import { formatSarif } from "../emit/sarif";
import { nearMisses, withSuggestions } from "../lsp/suggest";
import { bundleDetailed } from "../compose/bundle";
import { runBatch } from "./batch";
import { runFromIgnition } from "./from-ignition";
import { formatTranslationDebug } from "../butane/translate/translation-set";
// Variants shipped beyond the reference's (acos), registered through the public API.
import { registerShippedVariants } from "../variants-ext/register";

registerShippedVariants(); // a call, not a bare import: package.json marks modules side-effect free

const FLAGS: FlagSpec[] = [
  { long: "check", short: "c", kind: "bool", help: "check config without producing output" },
  { long: "color", kind: "string", noOptDefault: "always", default: "auto", help: 'control color output: "auto", "always", or "never"' },
  { long: "colour", kind: "string", noOptDefault: "always", default: "auto", help: 'control color output: "auto", "always", or "never"', hidden: true },
  { long: "debug", short: "D", kind: "bool", help: "log translations", hidden: true },
  { long: "files-dir", short: "d", kind: "string", help: "allow embedding local files from this directory" },
  { long: "from-ignition", kind: "bool", help: "read an Ignition config and write the Butane config that translates to it (extension)" , hidden: true },
  { long: "help", short: "h", kind: "bool", help: "show usage and exit" },
  { long: "input", kind: "string", help: "read from input file instead of stdin", hidden: true, deprecated: "specify filename directly on command line" },
  { long: "out-dir", kind: "string", help: "translate each input file to DIR/<name>.ign (extension; also -o DIR with several inputs)" , hidden: true },
  { long: "output", short: "o", kind: "string", help: "write to output file instead of stdout" },
  { long: "pretty", short: "p", kind: "bool", help: "output formatted json" },
  { long: "raw", short: "r", kind: "bool", help: "never wrap in a MachineConfig; force Ignition output" },
  { long: "raw-errors", kind: "bool", help: "show raw errors, rather than pretty printing them" },
  { long: "report", kind: "string", help: 'print diagnostics to stderr as one "json" or "sarif" document (extension)', hidden: true },
  { long: "strict", short: "s", kind: "bool", help: "fail on any warning" },
  { long: "suggest", kind: "bool", help: "suggest fixes for misspelt keys, variants and versions (extension)", hidden: true },
  { long: "variant", kind: "string", help: "with --from-ignition: the Butane variant to write (default fcos)" , hidden: true },
  { long: "version", short: "V", kind: "bool", help: "print the version and exit" },
  // Extensions (docs/compose.md). Hidden so that the usage text stays the reference's.
  { long: "merge-local", kind: "bool", help: "merge .bu fragments (merge/replace local, further input files) at compile time", hidden: true },
  { long: "bundle", kind: "bool", help: "write a self-contained Butane config: every local file inlined", hidden: true },
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

/** What the command line asked for, with the input read. */
interface Prepared {
  data: Uint8Array;
  fileName: string;
  /** The input came from standard input (so stdin cannot also answer prompts). */
  fromStdin: boolean;
  options: TranslateOptions;
  /** --bundle: write the self-contained Butane config instead of Ignition. */
  bundle: boolean;
  rawErrors: boolean;
  strict: boolean;
  check: boolean;
  suggest: boolean;
  output: string;
  color: boolean;
  /** --report: the document to print once, when the command ends (instead of the usual diagnostics). */
  report?: ReportInput & { format: string };
}

function printReport(io: CliIo, report: ReportInput & { format: string }, error: string | undefined, code: number): void {
  io.stderr(report.format === "sarif" ? formatSarif({ ...report, error, exitCode: code }) : formatJsonReport({ ...report, error }));
}

/** Ends the run with `msg` (inside the --report document when there is one). */
function die(io: CliIo, msg: string, code = 1, report?: ReportInput & { format: string }): never {
  if (report && code === 1) printReport(io, report, msg.trimEnd(), code);
  else io.stderr(msg);
  throw new Exit(code);
}

function main(argv: readonly string[], io: CliIo): void {
  const p = prepare(argv, io);
  finish(p, io, run(p, p.options));
}

/** Translates (or bundles) the prepared input with `options`. */
function run(p: Prepared, options: TranslateOptions): ReturnType<typeof translateDetailed> | ReturnType<typeof bundleDetailed> {
  return p.bundle ? bundleDetailed(p.data, options) : translateDetailed(p.data, options);
}

/**
 * Parses the flags and reads the input; throws Exit for --help, --version, errors and
 * the modes that do their own work (--out-dir batches, --from-ignition).
 */
function prepare(argv: readonly string[], io: CliIo): Prepared {
  let parsed;
  try {
    parsed = parseFlags(FLAGS, argv);
  } catch (e) {
    // pflag (v1.0.10, as vendored by the reference) prints the usage, then the error.
    if (e instanceof FlagError) die(io, `${usage()}${e.message}\n`, 2);
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

  const reportFormat = str("report");
  if (v.has("report") && reportFormat !== "json" && reportFormat !== "sarif") die(io, `${usage()}invalid argument "${reportFormat}" for "--report" flag: must be "json" or "sarif"\n`, 2);
  // Extensions: several inputs into a directory, and the Ignition → Butane direction.
  const outDir = v.has("out-dir") ? str("out-dir") : parsed.args.length > 1 && v.has("output") && !bool("merge-local") ? str("output") : undefined;
  if (outDir !== undefined && !bool("help") && !bool("version")) {
    if (outDir === "" || (v.has("out-dir") && v.has("output")) || bool("from-ignition") || v.has("input") || parsed.args.length === 0) {
      die(io, `${usage()}--out-dir needs a directory and input files, without --output, --input or --from-ignition\n`, 2);
    }
    const flags = { filesDir: str("files-dir"), pretty: bool("pretty"), raw: bool("raw"), strict: bool("strict"), check: bool("check"), rawErrors: bool("raw-errors") };
    throw new Exit(runBatch(parsed.args, { outDir, color, ...flags }, io));
  }
  if (v.has("variant") && !bool("from-ignition")) die(io, `${usage()}--variant applies only with --from-ignition\n`, 2);

  let input = str("input");
  // With --merge-local, files after the first are merged over it.
  const mergeInputs = bool("merge-local") && input === "" ? parsed.args.slice(1) : [];
  if (parsed.args.length === 1 + mergeInputs.length && input === "") input = parsed.args[0]!;
  else if (parsed.args.length > 0) die(io, usage(), 2);

  if (bool("help")) {
    io.stdout(usage());
    throw new Exit(0);
  }
  if (bool("version")) {
    io.stdout(VERSION_STRING + "\n");
    throw new Exit(0);
  }

  if (bool("from-ignition")) {
    if (v.has("files-dir") || bool("pretty") || bool("raw")) die(io, `${usage()}--from-ignition writes Butane: -d, -p and -r do not apply\n`, 2);
    const variant = v.has("variant") ? { variant: str("variant") } : {};
    const o = { input, output: str("output"), check: bool("check"), strict: bool("strict"), rawErrors: bool("raw-errors"), color, ...variant };
    throw new Exit(runFromIgnition(o, io));
  }

  // One byte over the size limit, so that translate() reports the size.
  let data: Uint8Array;
  const fileName = input === "" ? "<stdin>" : input;
  const report = reportFormat !== "" ? { format: reportFormat, source: "", diagnostics: [], ...(input !== "" ? { file: input } : {}) } : undefined;
  try {
    data = input === "" ? io.readStdin(MAX_DOCUMENT_SIZE + 1) : io.readFile(input, MAX_DOCUMENT_SIZE + 1);
  } catch (e) {
    if (!(e instanceof HostError)) throw e;
    die(io, `failed to ${e.op === "open" ? "open" : "read"} ${e.path}: ${e.message}\n`, 1, report);
  }

  const filesDir = str("files-dir");
  const merged: { name: string; contents: Uint8Array }[] = [];
  for (const name of mergeInputs) {
    try {
      merged.push({ name, contents: io.readFile(name, MAX_DOCUMENT_SIZE + 1) });
    } catch (e) {
      if (!(e instanceof HostError)) throw e;
      die(io, `failed to ${e.op === "open" ? "open" : "read"} ${e.path}: ${e.message}\n`, 1, report);
    }
  }

  return {
    data,
    fileName,
    fromStdin: input === "",
    options: {
      filesDir,
      pretty: bool("pretty"),
      raw: bool("raw"),
      strict: false,
      cwd: io.cwd,
      ...(filesDir !== "" && io.filesDir ? { readFile: io.filesDir(filesDir) } : {}),
      ...(bool("merge-local") ? { mergeLocal: true, mergeInputs: merged, ...(input !== "" ? { inputName: input } : {}) } : {}),
      ...(bool("debug") ? { debugTranslations: true } : {}),
    },
    bundle: bool("bundle"),
    rawErrors: bool("raw-errors"),
    strict: bool("strict"),
    check: bool("check"),
    suggest: bool("suggest"),
    output: str("output"),
    color,
    ...(report ? { report } : {}),
  };
}

/** Prints the diagnostics and writes the output; throws Exit on failure. */
function finish(p: Prepared, io: CliIo, result: ReturnType<typeof translateDetailed> | ReturnType<typeof bundleDetailed>): void {
  // -D: printed while translating in the reference, so before the diagnostics.
  if ("translations" in result && result.translations) io.stderr(formatTranslationDebug(result.translations));
  const source = new TextDecoder("utf-8", { ignoreBOM: true }).decode(p.data);
  const fixes = p.suggest ? nearMisses(source, result.report) : undefined;
  const entries = fixes ? withSuggestions(result.entries, result.report, fixes) : result.entries;
  const report = p.report ? { ...p.report, source, diagnostics: result.report, ...(fixes ? { fixes } : {}) } : undefined;
  const text = report ? "" : p.rawErrors ? formatRaw(entries) : formatPretty(entries, p.fileName, source, p.color, result.sources);
  if (text) io.stderr(text);
  if (result.error !== undefined) die(io, `Error translating config: ${result.error}\n`, 1, report);
  if (p.strict && result.entries.length > 0) die(io, STRICT_FAILURE + "\n", 1, report);
  if (p.check) return void (report && printReport(io, report, undefined, 0));

  const out = result.output ?? "";
  const target = p.output;
  try {
    if (target !== "") io.writeFile(target, out);
    else io.stdout(out);
  } catch (e) {
    if (!(e instanceof HostError)) throw e;
    const name = target === "" ? "/dev/stdout" : target;
    if (e.op === "open") die(io, `failed to open ${name}: ${e.message}\n`, 1, report);
    die(io, `Failed to write config to ${name}: ${e.message}\n`, 1, report);
  }
  if (report) printReport(io, report, undefined, 0);
}

/** The terminal, for passwords asked while compiling, and the hasher for them. */
export interface PromptIo {
  stdinIsTerminal: boolean;
  /** Asks on the terminal without echo. */
  promptHidden(prompt: string): Promise<Uint8Array>;
  /**
   * yescrypt, as the library's hashPassword (src/hash). Injected, so that the command
   * loads the hashing code only when a config asks for a password.
   */
  hashPassword(password: Uint8Array): Promise<string>;
}

/**
 * `butane` as the executable runs it: the same command, plus passwords entered while
 * compiling. When the config asks for a user's password (acos `password: {prompt:
 * true}`) and the config is a file argument on a terminal, each password is asked
 * twice without echo, hashed with yescrypt, and only the hash reaches translate();
 * otherwise the run is exactly butane()'s (the config's error says what to do).
 */
export async function butaneInteractive(argv: readonly string[], io: CliIo & PromptIo): Promise<number> {
  try {
    const p = prepare(argv, io);
    const asked: string[] = [];
    let result = run(p, { ...p.options, variantOptions: { onPasswordPrompt: (user: string) => void asked.push(user) } });
    if (asked.length > 0 && !p.fromStdin && io.stdinIsTerminal) {
      const passwordHashes: Record<string, string> = {};
      for (const user of new Set(asked)) {
        const first = await io.promptHidden(`Password for user ${user}: `);
        const second = await io.promptHidden(`Retype password for user ${user}: `);
        if (first.length === 0) die(io, `Error: empty password for user ${user}\n`);
        if (first.length !== second.length || first.some((b, i) => b !== second[i])) die(io, `Error: passwords for user ${user} don't match\n`);
        passwordHashes[user] = await io.hashPassword(first);
        first.fill(0);
        second.fill(0);
      }
      result = run(p, { ...p.options, variantOptions: { passwordHashes } });
    }
    finish(p, io, result);
    return 0;
  } catch (e) {
    if (e instanceof Exit) return e.code;
    throw e;
  }
}
