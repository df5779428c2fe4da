// Ignition's ValidateUnusedKeys (run by ValidateWithContext on a parsed document):
// keys present in the JSON that the spec version does not define, and places where a
// struct's JSON is not an object.

import type { LooseObj as Obj } from "../../core/obj";
import type { PathPart, ReportEntry, Severity } from "../../core/report";
import type { SpecVersion } from "../spec/model";
import type { JNode } from "../../go/json";
import { Kind, planFor, type StructPlan } from "./plan";
import { IGNITION_TEMPLATES as T } from "./messages";


function pathString(parts: readonly PathPart[]): string {
  let s = "$";
  for (const p of parts) s += "." + String(p);
  return s;
}

function visit(sp: StructPlan, o: Obj, node: JNode | undefined, path: PathPart[], out: ReportEntry[], sev: Severity): void {
  if (node === undefined) return;
  if (node.kind !== "object") {
    const m = T.contextMismatch(pathString(path));
    out.push({ severity: "warning", message: m.message, path: path.slice(), tag: "json", code: m.code });
    return;
  }
  for (const key of node.map.keys()) {
    if (!sp.keys.has(key)) out.push({ severity: sev, message: `unused key ${key}`, path: [...path, key], atKey: true, tag: "json", code: T.unusedKey.code });
  }
  for (const f of sp.fields) {
    const child = node.map.get(f.key);
    if (child === undefined) continue;
    const v = o[f.key];
    switch (f.kind) {
      case Kind.Struct:
        // Go visits the (possibly zero) struct value wherever the document has a node.
        path.push(f.key);
        visit(f.sub!, v !== null && typeof v === "object" ? v : {}, child, path, out, sev);
        path.pop();
        break;
      case Kind.Ptr:
        if (v !== null && typeof v === "object") {
          path.push(f.key);
          visit(f.sub!, v, child, path, out, sev);
          path.pop();
        }
        break;
      case Kind.List:
        if (Array.isArray(v) && child.kind === "array") {
          path.push(f.key);
          for (let i = 0; i < v.length; i++) {
            path.push(i);
            visit(f.sub!, v[i] ?? {}, child.items[i], path, out, sev);
            path.pop();
          }
          path.pop();
        }
        break;
    }
  }
}

/**
 * Unused-key entries for a decoded config against its document tree, in walk order.
 * Ignition reports them as warnings; `severity` lets a stricter check make them errors.
 */
export function validateUnusedKeys(config: object, tree: JNode, spec: SpecVersion, severity: Severity = "warning"): ReportEntry[] {
  const out: ReportEntry[] = [];
  visit(planFor(spec).root, config as Obj, tree, [], out, severity);
  return out;
}
