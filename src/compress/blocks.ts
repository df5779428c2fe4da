// DEFLATE block output, choosing between stored, fixed-Huffman and dynamic-Huffman
// blocks with the same size arithmetic as Go's huffmanBitWriter.writeBlock, so the
// same choice is made for every block.
//
// Tokens come from the matcher as int32s: a literal byte (0..255), the end-of-block
// marker (256), or a match: MATCH_FLAG | (length - 3) << 15 | (distance - 1).

import { HuffmanBuilder, reverseBits } from "./huffman";

export const MATCH_FLAG = 1 << 23;
export const END_OF_BLOCK = 256;

const NUM_LIT = 286; // literal/length alphabet Go sizes its tables with
const NUM_DIST = 30;
const NUM_CG = 19;
const CG_REPEAT_BAD = 255; // end marker in the run-length-encoded length list

/** Extra bits of length codes 257..285 and the length each code starts at (minus 3). */
const LEN_EXTRA = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]);
const LEN_BASE = new Uint16Array([
  0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 255,
]);
/** Extra bits of distance codes and the distance each starts at (minus 1). */
const DIST_EXTRA = new Uint8Array([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]);
const DIST_BASE = new Uint16Array(30);
/** Order in which code-length-code lengths are sent (RFC 1951 3.2.7). */
const CG_ORDER = new Uint8Array([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);

/** (length - 3) -> length code index 0..28; (distance - 1) -> distance code 0..29. */
const LEN_SYM = new Uint8Array(256);
const DIST_SYM = new Uint8Array(32768);
{
  for (let c = 0; c < 29; c++) {
    // Code 27 covers lengths 227..257 (x 224..254); code 28 is length 258 alone.
    LEN_SYM.fill(c, LEN_BASE[c], c === 28 ? 256 : LEN_BASE[c + 1]);
  }
  let base = 0;
  for (let c = 0; c < 30; c++) {
    DIST_BASE[c] = base;
    const span = 1 << DIST_EXTRA[c];
    DIST_SYM.fill(c, base, base + span);
    base += span;
  }
}

/** The fixed code (RFC 1951 3.2.6), over the 286 symbols Go sizes it with. */
const FIXED_LIT_LEN = new Uint8Array(NUM_LIT);
const FIXED_LIT_CODE = new Uint16Array(NUM_LIT);
const FIXED_DIST_CODE = new Uint16Array(NUM_DIST);
const FIXED_DIST_LEN = new Uint8Array(NUM_DIST).fill(5);
{
  const lens = new Uint8Array(288);
  lens.fill(8, 0, 144);
  lens.fill(9, 144, 256);
  lens.fill(7, 256, 280);
  lens.fill(8, 280, 288);
  const codes = new Uint16Array(288);
  const count = new Uint16Array(16), next = new Uint16Array(16);
  for (let s = 0; s < 288; s++) count[lens[s]]++;
  for (let b = 1, code = 0; b < 16; b++) {
    code = (code + count[b - 1]) << 1;
    next[b] = code;
  }
  for (let s = 0; s < 288; s++) codes[s] = reverseBits(next[lens[s]]++, lens[s]);
  FIXED_LIT_LEN.set(lens.subarray(0, NUM_LIT));
  FIXED_LIT_CODE.set(codes.subarray(0, NUM_LIT));
  for (let d = 0; d < NUM_DIST; d++) FIXED_DIST_CODE[d] = reverseBits(d, 5);
}

/** Accumulates the DEFLATE bit stream (LSB first) into a growable byte buffer. */
export class BlockWriter {
  out: Uint8Array;
  pos = 0;
  private bits = 0; // pending bits, always fewer than 16 between calls
  private nbits = 0;

  private readonly huff = new HuffmanBuilder();
  private readonly litFreq = new Int32Array(NUM_LIT);
  private readonly distFreq = new Int32Array(NUM_DIST);
  private readonly litLen = new Uint8Array(NUM_LIT);
  private readonly litCode = new Uint16Array(NUM_LIT);
  private readonly distLen = new Uint8Array(NUM_DIST);
  private readonly distCode = new Uint16Array(NUM_DIST);
  private readonly cgFreq = new Int32Array(NUM_CG);
  private readonly cgLen = new Uint8Array(NUM_CG);
  private readonly cgCode = new Uint16Array(NUM_CG);
  /** Concatenated code lengths, then rewritten in place as the run-length encoding. */
  private readonly cgSeq = new Uint8Array(NUM_LIT + NUM_DIST + 1);

  constructor(initialCapacity: number) {
    this.out = new Uint8Array(Math.max(64, initialCapacity));
  }

  private reserve(extra: number): void {
    const need = this.pos + extra;
    if (need <= this.out.length) return;
    let cap = this.out.length * 2;
    while (cap < need) cap *= 2;
    const grown = new Uint8Array(cap);
    grown.set(this.out.subarray(0, this.pos));
    this.out = grown;
  }

  /** Append `n` (<= 16) bits of `v`. Callers reserve space beforehand. */
  private put(v: number, n: number): void {
    let bits = this.bits | (v << this.nbits);
    let nbits = this.nbits + n;
    if (nbits >= 16) {
      this.out[this.pos++] = bits & 255;
      this.out[this.pos++] = (bits >>> 8) & 255;
      bits >>>= 16;
      nbits -= 16;
    }
    this.bits = bits;
    this.nbits = nbits;
  }

  /** Pad to a byte boundary with zero bits. */
  private align(): void {
    while (this.nbits > 0) {
      this.out[this.pos++] = this.bits & 255;
      this.bits >>>= 8;
      this.nbits -= 8;
    }
    this.bits = 0;
    this.nbits = 0;
  }

  /** Stored block header: BFINAL, BTYPE=00, byte alignment, LEN, NLEN. */
  writeStoredHeader(length: number, final: boolean): void {
    this.reserve(8);
    this.put(final ? 1 : 0, 3);
    this.align();
    this.out[this.pos++] = length & 255;
    this.out[this.pos++] = length >>> 8;
    this.out[this.pos++] = ~length & 255;
    this.out[this.pos++] = (~length >>> 8) & 255;
  }

  /** Flush the remaining bits (padding the last byte) and return the stream. */
  finish(): Uint8Array {
    this.reserve(4);
    this.align();
    return this.out.subarray(0, this.pos);
  }

  /**
   * Emit one non-final block holding `tokens[0..count)` (room for one more token is
   * required, for the end-of-block marker). `raw` is the input the tokens cover, or
   * null when Go would not have it at hand (then a stored block is not considered).
   */
  writeBlock(tokens: Int32Array, count: number, raw: Uint8Array | null): void {
    tokens[count++] = END_OF_BLOCK;
    const { litFreq, distFreq, litLen, distLen, cgFreq, cgLen } = this;

    litFreq.fill(0);
    distFreq.fill(0);
    for (let i = 0; i < count; i++) {
      const t = tokens[i];
      if (t < MATCH_FLAG) litFreq[t]++;
      else {
        litFreq[257 + LEN_SYM[(t >>> 15) & 255]]++;
        distFreq[DIST_SYM[t & 32767]]++;
      }
    }
    let numLit = NUM_LIT;
    while (litFreq[numLit - 1] === 0) numLit--;
    let numDist = NUM_DIST;
    while (numDist > 0 && distFreq[numDist - 1] === 0) numDist--;
    if (numDist === 0) {
      // No matches: Go still counts one distance code so a dynamic header is valid,
      // and that phantom count enters the size estimates below.
      distFreq[0] = 1;
      numDist = 1;
    }
    this.huff.build(litFreq, NUM_LIT, 15, litLen, this.litCode);
    this.huff.build(distFreq, NUM_DIST, 15, distLen, this.distCode);

    const storable = raw !== null && raw.length <= 65535;
    // Extra bits cost the same in fixed and dynamic blocks; Go only adds them in when
    // the comparison involves a stored block.
    let extra = 0;
    if (storable) {
      for (let c = 257 + 8; c < numLit; c++) extra += litFreq[c] * LEN_EXTRA[c - 257];
      for (let c = 4; c < numDist; c++) extra += distFreq[c] * DIST_EXTRA[c];
    }

    let fixedBits = 3 + extra;
    let dynBits = extra;
    for (let s = 0; s < NUM_LIT; s++) {
      const f = litFreq[s];
      if (f !== 0) {
        fixedBits += f * FIXED_LIT_LEN[s];
        dynBits += f * litLen[s];
      }
    }
    for (let d = 0; d < NUM_DIST; d++) {
      const f = distFreq[d];
      if (f !== 0) {
        fixedBits += f * 5;
        dynBits += f * distLen[d];
      }
    }

    const cgUsed = this.runLengthEncode(numLit, numDist);
    this.huff.build(cgFreq, NUM_CG, 7, cgLen, this.cgCode);
    let numCg = NUM_CG;
    while (numCg > 4 && cgFreq[CG_ORDER[numCg - 1]] === 0) numCg--;
    dynBits += 3 + 5 + 5 + 4 + 3 * numCg + cgFreq[16] * 2 + cgFreq[17] * 3 + cgFreq[18] * 7;
    for (let c = 0; c < NUM_CG; c++) dynBits += cgFreq[c] * cgLen[c];

    const dynamic = dynBits < fixedBits;
    const best = dynamic ? dynBits : fixedBits;
    if (storable && (raw.length + 5) * 8 < best) {
      this.writeStoredHeader(raw.length, false);
      this.reserve(raw.length);
      this.out.set(raw, this.pos);
      this.pos += raw.length;
      return;
    }

    // Worst case per token: 15 + 5 + 15 + 13 bits; header well under 400 bytes.
    this.reserve(count * 6 + 400);
    if (dynamic) {
      this.put(4, 3); // BFINAL=0, BTYPE=10
      this.put(numLit - 257, 5);
      this.put(numDist - 1, 5);
      this.put(numCg - 4, 4);
      for (let i = 0; i < numCg; i++) this.put(cgLen[CG_ORDER[i]], 3);
      const seq = this.cgSeq, cgCode = this.cgCode;
      for (let i = 0; i < cgUsed; i++) {
        const sym = seq[i];
        this.put(cgCode[sym], cgLen[sym]);
        if (sym === 16) this.put(seq[++i], 2);
        else if (sym === 17) this.put(seq[++i], 3);
        else if (sym === 18) this.put(seq[++i], 7);
      }
      this.writeTokens(tokens, count, this.litCode, litLen, this.distCode, distLen);
    } else {
      this.put(2, 3); // BFINAL=0, BTYPE=01
      this.writeTokens(tokens, count, FIXED_LIT_CODE, FIXED_LIT_LEN, FIXED_DIST_CODE, FIXED_DIST_LEN);
    }
  }

  /**
   * Run-length encode litLen[0..numLit) ++ distLen[0..numDist) into cgSeq with codes
   * 16/17/18 (each followed by its repeat argument) exactly as Go splits runs, and
   * count symbol frequencies into cgFreq. Returns the number of entries written.
   */
  private runLengthEncode(numLit: number, numDist: number): number {
    const seq = this.cgSeq, freq = this.cgFreq;
    freq.fill(0);
    seq.set(this.litLen.subarray(0, numLit), 0);
    seq.set(this.distLen.subarray(0, numDist), numLit);
    const total = numLit + numDist;
    seq[total] = CG_REPEAT_BAD;
    // Output never overtakes input, so the rewrite can happen in place.
    let out = 0;
    let len = seq[0];
    let run = 1;
    for (let i = 1; len !== CG_REPEAT_BAD; i++) {
      const next = seq[i];
      if (next === len) {
        run++;
        continue;
      }
      if (len !== 0) {
        seq[out++] = len;
        freq[len]++;
        run--;
        while (run >= 3) {
          const n = run < 6 ? run : 6;
          seq[out++] = 16;
          seq[out++] = n - 3;
          freq[16]++;
          run -= n;
        }
      } else {
        while (run >= 11) {
          const n = run < 138 ? run : 138;
          seq[out++] = 18;
          seq[out++] = n - 11;
          freq[18]++;
          run -= n;
        }
        if (run >= 3) {
          seq[out++] = 17;
          seq[out++] = run - 3;
          freq[17]++;
          run = 0;
        }
      }
      for (; run > 0; run--) {
        seq[out++] = len;
        freq[len]++;
      }
      len = next;
      run = 1;
    }
    return out;
  }

  private writeTokens(
    tokens: Int32Array,
    count: number,
    litCode: Uint16Array,
    litLen: Uint8Array,
    distCode: Uint16Array,
    distLen: Uint8Array,
  ): void {
    const out = this.out;
    let pos = this.pos, bits = this.bits, nbits = this.nbits;
    for (let i = 0; i < count; i++) {
      const t = tokens[i];
      if (t < MATCH_FLAG) {
        bits |= litCode[t] << nbits;
        nbits += litLen[t];
      } else {
        const lx = (t >>> 15) & 255;
        const lc = LEN_SYM[lx];
        bits |= litCode[257 + lc] << nbits;
        nbits += litLen[257 + lc];
        if (nbits >= 16) {
          out[pos++] = bits & 255;
          out[pos++] = (bits >>> 8) & 255;
          bits >>>= 16;
          nbits -= 16;
        }
        const le = LEN_EXTRA[lc];
        if (le !== 0) {
          bits |= (lx - LEN_BASE[lc]) << nbits;
          nbits += le;
          if (nbits >= 16) {
            out[pos++] = bits & 255;
            out[pos++] = (bits >>> 8) & 255;
            bits >>>= 16;
            nbits -= 16;
          }
        }
        const dx = t & 32767;
        const dc = DIST_SYM[dx];
        bits |= distCode[dc] << nbits;
        nbits += distLen[dc];
        if (nbits >= 16) {
          out[pos++] = bits & 255;
          out[pos++] = (bits >>> 8) & 255;
          bits >>>= 16;
          nbits -= 16;
        }
        const de = DIST_EXTRA[dc];
        if (de !== 0) {
          bits |= (dx - DIST_BASE[dc]) << nbits;
          nbits += de;
        }
      }
      if (nbits >= 16) {
        out[pos++] = bits & 255;
        out[pos++] = (bits >>> 8) & 255;
        bits >>>= 16;
        nbits -= 16;
      }
    }
    this.pos = pos;
    this.bits = bits;
    this.nbits = nbits;
  }
}
