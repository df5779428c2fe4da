// The inflater against Node's zlib: every block type, gzip framing and checks, and
// malformed streams ending in InflateError (never a hang, a throw of another kind or
// unbounded output).
import fc from "fast-check";
import { deflateRawSync, gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { gzipGo } from "../../src/compress";
import { gunzip, inflateRaw, InflateError } from "../../src/compress/inflate";
import { fuzzParams } from "../fuzz/arbitraries";

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.tuple(fc.string({ maxLength: 40 }), fc.nat({ max: 200 })).map(([s, n]) => new TextEncoder().encode(s.repeat(n))),
);

describe("inflate", () => {
  test("round trips zlib's streams at every level and strategy, and Go-compatible gzip", () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 9 }), fc.constantFrom(0, 1, 2, 3, 4), (data, level, strategy) => {
        expect(inflateRaw(deflateRawSync(data, { level, strategy })).data).toEqual(data);
        expect(gunzip(gzipSync(data, { level }))).toEqual(data);
        expect(gunzip(gzipGo(data))).toEqual(data);
      }),
      fuzzParams(200),
    );
  });

  test("gzip header fields are skipped; wrong checksums, sizes and trailing data are errors", () => {
    const data = new TextEncoder().encode("hello hello hello\n");
    const gz = new Uint8Array(gzipSync(data));
    // FNAME and FCOMMENT
    const named = new Uint8Array([...gz.subarray(0, 3), 8 | 16, ...gz.subarray(4, 10), 65, 0, 66, 0, ...gz.subarray(10)]);
    expect(gunzip(named)).toEqual(data);
    const badCrc = gz.slice();
    badCrc[gz.length - 8] ^= 1;
    expect(() => gunzip(badCrc)).toThrow("gzip checksum mismatch");
    const badSize = gz.slice();
    badSize[gz.length - 4] ^= 1;
    expect(() => gunzip(badSize)).toThrow("gzip size mismatch");
    expect(() => gunzip(new Uint8Array([...gz, 0]))).toThrow("data after the gzip member");
    expect(() => gunzip(data)).toThrow("not a gzip stream");
  });

  test("output is capped", () => {
    const zeros = deflateRawSync(new Uint8Array(1 << 20));
    expect(() => inflateRaw(zeros, 0, 1000)).toThrow(InflateError);
  });

  test("random and truncated streams fail with InflateError only", () => {
    const good = deflateRawSync(new TextEncoder().encode("abcabcabc".repeat(50)));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), (junk, cut) => {
        for (const input of [junk, good.subarray(0, cut % good.length)]) {
          try {
            inflateRaw(input, 0, 1 << 20);
          } catch (e) {
            expect(e).toBeInstanceOf(InflateError);
          }
        }
      }),
      fuzzParams(300),
    );
  });
});
