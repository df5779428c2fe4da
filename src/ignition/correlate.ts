// vcontext's Report.Correlate: the line and column of an entry are those of the deepest
// node of the document that its path reaches (a key's own position for key entries).

import type { ReportEntry } from "../core/report";
import type { JNode, LineIndex } from "../go/json";

/** Start index of the deepest node the path reaches (-1 when unknown). */
export function deepestStart(tree: JNode, e: ReportEntry): number {
  let node: JNode = tree;
  const parts = e.path;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (node.kind === "object" && typeof p === "string") {
      if (e.atKey && i === parts.length - 1) {
        const ks = node.keyStarts.get(p);
        return ks === undefined ? node.start : ks;
      }
      const child = node.map.get(p);
      if (child === undefined) break;
      node = child;
    } else if (node.kind === "array" && typeof p === "number") {
      const child = node.items[p];
      if (child === undefined) break;
      node = child;
    } else break;
  }
  return node.start;
}

/** Sets line/column on entries from the document they refer to. */
export function correlate(entries: ReportEntry[], tree: JNode, lines: LineIndex): ReportEntry[] {
  return entries.map((e) => {
    const pos = lines.at(deepestStart(tree, e));
    return pos ? { ...e, line: pos.line, column: pos.column } : e;
  });
}
