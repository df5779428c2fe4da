// Recorded cases for the library tests: the golden cases (always here) and, when
// ../shared is present, the conformance cases, each with the options its command line
// gives translate().
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { TranslateOptions } from "../../src/api/translate";
import { caseDirs, CONFORMANCE_CASES } from "../shared";

export const root = join(__dirname, "../..");

export interface RecordedCase {
  name: string;
  dir: string;
  input: Uint8Array;
  /** translate() options from the case's flags (filesDir, pretty, raw, strict), cwd the case folder. */
  options: TranslateOptions & { filesDir: string; cwd: string };
}


function optionsOf(args: string[], cwd: string): RecordedCase["options"] {
  let filesDir = "";
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-d" || a === "--files-dir") filesDir = args[++i] ?? "";
    else if (a.startsWith("--files-dir=")) filesDir = a.slice("--files-dir=".length);
  }
  const has = (...flags: string[]) => args.some((a) => flags.includes(a));
  return { filesDir, cwd, pretty: has("-p", "--pretty"), raw: has("-r", "--raw"), strict: has("-s", "--strict") };
}

/** The cases; `conformance` says whether ../shared's cases were found. */
export function recordedCases(): { cases: RecordedCase[]; conformance: boolean } {
  const dirs = caseDirs(join(root, "test/golden"));
  const conformance = existsSync(CONFORMANCE_CASES);
  if (conformance) dirs.push(...caseDirs(CONFORMANCE_CASES));
  const cases = dirs.map((dir) => {
    const argsFile = join(dir, "args");
    const args = existsSync(argsFile) ? readFileSync(argsFile, "utf8").trim().split(/\s+/).filter(Boolean) : [];
    return { name: relative(root, dir), dir, input: readFileSync(join(dir, "input.bu")), options: optionsOf(args, dir) };
  });
  return { cases, conformance };
}
