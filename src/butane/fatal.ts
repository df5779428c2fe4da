// Fatal errors as located diagnostics. When a config cannot even be read (a YAML
// syntax error, a type mismatch, a bad variant or version), the reference prints one
// message and stops; the library's `report` also gets each problem as a diagnostic
// with a path, line and column, so that an editor can underline it. The command's
// output does not change: it still prints only the reference's message.

import type { ReportEntry } from "../core/report";
import { READ, type Message } from "./messages";
import { type DecodeErrors, DecodeFailure } from "../parse/decode";
import { documentRoot, nodeAt, pathsOf } from "../parse/positions";
import { YamlError, type YamlNode } from "../yaml";

/** "yaml: line 3: problem" → "problem": the line is in the diagnostic itself. */
function problemText(message: string): string {
  return message.replace(/^yaml: /, "").replace(/^line \d+: /, "");
}

function at(node: YamlNode | null | undefined): { line: number; column: number } | Record<string, never> {
  return node ? { line: node.line, column: node.column } : {};
}

/** The code of one of the decoder's collected errors, by its wording (src/parse/decode.ts). */
function decodeErrorCode(message: string): string {
  if (message.startsWith("cannot unmarshal ")) return READ.typeMismatch.code;
  if (message.startsWith("mapping key ")) return READ.duplicateKey.code;
  return READ.tooManyErrors.code;
}

/** Diagnostics for an error thrown while parsing or decoding `doc`. */
export function readErrorEntries(e: YamlError | DecodeErrors | DecodeFailure, doc: YamlNode | null): ReportEntry[] {
  const root = documentRoot(doc);
  if (e instanceof YamlError) {
    const pos = e.mark ?? (e.line > 0 ? { line: e.line, column: 1 } : { line: 1, column: 1 });
    return [{ severity: "error", path: [], message: problemText(e.message), tag: "yaml", ...pos, code: READ.yamlSyntax.code }];
  }
  if (e instanceof DecodeFailure) {
    const path = e.node ? pathsOf(root, new Set([e.node])).get(e.node) : undefined;
    return [{ severity: "error", path: path ?? [], message: problemText(e.message), tag: "yaml", ...at(e.node ?? root), code: READ.yamlStructure.code }];
  }
  const targets = new Set<YamlNode>();
  for (const n of e.nodes) if (n) targets.add(n);
  const paths = pathsOf(root, targets);
  return e.lines.map((line, i) => {
    const node = e.nodes[i];
    const message = problemText(line);
    return { severity: "error", path: (node && paths.get(node)) ?? [], message, tag: "yaml", ...at(node ?? root), code: decodeErrorCode(message) };
  });
}

/** A diagnostic for a bad `variant` or `version`: at that field, or the document when it is missing. */
export function headerErrorEntry(field: "variant" | "version", m: Message, doc: YamlNode | null): ReportEntry {
  const root = documentRoot(doc);
  const node = nodeAt(root, [field]);
  const pos = node ?? root;
  return { severity: "error", path: node ? [field] : [], message: m.message, tag: "yaml", ...(pos ? at(pos) : { line: 1, column: 1 }), code: m.code };
}
