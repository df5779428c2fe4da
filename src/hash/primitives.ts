// SHA-256 / HMAC-SHA-256 / PBKDF2-HMAC-SHA-256 as yescrypt uses them, on hash-wasm.
import { createHMAC, createSHA256, pbkdf2 } from "hash-wasm";

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  const h = await createSHA256();
  h.init();
  h.update(data);
  return h.digest("binary");
}

export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const h = await createHMAC(createSHA256(), key);
  h.init();
  h.update(data);
  return h.digest("binary");
}

export function pbkdf2Sha256(password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Promise<Uint8Array> {
  return pbkdf2({ password, salt, iterations, hashLength: length, hashFunction: createSHA256(), outputType: "binary" });
}
