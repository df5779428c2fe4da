// `ignition-validate`: checks an Ignition config (any spec version 3.0.0 -
// 3.7.0-experimental) the way Ignition's own tool does, plus our JSON Schema, and prints
// every finding as `error at $.path, line L col C: message`. Exit status: 0 when the
// config is valid (warnings allowed), 1 when it is not, 2 on usage errors.

import * as fs from "node:fs";
import { formatEntryRaw } from "../core/report";
import { validateIgnitionEntries } from "../ignition/validate-config";
import { PACKAGE_VERSION } from "../version";

const PROG = "ignition-validate";
const USAGE = `Usage: ${PROG} [options] FILE
Validates an Ignition config (spec 3.0.0 - 3.7.0-experimental). FILE "-" (or none) reads standard input.
Options:
  -h, --help          show usage and exit
      --warn-unused   report keys the config's spec version does not define as warnings
                      (Ignition's own behaviour) instead of errors
  -V, --version       print the version and exit
`;

function goError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = { ENOENT: "no such file or directory", EACCES: "permission denied", EISDIR: "is a directory" };
  return (code && reasons[code]) || (e as Error).message;
}

function main(argv: string[]): number {
  let warnUnused = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-h" || a === "--help") {
      process.stdout.write(USAGE);
      return 0;
    }
    if (a === "-V" || a === "--version") {
      process.stdout.write(`${PROG} (butane-ts ${PACKAGE_VERSION}), Ignition v2.26.0 rules\n`);
      return 0;
    }
    if (a === "--warn-unused") warnUnused = true;
    else if (a.startsWith("-") && a !== "-") {
      process.stderr.write(`unknown flag: ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length > 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const file = files[0] ?? "-";
  let text: string;
  try {
    text = fs.readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    process.stderr.write(`couldn't read config: open ${file}: ${goError(e)}\n`);
    return 1;
  }
  const r = validateIgnitionEntries(text, { unusedKeys: warnUnused ? "warning" : "error" });
  let out = "";
  for (const e of r.entries) out += formatEntryRaw(e) + "\n";
  if (out) process.stdout.write(out);
  return r.valid ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
