// github.com/coreos/go-semver's Version parsing, as Ignition uses it for config versions.

export interface SemVer {
  major: bigint;
  minor: bigint;
  patch: bigint;
  preRelease: string;
  metadata: string;
}

const IDENT = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
const INT = /^[+-]?[0-9]+$/;
const MAX_I64 = 9223372036854775807n;
const MIN_I64 = -9223372036854775808n;

function splitOff(input: string, delim: string): [string, string] {
  const i = input.indexOf(delim);
  return i < 0 ? [input, ""] : [input.slice(0, i), input.slice(i + 1)];
}

/** semver.NewVersion: the version, or null where it returns an error. */
export function parseSemver(version: string): SemVer | null {
  const [main, metadata] = splitOff(version, "+");
  const [v, pre] = splitOff(main, "-");
  const parts = splitN3(v);
  if (parts === null) return null;
  if (pre !== "" && !IDENT.test(pre)) return null;
  if (metadata !== "" && !IDENT.test(metadata)) return null;
  const nums: bigint[] = [];
  for (const p of parts) {
    if (!INT.test(p)) return null;
    const n = BigInt(p);
    if (n > MAX_I64 || n < MIN_I64) return null;
    nums.push(n);
  }
  return { major: nums[0]!, minor: nums[1]!, patch: nums[2]!, preRelease: pre, metadata };
}

/** strings.SplitN(v, ".", 3), requiring three parts. */
function splitN3(v: string): [string, string, string] | null {
  const a = v.indexOf(".");
  if (a < 0) return null;
  const b = v.indexOf(".", a + 1);
  if (b < 0) return null;
  return [v.slice(0, a), v.slice(a + 1, b), v.slice(b + 1)];
}

/** Version.String(): "1.2.3", then "-pre" and "+metadata" when present. */
export function formatSemver(v: SemVer): string {
  return `${v.major}.${v.minor}.${v.patch}` + (v.preRelease ? `-${v.preRelease}` : "") + (v.metadata ? `+${v.metadata}` : "");
}

/** NewVersion then String(): the version in its canonical form ("01.2.3" -> "1.2.3"), or null when invalid. */
export function normalizeSemver(version: string): string | null {
  const v = parseSemver(version);
  return v === null ? null : formatSemver(v);
}
