// The base spec's sugar, by feature: struct hooks (run while a struct is copied) and
// steps (run after the copy, in this order). A base version turns a feature on in
// its table (src/butane/base/v0_x); adding sugar is a file here plus a line below.

import type { BaseFeature, BaseResult } from "../base";
import type { Obj, StructHook, TranslateContext } from "../context";
import { inlineContentsHook, resourceHook } from "./contents";
import { contentsLocalHook, sshKeysLocalHook } from "./local-contents";
import { addMountUnits } from "./mount-units";
import { processQuadlets } from "./quadlets";
import { processTrees } from "./trees";

export interface SugarHooks {
  feature: BaseFeature;
  /** Butane struct name → hook; these structs are translated as custom in the reference. */
  hooks: Readonly<Record<string, StructHook>>;
}

export interface SugarStep {
  feature: BaseFeature;
  run(ctx: TranslateContext, cfg: Obj, result: BaseResult): BaseResult;
}

export const SUGAR_HOOKS: readonly SugarHooks[] = [
  { feature: "inlineOnly", hooks: { FileContents: inlineContentsHook } },
  { feature: "resources", hooks: { Resource: resourceHook } },
  { feature: "localContents", hooks: { PasswdUser: sshKeysLocalHook, Unit: contentsLocalHook, Dropin: contentsLocalHook } },
];

export const SUGAR_STEPS: readonly SugarStep[] = [
  { feature: "mountUnits", run: addMountUnits },
  { feature: "trees", run: processTrees },
  { feature: "quadlets", run: processQuadlets },
];
