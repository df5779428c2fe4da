// INTERIM: an approximation of the yaml.v3 node tree built on the `yaml` package,
// used until src/yaml (the libyaml-faithful parser) lands. Same interface.
import { parseAllDocuments, isMap, isSeq, isScalar, isAlias, LineCounter, type Node as ENode, Scalar } from "yaml";
import { implicitTag } from "./resolve";

export const enum Kind { Document = 1, Sequence = 2, Mapping = 4, Scalar = 8, Alias = 16 }
export const enum Style { Tagged = 1, DoubleQuoted = 2, SingleQuoted = 4, Literal = 8, Folded = 16, Flow = 32 }
export interface YamlNode { kind: Kind; style: number; tag: string; value: string; anchor: string; alias: YamlNode | null; content: YamlNode[]; line: number; column: number }
export class YamlError extends Error {}

export function parseYaml(input: string | Uint8Array): YamlNode | null {
  const text = typeof input === "string" ? input : new TextDecoder().decode(input);
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { schema: "failsafe", uniqueKeys: false, lineCounter: lc, merge: false });
  if (!Array.isArray(docs) || docs.length === 0) return null;
  const doc = docs[0]!;
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new YamlError(`yaml: line ${e.linePos?.[0]?.line ?? 1}: ${e.message.split("\n")[0]}`);
  }
  if (doc.contents === null) return null;
  const anchors = new Map<string, YamlNode>();
  const pos = (off: number) => lc.linePos(off);
  const conv = (n: ENode | null, fallbackOffset: number): YamlNode => {
    if (n === null) {
      const p = pos(fallbackOffset);
      return { kind: Kind.Scalar, style: 0, tag: "!!null", value: "", anchor: "", alias: null, content: [], line: p.line, column: p.col };
    }
    const p = pos(n.range?.[0] ?? fallbackOffset);
    const base = { anchor: (n as { anchor?: string }).anchor ?? "", alias: null, content: [] as YamlNode[], line: p.line, column: p.col };
    let out: YamlNode;
    if (isMap(n)) {
      out = { ...base, kind: Kind.Mapping, style: n.flow ? Style.Flow : 0, tag: "!!map", value: "" };
      for (const pair of n.items) {
        const k = conv(pair.key as ENode | null, n.range?.[0] ?? 0);
        out.content.push(k, conv(pair.value as ENode | null, (pair.key as ENode | null)?.range?.[1] ?? 0));
      }
    } else if (isSeq(n)) {
      out = { ...base, kind: Kind.Sequence, style: n.flow ? Style.Flow : 0, tag: "!!seq", value: "" };
      for (const item of n.items) out.content.push(conv(item as ENode | null, n.range?.[0] ?? 0));
    } else if (isAlias(n)) {
      out = { ...base, kind: Kind.Alias, style: 0, tag: "", value: n.source, alias: anchors.get(n.source) ?? null };
    } else if (isScalar(n)) {
      const s = n as Scalar;
      const value = String(s.value ?? "");
      let style = 0;
      if (s.type === Scalar.QUOTE_DOUBLE) style = Style.DoubleQuoted;
      else if (s.type === Scalar.QUOTE_SINGLE) style = Style.SingleQuoted;
      else if (s.type === Scalar.BLOCK_LITERAL) style = Style.Literal;
      else if (s.type === Scalar.BLOCK_FOLDED) style = Style.Folded;
      let tag = s.tag ? s.tag.replace("tag:yaml.org,2002:", "!!") : "";
      if (tag) style |= Style.Tagged;
      else tag = style ? "!!str" : value === "<<" ? "!!merge" : implicitTag(value);
      out = { ...base, kind: Kind.Scalar, style, tag, value };
    } else {
      throw new YamlError("yaml: unsupported node");
    }
    if (out.anchor) anchors.set(out.anchor, out);
    return out;
  };
  const root = conv(doc.contents as ENode, 0);
  return { kind: Kind.Document, style: 0, tag: "", value: "", anchor: "", alias: null, content: [root], line: 1, column: 1 };
}
