// The "did you mean octal?" check for file and directory modes: a mode that looks
// odd in octal but reads as a typical mode when its decimal digits are taken as
// octal digits was most likely written without the leading zero.

/** True for modes people actually use (readable, sane setuid/setgid/sticky use). */
export function isTypicalMode(mode: number, directory: boolean): boolean {
  if (mode === 0) return true;
  const perms = [mode & 0o7, (mode & 0o70) >> 3, (mode & 0o700) >> 6];
  let hadR = false, hadW = false, hadX = false;
  for (const p of perms) {
    const r = (p & 4) !== 0, w = (p & 2) !== 0, x = (p & 1) !== 0;
    // a more specific class must have every bit of a less specific one (r--rw----)
    if ((!r && hadR) || (!w && hadW) || (!x && hadX)) return false;
    // execute for someone while a less specific class can read but not execute
    if (x && hadR && !hadX) return false;
    // write-only and execute-only are unusual
    if ((w || x) && !r) return false;
    hadR ||= r;
    hadW ||= w;
    hadX ||= x;
  }
  if (!hadR) return false;
  if (directory) {
    if (!hadX) return false;
    if (mode & 0o4000) return false;
    if (mode & 0o3000 && !hadW) return false;
  } else {
    if (mode & 0o6000) {
      if (!hadX) return false;
      if (mode & 0o2) return false;
    }
    if (mode & 0o1000) return false;
  }
  return true;
}

/** Reads the decimal digits of `mode` as octal digits (e.g. 644 → 0o644); null if impossible. */
function decimalModeToOctal(mode: number): number | null {
  if (mode < 0 || mode > 7777) return null;
  let ret = 0;
  for (let div = 1000; div > 0; div = Math.floor(div / 10)) {
    const digit = Math.floor(mode / div) % 10;
    if (digit > 7) return null;
    ret = (ret << 3) | digit;
  }
  return ret;
}

export function looksDecimal(mode: number, directory: boolean): boolean {
  const corrected = decimalModeToOctal(mode);
  if (corrected === null) return false;
  return !isTypicalMode(mode, directory) && isTypicalMode(corrected, directory);
}
