// `butane --from-ignition [--variant NAME] in.ign > out.bu`: the Ignition → Butane
// direction (src/decompile). Diagnostics point into the .ign file (JSON path, line,
// column); the Butane text is written only when the whole round trip checked out.

import { decompileDetailed } from "../decompile/decompile";
import { formatPretty, formatRaw } from "../emit/diagnostics";
import { MAX_DOCUMENT_SIZE } from "../yaml/parse";
import { HostError, type CliIo } from "./io";

export interface FromIgnitionOptions {
  /** Input file ("" for standard input). */
  input: string;
  /** Output file ("" for standard output). */
  output: string;
  variant?: string;
  check: boolean;
  strict: boolean;
  rawErrors: boolean;
  color: boolean;
}

/** Runs the Ignition → Butane direction; returns the exit status. */
export function runFromIgnition(o: FromIgnitionOptions, io: CliIo): number {
  const fileName = o.input === "" ? "<stdin>" : o.input;
  let data: Uint8Array;
  try {
    data = o.input === "" ? io.readStdin(MAX_DOCUMENT_SIZE + 1) : io.readFile(o.input, MAX_DOCUMENT_SIZE + 1);
  } catch (e) {
    if (!(e instanceof HostError)) throw e;
    io.stderr(`failed to ${e.op === "open" ? "open" : "read"} ${e.path}: ${e.message}\n`);
    return 1;
  }
  if (data.length > MAX_DOCUMENT_SIZE) {
    io.stderr(`Error decompiling config: ${fileName} is larger than ${MAX_DOCUMENT_SIZE} bytes\n`);
    return 1;
  }
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(data);
  const r = decompileDetailed(text, o.variant !== undefined ? { variant: o.variant } : {});
  const shown = o.rawErrors ? formatRaw(r.entries) : formatPretty(r.entries, fileName, text, o.color);
  if (shown) io.stderr(shown);
  if (!r.ok) {
    io.stderr(`Error decompiling config: ${r.error}\n`);
    return 1;
  }
  if (o.strict && r.entries.length > 0) {
    io.stderr("Config produced warnings and --strict was specified\n");
    return 1;
  }
  if (o.check) return 0;
  try {
    if (o.output !== "") io.writeFile(o.output, r.yaml);
    else io.stdout(r.yaml);
  } catch (e) {
    if (!(e instanceof HostError)) throw e;
    const name = o.output === "" ? "/dev/stdout" : o.output;
    io.stderr(e.op === "open" ? `failed to open ${name}: ${e.message}\n` : `Failed to write config to ${name}: ${e.message}\n`);
    return 1;
  }
  return 0;
}
