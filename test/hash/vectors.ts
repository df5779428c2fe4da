// Loads the libxcrypt / grub-mkpasswd-pbkdf2 reference vectors from ../shared/vectors
// (relative to the repository root). Tests skip when the folder is absent.
import { existsSync, readFileSync } from "node:fs";
import { SHARED_DIR } from "../shared";

export const VECTORS_DIR = `${SHARED_DIR}vectors/`;
export const haveVectors = existsSync(VECTORS_DIR);

export interface Vector {
  password?: string;
  password_hex: string;
  setting?: string;
  hash: string | null;
  scheme?: string;
  family?: string;
  note?: string;
  iterations?: number;
  salt_hex?: string;
  dklen?: number;
}

// The vectors may be laid out flat (vectors/<scheme>.jsonl) or split into the published
// part and a held-back part (vectors/public/, vectors/holdout/); every copy found is used.
const LAYOUTS = ["", "public/", "holdout/"];

export function loadVectors(file: string): Vector[] {
  const seen = new Set<string>();
  const out: Vector[] = [];
  for (const dir of LAYOUTS) {
    const path = VECTORS_DIR + dir + file;
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, "utf8").split("\n")) {
      if (!line.trim() || seen.has(line)) continue;
      seen.add(line);
      out.push(JSON.parse(line) as Vector);
    }
  }
  return out;
}

/** The exact bytes of a vector's password. */
export const pwBytes = (v: Vector): Uint8Array => Uint8Array.from(Buffer.from(v.password_hex, "hex"));

/**
 * A different password: "x" in front. (Changing a byte in place is not enough: bcrypt
 * ignores bytes past 72, and $2x$'s sign-extension bug really does map some byte changes
 * to the same key.)
 */
export function changed(v: Vector): Uint8Array {
  const b = pwBytes(v);
  const c = new Uint8Array(Math.min(b.length + 1, 511));
  c[0] = 0x78;
  c.set(b.subarray(0, c.length - 1), 1);
  return c;
}

/** The setting a GRUB vector was made from (no HASH field). */
export const grubSettingOf = (v: Vector): string => `grub.pbkdf2.sha512.${v.iterations}.${v.salt_hex}`;
