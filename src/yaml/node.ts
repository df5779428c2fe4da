// The node tree produced by parseYaml, shaped like gopkg.in/yaml.v3's Node.

/** Node kinds, with yaml.v3's numeric values. */
export const enum Kind {
  Document = 1,
  Sequence = 2,
  Mapping = 4,
  Scalar = 8,
  Alias = 16,
}

/** Node style bits, with yaml.v3's numeric values (a node may carry Tagged plus one other). */
export const enum Style {
  Tagged = 1,
  DoubleQuoted = 2,
  SingleQuoted = 4,
  Literal = 8,
  Folded = 16,
  Flow = 32,
}

export interface YamlNode {
  kind: Kind;
  /** Bit set of Style values. */
  style: number;
  /** Resolved or explicit tag, shortened the way yaml.v3 does ("!!str", "!!int", "!foo"); "" for documents and aliases. */
  tag: string;
  /** Scalar text after escapes, folding and chomping; the anchor name for aliases; "" otherwise. */
  value: string;
  anchor: string;
  /** For aliases, the anchored node they refer to. */
  alias: YamlNode | null;
  content: YamlNode[];
  /** 1-based line of the node's first token (its first property when it has an anchor or tag). */
  line: number;
  /** 1-based column, counted in characters (code points). */
  column: number;
}

/** A YAML syntax error; the message is exactly yaml.v3's err.Error() text. */
export class YamlError extends Error {
  /** The 1-based line yaml.v3 puts in the message, or 0 when the message has none. */
  readonly line: number;
  /**
   * Where the problem is (1-based line and column), when known. Unlike `line`, which
   * follows yaml.v3's message (for parser errors a 0-based line, sometimes the start of
   * the enclosing mapping), this is the position an editor should point at.
   */
  readonly mark: { line: number; column: number } | undefined;
  constructor(message: string, line = 0, mark?: { line: number; column: number }) {
    super(message);
    this.name = "YamlError";
    this.line = line;
    this.mark = mark;
  }
}

export function newNode(kind: Kind, style: number, tag: string, value: string, line: number, column: number): YamlNode {
  return { kind, style, tag, value, anchor: "", alias: null, content: [], line, column };
}
