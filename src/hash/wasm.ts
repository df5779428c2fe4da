// Compiles the embedded WebAssembly cores once (asynchronously, which browsers allow on
// the main thread for any module size) and hands out the compiled modules.
import { base64ToBytes } from "./util";
import { bcryptWasm, sha2Wasm, yescryptWasm } from "./wasm.generated";

const cache = new Map<string, Promise<WebAssembly.Module>>();

function compiled(name: string, b64: string): Promise<WebAssembly.Module> {
  let m = cache.get(name);
  if (!m) {
    m = WebAssembly.compile(base64ToBytes(b64) as Uint8Array<ArrayBuffer>);
    cache.set(name, m);
  }
  return m;
}

export const yescryptModule = (): Promise<WebAssembly.Module> => compiled("yescrypt", yescryptWasm);
export const bcryptModule = (): Promise<WebAssembly.Module> => compiled("bcrypt", bcryptWasm);
export const sha2Module = (): Promise<WebAssembly.Module> => compiled("sha2", sha2Wasm);
