// `ignition-validate`: checks an Ignition config (any spec version this build knows) the way Ignition's own tool does, plus our JSON Schema, and prints
// every finding as `error at $.path, line L col C: message`. Exit status: 0 when the
// config is valid (warnings allowed), 1 when it is not, 2 on usage errors. A pure
// function of argv and a CliIo, like the `butane` core.

import { formatEntryRaw } from "../core/report";
import { validateIgnitionEntries } from "../ignition/validate-config";
import { PACKAGE_VERSION } from "../core/version";
import { MAX_DOCUMENT_SIZE } from "../yaml/parse";
import { HostError, memoryIo, type CliIo, type CliRun, type MemoryIoOptions } from "./io";
import { IGNITION_SPECS } from "../ignition/spec/index";

const PROG = "ignition-validate";
/** The spec versions this build knows, from the spec tables (so a new version needs no edit here). */
const SPEC_RANGE = `${IGNITION_SPECS[0]!.version} - ${IGNITION_SPECS[IGNITION_SPECS.length - 1]!.version}`;
const USAGE = `Usage: ${PROG} [options] FILE
Validates an Ignition config (spec ${SPEC_RANGE}). FILE "-" (or none) reads standard input.
Options:
  -h, --help          show usage and exit
      --warn-unused   report keys the config's spec version does not define as warnings
                      (Ignition's own behaviour) instead of errors
  -V, --version       print the version and exit
`;

/** A Butane config starts with `variant:` (and `version:`) keys where JSON needs `{`. */
const BUTANE_HEADER = /^(?:\uFEFF)?(?:\s*#[^\n]*\n|\s*---[^\n]*\n|\s*\n)*\s*(?:variant|version)\s*:/;

/** Runs `ignition-validate` with the arguments after the program name; returns the exit status. */
export function ignitionValidate(argv: readonly string[], io: CliIo): number {
  let warnUnused = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-h" || a === "--help") {
      io.stdout(USAGE);
      return 0;
    }
    if (a === "-V" || a === "--version") {
      io.stdout(`${PROG} (butane-ts ${PACKAGE_VERSION}), Ignition v2.26.0 rules\n`);
      return 0;
    }
    if (a === "--warn-unused") warnUnused = true;
    else if (a.startsWith("-") && a !== "-") {
      io.stderr(`unknown flag: ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length > 1) {
    io.stderr(USAGE);
    return 2;
  }
  const file = files[0] ?? "-";
  let data: Uint8Array;
  try {
    data = file === "-" ? io.readStdin(MAX_DOCUMENT_SIZE + 1) : io.readFile(file, MAX_DOCUMENT_SIZE + 1);
  } catch (e) {
    if (!(e instanceof HostError)) throw e;
    io.stderr(`couldn't read config: ${e.message}\n`);
    return 1;
  }
  if (data.length > MAX_DOCUMENT_SIZE) {
    // The same bound as butane's input: an endless pipe ends here rather than in memory exhaustion.
    io.stderr(`couldn't read config: ${file === "-" ? "standard input" : file} is larger than ${MAX_DOCUMENT_SIZE} bytes (128 MiB)\n`);
    return 1;
  }
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(data);
  const r = validateIgnitionEntries(text, { unusedKeys: warnUnused ? "warning" : "error" });
  let out = "";
  for (const e of r.entries) out += formatEntryRaw(e) + "\n";
  if (out) io.stdout(out);
  if (!r.valid && r.version === undefined && BUTANE_HEADER.test(text)) {
    io.stderr(`${PROG}: this looks like a Butane config, not Ignition JSON; translate it first: butane ${file === "-" ? "< config.bu" : file} | ${PROG}\n`);
  }
  return r.valid ? 0 : 1;
}

/** Runs `ignition-validate` on plain values and returns what it printed. */
export function runIgnitionValidate(argv: readonly string[], options: MemoryIoOptions = {}): CliRun {
  const io = memoryIo(options);
  return io.run(ignitionValidate(argv, io));
}
