// Walks a decoded Butane config the way the reference validates it: at every struct
// value (present or zero), first that struct's own rule, then each field in
// declaration order — nested structs (even absent ones), non-nil optional structs
// and every list entry. The same walk reports keys the spec does not know.

import { pathString, Report, type PathPart } from "../core/report";
import { documentRoot, nodeAt } from "../parse/positions";
import { Kind, type YamlNode } from "../yaml";
import type { Obj } from "../core/obj";
import { READ, warnAt } from "./messages";
import type { ButaneSchema } from "./schema";

export type { Obj };

/** Services a rule may need beyond the value itself. */
export interface RuleEnv {
  /**
   * Validates an Ignition config embedded in ignition.config, adding its findings to
   * `report`; returns the parse error message when it cannot be parsed at all.
   */
  checkEmbedded(resourcePath: PathPart[], raw: string, report: Report): string | undefined;
}

/** A validation rule of one Butane struct. */
export type StructRule = (value: Obj, path: PathPart[], report: Report, env: RuleEnv) => void;

export type StructRules = Readonly<Record<string, StructRule>>;

function resolveType(schema: ButaneSchema, type: string): string {
  let t = type;
  while (schema.aliases[t] !== undefined) t = schema.aliases[t]!;
  return t;
}

/** The struct-typed fields of a struct: what the walk descends into. */
interface WalkField {
  key: string;
  /** The struct type of the field, or of its elements for lists. */
  type: string;
  list: boolean;
  optional: boolean;
}

const walkPlans = new WeakMap<ButaneSchema, Map<string, WalkField[]>>();

function walkPlan(schema: ButaneSchema, type: string): WalkField[] {
  let m = walkPlans.get(schema);
  if (!m) walkPlans.set(schema, (m = new Map()));
  let plan = m.get(type);
  if (plan) return plan;
  plan = [];
  for (const f of schema.structs[type]!) {
    const ft = resolveType(schema, f.type);
    const list = ft.endsWith("[]");
    const et = list ? resolveType(schema, ft.slice(0, -2)) : ft;
    if (schema.structs[et]) plan.push({ key: f.key, type: et, list, optional: !!f.optional });
  }
  m.set(type, plan);
  return plan;
}

/** Visits every struct value in walk order. */
export function walkStructs(schema: ButaneSchema, value: Obj | undefined, type: string, path: PathPart[], visit: (v: Obj, type: string, path: PathPart[]) => void): void {
  const v = value ?? {};
  visit(v, type, path);
  for (const f of walkPlan(schema, type)) {
    const fv = v[f.key];
    if (f.list) {
      if (!Array.isArray(fv)) continue;
      for (let i = 0; i < fv.length; i++) walkStructs(schema, fv[i] as Obj, f.type, [...path, f.key, i], visit);
    } else {
      if (f.optional && (fv === undefined || fv === null)) continue;
      walkStructs(schema, fv as Obj | undefined, f.type, [...path, f.key], visit);
    }
  }
}

export function validateButane(schema: ButaneSchema, cfg: Obj, root: string, rules: StructRules, env: RuleEnv): Report {
  const report = new Report();
  walkStructs(schema, cfg, root, [], (v, type, path) => {
    const rule = rules[type];
    if (rule) rule(v, path, report, env);
  });
  return report;
}

const keySets = new WeakMap<ButaneSchema, Map<string, ReadonlySet<string>>>();

function knownKeys(schema: ButaneSchema, type: string): ReadonlySet<string> {
  let m = keySets.get(schema);
  if (!m) keySets.set(schema, (m = new Map()));
  let set = m.get(type);
  if (!set) m.set(type, (set = new Set(schema.structs[type]!.map((f) => f.key))));
  return set;
}

/** Warnings for mapping keys that no field of the struct they configure has. */
export function checkUnusedKeys(schema: ButaneSchema, cfg: Obj, root: string, doc: YamlNode | null): Report {
  const report = new Report();
  const top = documentRoot(doc);
  walkStructs(schema, cfg, root, [], (_v, type, path) => {
    const node = nodeAt(top, path);
    if (!node) return;
    if (node.kind !== Kind.Mapping) {
      warnAt(report, path, READ.contextMismatch(pathString(path)));
      return;
    }
    const known = knownKeys(schema, type);
    const seen = new Set<string>();
    for (let i = 0; i < node.content.length; i += 2) {
      const key = node.content[i]!.value;
      if (known.has(key) || seen.has(key)) continue;
      seen.add(key);
      warnAt(report, [...path, key], READ.unusedKey(key), { atKey: true });
    }
  });
  return report;
}
