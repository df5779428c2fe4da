// Scalar resolution as the reference's YAML library does it (gopkg.in/yaml.v3):
// YAML 1.2 core-schema booleans and nulls, but integers parsed the Go way, so a
// leading 0 means octal (`mode: 0644` is 420), `0o`, `0x` and `0b` prefixes work and
// underscores are ignored; floats only in YAML's own spelling; plain dates are
// timestamps.

export type Resolved =
  | { tag: "!!null"; value: null }
  | { tag: "!!bool"; value: boolean }
  /** Go int64; `big` is set when the value does not fit a JS safe integer. */
  | { tag: "!!int"; value: number; big?: bigint; unsigned?: boolean }
  | { tag: "!!float"; value: number }
  | { tag: "!!str"; value: string }
  | { tag: "!!timestamp"; value: string }
  | { tag: "!!merge"; value: string }
  | { tag: string; value: string };

const MAP: Record<string, Resolved> = {};
for (const s of ["true", "True", "TRUE"]) MAP[s] = { tag: "!!bool", value: true };
for (const s of ["false", "False", "FALSE"]) MAP[s] = { tag: "!!bool", value: false };
for (const s of ["", "~", "null", "Null", "NULL"]) MAP[s] = { tag: "!!null", value: null };
for (const s of [".nan", ".NaN", ".NAN"]) MAP[s] = { tag: "!!float", value: NaN };
for (const s of [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]) MAP[s] = { tag: "!!float", value: Infinity };
for (const s of ["-.inf", "-.Inf", "-.INF"]) MAP[s] = { tag: "!!float", value: -Infinity };
MAP["<<"] = { tag: "!!merge", value: "<<" };

const RESOLVABLE = new Set(["", "!!str", "!!bool", "!!int", "!!float", "!!null", "!!timestamp"]);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

export class ResolveError extends Error {}

/**
 * Resolves a plain scalar `value` under an explicit or implicit `tag` ("" when
 * untagged). Throws ResolveError for a value that contradicts its explicit tag,
 * with the reference's message.
 */
export function resolve(tag: string, value: string): Resolved {
  if (!RESOLVABLE.has(tag)) return { tag, value };
  const r = resolveImplicit(tag, value);
  if (tag === "" || tag === r.tag || tag === "!!str" || tag === "!!binary") return r;
  if (tag === "!!float" && r.tag === "!!int") return { tag: "!!float", value: r.value as number };
  throw new ResolveError(`cannot decode ${r.tag} \`${value}\` as a ${tag}`);
}

function resolveImplicit(tag: string, s: string): Resolved {
  if (tag === "!!str") return { tag: "!!str", value: s };
  const c = s.length ? s.charCodeAt(0) : -1;
  const isDigit = c >= 48 && c <= 57;
  const isSign = c === 43 || c === 45;
  const inMap = c === -1 || "yYnNtTfFoO~".includes(s[0]!);
  if (!(isDigit || isSign || inMap || c === 46)) return { tag: "!!str", value: s };
  const hit = MAP[s];
  if (hit) return hit;
  if (c === 46) {
    const f = parseGoFloat(s);
    return f === null ? { tag: "!!str", value: s } : { tag: "!!float", value: f };
  }
  if (!(isDigit || isSign)) return { tag: "!!str", value: s };

  if ((tag === "" || tag === "!!timestamp") && isTimestamp(s)) return { tag: "!!timestamp", value: s };
  const plain = s.replace(/_/g, "");
  const i = parseGoInt(plain);
  if (i !== null) {
    if (i >= INT64_MIN && i <= INT64_MAX) return intResult(i, false);
    if (i >= 0n && i <= UINT64_MAX) return intResult(i, true);
  }
  if (YAML_FLOAT.test(plain)) {
    // Go reports out-of-range floats as errors, which leaves the scalar a string.
    const f = Number(plain);
    if (Number.isFinite(f)) return { tag: "!!float", value: f };
  }
  let m = /^(-?)0b([01]+)$/.exec(plain);
  if (m) {
    const v = BigInt((m[1] ? "-" : "") + "0b" + m[2]);
    if (v >= INT64_MIN && v <= UINT64_MAX) return intResult(v, v > INT64_MAX);
  }
  m = /^(-?)0o([0-7]+)$/.exec(plain);
  if (m) {
    const v = BigInt((m[1] ? "-" : "") + "0o" + m[2]);
    if (v >= INT64_MIN && v <= UINT64_MAX) return intResult(v, v > INT64_MAX);
  }
  return { tag: "!!str", value: s };
}

function intResult(v: bigint, unsigned: boolean): Resolved {
  const n = Number(v);
  const r: { tag: "!!int"; value: number; big?: bigint; unsigned?: boolean } = { tag: "!!int", value: n };
  if (!Number.isSafeInteger(n)) r.big = v;
  if (unsigned) r.unsigned = true;
  return r;
}

/** Go's strconv.ParseInt(s, 0, 64) syntax (range is checked by the caller). */
function parseGoInt(s: string): bigint | null {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return null;
  let body = m[2]!;
  if (/^0[0-7]+$/.test(body)) body = "0o" + body.slice(1);
  else body = body.replace(/^0([XOB])/, (_, p: string) => "0" + p.toLowerCase());
  const v = BigInt(body);
  return m[1] === "-" ? -v : v;
}

/** Go's strconv.ParseFloat for the forms a scalar starting with "." can take. */
function parseGoFloat(s: string): number | null {
  if (!/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return null;
  const f = Number(s);
  return Number.isFinite(f) ? f : null;
}

// The subset of YAML timestamps the reference recognises (Go time layouts
// 2006-1-2, 2006-1-2 15:4:5.999999999 and 2006-1-2T15:4:5.999999999Z07:00).
const TS_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TS_SPACE = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?$/;
const TS_ZONE = /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function isTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  const m = TS_DATE.exec(s) ?? TS_SPACE.exec(s) ?? TS_ZONE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  if (d > days) return false;
  if (m[4] !== undefined && (+m[4] > 23 || +m[5]! > 59 || +m[6]! > 59)) return false;
  if (m[8] !== undefined && m[8] !== "Z") {
    const [hh, mm] = m[8].slice(1).split(":").map(Number) as [number, number];
    if (hh > 24 || mm > 59) return false;
  }
  return true;
}

/** The tag a plain untagged scalar resolves to (yaml.v3's Node.ShortTag for scalars). */
export function implicitTag(value: string): string {
  try {
    return resolve("", value).tag;
  } catch {
    return "!!str";
  }
}
