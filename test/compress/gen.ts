// Deterministic input generators for the compressor tests. The golden fixtures name a
// generator, a seed and a size instead of storing large inputs; the expected outputs in
// fixtures/golden.json were produced by Go 1.19's compress/gzip at BestCompression from
// exactly these bytes.

export type GenKind = "random" | "text" | "units" | "json" | "runs" | "zeros" | "skewed" | "binary2" | "mixed";

export interface GenSpec {
  kind: GenKind;
  seed: number;
  size: number;
}

/** xorshift32; seeds must be non-zero. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s;
  }
  below(n: number): number {
    return Math.floor((this.next() / 0x100000000) * n);
  }
}

const WORDS = (
  "the of and to in a is that for it as was with be by on not he this are or his from at which but have an " +
  "they you were her she there one all we their can has been if more when will would who so no out up into do " +
  "any your what time some about could them other than then now only its over also new after used two may first"
).split(" ");

const UNIT_LINES = [
  "[Unit]",
  "Description=Example service",
  "After=network-online.target",
  "Wants=network-online.target",
  "[Service]",
  "Type=oneshot",
  "RemainAfterExit=yes",
  "ExecStart=/usr/bin/podman run --rm --name app quay.io/example/app:latest",
  "ExecStartPre=-/usr/bin/mkdir -p /var/lib/app",
  "Environment=HOME=/var/home/core",
  "Restart=on-failure",
  "[Install]",
  "WantedBy=multi-user.target",
  "#!/bin/bash",
  "set -euo pipefail",
  'echo "configuring $HOSTNAME"',
  "systemctl enable --now app.service",
  "",
];

const enc = new TextEncoder();

function randomBytes(r: Rng, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = r.next() & 255;
  return b;
}

function joinUntil(n: number, piece: () => string): Uint8Array {
  const parts: string[] = [];
  let len = 0;
  while (len < n) {
    const p = piece();
    parts.push(p);
    len += p.length;
  }
  return enc.encode(parts.join("")).subarray(0, n);
}

function runs(r: Rng, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    const len = 1 + r.below(r.below(2) ? 12 : 2000);
    b.fill(r.next() & 255, i, Math.min(n, i + len));
    i += len;
  }
  return b;
}

/** Fibonacci-weighted symbols in random order: unconstrained Huffman depth far above 15. */
function skewed(r: Rng, n: number): Uint8Array {
  const syms = 24 + r.below(8);
  const w = [1, 1];
  while (w.length < syms) w.push(w[w.length - 1]! + w[w.length - 2]!);
  const total = w.reduce((a, b) => a + b, 0);
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let x = r.below(total);
    let k = 0;
    while (x >= w[k]!) x -= w[k++]!;
    b[i] = (k * 37 + 11) & 255;
  }
  return b;
}

function mixed(r: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let len = 0;
  while (len < n) {
    const m = Math.min(n - len, 1 + r.below(r.below(4) === 0 ? 100000 : 4000));
    let kind = r.below(6);
    if (kind === 5 && len === 0) kind = 1; // nothing to copy yet
    if (kind === 5) {
      // Copy an earlier stretch, possibly beyond the 32 KiB window.
      const from = r.below(len);
      const k = Math.min(m, len - from);
      out.copyWithin(len, from, from + k);
      len += k;
      continue;
    }
    const sub = generate({ kind: (["random", "text", "units", "json", "runs"] as const)[kind]!, seed: r.next() | 1, size: m });
    out.set(sub, len);
    len += m;
  }
  return out;
}

export function generate(spec: GenSpec): Uint8Array {
  const r = new Rng(spec.seed);
  const n = spec.size;
  switch (spec.kind) {
    case "random":
      return randomBytes(r, n);
    case "zeros":
      return new Uint8Array(n);
    case "text":
      return joinUntil(n, () => WORDS[r.below(WORDS.length)]! + (r.below(12) === 0 ? ".\n" : " "));
    case "units":
      return joinUntil(n, () => UNIT_LINES[r.below(UNIT_LINES.length)]! + "\n");
    case "json": {
      let id = 0;
      return joinUntil(
        n,
        () =>
          JSON.stringify({
            id: id++,
            path: `/etc/${WORDS[r.below(WORDS.length)]}/${r.below(1000)}.conf`,
            mode: 420 + r.below(64),
            overwrite: r.below(2) === 1,
            contents: { source: `data:,${WORDS[r.below(WORDS.length)]}%20${r.below(99999)}` },
          }) + ",\n",
      );
    }
    case "runs":
      return runs(r, n);
    case "skewed":
      return skewed(r, n);
    case "binary2": {
      // Two-letter alphabet: very long hash chains, many equal-length matches.
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i++) b[i] = 97 + (r.next() & 1);
      return b;
    }
    case "mixed":
      return mixed(r, n);
  }
}
