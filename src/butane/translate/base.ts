// Translation of the base Butane spec (what every variant shares) into Ignition: the
// automatic struct copy, then the sugar of the features the version has (one file
// each under sugar/). Which features a base version has is data: BaseFeatures, set
// by each version's delta in src/butane/base/.

import { Report, type PathPart } from "../../core/report";
import { mergeConfigs } from "../../ignition/merge";
import type { SpecVersion } from "../../ignition/spec";
import { TRANSLATE, warnAt } from "../messages";
import type { ButaneSchema } from "../schema";
import { translateStruct } from "./auto";
import type { EmbeddedValidation, FeatureFlags, Obj, StructHook, TranslateContext, TranslateOptions } from "./context";
import { SUGAR_HOOKS, SUGAR_STEPS } from "./sugar";
import { TranslationSet } from "./translation-set";

/** The translation features of the base spec, by name (a version has those set true). */
export interface BaseFeatureFlags {
  /** 0.1: file contents are FileContents with inline only, written percent-encoded. */
  inlineOnly?: boolean;
  /** 0.2+: inline and local contents of a Resource as data URLs. */
  resources?: boolean;
  /** 0.2+: with_mount_unit writes a mount unit. */
  mountUnits?: boolean;
  /** 0.3+: a mount unit on a Tang-bound LUKS volume waits for the network (_netdev, remote-fs.target). */
  mountUnitsRemote?: boolean;
  /** 0.4+: with_mount_unit on a swap filesystem writes a swap unit. */
  mountUnitsSwap?: boolean;
  /** 0.2+: storage.trees. */
  trees?: boolean;
  /** 0.7+: a tree's user, group, file_mode and dir_mode. */
  treeOwnership?: boolean;
  /** 0.4+: the kernel_arguments section. */
  kernelArguments?: boolean;
  /** 0.5+: contents_local for units and drop-ins, ssh_authorized_keys_local. */
  localContents?: boolean;
  /** 0.8-exp: systemd.quadlets. */
  quadlets?: boolean;
}

export type BaseFeature = keyof BaseFeatureFlags;

export interface BaseFeatures extends BaseFeatureFlags {
  /** Ignition version the base spec targets. */
  spec: SpecVersion;
}

export interface BaseResult {
  config: Obj;
  ts: TranslationSet;
  report: Report;
}

/** The flags of a feature table, without its spec. */
export function featureFlags(features: BaseFeatures): FeatureFlags {
  const { spec: _spec, ...flags } = features;
  return flags;
}

/**
 * The context of one translation. `features` are the base version's (and, for a
 * variant version, the variant's too: steps read them from the context).
 */
export function baseContext(
  schema: ButaneSchema,
  features: BaseFeatures,
  options: TranslateOptions,
  validateEmbedded: (raw: string, spec: SpecVersion) => EmbeddedValidation,
  variantFeatures: FeatureFlags = {},
): TranslateContext {
  const hooks: Record<string, StructHook> = {
    Ignition: (ctx, _from, to) => {
      to.version = ctx.spec.version;
    },
  };
  const custom = new Set(["Ignition", "File", "Directory", "Link"]);
  const flags: FeatureFlags = { ...featureFlags(features), ...variantFeatures };
  for (const h of SUGAR_HOOKS) {
    if (!flags[h.feature]) continue;
    for (const [struct, hook] of Object.entries(h.hooks)) {
      custom.add(struct);
      hooks[struct] = hook;
    }
  }
  return { schema, spec: features.spec, options, ts: new TranslationSet(), report: new Report(), hooks, custom, validateEmbedded, features: flags };
}

/**
 * Validates an Ignition config embedded as a merge/replace source, adding findings
 * to `report`; returns the parse error when it cannot be parsed.
 */
export function checkEmbeddedConfig(
  validate: TranslateContext["validateEmbedded"],
  spec: SpecVersion,
  resourcePath: PathPart[],
  raw: string,
  report: Report,
): string | undefined {
  const v = validate(raw, spec);
  report.merge(v.entries);
  if (v.error !== undefined) return v.error;
  if (v.unknownVersion) warnAt(report, [...resourcePath, "version"], TRANSLATE.unknownEmbeddedVersion);
  return undefined;
}

/** Translates a whole base config (the reference's ToIgn3_xUnvalidated of the base package). */
export function translateBase(ctx: TranslateContext, cfg: Obj): BaseResult {
  const ret: Obj = {};
  ret.ignition = translateStruct(ctx, cfg.ignition as Obj, "Ignition", "Ignition", ["ignition"], ["ignition"]);
  ctx.ts.add(["version"], ["ignition", "version"]);
  ctx.ts.add(["ignition"], ["ignition"]);
  if (ctx.features.kernelArguments) {
    ret.kernelArguments = translateStruct(ctx, cfg.kernel_arguments as Obj, "KernelArguments", "KernelArguments", ["kernel_arguments"], ["kernelArguments"]);
  }
  ret.passwd = translateStruct(ctx, cfg.passwd as Obj, "Passwd", "Passwd", ["passwd"], ["passwd"]);
  ret.storage = translateStruct(ctx, cfg.storage as Obj, "Storage", "Storage", ["storage"], ["storage"]);
  ret.systemd = translateStruct(ctx, cfg.systemd as Obj, "Systemd", "Systemd", ["systemd"], ["systemd"]);

  let result: BaseResult = { config: ret, ts: ctx.ts, report: ctx.report };
  for (const step of SUGAR_STEPS) if (ctx.features[step.feature]) result = step.run(ctx, cfg, result);
  return result;
}

export { mergeConfigs };
