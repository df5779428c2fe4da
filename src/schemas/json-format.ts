// JSON text for generated schemas: indented objects, but arrays of scalars on one
// line (type unions and enums), which keeps the files a third smaller and their diffs
// readable. Deterministic: key order is insertion order.

export function formatSchemaJson(value: unknown): string {
  return fmt(value, "") + "\n";
}

function fmt(v: unknown, indent: string): string {
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== "object")) return `[${v.map((x) => JSON.stringify(x)).join(", ")}]`;
    const inner = indent + "  ";
    return `[\n${v.map((x) => inner + fmt(x, inner)).join(",\n")}\n${indent}]`;
  }
  if (v !== null && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return "{}";
    const inner = indent + "  ";
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${fmt(x, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(v);
}
