// Length-limited Huffman code construction that assigns exactly the code lengths Go's
// compress/flate assigns (huffman_code.go), since every bit of our output has to match.
//
// Go's encoder sorts the used symbols by (frequency, symbol), runs the boundary
// package-merge algorithm (Katajainen/Moffat/Turpin) lazily over at most `maxBits`
// levels, and reads off how many symbols get each bit length. The longest codes go to
// the front of that sorted list, so among equal frequencies the smaller symbol gets the
// longer code. Two details decide byte-identity and are kept as Go has them:
//   * when a level's next leaf and next package weigh the same, the package is taken;
//   * the depth limit is first clamped to (number of used symbols - 1).
// Code values themselves are the canonical DEFLATE ones (RFC 1951 3.2.2), which is also
// what Go produces, so only the lengths have to be reproduced.

const INF = 0x7fffffff; // Go's math.MaxInt32 sentinel
const LEVELS = 17; // levels 0..16 (level 0 is a dummy, level maxBits+1 may be poked)

/** Reusable scratch space for building codes over alphabets of up to 286 symbols. */
export class HuffmanBuilder {
  private readonly keys = new Float64Array(287);
  private readonly sym = new Uint16Array(287);
  private readonly freq = new Int32Array(288);
  // Per-level state of the lazy package-merge.
  private readonly lastW = new Int32Array(LEVELS + 1);
  private readonly leafW = new Int32Array(LEVELS + 1);
  private readonly pairW = new Int32Array(LEVELS + 1);
  private readonly needed = new Int32Array(LEVELS + 1);
  // chain[level * LEVELS + j]: leaves to the left of the level-j ancestor of the
  // newest item on `level`.
  private readonly chain = new Int32Array(LEVELS * LEVELS);
  private readonly perLength = new Int32Array(LEVELS);
  private readonly blCount = new Uint16Array(LEVELS);
  private readonly nextCode = new Uint16Array(LEVELS);

  /**
   * Fill `lens[0..n)` with code lengths for `freqs[0..n)` (0 for unused symbols), no
   * length above `maxBits` (< 16), then `codes[0..n)` with the bit-reversed canonical
   * codes ready for LSB-first output.
   */
  build(freqs: Int32Array, n: number, maxBits: number, lens: Uint8Array, codes: Uint16Array): void {
    const keys = this.keys;
    let used = 0;
    for (let s = 0; s < n; s++) {
      const f = freqs[s];
      lens[s] = 0;
      // Sorting a packed (frequency, symbol) key gives Go's byFreq order.
      if (f !== 0) keys[used++] = f * 512 + s;
    }
    if (used <= 2) {
      // Go's special case: every used symbol gets one bit.
      for (let s = 0; s < n; s++) if (freqs[s] !== 0) lens[s] = 1;
    } else {
      const sorted = keys.subarray(0, used).sort();
      const sym = this.sym, freq = this.freq;
      for (let i = 0; i < used; i++) {
        const k = sorted[i];
        const s = k % 512;
        sym[i] = s;
        freq[i] = (k - s) / 512;
      }
      freq[used] = INF;
      const depth = this.packageMerge(used, maxBits);
      // The most frequent symbols (end of the list) get the shortest codes.
      let end = used;
      for (let bits = 1; bits <= depth; bits++) {
        const k = this.perLength[bits];
        for (let i = end - k; i < end; i++) lens[sym[i]] = bits;
        end -= k;
      }
    }
    this.canonical(lens, n, codes);
  }

  /**
   * Boundary package-merge over `this.freq[0..n)` (ascending, sentinel at n). Leaves
   * `perLength[b]` = number of symbols coded with b bits and returns the depth used.
   */
  private packageMerge(n: number, maxBits: number): number {
    const { freq, lastW, leafW, pairW, needed, chain } = this;
    const top = maxBits > n - 1 ? n - 1 : maxBits;
    lastW.fill(0);
    leafW.fill(0);
    pairW.fill(0);
    needed.fill(0);
    chain.fill(0);
    // Every level starts as if its two lightest items (the two lightest leaves) were
    // already taken; its first package candidate is those two leaves together.
    for (let lv = 1; lv <= top; lv++) {
      lastW[lv] = freq[1];
      leafW[lv] = freq[2];
      pairW[lv] = lv === 1 ? INF : freq[0] + freq[1];
      chain[lv * LEVELS + lv] = 2;
    }
    // The top level must produce 2n-2 items; two are accounted for.
    needed[top] = 2 * n - 4;

    let lv = top;
    for (;;) {
      if (pairW[lv] === INF && leafW[lv] === INF) {
        // Nothing left on this level: retire it and everything below.
        needed[lv] = 0;
        pairW[lv + 1] = INF;
        lv++;
        continue;
      }
      const before = lastW[lv];
      if (leafW[lv] < pairW[lv]) {
        // Take a leaf (ties go to the package).
        const taken = chain[lv * LEVELS + lv] + 1;
        lastW[lv] = leafW[lv];
        chain[lv * LEVELS + lv] = taken;
        leafW[lv] = freq[taken];
      } else {
        // Take the package offered by the level below; inherit its chain.
        lastW[lv] = pairW[lv];
        const src = (lv - 1) * LEVELS, dst = lv * LEVELS;
        for (let j = 0; j < lv; j++) chain[dst + j] = chain[src + j];
        needed[lv - 1] = 2;
      }
      if (--needed[lv] === 0) {
        if (lv === top) break;
        // Two fresh items here form the next package offered upward.
        pairW[lv + 1] = before + lastW[lv];
        lv++;
      } else {
        // Replenish any level below that owes items.
        while (needed[lv - 1] > 0) lv--;
      }
    }

    if (chain[top * LEVELS + top] !== n) throw new Error("huffman: package-merge did not place every symbol");
    const row = top * LEVELS;
    for (let bits = 1, level = top; level > 0; level--, bits++) {
      this.perLength[bits] = chain[row + level] - chain[row + level - 1];
    }
    return top;
  }

  /** Canonical code assignment (shorter first, then by symbol), bit-reversed. */
  private canonical(lens: Uint8Array, n: number, codes: Uint16Array): void {
    const { blCount, nextCode } = this;
    blCount.fill(0);
    for (let s = 0; s < n; s++) blCount[lens[s]]++;
    blCount[0] = 0;
    let code = 0;
    for (let bits = 1; bits < LEVELS; bits++) {
      code = (code + blCount[bits - 1]) << 1;
      nextCode[bits] = code;
    }
    for (let s = 0; s < n; s++) {
      const len = lens[s];
      codes[s] = len === 0 ? 0 : reverseBits(nextCode[len]++, len);
    }
  }
}

/** Reverse the low `len` bits of `v`. */
export function reverseBits(v: number, len: number): number {
  let r = 0;
  for (let i = 0; i < len; i++) {
    r = (r << 1) | (v & 1);
    v >>>= 1;
  }
  return r;
}
