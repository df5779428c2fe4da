// WebAssembly text for SHA-256 and SHA-512 (FIPS 180-4) and for the round loop of
// SHA-crypt (Drepper's $5$/$6$), which calls the digest thousands of times on short
// messages: in WebAssembly the whole loop costs about what libxcrypt's C does, where
// one JS->hasher call per step is several times slower.
//
// The round constants and initial values are computed here from their definition
// (fractional parts of cube and square roots of the first primes) and checked against
// the well-known first and last values.
//
// Memory: 8 pages (512 KiB), owned by the module.
//   0       W scratch / state H (64 bytes at 1024)      4096  A (64)      4160  P (512)
//   4672    S (16)        8192  round buffer (2 KiB)     12288 padding buffer (256)
//   65536.. message area for one-shot digests (448 KiB: a 511-byte password 511 times)
// Exports: digest256(msg, len, out), digest512(msg, len, out),
//          rounds256(plen, slen, rounds), rounds512(plen, slen, rounds)  (A <- result)

export const SHA2_LAYOUT = { A: 4096, P: 4160, S: 4672, MSG: 65536, MSG_MAX: 458752 };
const H = 1024, BUF = 8192, PAD = 12288;

function isqrtBig(n) {
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x && x * x <= n && (x + 1n) * (x + 1n) > n) return x;
    x = y;
  }
}
function icbrtBig(n) {
  let x = BigInt(Math.floor(Math.cbrt(Number(n)))) + 1n;
  for (;;) {
    const y = (2n * x + n / (x * x)) / 3n;
    if (y >= x) break;
    x = y;
  }
  while (x * x * x > n) x--;
  while ((x + 1n) ** 3n <= n) x++;
  return x;
}
const primes = (count) => {
  const out = [];
  for (let n = 2; out.length < count; n++) if (out.every((p) => n % p)) out.push(n);
  return out;
};
const mask64 = (1n << 64n) - 1n;
/** 64 fractional bits of cbrt(p) for the first `count` primes (SHA-512 K). */
export const K512 = primes(80).map((p) => icbrtBig(BigInt(p) << 192n) & mask64);
/** 64 fractional bits of sqrt(p) for the first 8 primes (SHA-512 IV). */
export const IV512 = primes(8).map((p) => isqrtBig(BigInt(p) << 128n) & mask64);
const K256 = K512.slice(0, 64).map((k) => Number(k >> 32n));
const IV256 = IV512.map((v) => Number(v >> 32n));
if (K512[0] !== 0x428a2f98d728ae22n || K512[79] !== 0x6c44198c4a475817n || IV512[0] !== 0x6a09e667f3bcc908n || IV512[7] !== 0x5be0cd19137e2179n) {
  throw new Error("SHA-2 constants do not match FIPS 180-4");
}

const get = (n) => `(local.get ${n})`;
const set = (n, e) => `(local.set ${n} ${e})`;

function variant(bits) {
  const w = bits === 512 ? "i64" : "i32";
  const WB = bits / 64; // bytes per word: 8 or 4
  const blockBytes = 16 * WB;
  const rounds = bits === 512 ? 80 : 64;
  const K = bits === 512 ? K512.map((k) => BigInt.asIntN(64, k).toString()) : K256.map((k) => String(k | 0));
  const IV = bits === 512 ? IV512.map((k) => BigInt.asIntN(64, k).toString()) : IV256.map((k) => String(k | 0));
  const c = (n) => `(${w}.const ${n})`;
  const rotr = (x, n) => `(${w}.rotr ${x} ${c(n)})`;
  const shr = (x, n) => `(${w}.shr_u ${x} ${c(n)})`;
  const xor = (...a) => a.reduce((p, q) => `(${w}.xor ${p} ${q})`);
  const addw = (...a) => a.reduce((p, q) => `(${w}.add ${p} ${q})`);
  const and = (a, b) => `(${w}.and ${a} ${b})`;
  const [s0r, s1r, S0r, S1r] =
    bits === 512
      ? [[1, 8, 7], [19, 61, 6], [28, 34, 39], [14, 18, 41]]
      : [[7, 18, 3], [17, 19, 10], [2, 13, 22], [6, 11, 25]];
  const sigma0 = (x) => xor(rotr(x, s0r[0]), rotr(x, s0r[1]), shr(x, s0r[2]));
  const sigma1 = (x) => xor(rotr(x, s1r[0]), rotr(x, s1r[1]), shr(x, s1r[2]));
  const Sigma0 = (x) => xor(rotr(x, S0r[0]), rotr(x, S0r[1]), rotr(x, S0r[2]));
  const Sigma1 = (x) => xor(rotr(x, S1r[0]), rotr(x, S1r[1]), rotr(x, S1r[2]));
  // big-endian words via byte swaps (WebAssembly is little-endian and has no bswap;
  // written out inline because the engines this targets do not inline small calls)
  const bswap32 = (x) =>
    `(i32.or (i32.and (i32.rotl ${x} (i32.const 8)) (i32.const 0x00ff00ff)) (i32.and (i32.rotr ${x} (i32.const 8)) (i32.const 0xff00ff00)))`;
  // word i at base, byte-swapped, into $w<i> (or $w0 when `into0`), via $t1
  const loadBE = (i, base = get("$p"), into0 = base !== get("$p")) => {
    const dst = into0 ? "$w0" : ws[i];
    return bits === 512
      ? [
          set("$t1", `(i64.load offset=${i * 8} ${base})`),
          set("$t1", `(i64.or (i64.shl (i64.and ${get("$t1")} (i64.const 0x00ff00ff00ff00ff)) (i64.const 8)) (i64.and (i64.shr_u ${get("$t1")} (i64.const 8)) (i64.const 0x00ff00ff00ff00ff)))`),
          set("$t1", `(i64.or (i64.shl (i64.and ${get("$t1")} (i64.const 0x0000ffff0000ffff)) (i64.const 16)) (i64.and (i64.shr_u ${get("$t1")} (i64.const 16)) (i64.const 0x0000ffff0000ffff)))`),
          set(dst, `(i64.rotl ${get("$t1")} (i64.const 32))`),
        ].join(" ")
      : set(dst, bswap32(`(i32.load offset=${i * 4} ${base})`));
  };

  const vs = ["$a", "$b", "$c", "$d", "$e", "$f", "$g", "$h"];
  const ws = [...Array(16).keys()].map((i) => `$w${i}`);
  const body = [];
  for (let i = 0; i < 8; i++) body.push(set(vs[i], `(${w}.load offset=${H + i * WB} (i32.const 0))`));
  // The message schedule goes to memory (W at offset 0) first, so that the rounds keep
  // only the eight state words in registers.
  const Wt = (t) => `(${w}.load offset=${t * WB} (i32.const 0))`;
  for (let i = 0; i < 16; i++) body.push(loadBE(i), `(${w}.store offset=${i * WB} (i32.const 0) ${get(ws[i])})`);
  for (let t = 16; t < rounds; t++) {
    body.push(`(${w}.store offset=${t * WB} (i32.const 0) ${addw(sigma1(Wt(t - 2)), Wt(t - 7), sigma0(Wt(t - 15)), Wt(t - 16))})`);
  }
  for (let t = 0; t < rounds; t++) {
    const r = (k) => vs[(k - t + 8 * rounds) % 8]; // role k (0 = a) in round t
    const [a, b, cc, d, e, f, g, h] = [0, 1, 2, 3, 4, 5, 6, 7].map(r);
    const wt = Wt(t);
    const ch = xor(get(g), and(get(e), xor(get(f), get(g)))); // (e & f) ^ (~e & g)
    const maj = xor(and(get(a), get(b)), and(get(cc), xor(get(a), get(b)))); // majority
    body.push(set("$t1", addw(get(h), Sigma1(get(e)), ch, c(K[t]), wt)));
    body.push(set(d, addw(get(d), get("$t1"))));
    body.push(set(h, addw(get("$t1"), Sigma0(get(a)), maj)));
  }
  // after `rounds` rounds (a multiple of 8) the roles are back to their names
  for (let i = 0; i < 8; i++) {
    body.push(`(${w}.store offset=${H + i * WB} (i32.const 0) (${w}.add (${w}.load offset=${H + i * WB} (i32.const 0)) ${get(vs[i])}))`);
  }
  const locals = [...vs, ...ws, "$t1"].map((n) => `(local ${n} ${w})`).join(" ");

  const lenField = bits === 512 ? 16 : 8;
  return `
  (func $compress${bits} (param $p i32) ${locals}
    ${body.join("\n")})

  (func $digest${bits} (export "digest${bits}") (param $msg i32) (param $len i32) (param $out i32) (local $end i32) (local $rem i32) (local $total i32) (local $w0 ${w}) (local $t1 ${w})
    ${IV.map((v, i) => `(${w}.store offset=${H + i * WB} (i32.const 0) ${c(v)})`).join("\n")}
    ${set("$end", `(i32.add ${get("$msg")} ${get("$len")})`)}
    (block $done (loop $L
      (br_if $done (i32.lt_u (i32.sub ${get("$end")} ${get("$msg")}) (i32.const ${blockBytes})))
      (call $compress${bits} ${get("$msg")})
      ${set("$msg", `(i32.add ${get("$msg")} (i32.const ${blockBytes}))`)}
      (br $L)))
    ${set("$rem", `(i32.sub ${get("$end")} ${get("$msg")})`)}
    ${set("$total", `(select (i32.const ${blockBytes}) (i32.const ${2 * blockBytes}) (i32.le_u (i32.add ${get("$rem")} (i32.const ${1 + lenField})) (i32.const ${blockBytes})))`)}
    (memory.copy (i32.const ${PAD}) ${get("$msg")} ${get("$rem")})
    (memory.fill (i32.add (i32.const ${PAD}) ${get("$rem")}) (i32.const 0) (i32.sub ${get("$total")} ${get("$rem")}))
    (i32.store8 offset=${PAD} ${get("$rem")} (i32.const 0x80))
    ;; bit length, big-endian, in the last 4 bytes (messages here are far below 2^29 bytes)
    (i32.store offset=${PAD - 4} ${get("$total")} (call $bswap32 (i32.shl ${get("$len")} (i32.const 3))))
    (call $compress${bits} (i32.const ${PAD}))
    (if (i32.eq ${get("$total")} (i32.const ${2 * blockBytes})) (then (call $compress${bits} (i32.const ${PAD + blockBytes}))))
    ${[...Array(8).keys()].map((i) => `${loadBE(i, `(i32.const ${H})`)} (${w}.store offset=${i * WB} ${get("$out")} ${get("$w0")})`).join("\n")})

  ;; SHA-crypt rounds: A <- H(A or P | S if i%3 | P if i%7 | P or A), A/P/S at fixed places
  (func (export "rounds${bits}") (param $plen i32) (param $slen i32) (param $rounds i32) (local $i i32) (local $n i32)
    (block $done (loop $L
      (br_if $done (i32.ge_u ${get("$i")} ${get("$rounds")}))
      (if (i32.and ${get("$i")} (i32.const 1))
        (then (memory.copy (i32.const ${BUF}) (i32.const ${SHA2_LAYOUT.P}) ${get("$plen")}) ${set("$n", get("$plen"))})
        (else (memory.copy (i32.const ${BUF}) (i32.const ${SHA2_LAYOUT.A}) (i32.const ${bits / 8})) ${set("$n", `(i32.const ${bits / 8})`)}))
      (if (i32.rem_u ${get("$i")} (i32.const 3)) (then
        (memory.copy (i32.add (i32.const ${BUF}) ${get("$n")}) (i32.const ${SHA2_LAYOUT.S}) ${get("$slen")})
        ${set("$n", `(i32.add ${get("$n")} ${get("$slen")})`)}))
      (if (i32.rem_u ${get("$i")} (i32.const 7)) (then
        (memory.copy (i32.add (i32.const ${BUF}) ${get("$n")}) (i32.const ${SHA2_LAYOUT.P}) ${get("$plen")})
        ${set("$n", `(i32.add ${get("$n")} ${get("$plen")})`)}))
      (if (i32.and ${get("$i")} (i32.const 1))
        (then (memory.copy (i32.add (i32.const ${BUF}) ${get("$n")}) (i32.const ${SHA2_LAYOUT.A}) (i32.const ${bits / 8})) ${set("$n", `(i32.add ${get("$n")} (i32.const ${bits / 8}))`)})
        (else (memory.copy (i32.add (i32.const ${BUF}) ${get("$n")}) (i32.const ${SHA2_LAYOUT.P}) ${get("$plen")}) ${set("$n", `(i32.add ${get("$n")} ${get("$plen")})`)}))
      (call $digest${bits} (i32.const ${BUF}) ${get("$n")} (i32.const ${SHA2_LAYOUT.A}))
      ${set("$i", `(i32.add ${get("$i")} (i32.const 1))`)}
      (br $L))))`;
}

export function sha2Wat() {
  return `(module
  (memory (export "memory") 8 8)
  (func $bswap32 (param $x i32) (result i32)
    (i32.or (i32.and (i32.rotl (local.get $x) (i32.const 8)) (i32.const 0x00ff00ff))
            (i32.and (i32.rotr (local.get $x) (i32.const 8)) (i32.const 0xff00ff00))))
  ${variant(256)}
  ${variant(512)}
  (func (export "wipe") (memory.fill (i32.const 0) (i32.const 0) (i32.const ${SHA2_LAYOUT.MSG + SHA2_LAYOUT.MSG_MAX})))
)`;
}
