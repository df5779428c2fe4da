// WebAssembly text for the EksBlowfish core of bcrypt, written from the published
// descriptions of Blowfish (Schneier, 1993) and bcrypt (Provos & Mazieres, 1999).
// Key-string handling ($2a$/$2b$/$2x$/$2y$ semantics) is done in src/hash/bcrypt.ts;
// this module only runs the expensive key schedule and the final encryptions.
//
// Blowfish's initial P-array and S-boxes are the hexadecimal digits of the fractional
// part of pi. They are computed here (BigInt Machin formula) instead of being pasted in
// as a table, and checked against the well-known first/last words.
//
// Memory layout (one 64 KiB page, owned by the module):
//   0     P[18]            4168  K[18] expanded key       4352  P_init[18] (data)
//   72    S[4][256]        4240  salt[4] (as BE words)     4424  S_init[1024] (data)
//                          4256  out[6]
// Export: bcrypt(logRounds, sign)  (sign is XORed into P[0] after keying: the $2a$ safety)
//         wipe()                   zeroes state, key, salt and output (not the constants)

export const LAYOUT = { P: 0, S: 72, K: 4168, SALT: 4240, OUT: 4256, P_INIT: 4352, S_INIT: 4424 };

export function piWords(count) {
  // frac(pi) to 32*count bits, plus guard bits
  const bits = BigInt(32 * count + 64);
  const one = 1n << bits;
  /** @param {bigint} x */
  const atanInv = (x) => {
    const x2 = x * x;
    let term = one / x, sum = 0n, k = 1n, sign = 1n;
    while (term !== 0n) {
      sum += (sign * term) / k;
      term /= x2;
      k += 2n;
      sign = -sign;
    }
    return sum;
  };
  const pi = 16n * atanInv(5n) - 4n * atanInv(239n);
  const frac = (pi - 3n * one) >> 64n; // 32*count bits
  const words = [];
  for (let i = 0; i < count; i++) words.push(Number((frac >> BigInt(32 * (count - 1 - i))) & 0xffffffffn));
  return words;
}

const get = (n) => `(local.get ${n})`;
const set = (n, e) => `(local.set ${n} ${e})`;
const { P, S, K, SALT, OUT, P_INIT, S_INIT } = LAYOUT;
const Pw = (i) => `(i32.load offset=${P + 4 * i} (i32.const 0))`;

const F = (x) =>
  `(i32.add (i32.xor (i32.add (i32.load offset=${S} (i32.and (i32.shr_u ${get(x)} (i32.const 22)) (i32.const 0x3fc)))` +
  ` (i32.load offset=${S + 1024} (i32.and (i32.shr_u ${get(x)} (i32.const 14)) (i32.const 0x3fc))))` +
  ` (i32.load offset=${S + 2048} (i32.and (i32.shr_u ${get(x)} (i32.const 6)) (i32.const 0x3fc))))` +
  ` (i32.load offset=${S + 3072} (i32.and (i32.shl ${get(x)} (i32.const 2)) (i32.const 0x3fc))))`;

// Blowfish encryption of ($L, $R) in place.
function encrypt() {
  const out = [set("$L", `(i32.xor ${get("$L")} ${Pw(0)})`)];
  for (let n = 0; n < 16; n++) {
    const [a, b] = n % 2 === 0 ? ["$L", "$R"] : ["$R", "$L"];
    out.push(set(b, `(i32.xor ${get(b)} (i32.xor ${F(a)} ${Pw(n + 1)}))`));
  }
  out.push(set("$t", get("$R")), set("$R", get("$L")), set("$L", `(i32.xor ${get("$t")} ${Pw(17)})`));
  return out.join("\n");
}

// Re-encrypt the whole state (P then S) from L = R = 0, optionally XORing salt words in
// (alternating salt[0..1] and salt[2..3]) before each encryption.
function rekey(name, withSalt) {
  const saltMix = (pairOffset) =>
    withSalt
      ? `${set("$L", `(i32.xor ${get("$L")} (i32.load offset=${SALT} ${pairOffset}))`)}
         ${set("$R", `(i32.xor ${get("$R")} (i32.load offset=${SALT + 4} ${pairOffset}))`)}`
      : "";
  return `
  (func ${name} (local $L i32) (local $R i32) (local $t i32) (local $p i32) (local $s i32)
    ${set("$L", "(i32.const 0)")} ${set("$R", "(i32.const 0)")}
    ${set("$s", "(i32.const 0)")}
    ${set("$p", `(i32.const ${P})`)}
    (loop $LP
      ${saltMix(get("$s"))}
      ${encrypt()}
      (i32.store ${get("$p")} ${get("$L")})
      (i32.store offset=4 ${get("$p")} ${get("$R")})
      ${set("$s", `(i32.xor ${get("$s")} (i32.const 8))`)}
      ${set("$p", `(i32.add ${get("$p")} (i32.const 8))`)}
      (br_if $LP (i32.lt_u ${get("$p")} (i32.const ${P + 72}))))
    (loop $LS
      ${saltMix(get("$s"))}
      ${encrypt()}
      (i32.store ${get("$p")} ${get("$L")})
      (i32.store offset=4 ${get("$p")} ${get("$R")})
      ${set("$s", `(i32.xor ${get("$s")} (i32.const 8))`)}
      ${set("$p", `(i32.add ${get("$p")} (i32.const 8))`)}
      (br_if $LS (i32.lt_u ${get("$p")} (i32.const ${S + 4096})))))`;
}

export function bcryptWat() {
  const pi = piWords(18 + 1024);
  const expect = { 0: 0x243f6a88, 17: 0x8979fb1b, 18: 0xd1310ba6, 1041: 0x3ac372e6 };
  for (const [i, v] of Object.entries(expect)) {
    if (pi[i] !== v) throw new Error(`pi word ${i} is ${pi[i].toString(16)}, expected ${v.toString(16)}`);
  }
  const le = (words) => words.map((w) => [w & 255, (w >>> 8) & 255, (w >>> 16) & 255, w >>> 24].map((b) => "\\" + b.toString(16).padStart(2, "0")).join("")).join("");
  const magic = [...new TextEncoder().encode("OrpheanBeholderScryDoubt")];
  const magicWords = [0, 1, 2, 3, 4, 5].map((i) => ((magic[4 * i] << 24) | (magic[4 * i + 1] << 16) | (magic[4 * i + 2] << 8) | magic[4 * i + 3]) >>> 0);

  const xorP = (src, count) =>
    [...Array(count).keys()].map((i) => `(i32.store offset=${P + 4 * i} (i32.const 0) (i32.xor ${Pw(i)} (i32.load offset=${src + 4 * (i % (src === SALT ? 4 : 18))} (i32.const 0))))`).join("\n");

  return `(module
  (memory (export "memory") 1 1)
  (data (i32.const ${P_INIT}) "${le(pi)}")
  ${rekey("$rekey_salted", true)}
  ${rekey("$rekey", false)}

  (func (export "bcrypt") (param $log i32) (param $sign i32)
    (local $count i32) (local $L i32) (local $R i32) (local $t i32) (local $i i32) (local $n i32)
    ;; P <- P_init xor K, with the optional safety bit; S <- S_init
    ${[...Array(18).keys()].map((i) => `(i32.store offset=${P + 4 * i} (i32.const 0) (i32.xor (i32.load offset=${P_INIT + 4 * i} (i32.const 0)) (i32.load offset=${K + 4 * i} (i32.const 0))))`).join("\n")}
    (i32.store offset=${P} (i32.const 0) (i32.xor ${Pw(0)} ${get("$sign")}))
    (memory.copy (i32.const ${S}) (i32.const ${S_INIT}) (i32.const 4096))
    (call $rekey_salted)
    ${set("$count", `(i32.shl (i32.const 1) ${get("$log")})`)}
    (loop $main
      ${xorP(K, 18)}
      (call $rekey)
      ${xorP(SALT, 18)}
      (call $rekey)
      (br_if $main (local.tee $count (i32.sub ${get("$count")} (i32.const 1)))))
    ;; encrypt "OrpheanBeholderScryDoubt" 64 times (ECB, three 64-bit blocks)
    ${[0, 2, 4].map((i) => `
    ${set("$L", `(i32.const ${magicWords[i] | 0})`)}
    ${set("$R", `(i32.const ${magicWords[i + 1] | 0})`)}
    ${set("$n", "(i32.const 64)")}
    (loop $enc${i}
      ${encrypt()}
      (br_if $enc${i} (local.tee $n (i32.sub ${get("$n")} (i32.const 1)))))
    (i32.store offset=${OUT + 4 * i} (i32.const 0) ${get("$L")})
    (i32.store offset=${OUT + 4 * i + 4} (i32.const 0) ${get("$R")})`).join("\n")})

  (func (export "wipe")
    (memory.fill (i32.const 0) (i32.const 0) (i32.const ${P_INIT})))
)`;
}
