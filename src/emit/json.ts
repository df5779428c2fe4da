// JSON output byte-compatible with the reference tool (Go's encoding/json as used by
// Butane): keys in the order the Ignition spec declares them, `omitempty` semantics,
// HTML-safe escaping of <, > and &, and U+2028/U+2029 escaped.

import { parseType, type SpecVersion } from "../ignition/spec";

const HEX = "0123456789abcdef";

// Characters that Go's encoder escapes: control characters, quote, backslash,
// <, >, & and the two JavaScript line terminators. Lone surrogates (invalid UTF-8
// once encoded) are written as U+FFFD as Go does for invalid bytes.
const NEEDS_ESCAPE = /["\\<>&\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

export function quoteString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) {
      if (c === 0x22) rep = '\\"';
      else if (c === 0x5c) rep = "\\\\";
      else if (c === 0x0a) rep = "\\n";
      else if (c === 0x0d) rep = "\\r";
      else if (c === 0x09) rep = "\\t";
      else rep = "\\u00" + HEX[c >> 4] + HEX[c & 15];
    } else if (c === 0x2028 || c === 0x2029) {
      rep = "\\u202" + HEX[c & 15];
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a valid pair
        continue;
      }
      rep = "\\ufffd";
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      rep = "\\ufffd";
    }
    if (rep !== null) {
      out += s.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** Go's isEmptyValue, extended to structs as the encoder Butane uses does. */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  switch (typeof v) {
    case "string":
      return v.length === 0;
    case "number":
      return v === 0;
    case "boolean":
      return !v;
    case "object":
      if (Array.isArray(v)) return v.length === 0;
      for (const k in v as Record<string, unknown>) {
        if (!isEmptyValue((v as Record<string, unknown>)[k])) return false;
      }
      return true;
  }
  return false;
}

/**
 * Go's isEmptyValue for a field of the given table type: nil for pointers; zero
 * for primitives; no elements for lists; for structs, every field empty.
 */
function isOmitted(v: unknown, optional: boolean | undefined, type: string, spec: SpecVersion): boolean {
  if (v === undefined || v === null) return true;
  if (optional) return false;
  const t = parseType(type);
  if (t.list) return !Array.isArray(v) || v.length === 0;
  if (t.primitive) return v === "" || v === 0 || v === false;
  for (const f of spec.structs[t.base]!) {
    if (!isOmitted((v as Record<string, unknown>)[f.key], f.optional, f.type, spec)) return false;
  }
  return true;
}

/**
 * Serializes a config object whose shape is given by `spec` starting at struct
 * `root`. `pretty` indents by two spaces like Go's MarshalIndent.
 */
export function emitStruct(value: Record<string, unknown>, spec: SpecVersion, root: string, pretty: boolean): string {
  const w = new Writer(pretty);
  w.struct(value, spec, root, 0);
  return w.out;
}

class Writer {
  out = "";
  constructor(private readonly pretty: boolean) {}

  private nl(depth: number): string {
    return this.pretty ? "\n" + "  ".repeat(depth) : "";
  }

  struct(value: Record<string, unknown> | undefined, spec: SpecVersion, name: string, depth: number): void {
    const fields = spec.structs[name];
    if (!fields) throw new Error(`unknown struct ${name} in Ignition ${spec.version}`);
    let first = true;
    this.out += "{";
    for (const f of fields) {
      const v = value?.[f.key];
      if (!f.always && isOmitted(v, f.optional, f.type, spec)) continue;
      this.out += (first ? "" : ",") + this.nl(depth + 1) + quoteString(f.key) + (this.pretty ? ": " : ":");
      first = false;
      this.value(v, spec, f.type, f.optional, depth + 1);
    }
    if (!first) this.out += this.nl(depth);
    this.out += "}";
  }

  private value(v: unknown, spec: SpecVersion, type: string, optional: boolean | undefined, depth: number): void {
    const t = parseType(type);
    if (t.list) {
      if (!Array.isArray(v)) {
        this.out += "null";
        return;
      }
      if (v.length === 0) {
        this.out += "[]";
        return;
      }
      this.out += "[";
      v.forEach((item, i) => {
        this.out += (i ? "," : "") + this.nl(depth + 1);
        this.scalarOrStruct(item, spec, t.base, t.primitive, false, depth + 1);
      });
      this.out += this.nl(depth) + "]";
      return;
    }
    this.scalarOrStruct(v, spec, t.base, t.primitive, optional, depth);
  }

  private scalarOrStruct(v: unknown, spec: SpecVersion, base: string, primitive: boolean, optional: boolean | undefined, depth: number): void {
    if (primitive) {
      if (v === undefined || v === null) {
        this.out += optional ? "null" : base === "string" ? '""' : base === "int" ? "0" : "false";
      } else if (base === "string") {
        this.out += quoteString(String(v));
      } else {
        this.out += String(v);
      }
      return;
    }
    if ((v === undefined || v === null) && optional) {
      this.out += "null";
      return;
    }
    this.struct(v as Record<string, unknown> | undefined, spec, base, depth);
  }
}
