// fast-check arbitraries for hostile and broken Butane input: seed documents with
// random edits (truncation, deleted/duplicated/swapped ranges, inserted YAML syntax,
// control characters, BOMs, CRLF, re-indentation), documents built at random from a
// variant version's schema, and random JSON for the Ignition validator.
import fc from "fast-check";
import type { ButaneSchema } from "../../src/butane/schema";
import { listVariants } from "../../src/api/translate";
import { emitYaml } from "../../src/yaml";
import { seeds, type Seed } from "./corpus";
// A generated document is a function of its seed: the seeded PRNG of the Ignition tests.
import { rng } from "../ignition/corpus";

/** The seed used by every property (FUZZ_SEED in the environment, else a fixed one). */
export const FUZZ_SEED = process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== "" ? Number(process.env.FUZZ_SEED) : 20260607;
/** Multiplies every property's run count (FUZZ_SCALE=10 for a long local run). */
export const FUZZ_SCALE = Number(process.env.FUZZ_SCALE ?? "1") || 1;

let announced = false;
/** fast-check parameters; the seed is printed once so that a failure can be replayed. */
export function fuzzParams(numRuns: number): fc.Parameters<unknown> {
  if (!announced) {
    announced = true;
    console.log(`fuzz: FUZZ_SEED=${FUZZ_SEED} (set FUZZ_SEED to replay, FUZZ_SCALE to run longer)`);
  }
  return { seed: FUZZ_SEED, numRuns: Math.round(numRuns * FUZZ_SCALE), endOnFailure: true };
}

// Fragments that change a document's meaning or break its syntax.
const TOKENS = [
  ":", ": ", "- ", "-", "? ", "&a ", "&b ", "*a", "*b", "<<: *a", "<<: [*a, *b]", "<<: ", "!!str ", "!!int ", "!!bool ", "!!binary ", "!!map ",
  "!!seq ", "!!null ", "!!float ", "!!timestamp ", "!foo ", "! ", "[", "]", "{", "}", ",", "'", "\"", "|", "|-", "|+", ">", ">-", "#", " # c",
  "---\n", "...\n", "%YAML 1.1\n", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "\t", " ", "  ", "\n", "\r\n", "\r", "\u0000", "\u0007", "\u001b", "\ufeff",
  "\u0085", "\u2028", "\u00e9", "\ud83d\ude00", "\ud800", "\\", "\\u0000", "%", "@", "`", "~", "null", "true", "yes", "no", "on", "0644", "0o777",
  "0x1F", "0b101", "-1", "9223372036854775808", "18446744073709551616", "1e400", ".inf", "-.Inf", ".NaN", "1_000", "2001-12-14", "08", "+3", "",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__proto__: {a: 1}", "constructor: {prototype: {x: 1}}",
  "variant: fcos\n", "variant: openshift\n", "version: 1.5.0\n", "version: 4.14.0\n", "version: 9.9.9\n", "variant: flatcar\n", "variant: fiot\n",
  "variant: r4e\n", "storage", "files", "directories", "links", "trees", "path", "contents", "inline", "local", "source", "compression", "gzip",
  "verification", "hash", "sha512-abc", "mode", "user", "group", "id", "name", "target", "hard", "overwrite", "append", "systemd", "units",
  "dropins", "enabled", "mask", "contents_local", "passwd", "users", "groups", "ssh_authorized_keys", "ssh_authorized_keys_local", "password_hash",
  "filesystems", "device", "format", "with_mount_unit", "wipe_filesystem", "disks", "partitions", "number", "size_mib", "start_mib", "label",
  "luks", "clevis", "tang", "tpm2", "raid", "level", "boot_device", "mirror", "layout", "ignition", "config", "merge", "replace", "security",
  "tls", "certificate_authorities", "proxy", "openshift", "metadata", "labels", "kernel_arguments", "should_exist", "kernel_type", "fips",
  "extensions", "quadlets", "grub", "http_headers", "/etc/x", "/dev/sda", "/var/lib/x", "../../etc/passwd", "/etc/passwd", "data:,x",
  "https://example.com/x", "tftp://x/y", "s3://b/k", "x.service", "x.conf", "x.container", "a@b.service", "[Unit]\\nDescription=x",
  "machineconfiguration.openshift.io/role: worker\n", "xfs", "swap", "ext4", "vfat", "none",
];

const TOKEN = fc.constantFrom(...TOKENS);

export type Edit =
  | { op: "insert"; at: number; text: string }
  | { op: "delete"; at: number; len: number }
  | { op: "duplicate"; at: number; len: number }
  | { op: "truncate"; at: number }
  | { op: "swapLines"; a: number; b: number }
  | { op: "indent"; line: number; by: number }
  | { op: "replaceScalar"; at: number; text: string }
  | { op: "crlf" }
  | { op: "bom" }
  | { op: "control"; at: number; code: number };

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof({ weight: 4, arbitrary: TOKEN }, { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: "binary" }) }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("duplicate" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 120 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("swapLines" as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("indent" as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("replaceScalar" as const), at: fc.nat(), text: TOKEN }) },
  { weight: 1, arbitrary: fc.constant({ op: "crlf" as const }) },
  { weight: 1, arbitrary: fc.constant({ op: "bom" as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("control" as const), at: fc.nat(), code: fc.integer({ min: 0, max: 0x9f }) }) },
);

/** Applies edits to a document; positions wrap around its current length. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let s = text;
  for (const e of edits) {
    const n = s.length;
    switch (e.op) {
      case "insert": {
        const at = e.at % (n + 1);
        s = s.slice(0, at) + e.text + s.slice(at);
        break;
      }
      case "delete": {
        const at = e.at % (n + 1);
        s = s.slice(0, at) + s.slice(at + e.len);
        break;
      }
      case "duplicate": {
        const at = e.at % (n + 1);
        s = s.slice(0, at + e.len) + s.slice(at, at + e.len) + s.slice(at + e.len);
        break;
      }
      case "truncate":
        s = s.slice(0, e.at % (n + 1));
        break;
      case "swapLines": {
        const lines = s.split("\n");
        const a = e.a % lines.length, b = e.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        s = lines.join("\n");
        break;
      }
      case "indent": {
        const lines = s.split("\n");
        const i = e.line % lines.length;
        lines[i] = e.by >= 0 ? " ".repeat(e.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-e.by}}`), "");
        s = lines.join("\n");
        break;
      }
      case "replaceScalar": {
        // Replace the value after the n-th ": " (or list dash) with the token.
        const marks: number[] = [];
        const re = /(: |- )/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(s)) !== null) marks.push(m.index + m[0].length);
        if (marks.length === 0) break;
        const at = marks[e.at % marks.length]!;
        let end = s.indexOf("\n", at);
        if (end < 0) end = s.length;
        s = s.slice(0, at) + e.text + s.slice(end);
        break;
      }
      case "crlf":
        s = s.replace(/\r?\n/g, "\r\n");
        break;
      case "bom":
        s = "\ufeff" + s;
        break;
      case "control": {
        const at = e.at % (n + 1);
        s = s.slice(0, at) + String.fromCharCode(e.code) + s.slice(at);
        break;
      }
    }
  }
  return s;
}

export interface FuzzInput {
  seed: Seed;
  text: string;
}

/** A seed document with 1–6 random edits. */
export function mutatedSeed(pool: Seed[] = seeds()): fc.Arbitrary<FuzzInput> {
  return fc
    .tuple(fc.nat({ max: pool.length - 1 }), fc.oneof({ weight: 3, arbitrary: fc.array(edit, { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: fc.array(edit, { minLength: 3, maxLength: 8 }) }))
    .map(([i, edits]) => ({ seed: pool[i]!, text: applyEdits(pool[i]!.text, edits) }));
}

// ---- Documents built from a schema --------------------------------------------

const STRINGS: Record<string, readonly string[]> = {
  path: ["/etc/motd", "/etc/hostname", "/var/lib/app/x.conf", "/etc/systemd/system/x.service", "/usr/local/bin/tool", "/var/home/core", "relative/path", "/", "/etc/../var/x", ""],
  device: ["/dev/sda", "/dev/vda", "/dev/disk/by-id/coreos-boot-disk", "/dev/disk/by-partlabel/root", "/dev/mapper/data", "/dev/md/raid", "sda", ""],
  name: ["core", "x.service", "x.conf", "data", "root", "var", "wheel", "10-x.conf", "a@b.service", "a@.service", "x.container", "x.mount", ""],
  source: ["https://example.com/x", "http://10.0.0.1/c", "data:,hello", "data:;base64,aGk=", "s3://bucket/key", "tftp://x/y", "gs://b/o", "arn:aws:s3:::b/k", "ftp://x", "::bad::", ""],
  inline: ["hello\n", "", "[Unit]\nDescription=x\n[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n", "x".repeat(300), "\u00e9\ud83d\ude00\n", "{\"ignition\":{\"version\":\"3.4.0\"}}"],
  contents: ["[Unit]\nDescription=x\n[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n", "[Service]\nEnvironment=A=1\n", "garbage\\\n[", ""],
  local: ["x.conf", "tree", "keys/core.pub", "../outside", "/abs/path", "missing.txt", "."],
  hash: ["sha512-" + "0".repeat(128), "sha256-" + "a".repeat(64), "md5-x", "sha512-short", ""],
  compression: ["", "gzip", "bzip2", "xz"],
  format: ["xfs", "ext4", "vfat", "swap", "btrfs", "none", "iso9660", "bogus"],
  layout: ["x86_64", "aarch64", "ppc64le", "s390x-eckd", "s390x-virt", "s390x-zfcp", "sparc"],
  target: ["/etc/motd", "../x", "x", "/usr/bin/true", ""],
  url: ["http://tang.example.com", "https://x/y", "::", ""],
  label: ["root", "data", "boot", "a".repeat(40), "x:y", ""],
  level: ["raid1", "raid0", "linear", "mirror", "raid5", "raid10", "bogus"],
  password_hash: ["$y$j9T$abc$def", "$6$salt$hash", "!", ""],
  ssh_authorized_keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI x@y", "ssh-rsa AAAA", ""],
  kernel_type: ["default", "realtime", "64k-pages", "bogus"],
  type_guid: ["0FC63DAF-8483-4772-8E79-3D69D8477DE4", "bogus", ""],
  guid: ["5B9F8F6E-7B5C-4E0E-9A0A-2E4B0C1D2E3F", "bogus", ""],
};

const ANY_STRINGS = ["x", "", " ", "0644", "yes", "null", "~", "a: b", "- x", "\u00e9", "\ud83d\ude00", "\t", "line1\nline2", "__proto__", "constructor", "%zz", "\\", "\"'"];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function resolveType(schema: ButaneSchema, t: string): string {
  let x = t;
  while (schema.aliases[x] !== undefined) x = schema.aliases[x]!;
  return x;
}

function genValue(schema: ButaneSchema, type: string, key: string, r: () => number, depth: number): unknown {
  const t = resolveType(schema, type);
  if (t.endsWith("[]")) {
    const n = depth > 5 ? 0 : Math.floor(r() * r() * 4);
    return Array.from({ length: n }, () => genValue(schema, t.slice(0, -2), key, r, depth + 1));
  }
  if (t === "string") {
    if (r() < 0.1) return pick(r, ANY_STRINGS);
    const pool = STRINGS[key] ?? STRINGS[key.replace(/_local$/, "") === key ? "" : "local"] ?? (key.endsWith("path") ? STRINGS.path : undefined);
    return pool ? pick(r, pool) : pick(r, ANY_STRINGS);
  }
  if (t === "int") {
    const x = r();
    if (key === "mode" || key.endsWith("_mode")) return pick(r, [0o644, 0o755, 0o600, 644, 0o4755, 0o1777, 0, -1, 0o10000]);
    if (x < 0.7) return Math.floor(r() * 20);
    if (x < 0.85) return pick(r, [0, -1, 1000, 8192, 65535, 2 ** 31, 2 ** 53]);
    return Math.floor(r() * 100000) - 50000;
  }
  if (t === "bool") return r() < 0.5;
  if (t === "map[string]string") {
    const out: Record<string, string> = {};
    if (r() < 0.8) out["machineconfiguration.openshift.io/role"] = pick(r, ["worker", "master", ""]);
    const n = Math.floor(r() * 3);
    for (let i = 0; i < n; i++) out[pick(r, ["app", "tier", "__proto__", "constructor", "toString", "x/y"])] = pick(r, ANY_STRINGS);
    return out;
  }
  const fields = schema.structs[t];
  if (!fields) return null;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (depth > 6) break;
    const p = depth === 0 ? 0.5 : 0.35;
    if (r() >= p) continue;
    const v = genValue(schema, f.type, f.key, r, depth + 1);
    if (v !== null) out[f.key] = v;
  }
  return out;
}

const VARIANTS = listVariants()
  .filter((v) => v.schema.structs.Config)
  .sort((a, b) => (a.variant + a.version < b.variant + b.version ? -1 : 1));

/** A Butane document generated from a random variant version's schema, written as YAML. */
export const schemaDocument: fc.Arbitrary<{ variant: string; version: string; text: string }> = fc
  .tuple(fc.nat({ max: VARIANTS.length - 1 }), fc.integer())
  .map(([vi, s]) => {
    const v = VARIANTS[vi]!;
    const r = rng(s);
    const body = genValue(v.schema, "Config", "", r, 0) as Record<string, unknown>;
    delete body.variant;
    delete body.version;
    const doc = { variant: v.variant, version: v.version, ...body };
    if (v.variant === "openshift") {
      const meta = (doc as Record<string, unknown>).metadata as Record<string, unknown> | undefined;
      (doc as Record<string, unknown>).metadata = { name: "worker-x", labels: { "machineconfiguration.openshift.io/role": "worker" }, ...(meta ?? {}) };
    }
    return { variant: v.variant, version: v.version, text: emitYaml(doc) + "\n" };
  });
