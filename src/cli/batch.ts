// `butane --out-dir DIR a.bu b.bu …` (or `-o DIR` with several inputs): many configs in
// one process, each written to DIR/<name>.ign (`.bu` dropped from its base name). Every
// input is translated even when an earlier one failed; a failed input writes nothing,
// its diagnostics are headed (pretty) or prefixed (--raw-errors) by its file name, and
// the exit status is 1 if any input failed. Outputs are written through CliIo.writeFile
// (whole or not at all), without a flush to disk per file.

import { formatPretty, formatRaw } from "../emit/diagnostics";
import { STRICT_FAILURE, translateDetailed } from "../api/translate";
import { MAX_DOCUMENT_SIZE } from "../yaml/parse";
import { HostError, type CliIo } from "./io";

export interface BatchOptions {
  outDir: string;
  filesDir: string;
  pretty: boolean;
  raw: boolean;
  strict: boolean;
  check: boolean;
  rawErrors: boolean;
  color: boolean;
}

const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** DIR/<base name without .bu>.ign */
export function batchOutputPath(outDir: string, input: string): string {
  const base = input.slice(input.lastIndexOf("/") + 1);
  const stem = base.endsWith(".bu") && base.length > 3 ? base.slice(0, -3) : base;
  return (outDir.endsWith("/") ? outDir : outDir + "/") + stem + ".ign";
}

/** Translates every input; returns the exit status (0: all written, 1: some failed). */
export function runBatch(inputs: readonly string[], o: BatchOptions, io: CliIo): number {
  let failed = 0;
  const claimed = new Map<string, string>();
  for (const input of inputs) {
    let diagnostics = "";
    let failure: string | undefined;
    const target = batchOutputPath(o.outDir, input);
    const earlier = claimed.get(target);
    if (earlier !== undefined) {
      failure = `output ${target} is already written for ${earlier}; inputs need distinct base names`;
    } else {
      claimed.set(target, input);
      let data: Uint8Array | undefined;
      try {
        data = io.readFile(input, MAX_DOCUMENT_SIZE + 1);
      } catch (e) {
        if (!(e instanceof HostError)) throw e;
        failure = `failed to ${e.op === "open" ? "open" : "read"} ${e.path}: ${e.message}`;
      }
      if (data !== undefined) {
        const result = translateDetailed(data, {
          filesDir: o.filesDir,
          pretty: o.pretty,
          raw: o.raw,
          strict: false,
          cwd: io.cwd,
          ...(o.filesDir !== "" && io.filesDir ? { readFile: io.filesDir(o.filesDir) } : {}),
        });
        if (o.rawErrors) diagnostics = prefixLines(formatRaw(result.entries), input);
        else if (result.entries.length > 0) diagnostics = formatPretty(result.entries, input, utf8.decode(data), o.color);
        if (result.error !== undefined) failure = `Error translating config: ${result.error}`;
        else if (o.strict && result.entries.length > 0) failure = STRICT_FAILURE;
        else if (!o.check) {
          try {
            // One fsync per file would cost more than the translation (Go's -o never syncs).
            io.writeFile(target, result.output ?? "", { durable: false });
          } catch (e) {
            if (!(e instanceof HostError)) throw e;
            failure = e.op === "open" ? `failed to open ${target}: ${e.message}` : `Failed to write config to ${target}: ${e.message}`;
          }
        }
      }
    }
    if (failure !== undefined) failed++;
    if (diagnostics === "" && failure === undefined) continue;
    let text = o.rawErrors ? diagnostics : `==> ${input} <==\n${diagnostics}`;
    if (failure !== undefined) text += o.rawErrors ? `${input}: ${failure}\n` : `${failure}\n`;
    io.stderr(text);
  }
  if (failed > 0) io.stderr(`${failed} of ${inputs.length} inputs failed\n`);
  return failed > 0 ? 1 : 0;
}

function prefixLines(text: string, prefix: string): string {
  if (text === "") return "";
  return text
    .split("\n")
    .map((l, i, all) => (i === all.length - 1 && l === "" ? l : `${prefix}: ${l}`))
    .join("\n");
}
