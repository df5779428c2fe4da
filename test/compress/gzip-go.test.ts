// gzipGo/deflateGo must reproduce Go's compress/gzip and compress/flate output at
// BestCompression byte for byte. Golden outputs come from Go 1.19 (fixtures/golden.json);
// the reference's own payloads come from the shared conformance corpus when present.
// node:zlib and node:crypto are used here only to check; src/compress itself is
// browser-safe (checked below).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, deflateGo, gzipGo } from "../../src/compress/index";
import { haveShared } from "../shared";
import { type GenSpec, generate } from "./gen";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));
const fixtures = `${here}fixtures/`;

interface GoldenCase {
  name: string;
  input: { hex?: string; file?: string; gen?: GenSpec };
  size: number;
  inputSha256: string;
  gzipSize: number;
  gzip?: string;
  gzipSha256?: string;
}

const golden = JSON.parse(readFileSync(`${fixtures}golden.json`, "utf8")) as { cases: GoldenCase[] };

function inputOf(c: GoldenCase): Uint8Array {
  if (c.input.hex !== undefined) return new Uint8Array(Buffer.from(c.input.hex, "hex"));
  if (c.input.file !== undefined) return new Uint8Array(readFileSync(`${fixtures}inputs/${c.input.file}`));
  return generate(c.input.gen!);
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("golden outputs from Go 1.19 compress/gzip (BestCompression)", () => {
  it("covers the intended shapes", () => {
    expect(golden.cases.length).toBeGreaterThanOrEqual(80);
  });

  for (const c of golden.cases) {
    it(`${c.name} (${c.size} bytes)`, () => {
      const data = inputOf(c);
      expect(data.length).toBe(c.size);
      expect(sha256(data)).toBe(c.inputSha256); // the generator has not drifted
      const gz = gzipGo(data);
      expect(gz.length).toBe(c.gzipSize);
      if (c.gzip !== undefined) expect(Buffer.from(gz).toString("base64")).toBe(c.gzip);
      else expect(sha256(gz)).toBe(c.gzipSha256);
      // The raw stream is the gzip body.
      if (c.size <= 1 << 20) expect(Buffer.from(deflateGo(data)).equals(Buffer.from(gz.subarray(10, -8)))).toBe(true);
    });
  }
});

/** Gzip payloads in the reference's expected outputs, minus ones copied from the input. */
function conformancePayloads(): { where: string; gz: Buffer }[] {
  const base = `${root}../shared/conformance/cases`;
  const found = new Map<string, string>();
  for (const group of readdirSync(base, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const name of readdirSync(`${base}/${group.name}`)) {
      const dir = `${base}/${group.name}/${name}`;
      if (!existsSync(`${dir}/expected.out`)) continue;
      const out = readFileSync(`${dir}/expected.out`, "utf8");
      const input = existsSync(`${dir}/input.bu`) ? readFileSync(`${dir}/input.bu`, "utf8") : "";
      for (const m of out.matchAll(/data:;base64,(H4sI[A-Za-z0-9+/=]*)/g)) {
        // A gzip data URL given verbatim in the Butane source is passed through, not
        // produced by the reference's compressor.
        if (input.includes(m[1]!)) continue;
        if (!found.has(m[1]!)) found.set(m[1]!, `${group.name}/${name}`);
      }
    }
  }
  return [...found].map(([b64, where]) => ({ where, gz: Buffer.from(b64, "base64") }));
}

const haveConformance = haveShared("payloads compressed by the reference butane", "conformance/cases");

describe.skipIf(!haveConformance)("payloads compressed by the reference butane", () => {
  const payloads = haveConformance ? conformancePayloads() : [];
  it("finds the corpus's compressed file contents", () => {
    expect(payloads.length).toBeGreaterThan(0);
  });
  for (const { where, gz } of payloads) {
    it(`${where} (${gz.length} bytes)`, () => {
      const data = gunzipSync(gz);
      expect(Buffer.from(gzipGo(new Uint8Array(data))).toString("base64")).toBe(gz.toString("base64"));
    });
  }
});

describe("round trips through node:zlib", () => {
  const specs: GenSpec[] = [];
  const kinds = ["random", "text", "units", "json", "runs", "zeros", "skewed", "binary2", "mixed"] as const;
  let seed = 7;
  for (const kind of kinds) {
    for (const size of [0, 1, 7, 300, 5000, 40000, 70000, 200000]) specs.push({ kind, seed: seed++, size });
  }
  specs.push({ kind: "mixed", seed: 99, size: 5 << 20 });
  specs.push({ kind: "text", seed: 100, size: (1 << 16) * 3 + 261 });

  for (const spec of specs) {
    it(`${spec.kind} ${spec.size}`, () => {
      const data = generate(spec);
      const gz = gzipGo(data);
      expect(Buffer.from(gunzipSync(gz)).equals(Buffer.from(data))).toBe(true);
      if (spec.size <= 200000) {
        expect(Buffer.from(inflateRawSync(deflateGo(data))).equals(Buffer.from(data))).toBe(true);
      }
    });
  }
});

describe("API details", () => {
  it("writes Go's gzip header and trailer", () => {
    const data = new TextEncoder().encode("hello world\n");
    const gz = gzipGo(data);
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
    const trailer = Buffer.from(gz.subarray(-8));
    expect(trailer.readUInt32LE(0)).toBe(crc32(data));
    expect(trailer.readUInt32LE(4)).toBe(12);
  });

  it("ends the stream with Go's empty final stored block", () => {
    expect([...deflateGo(new Uint8Array(0))]).toEqual([1, 0, 0, 0xff, 0xff]);
    expect([...deflateGo(new TextEncoder().encode("a"))]).toEqual([0x4a, 0x04, 0x04, 0, 0, 0xff, 0xff]);
  });

  it("computes the IEEE CRC-32", () => {
    const enc = new TextEncoder();
    expect(crc32(enc.encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(enc.encode("56789"), crc32(enc.encode("1234")))).toBe(0xcbf43926);
  });

  it("accepts views into larger buffers", () => {
    const data = generate({ kind: "mixed", seed: 5, size: 150000 });
    const backing = new Uint8Array(data.length + 13);
    backing.set(data, 5);
    const view = backing.subarray(5, 5 + data.length);
    expect(Buffer.from(gzipGo(view)).equals(Buffer.from(gzipGo(data)))).toBe(true);
  });

  it("does not modify its input", () => {
    const data = generate({ kind: "text", seed: 3, size: 100000 });
    const copy = data.slice();
    gzipGo(data);
    expect(Buffer.from(data).equals(Buffer.from(copy))).toBe(true);
  });
});

describe("browser safety", () => {
  it("src/compress imports nothing but its own modules and uses no Node globals", () => {
    const dir = `${root}src/compress/`;
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const src = readFileSync(dir + f, "utf8");
      for (const m of src.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"/gm)) expect(m[1], f).toMatch(/^\.\//);
      expect(src, f).not.toMatch(/\b(?:Buffer|process|require)\b/);
    }
  });
});
