// DEFLATE and gzip output byte-identical to Go's compress/flate and compress/gzip at
// BestCompression (level 9), for a single Write of the whole input followed by Close.
// Plain TypeScript over typed arrays: no Node built-ins, so it runs in browsers too.
// See docs/compress.md for how Go's behaviour is reproduced and verified.

export { deflateGo } from "./deflate";
export { crc32, gzipGo } from "./gzip";
