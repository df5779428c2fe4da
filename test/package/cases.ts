// Recorded cases for the library tests: the golden cases (always here) and, when
// ../shared is present, the conformance cases, each with the options its command line
// gives translate().
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { TranslateOptions } from "../../src/api/translate";

export const root = join(__dirname, "../..");
const CONFORMANCE = join(root, "../shared/conformance/cases");

export interface RecordedCase {
  name: string;
  dir: string;
  input: Uint8Array;
  /** translate() options from the case's flags (filesDir, pretty, raw, strict), cwd the case folder. */
  options: TranslateOptions & { filesDir: string; cwd: string };
}

function* caseDirs(dir: string): Generator<string> {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (existsSync(join(p, "input.bu"))) yield p;
    else if (statSync(p).isDirectory()) yield* caseDirs(p);
  }
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
  const dirs = [...caseDirs(join(root, "test/golden"))];
  const conformance = existsSync(CONFORMANCE);
  if (conformance) dirs.push(...caseDirs(CONFORMANCE));
  const cases = dirs.map((dir) => {
    const argsFile = join(dir, "args");
    const args = existsSync(argsFile) ? readFileSync(argsFile, "utf8").trim().split(/\s+/).filter(Boolean) : [];
    return { name: relative(root, dir), dir, input: readFileSync(join(dir, "input.bu")), options: optionsOf(args, dir) };
  });
  return { cases, conformance };
}
