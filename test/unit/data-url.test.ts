import { describe, expect, test } from "vitest";
import { gunzipSync } from "node:zlib";
import { base64Encode, makeDataUrl, percentEncode, percentEncodedLength } from "../../src/butane/translate/data-url";
import { gzipGo } from "../../src/compress";

const enc = (s: string) => new TextEncoder().encode(s);

describe("data URLs", () => {
  test("percent-encoding keeps RFC 2396 unreserved characters only", () => {
    expect(percentEncode(enc("a-Z_0.!~*'() /:#%é"))).toBe("a-Z_0.!~*'()%20%2F%3A%23%25%C3%A9");
  });

  test("base64 matches node's", () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100, 1000]) {
      const b = new Uint8Array(n).map((_, i) => (i * 37) & 255);
      expect(base64Encode(b)).toBe(Buffer.from(b).toString("base64"));
    }
  });

  test("short text is percent-encoded with an explicit empty compression", () => {
    expect(makeDataUrl(enc("hello world\n"), undefined, true)).toEqual({ url: "data:,hello%20world%0A", compression: "" });
  });

  test("binary-looking text prefers base64", () => {
    const d = makeDataUrl(enc("ééééé"), undefined, false);
    expect(d.url).toBe("data:;base64," + Buffer.from("ééééé").toString("base64"));
  });

  test("compressible contents are gzipped and round-trip", () => {
    const text = "line of a config file\n".repeat(200);
    const d = makeDataUrl(enc(text), undefined, true);
    expect(d.compression).toBe("gzip");
    const body = Buffer.from(d.url.slice("data:;base64,".length), "base64");
    expect(gunzipSync(body).toString()).toBe(text);
  });

  test("user-set compression is left alone and never compressed again", () => {
    const d = makeDataUrl(enc("x".repeat(500)), "gzip", true);
    expect(d.compression).toBeUndefined();
    expect(d.url.startsWith("data:,xxx")).toBe(true);
  });

  test("compression can be disabled", () => {
    expect(makeDataUrl(enc("y".repeat(500)), undefined, false).compression).toBe("");
  });

  test("only the winning encoding is built; the choice is the shortest of all three", () => {
    // The reference builds all three and keeps the shortest (gzip only when 4 characters shorter).
    const naive = (b: Uint8Array) => {
      let opaque = "," + percentEncode(b);
      const b64 = ";base64," + base64Encode(b);
      if (b64.length < opaque.length) opaque = b64;
      const gz = ";base64," + base64Encode(gzipGo(b));
      return gz.length + 4 < opaque.length ? { url: "data:" + gz, compression: "gzip" } : { url: "data:" + opaque, compression: "" };
    };
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 400; k++) {
      const n = Math.floor(rnd() ** 3 * 3000);
      const alphabet = rnd() < 0.5 ? 4 : rnd() < 0.5 ? 64 : 256;
      const b = new Uint8Array(n).map(() => Math.floor(rnd() * alphabet) + (alphabet === 256 ? 0 : 97));
      expect(percentEncodedLength(b)).toBe(percentEncode(b).length);
      expect(makeDataUrl(b, undefined, true)).toEqual(naive(b));
    }
  });
});
