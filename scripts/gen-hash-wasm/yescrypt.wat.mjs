// WebAssembly text for the memory-hard core of yescrypt (and of classic scrypt, which
// is yescrypt's flavor 0): SMix1/SMix2 with BlockMix_salsa20/8 or BlockMix_pwxform.
// Written from the yescrypt specification (PHC submission text and the parameter
// description in the reference package), not translated from any implementation.
//
// Conventions, shared with src/hash/yescrypt.ts:
//   * Memory is imported ("env" "memory"), sized by the caller for one computation.
//   * Blocks are 128*r bytes. The working copies of blocks (V, X, Y) keep each 64-byte
//     sub-block in "SIMD-shuffled" word order: stored word m holds Salsa20 word 5m mod 16.
//     The specification defines pwxform on this layout (it reads the 64-bit lanes of the
//     shuffled sub-block) and Integerify reads stored word 0 (= Salsa20 word 0) of the
//     last sub-block. B itself, as produced/consumed by PBKDF2, is in plain order;
//     shuffle_in/shuffle_out convert.
//   * A pwxform context (ctx) is 16 bytes: byte offsets of S0, S1, S2 and the write
//     position w (bytes, within S2). S-boxes are 3 x 4 KiB.
//
// Exports:
//   smix1(B, r, N, V, XY, ctx, flags)        V_0..V_{N-1} filled, B <- X
//   smix2(B, r, N, Nloop, V, XY, ctx, flags) Nloop random-access rounds, B <- X
// flags: bit 0 = read-write mode (smix1: Wrap()-indexed XOR; smix2: write back V_j),
//        bit 1 = use BlockMix_pwxform with ctx (else BlockMix_salsa20/8).

const W = (m) => (5 * m) % 16; // Salsa20 word held in stored word m
const get = (n) => `(local.get ${n})`;
const set = (n, e) => `(local.set ${n} ${e})`;
const i32 = (n) => `(i32.const ${n})`;
const add = (a, b) => `(i32.add ${a} ${b})`;

const xs = [...Array(16).keys()].map((i) => `$x${i}`);
const ss = [...Array(16).keys()].map((i) => `$s${i}`);
const ws = [...Array(8).keys()].map((i) => `$w${i}`);

// Salsa20 double rounds on $x0..$x15 (natural word order).
function salsaRounds(doubleRounds) {
  const R = (t, a, b, rot) => set(xs[t], `(i32.xor ${get(xs[t])} (i32.rotl (i32.add ${get(xs[a])} ${get(xs[b])}) ${i32(rot)}))`);
  const quarter = (a, b, c, d) => [R(b, a, d, 7), R(c, b, a, 9), R(d, c, b, 13), R(a, d, c, 18)];
  const one = [
    ...quarter(0, 4, 8, 12), ...quarter(5, 9, 13, 1), ...quarter(10, 14, 2, 6), ...quarter(15, 3, 7, 11),
    ...quarter(0, 1, 2, 3), ...quarter(5, 6, 7, 4), ...quarter(10, 11, 8, 9), ...quarter(15, 12, 13, 14),
  ];
  const out = [];
  for (let i = 0; i < doubleRounds; i++) out.push(...one);
  return out.join("\n");
}
// x += saved copy, the Salsa20 feed-forward
const salsaCore = (doubleRounds) =>
  [
    ...xs.map((x, i) => set(ss[i], get(x))),
    salsaRounds(doubleRounds),
    ...xs.map((x, i) => set(x, `(i32.add ${get(x)} ${get(ss[i])})`)),
  ].join("\n");

const salsaLocals = [...xs, ...ss].map((n) => `(local ${n} i32)`).join(" ");

// BlockMix_salsa20/8(in [xor xp]) -> out. out must not overlap in. Returns Integerify(out).
function blockmixSalsa(name, { xor, save }) {
  const load = (m, base) => {
    const v = `(i32.load offset=${4 * m} ${get(base)})`;
    return xor ? `(i32.xor ${v} (i32.load offset=${4 * m} ${get("$xp")}))` : v;
  };
  const absorb = [...Array(16).keys()].map((m) => {
    const v = load(m, "$in");
    if (save) return `(local.set $t ${v}) (i32.store offset=${4 * m} ${get("$xp")} ${get("$t")}) ${set(xs[W(m)], `(i32.xor ${get(xs[W(m)])} ${get("$t")})`)}`;
    return set(xs[W(m)], `(i32.xor ${get(xs[W(m)])} ${v})`);
  });
  return `
  (func ${name} (param $in i32) (param $xp i32) (param $out i32) (param $r i32) (result i32)
    ${salsaLocals} (local $i i32) (local $n i32) (local $o i32) (local $t i32) (local $last i32) (local $lastx i32)
    ${set("$last", `(i32.sub (i32.shl ${get("$r")} ${i32(7)}) ${i32(64)})`)}
    ${set("$lastx", add(get("$xp"), get("$last")))}
    ${set("$o", add(get("$in"), get("$last")))}
    ${[...Array(16).keys()].map((m) => set(xs[W(m)], xor ? `(i32.xor (i32.load offset=${4 * m} ${get("$o")}) (i32.load offset=${4 * m} ${get("$lastx")}))` : `(i32.load offset=${4 * m} ${get("$o")})`)).join("\n")}
    ${set("$n", `(i32.shl ${get("$r")} ${i32(1)})`)}
    ${set("$i", i32(0))}
    (loop $L
      ${absorb.join("\n")}
      ${salsaCore(4)}
      ;; Y_i goes to position i/2 (even i) or r + i/2 (odd i)
      ${set("$o", add(get("$out"), `(i32.shl (i32.add (i32.shr_u ${get("$i")} ${i32(1)}) (i32.mul (i32.and ${get("$i")} ${i32(1)}) ${get("$r")})) ${i32(6)})`))}
      ${[...Array(16).keys()].map((m) => `(i32.store offset=${4 * m} ${get("$o")} ${get(xs[W(m)])})`).join("\n")}
      ${set("$in", add(get("$in"), i32(64)))}
      ${xor ? set("$xp", add(get("$xp"), i32(64))) : ""}
      ${set("$i", add(get("$i"), i32(1)))}
      (br_if $L (i32.lt_u ${get("$i")} ${get("$n")})))
    (i32.load ${add(get("$out"), get("$last"))}))`;
}

// One pwxform application on $w0..$w7 (4 gather lanes x 2 simple 64-bit words), with
// S0/S1 lookups and S2 writes at $S2w (+8 per word, rounds 1..4 only).
function pwxform() {
  const out = [];
  let q = 0;
  for (let round = 0; round < 6; round++) {
    for (let j = 0; j < 4; j++) {
      const a = ws[2 * j], b = ws[2 * j + 1];
      out.push(set("$p0", add(get("$S0"), `(i32.and (i32.wrap_i64 ${get(a)}) ${i32(0xff0)})`)));
      out.push(set("$p1", add(get("$S1"), `(i32.and (i32.wrap_i64 (i64.shr_u ${get(a)} (i64.const 32))) ${i32(0xff0)})`)));
      for (const [k, w] of /** @type {[number, string][]} */ ([[0, a], [1, b]])) {
        const prod = `(i64.mul (i64.shr_u ${get(w)} (i64.const 32)) (i64.and ${get(w)} (i64.const 0xffffffff)))`;
        out.push(set(w, `(i64.xor (i64.add ${prod} (i64.load offset=${8 * k} ${get("$p0")})) (i64.load offset=${8 * k} ${get("$p1")}))`));
        if (round !== 0 && round !== 5) out.push(`(i64.store offset=${8 * q++} ${get("$S2w")} ${get(w)})`);
      }
    }
  }
  if (q !== 32) throw new Error("pwxform S2 write count");
  return out.join("\n");
}

// BlockMix_pwxform(in [xor xp]) -> out (out may equal in). Returns Integerify(out).
function blockmixPwx(name, { xor, save }) {
  const absorb = [...Array(8).keys()].map((k) => {
    let v = `(i64.load offset=${8 * k} ${get("$in")})`;
    if (xor) v = `(i64.xor ${v} (i64.load offset=${8 * k} ${get("$xp")}))`;
    if (save) return `(local.set $v ${v}) (i64.store offset=${8 * k} ${get("$xp")} ${get("$v")}) ${set(ws[k], `(i64.xor ${get(ws[k])} ${get("$v")})`)}`;
    return set(ws[k], `(i64.xor ${get(ws[k])} ${v})`);
  });
  return `
  (func ${name} (param $in i32) (param $xp i32) (param $out i32) (param $r i32) (param $ctx i32) (result i32)
    ${ws.map((n) => `(local ${n} i64)`).join(" ")} ${salsaLocals}
    (local $v i64) (local $S0 i32) (local $S1 i32) (local $S2 i32) (local $S2w i32) (local $wpos i32)
    (local $p0 i32) (local $p1 i32) (local $i i32) (local $n i32) (local $t i32) (local $o i32)
    ${set("$S0", `(i32.load offset=0 ${get("$ctx")})`)}
    ${set("$S1", `(i32.load offset=4 ${get("$ctx")})`)}
    ${set("$S2", `(i32.load offset=8 ${get("$ctx")})`)}
    ${set("$wpos", `(i32.load offset=12 ${get("$ctx")})`)}
    ${set("$t", `(i32.sub (i32.shl ${get("$r")} ${i32(7)}) ${i32(64)})`)}
    ${set("$o", add(get("$in"), get("$t")))}
    ${xor ? set("$p0", add(get("$xp"), get("$t"))) : ""}
    ${[...Array(8).keys()].map((k) => set(ws[k], xor ? `(i64.xor (i64.load offset=${8 * k} ${get("$o")}) (i64.load offset=${8 * k} ${get("$p0")}))` : `(i64.load offset=${8 * k} ${get("$o")})`)).join("\n")}
    ${set("$n", `(i32.shl ${get("$r")} ${i32(1)})`)}
    ${set("$i", i32(0))}
    (loop $L
      ${absorb.join("\n")}
      ${set("$S2w", add(get("$S2"), get("$wpos")))}
      ${pwxform()}
      ;; (S0, S1, S2) <- (S2, S0, S1); w <- w mod 2^Swidth (in 16-byte units)
      ${set("$p0", get("$S0"))}
      ${set("$S0", get("$S2"))}
      ${set("$S2", get("$S1"))}
      ${set("$S1", get("$p0"))}
      ${set("$wpos", `(i32.and (i32.add ${get("$wpos")} ${i32(256)}) ${i32(4095)})`)}
      ${[...Array(8).keys()].map((k) => `(i64.store offset=${8 * k} ${get("$out")} ${get(ws[k])})`).join("\n")}
      ${set("$in", add(get("$in"), i32(64)))}
      ${xor ? set("$xp", add(get("$xp"), i32(64))) : ""}
      ${set("$out", add(get("$out"), i32(64)))}
      ${set("$i", add(get("$i"), i32(1)))}
      (br_if $L (i32.lt_u ${get("$i")} ${get("$n")})))
    ;; the last 64-byte sub-block goes through Salsa20/2
    ${set("$o", `(i32.sub ${get("$out")} ${i32(64)})`)}
    ${[...Array(16).keys()].map((m) => set(xs[W(m)], `(i32.load offset=${4 * m} ${get("$o")})`)).join("\n")}
    ${salsaCore(1)}
    ${[...Array(16).keys()].map((m) => `(i32.store offset=${4 * m} ${get("$o")} ${get(xs[W(m)])})`).join("\n")}
    (i32.store offset=0 ${get("$ctx")} ${get("$S0")})
    (i32.store offset=4 ${get("$ctx")} ${get("$S1")})
    (i32.store offset=8 ${get("$ctx")} ${get("$S2")})
    (i32.store offset=12 ${get("$ctx")} ${get("$wpos")})
    ${get("$x0")})`;
}

// dst <- src for 2r sub-blocks, converting word order. dir "in": plain -> shuffled.
function shuffle(name, dir) {
  const moves = [...Array(16).keys()].map((m) =>
    dir === "in"
      ? `(i32.store offset=${4 * m} ${get("$dst")} (i32.load offset=${4 * W(m)} ${get("$src")}))`
      : `(i32.store offset=${4 * W(m)} ${get("$dst")} (i32.load offset=${4 * m} ${get("$src")}))`,
  );
  return `
  (func ${name} (param $src i32) (param $dst i32) (param $r i32) (local $end i32)
    ${set("$end", add(get("$src"), `(i32.shl ${get("$r")} ${i32(7)})`))}
    (loop $L
      ${moves.join("\n")}
      ${set("$src", add(get("$src"), i32(64)))}
      ${set("$dst", add(get("$dst"), i32(64)))}
      (br_if $L (i32.lt_u ${get("$src")} ${get("$end")}))))`;
}

export function yescryptWat() {
  return `(module
  (import "env" "memory" (memory 1))
  ${shuffle("$shuffle_in", "in")}
  ${shuffle("$shuffle_out", "out")}
  ${blockmixSalsa("$bms", { xor: false, save: false })}
  ${blockmixSalsa("$bms_x", { xor: true, save: false })}
  ${blockmixSalsa("$bms_xs", { xor: true, save: true })}
  ${blockmixPwx("$bmp", { xor: false, save: false })}
  ${blockmixPwx("$bmp_x", { xor: true, save: false })}
  ${blockmixPwx("$bmp_xs", { xor: true, save: true })}

  (func (export "smix1") (param $B i32) (param $r i32) (param $N i32) (param $V i32) (param $XY i32) (param $ctx i32) (param $flags i32)
    (local $bb i32) (local $i i32) (local $in i32) (local $out i32) (local $n i32) (local $j i32) (local $xp i32)
    ${set("$bb", `(i32.shl ${get("$r")} ${i32(7)})`)}
    (call $shuffle_in ${get("$B")} ${get("$V")} ${get("$r")})
    ${set("$in", get("$V"))}
    ${set("$i", i32(0))}
    (loop $L
      ${set("$out", `(select ${add(get("$in"), get("$bb"))} ${get("$XY")} (i32.lt_u ${add(get("$i"), i32(1))} ${get("$N")}))`)}
      (if (i32.and (i32.and ${get("$flags")} ${i32(1)}) (i32.gt_u ${get("$i")} ${i32(1)}))
        (then
          ;; j <- Wrap(Integerify(X), i) = (x mod p2floor(i)) + (i - p2floor(i))
          ${set("$n", `(i32.shl ${i32(1)} (i32.sub ${i32(31)} (i32.clz ${get("$i")})))`)}
          ${set("$j", `(i32.add (i32.and (i32.load (i32.sub ${add(get("$in"), get("$bb"))} ${i32(64)})) (i32.sub ${get("$n")} ${i32(1)})) (i32.sub ${get("$i")} ${get("$n")}))`)}
          ${set("$xp", add(get("$V"), `(i32.mul ${get("$j")} ${get("$bb")})`))}
          (if (i32.and ${get("$flags")} ${i32(2)})
            (then (drop (call $bmp_x ${get("$in")} ${get("$xp")} ${get("$out")} ${get("$r")} ${get("$ctx")})))
            (else (drop (call $bms_x ${get("$in")} ${get("$xp")} ${get("$out")} ${get("$r")})))))
        (else
          (if (i32.and ${get("$flags")} ${i32(2)})
            (then (drop (call $bmp ${get("$in")} ${i32(0)} ${get("$out")} ${get("$r")} ${get("$ctx")})))
            (else (drop (call $bms ${get("$in")} ${i32(0)} ${get("$out")} ${get("$r")}))))))
      ${set("$in", add(get("$in"), get("$bb")))}
      ${set("$i", add(get("$i"), i32(1)))}
      (br_if $L (i32.lt_u ${get("$i")} ${get("$N")})))
    (call $shuffle_out ${get("$XY")} ${get("$B")} ${get("$r")}))

  (func (export "smix2") (param $B i32) (param $r i32) (param $N i32) (param $Nloop i32) (param $V i32) (param $XY i32) (param $ctx i32) (param $flags i32)
    (local $bb i32) (local $i i32) (local $X i32) (local $Y i32) (local $t i32) (local $x i32) (local $xp i32)
    ${set("$bb", `(i32.shl ${get("$r")} ${i32(7)})`)}
    ${set("$X", get("$XY"))}
    ${set("$Y", add(get("$XY"), get("$bb")))}
    (call $shuffle_in ${get("$B")} ${get("$X")} ${get("$r")})
    (if ${get("$Nloop")} (then
      ${set("$x", `(i32.load (i32.sub ${add(get("$X"), get("$bb"))} ${i32(64)}))`)}
      ${set("$i", i32(0))}
      (loop $L
        ${set("$xp", add(get("$V"), `(i32.mul (i32.and ${get("$x")} (i32.sub ${get("$N")} ${i32(1)})) ${get("$bb")})`))}
        (if (i32.and ${get("$flags")} ${i32(2)})
          (then (if (i32.and ${get("$flags")} ${i32(1)})
            (then ${set("$x", `(call $bmp_xs ${get("$X")} ${get("$xp")} ${get("$Y")} ${get("$r")} ${get("$ctx")})`)})
            (else ${set("$x", `(call $bmp_x ${get("$X")} ${get("$xp")} ${get("$Y")} ${get("$r")} ${get("$ctx")})`)})))
          (else (if (i32.and ${get("$flags")} ${i32(1)})
            (then ${set("$x", `(call $bms_xs ${get("$X")} ${get("$xp")} ${get("$Y")} ${get("$r")})`)})
            (else ${set("$x", `(call $bms_x ${get("$X")} ${get("$xp")} ${get("$Y")} ${get("$r")})`)}))))
        ${set("$t", get("$X"))}
        ${set("$X", get("$Y"))}
        ${set("$Y", get("$t"))}
        ${set("$i", add(get("$i"), i32(1)))}
        (br_if $L (i32.lt_u ${get("$i")} ${get("$Nloop")})))))
    (call $shuffle_out ${get("$X")} ${get("$B")} ${get("$r")}))
)`;
}
