// LZ77 stage reproducing Go's compress/flate at BestCompression (level 9) for one
// Write of the whole input followed by Close.
//
// Go's parameters at level 9: good 32, lazy 258, nice 258, chain 4096, lazy matching
// ("skipNever"). Go calls findMatch with a previous length of 3 every time, so the
// "good" shortcut (quarter chain) never triggers; neither does it here.
//
// Go keeps a 64 KiB window buffer that slides by 32 KiB; we work on the caller's buffer
// with absolute positions instead, and model the only two observable effects of the
// sliding:
//   * `base` (absolute position of Go's window[0]): hash chain entries before it are
//     unreachable even when they are within 32 KiB of the current position;
//   * a block whose first byte slid out of Go's buffer is written without its raw bytes,
//     so it cannot become a stored block (Go sets blockStart to MaxInt32).
// Hash table entries hold position + 1 (0 = empty), which is what Go's
// index + hashOffset amounts to; Go's periodic rebasing of hashOffset only maps
// entries already out of reach to 0, so it has no observable effect.
// Go's block flush points (16384 tokens, end of input) are kept, and so is its
// reluctance to hash the last three positions of the input.

import { BlockWriter, MATCH_FLAG } from "./blocks";

const WINDOW = 1 << 15;
const WINDOW_MASK = WINDOW - 1;
const BUFFER = 2 * WINDOW; // Go's window buffer size
const MIN_MATCH = 4; // shortest match Go emits
const MAX_MATCH = 258;
const MIN_LOOKAHEAD = MIN_MATCH + MAX_MATCH; // Go pauses when less is buffered
const HASH_SHIFT = 32 - 17;
const HASH_MUL = 0x1e35a7bd;
const MAX_TOKENS = 1 << 14;
const CHAIN = 4096;
const LAZY = 258;
const FAR_FOUR = 4096; // 4-byte matches only up to this distance

/** Number of equal bytes at `a` and `b` (a < b), at most `limit`; the first is known equal. */
function matchLength(data: Uint8Array, view: DataView, a: number, b: number, limit: number): number {
  let k = 1;
  // Four bytes at a time; the lowest set bit of the XOR locates the first difference.
  for (const last = limit - 4; k <= last; k += 4) {
    const x = view.getInt32(a + k, true) ^ view.getInt32(b + k, true);
    if (x !== 0) return k + ((31 - Math.clz32(x & -x)) >>> 3);
  }
  while (k < limit && data[a + k] === data[b + k]) k++;
  return k;
}

/**
 * Longest match for `pos` walking the hash chain from `cand` (Go's findMatch with a
 * previous length of 3). Returns length << 16 | distance, or 0 when nothing qualifies.
 */
function findMatch(
  data: Uint8Array,
  view: DataView,
  prev: Int32Array,
  base: number,
  pos: number,
  cand: number,
  lookahead: number,
): number {
  const limit = lookahead < MAX_MATCH ? lookahead : MAX_MATCH; // also Go's "nice"
  const oldest = pos - WINDOW;
  const first = data[pos];
  let best = MIN_MATCH - 1;
  let bestDist = 0;
  let tail = data[pos + best];
  let tries = CHAIN;
  let i = cand;
  for (;;) {
    // Cheap rejections first; they never change which candidate wins.
    if (data[i + best] === tail && data[i] === first) {
      const k = matchLength(data, view, i, pos, limit);
      if (k > best && (k > MIN_MATCH || pos - i <= FAR_FOUR)) {
        best = k;
        bestDist = pos - i;
        if (k >= limit) break;
        tail = data[pos + k];
      }
    }
    // Go stops at the window edge: that slot of prev was reused by `pos` itself.
    if (i === oldest || --tries === 0) break;
    i = prev[i & WINDOW_MASK] - 1;
    if (i < oldest || i < base) break;
  }
  return bestDist === 0 ? 0 : (best << 16) | bestDist;
}

let scratch: { head: Int32Array; prev: Int32Array; tokens: Int32Array } | null = null;

/** Raw DEFLATE stream identical to Go's flate.NewWriter(w, 9); Write(data); Close(). */
export function deflateGo(data: Uint8Array): Uint8Array {
  const n = data.length;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = new BlockWriter((n >>> 2) + 1024);
  // The hash tables are reused from call to call (cleared, as fresh ones would be):
  // allocating 650 KiB per call makes many small files a garbage collector workload.
  const { head, prev, tokens } = (scratch ??= { head: new Int32Array(1 << 17), prev: new Int32Array(WINDOW), tokens: new Int32Array(MAX_TOKENS + 1) });
  head.fill(0);
  prev.fill(0);
  let ntok = 0;

  let index = 0; // next position to look at
  let length = MIN_MATCH - 1; // match found at index - 1 (lazy evaluation)
  let offset = 0;
  let pending = false; // literal at index - 1 not yet emitted
  let chainHead = -1; // last head read from the hash table (stored form)
  let base = 0;
  let blockStart = 0;
  let blockRawKnown = true;

  // Go's Write loop fills its 64 KiB buffer, processes until fewer than 262 bytes are
  // ahead, slides by 32 KiB and refills; once everything is buffered, Close processes
  // the rest (`final`).
  let filled = n < BUFFER ? n : BUFFER;
  let final = filled === n;
  let maxInsert = filled - (MIN_MATCH - 1); // positions with 4 bytes buffered

  for (;;) {
    const lookahead = filled - index;
    if (lookahead < MIN_LOOKAHEAD) {
      if (!final) {
        base += WINDOW;
        if (blockStart < base) blockRawKnown = false;
        filled = n - base < BUFFER ? n : base + BUFFER;
        final = filled === n;
        maxInsert = filled - (MIN_MATCH - 1);
        continue;
      }
      if (lookahead === 0) {
        if (pending) tokens[ntok++] = data[index - 1];
        if (ntok > 0) out.writeBlock(tokens, ntok, blockRawKnown ? data.subarray(blockStart, index) : null);
        break;
      }
    }
    if (index < maxInsert) {
      const h =
        Math.imul((data[index] << 24) | (data[index + 1] << 16) | (data[index + 2] << 8) | data[index + 3], HASH_MUL) >>>
        HASH_SHIFT;
      chainHead = head[h];
      prev[index & WINDOW_MASK] = chainHead;
      head[h] = index + 1;
    }
    const prevLength = length;
    const prevOffset = offset;
    length = MIN_MATCH - 1;
    offset = 0;
    const reach = index - WINDOW > base ? index - WINDOW : base;
    if (chainHead - 1 >= reach && lookahead > prevLength && prevLength < LAZY) {
      const m = findMatch(data, view, prev, base, index, chainHead - 1, lookahead);
      if (m !== 0) {
        length = m >>> 16;
        offset = m & 0xffff;
      }
    }
    if (prevLength >= MIN_MATCH && length <= prevLength) {
      // The match at index - 1 wins: emit it and hash the positions it covers.
      tokens[ntok++] = MATCH_FLAG | ((prevLength - 3) << 15) | (prevOffset - 1);
      const next = index + prevLength - 1;
      const stop = next < maxInsert ? next : maxInsert;
      for (let p = index + 1; p < stop; p++) {
        const h =
          Math.imul((data[p] << 24) | (data[p + 1] << 16) | (data[p + 2] << 8) | data[p + 3], HASH_MUL) >>> HASH_SHIFT;
        prev[p & WINDOW_MASK] = head[h];
        head[h] = p + 1;
      }
      index = next;
      pending = false;
      length = MIN_MATCH - 1;
    } else {
      if (pending) tokens[ntok++] = data[index - 1];
      index++;
      pending = true;
    }
    if (ntok === MAX_TOKENS) {
      // Block full; it ends where the tokens end (index - 1 when a literal is pending).
      const end = pending ? index - 1 : index;
      out.writeBlock(tokens, ntok, blockRawKnown ? data.subarray(blockStart, end) : null);
      blockStart = end;
      blockRawKnown = true;
      ntok = 0;
    }
  }
  out.writeStoredHeader(0, true);
  return out.finish();
}
