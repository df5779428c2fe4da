// Seed documents for the property-based and fuzz tests: the recorded-reference
// conformance inputs (when ../shared/conformance exists), examples/, and the inputs of
// the golden and variant tests — each with its files directory loaded into memory, so
// that `local:` contents, `contents_local`, SSH key files and trees are exercised too.
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join, relative } from "node:path";
import type { MemoryEntry } from "../../src/fs/memory-fs";

export interface Seed {
  name: string;
  text: string;
  /** The case's files directory, as memory entries keyed relative to it. */
  files?: Map<string, MemoryEntry>;
  pretty: boolean;
  raw: boolean;
}

const root = join(__dirname, "../..");

function loadFiles(dir: string): Map<string, MemoryEntry> {
  const out = new Map<string, MemoryEntry>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const rel = relative(dir, p);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out.set(rel, { symlink: readlinkSync(p) });
      else if (st.isDirectory()) {
        if (readdirSync(p).length === 0) out.set(rel, { directory: true });
        walk(p);
      } else if (st.isFile()) out.set(rel, { contents: new Uint8Array(readFileSync(p)), executable: (st.mode & 0o111) !== 0 });
    }
  };
  walk(dir);
  return out;
}

function caseSeed(dir: string, name: string): Seed | null {
  const input = join(dir, "input.bu");
  if (!existsSync(input)) return null;
  const args = existsSync(join(dir, "args")) ? readFileSync(join(dir, "args"), "utf8") : "";
  const seed: Seed = { name, text: readFileSync(input, "utf8"), pretty: /(^|\s)(-p|--pretty)\b/.test(args), raw: /(^|\s)(-r|--raw)\b/.test(args) };
  if (existsSync(join(dir, "files"))) seed.files = loadFiles(join(dir, "files"));
  return seed;
}

function casesUnder(dir: string, label: string, out: Seed[]): void {
  if (!existsSync(dir)) return;
  const s = caseSeed(dir, label);
  if (s) {
    out.push(s);
    return;
  }
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory() && e.name !== "files") casesUnder(join(dir, e.name), `${label}/${e.name}`, out);
  }
}

let cached: Seed[] | null = null;

/** Every seed document, in a fixed order (so a seed number always means the same input). */
export function seeds(): Seed[] {
  if (cached) return cached;
  const out: Seed[] = [];
  for (const f of readdirSync(join(root, "examples")).sort()) {
    if (f.endsWith(".bu")) out.push({ name: `examples/${f}`, text: readFileSync(join(root, "examples", f), "utf8"), pretty: false, raw: false });
  }
  casesUnder(join(root, "test/golden"), "golden", out);
  casesUnder(join(root, "test/variants/fixtures"), "variants", out);
  casesUnder(join(root, "../shared/conformance/cases"), "conformance", out);
  cached = out;
  return out;
}

/** The Ignition configs the seeds are expected to produce (recorded outputs that are JSON). */
export function ignitionSeeds(): string[] {
  const out: string[] = [];
  const collect = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) collect(p);
      else if (e.name === "expected.out") {
        const t = readFileSync(p, "utf8");
        if (t.startsWith("{")) out.push(t);
      }
    }
  };
  collect(join(root, "test/golden"));
  collect(join(root, "test/variants/fixtures"));
  collect(join(root, "../shared/conformance/cases"));
  return out;
}
