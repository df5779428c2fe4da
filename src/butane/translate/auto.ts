// The automatic Butane → Ignition struct translation: fields with the same name
// (snake_case ↔ camelCase) are copied, recursively, recording for every output
// path the input path it came from; structs with sugar get their extra step from
// the context's hooks.

import type { PathPart } from "../../core/report";
import { parseType } from "../../ignition/spec";
import type { ButaneSchema } from "../schema";
import type { Obj, TranslateContext } from "./context";

const camelCache = new Map<string, string>();

/** snake_case → camelCase, with the reference's special case for `_mib`. */
export function camel(s: string): string {
  let c = camelCache.get(s);
  if (c === undefined) {
    const t = s.endsWith("_mib") ? s.slice(0, -4) + "MiB" : s;
    c = t.replace(/_([a-zA-Z0-9])/g, (_, ch: string) => ch.toUpperCase()).replace(/_/g, "");
    camelCache.set(s, c);
  }
  return c;
}

/** camelCase → snake_case (for paths that have no recorded translation). */
export function snake(s: string): string {
  return s.replace(/(MiB|[A-Z])/g, "_$1").toLowerCase();
}

/** Go's reflect IsZero for a decoded Butane value of `type`. */
export function isZeroButane(schema: ButaneSchema, v: unknown, type: string, optional = false): boolean {
  if (v === undefined || v === null) return true;
  if (optional) return false;
  let t = type;
  while (schema.aliases[t] !== undefined) t = schema.aliases[t]!;
  if (t.endsWith("[]")) return false;
  if (t === "string") return v === "";
  if (t === "int" || t === "float") return v === 0;
  if (t === "bool") return v === false;
  for (const f of schema.structs[t]!) if (!isZeroButane(schema, (v as Obj)[f.key], f.type, f.optional)) return false;
  return true;
}

function butaneBase(schema: ButaneSchema, type: string): string {
  let t = type;
  while (schema.aliases[t] !== undefined) t = schema.aliases[t]!;
  return t;
}

/** One field the automatic translation copies: where it comes from and goes to. */
interface FieldPlan {
  from: string;
  to: string;
  /** Butane type with aliases resolved (list element type for lists). */
  fromType: string;
  list: boolean;
  optional: boolean;
  /** Ignition type (element type for lists). */
  toType: string;
  primitive: boolean;
}

const plans = new WeakMap<ButaneSchema, Map<string, FieldPlan[]>>();

/** The fields of `fromType` that have a same-named field in Ignition's `toType`. */
function planFor(ctx: TranslateContext, fromType: string, toType: string): FieldPlan[] {
  let bySchema = plans.get(ctx.schema);
  if (!bySchema) plans.set(ctx.schema, (bySchema = new Map()));
  const k = `${ctx.spec.version}/${fromType}/${toType}`;
  let plan = bySchema.get(k);
  if (plan) return plan;
  const toFields = ctx.spec.structs[toType];
  if (!toFields) throw new Error(`Ignition ${ctx.spec.version} has no struct ${toType}`);
  plan = [];
  for (const f of ctx.schema.structs[fromType]!) {
    if (f.skip) continue;
    const key = camel(f.key);
    const tf = toFields.find((x) => x.key === key);
    if (!tf) continue; // sugar, handled by the struct's hook
    const bt = butaneBase(ctx.schema, f.type);
    const list = bt.endsWith("[]");
    const it = parseType(tf.type);
    plan.push({
      from: f.key,
      to: key,
      fromType: list ? butaneBase(ctx.schema, bt.slice(0, -2)) : bt,
      list,
      optional: !!f.optional,
      toType: it.base,
      primitive: it.primitive,
    });
  }
  bySchema.set(k, plan);
  return plan;
}

/**
 * Translates Butane struct `from` (type `fromType`) into a new Ignition struct of type
 * `toType`, at the given absolute paths.
 */
export function translateStruct(ctx: TranslateContext, from: Obj | undefined, fromType: string, toType: string, fromPath: PathPart[], toPath: PathPart[]): Obj {
  const src = from ?? {};
  const to: Obj = {};
  const before = ctx.ts.adds;
  for (const f of planFor(ctx, fromType, toType)) {
    const key = f.to;
    const v = src[f.from];
    const fp = [...fromPath, f.from], tp = [...toPath, key];
    if (f.list) {
      if (!Array.isArray(v)) continue;
      to[key] = v.map((item, i) => translateValue(ctx, item, f.fromType, f.toType, f.primitive, [...fp, i], [...tp, i]));
      ctx.ts.add(fp, tp);
    } else if (f.primitive) {
      if (v === undefined || v === null) {
        if (!f.optional) ctx.ts.add(fp, tp); // a zero value is still copied
        continue;
      }
      to[key] = v;
      ctx.ts.add(fp, tp);
    } else {
      if (f.optional && (v === undefined || v === null)) continue;
      to[key] = translateStruct(ctx, v as Obj | undefined, f.fromType, f.toType, fp, tp);
    }
  }
  const hook = ctx.hooks[fromType];
  if (hook) hook(ctx, src, to, fromPath, toPath);
  const recorded = ctx.custom.has(fromType) ? ctx.ts.adds > before : !isZeroButane(ctx.schema, from, fromType);
  if (recorded) ctx.ts.add(fromPath, toPath);
  return to;
}

function translateValue(ctx: TranslateContext, v: unknown, fromType: string, toType: string, primitive: boolean, fp: PathPart[], tp: PathPart[]): unknown {
  if (primitive) {
    ctx.ts.add(fp, tp);
    return v;
  }
  return translateStruct(ctx, v as Obj, fromType, toType, fp, tp);
}
