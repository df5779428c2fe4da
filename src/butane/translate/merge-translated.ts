// Merging a desugared (rendered) config under the user's config, carrying both
// translation sets through the merge transcript so every result path still maps
// back to the YAML that produced it. On paths both sides fed, the user's side wins.

import { pathString, type Report } from "../../core/report";
import { mergeConfigs } from "../../ignition/merge";
import type { SpecVersion } from "../../ignition/spec";
import type { Obj } from "./context";
import { TranslationSet } from "./translation-set";

export function mergeTranslated(
  spec: SpecVersion,
  parent: Obj,
  parentTs: TranslationSet,
  child: Obj,
  childTs: TranslationSet,
  report: Report,
): { config: Obj; ts: TranslationSet; report: Report } {
  const { result, transcript } = mergeConfigs(parent, child, spec);
  const ts = new TranslationSet();
  for (const m of transcript) {
    const left = m.from === "parent" ? parentTs : childTs;
    const entry = left.get(m.fromPath);
    if (!entry) continue;
    if (ts.map.has(pathString(m.toPath)) && m.from !== "child") continue;
    ts.add(entry.from, m.toPath);
  }
  return { config: result, ts, report };
}
