// The properties every translation must have, whatever the input: it returns (no
// exception, no "internal error"), quickly; every failure is located (an error
// diagnostic with a line and column in the report); the result is deterministic; successful output passes our
// own Ignition validation (for a MachineConfig, its spec.config).
import { memoryFileSystem } from "../../src/fs/memory-fs";
import { validateIgnition } from "../../src/ignition/index";
import { translate, type TranslateOptions, type TranslateResult } from "../../src/api/translate";
import type { Seed } from "./corpus";
import { Kind, parseYaml, resolve, type YamlNode } from "../../src/yaml";

/** A YAML node as the JSON value yaml.v3 would decode it to (what a MachineConfig reader sees). */
function toValue(n: YamlNode): unknown {
  switch (n.kind) {
    case Kind.Document:
      return n.content[0] ? toValue(n.content[0]) : null;
    case Kind.Alias:
      return toValue(n.alias!);
    case Kind.Sequence:
      return n.content.map(toValue);
    case Kind.Mapping: {
      const o: Record<string, unknown> = Object.create(null);
      for (let i = 0; i < n.content.length; i += 2) o[n.content[i]!.value] = toValue(n.content[i + 1]!);
      return o;
    }
    default: {
      if (n.tag === "!!str") return n.value;
      const r = resolve(n.tag, n.value);
      return r.value;
    }
  }
}

/** Longest a single translation may take before it counts as a hang. */
export const MAX_MS = 2000;

export function optionsFor(seed: Seed | undefined): TranslateOptions {
  const o: TranslateOptions = { pretty: !!seed?.pretty, raw: !!seed?.raw };
  if (seed?.files) {
    o.filesDir = "files";
    o.readFile = memoryFileSystem(seed.files, { root: "files" });
  }
  return o;
}

function timed(input: string | Uint8Array, options: TranslateOptions): TranslateResult {
  const t0 = performance.now();
  let r: TranslateResult;
  try {
    r = translate(input, options);
  } catch (e) {
    throw new Error(`translate threw: ${(e as Error)?.stack ?? e}`);
  }
  const ms = performance.now() - t0;
  if (ms > MAX_MS) throw new Error(`translate took ${ms.toFixed(0)} ms`);
  return r;
}

/** JSON of a result; int64 values beyond 2^53 are BigInts in `config`. */
function serialize(r: TranslateResult): string {
  return JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));
}

export interface CheckStats {
  ok: number;
  failed: number;
  validated: number;
}

/** Runs every property on one input; throws an Error describing the first violation. */
export function checkTranslation(input: string, seed: Seed | undefined, stats?: CheckStats): void {
  const options = optionsFor(seed);
  const r = timed(input, options);
  if (r.error?.startsWith("internal error")) throw new Error(`internal error: ${r.error}`);

  // Every diagnostic is located.
  for (const d of r.report) {
    if (!(typeof d.line === "number" && d.line >= 1 && typeof d.column === "number" && d.column >= 1)) {
      throw new Error(`diagnostic without a position: ${JSON.stringify(d)}`);
    }
  }
  // A failure has its cause in the report: an error diagnostic (fatal ones too, such as
  // YAML syntax or a bad version), or warnings with --strict.
  if (r.error !== undefined && !r.report.some((d) => d.severity === "error") && !(options.strict && r.report.length > 0)) {
    throw new Error(`failure without a located error diagnostic: ${JSON.stringify(r.error)}`);
  }

  // Deterministic, and the same for the text as for its UTF-8 bytes.
  const again = timed(input, options);
  if (serialize(again) !== serialize(r)) throw new Error("two translations of the same input differ");
  const bytes = timed(new TextEncoder().encode(input), options);
  if (serialize(bytes) !== serialize(r)) throw new Error("translating the text and its UTF-8 bytes differ");

  if (r.output === undefined) {
    if (stats) stats.failed++;
    return;
  }
  if (stats) stats.ok++;
  // Valid output passes our own Ignition validation.
  let ignition: string;
  if (r.output.startsWith("{")) {
    ignition = r.output;
  } else {
    const mc = toValue(parseYaml(r.output)!) as { kind?: string; spec?: { config?: unknown } };
    if (mc?.kind !== "MachineConfig") throw new Error(`output is neither JSON nor a MachineConfig: ${r.output.slice(0, 200)}`);
    // int64 values beyond 2^53 are bigints: written with all their digits.
    ignition = JSON.stringify(mc.spec?.config ?? {}, (_k, v) => (typeof v === "bigint" ? `\u0000bigint${v}` : v)).replace(/"\\u0000bigint(-?\d+)"/g, "$1");
  }
  const v = validateIgnition(ignition);
  if (!v.valid) {
    throw new Error(`output fails Ignition validation: ${JSON.stringify(v.report.filter((d) => d.severity === "error"))}\n${ignition.slice(0, 2000)}`);
  }
  if (stats) stats.validated++;
}
