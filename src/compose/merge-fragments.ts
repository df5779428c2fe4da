// Compile-time merge of Butane fragments (`--merge-local`, `mergeLocal: true`).
//
// With it, an `ignition.config.merge` or `ignition.config.replace` entry whose
// `local:` names a `.bu` file is not embedded as a data URL (what the reference
// does) but translated with the same variant and version and merged into the config
// that names it, with Ignition's own merge rules: what Ignition would do at boot with
// the fragment's Ignition config, done now. `replace` makes the fragment the whole
// config, as it does in Ignition. Fragments may name fragments (depth ≤ 16, no cycles).
// The CLI's several top-level files are merged over the first one the same way.
//
// Diagnostics stay where the problem is: entries about a fragment carry its file
// name (`file`) with its own path, line and column; the parent gets one error at the
// `local:` that named a fragment that could not be merged.

import { joinPath } from "../core/files";
import { pathString, type PathPart, type ReportEntry } from "../core/report";
import { mergeConfigs } from "../ignition/merge";
import type { SpecVersion } from "../ignition/spec";
import { documentRoot, nodeAt } from "../parse/positions";
import { parseYaml, type YamlNode } from "../yaml";
import { correlateIn, translatePaths, translateSource, type ComposeHook, type ComposeStage, type PipelineOptions } from "../butane/pipeline";
import type { BaseResult } from "../butane/translate/base";
import type { Obj } from "../butane/translate/context";
import { TranslationSet } from "../butane/translate/translation-set";
import { COMPOSE_MSG } from "./messages";

/** Deepest chain of fragments naming fragments (the main config is depth 0). */
export const MAX_FRAGMENT_DEPTH = 16;

/** A file given on the command line after the first one, merged over it. */
export interface MergeInput {
  name: string;
  contents: string | Uint8Array;
}

export interface MergeLocalSettings {
  /** Name of the main input (its path, for cycle detection and messages). */
  mainName?: string;
  /** Further top-level configs merged over the main one, in order. */
  inputs?: readonly MergeInput[];
}

/** What a composed translation read, for showing diagnostics with their source lines. */
export interface ComposeState {
  /** Text of every fragment read, by the name its diagnostics carry in `file`. */
  sources: Map<string, string>;
}

const dec = new TextDecoder("utf-8", { ignoreBOM: true });

/** Whether a file name is a Butane fragment to merge at compile time. */
export function isFragmentName(local: unknown): local is string {
  return typeof local === "string" && local.endsWith(".bu");
}

/** Whether inline merge/replace contents are a Butane config (a bundle's merged fragment) rather than Ignition JSON. */
export function isButaneText(raw: string): boolean {
  if (!/^variant\s*:/m.test(raw)) return false;
  try {
    const root = documentRoot(parseYaml(raw));
    return nodeAt(root, ["variant"]) !== undefined;
  } catch {
    return false;
  }
}

/** The pipeline option that turns compile-time merging on. */
export function mergeLocalCompose(settings: MergeLocalSettings, state: ComposeState): NonNullable<PipelineOptions["compose"]> {
  const main = settings.mainName !== undefined ? joinPath(settings.mainName) : "<input>";
  return { hook: makeHook([main], settings.inputs ?? [], state), claimsInline: isButaneText };
}

interface FragmentRef {
  kind: "merge" | "replace";
  /** Index in ignition.config.merge (merge only). */
  index: number;
  /** The fragment's name: its files-dir path, or a label for inline and top-level ones. */
  name: string;
  /** Where the parent names it (undefined for top-level inputs). */
  at?: PathPart[];
  read: () => Uint8Array | string;
}

interface Fragment {
  name: string;
  config: Obj;
  ts: TranslationSet;
}

function fragmentRefs(stage: ComposeStage, parentName: string): FragmentRef[] {
  const { cfg, options } = stage;
  const ic = ((cfg.ignition as Obj | undefined)?.config ?? {}) as Obj;
  const refs: FragmentRef[] = [];
  const fs = options.fs;
  const ref = (kind: "merge" | "replace", index: number, res: Obj, base: PathPart[]) => {
    if (isFragmentName(res.local)) {
      const name = joinPath(options.filesDir, res.local);
      refs.push({ kind, index, name, at: [...base, "local"], read: () => (fs ? fs.readFile(name) : new Uint8Array()) });
    } else if (typeof res.inline === "string" && isButaneText(res.inline)) {
      const text = res.inline;
      refs.push({ kind, index, name: `${parentName}#${pathString(base).slice(2)}`, at: [...base, "inline"], read: () => text });
    }
  };
  const replace = ic.replace as Obj | undefined;
  if (replace) ref("replace", -1, replace, ["ignition", "config", "replace"]);
  if (Array.isArray(ic.merge)) (ic.merge as Obj[]).forEach((m, i) => m && ref("merge", i, m, ["ignition", "config", "merge", i]));
  return refs;
}

function makeHook(chain: readonly string[], inputs: readonly MergeInput[], state: ComposeState): ComposeHook {
  return (stage) => {
    const parentName = chain[chain.length - 1]!;
    const refs = fragmentRefs(stage, parentName);
    if (refs.length === 0 && inputs.length === 0) return { result: stage.result };
    const docs = new Map<string, YamlNode | null>();
    const entries: ReportEntry[] = [];
    const parentError = (at: PathPart[] | undefined, message: string) => {
      if (at) entries.push({ severity: "error", path: at, message, tag: "yaml" });
    };

    const load = (ref: FragmentRef): Fragment | undefined => {
      if (chain.includes(ref.name)) {
        parentError(ref.at, COMPOSE_MSG.cycle([...chain, ref.name]));
        return undefined;
      }
      if (chain.length > MAX_FRAGMENT_DEPTH) {
        parentError(ref.at, COMPOSE_MSG.tooDeep(MAX_FRAGMENT_DEPTH));
        return undefined;
      }
      const raw = ref.read();
      state.sources.set(ref.name, typeof raw === "string" ? raw : dec.decode(raw));
      return translateFragment(stage, ref, raw, [...chain, ref.name], state, docs, entries, parentError);
    };

    const replaceRef = refs.find((r) => r.kind === "replace");
    let current: { config: Obj; ts: TranslationSet } = withoutRefs(stage.result, refs);
    if (replaceRef) {
      // Ignition: a replacement config is the whole config; the merges beside it are never fetched.
      const f = load(replaceRef);
      if (f) current = { config: f.config, ts: tagged(f) };
    } else {
      for (const ref of refs) {
        const f = load(ref);
        if (f) current = mergeFragment(stage.spec, current, f);
      }
    }
    if (chain.length === 1) {
      for (const input of inputs) {
        const f = load({ kind: "merge", index: -1, name: joinPath(input.name), read: () => input.contents });
        if (f) current = mergeFragment(stage.spec, current, f);
      }
    }
    const report = stage.result.report;
    report.merge(entries);
    const result: BaseResult = { config: current.config, ts: current.ts, report };
    return { result, docs };
  };
}

/** Translates one fragment; its entries (with `file`) go to `entries`. */
function translateFragment(
  stage: ComposeStage,
  ref: FragmentRef,
  raw: Uint8Array | string,
  chain: string[],
  state: ComposeState,
  docs: Map<string, YamlNode | null>,
  entries: ReportEntry[],
  parentError: (at: PathPart[] | undefined, message: string) => void,
): Fragment | undefined {
  const options: PipelineOptions = { ...stage.options, compose: { hook: makeHook(chain, [], state), claimsInline: isButaneText } };
  const src = translateSource(raw, options);
  const own = (list: readonly ReportEntry[]) => list.map((e) => (e.file === undefined ? { ...e, file: ref.name } : e));
  if (!("def" in src)) {
    entries.push(...own([...src.entries, ...(src.fatalEntries ?? [])]));
    parentError(ref.at, COMPOSE_MSG.cannotMerge(ref.name, src.fatal ?? "source config is invalid"));
    return undefined;
  }
  docs.set(ref.name, src.doc);
  for (const [k, v] of src.docs) docs.set(k, v);
  const mine = src.def;
  if (mine.variant !== stage.def.variant || mine.version !== stage.def.version) {
    const node = nodeAt(src.root, ["version"]) ?? src.root;
    entries.push({ severity: "error", path: ["version"], message: COMPOSE_MSG.mismatchHere(stage.def.variant, stage.def.version), tag: "yaml", file: ref.name, ...(node ? { line: node.line, column: node.column } : {}) });
    parentError(ref.at, COMPOSE_MSG.mismatch(ref.name, mine.variant, mine.version, stage.def.variant, stage.def.version));
    return undefined;
  }
  const failed = src.result.report.isFatal() || src.translated.isFatal();
  const ts = failed ? new TranslationSet() : src.result.ts;
  const all = [
    ...src.report.entries,
    ...correlateIn(src.translated.entries, src.root, src.docs),
    ...correlateIn(translatePaths(src.result.report.entries, ts), src.root, src.docs),
  ];
  entries.push(...own(all));
  // A wrapper (OpenShift's MachineConfig) is written from the main config alone.
  if (stage.def.wrapper) {
    for (const key of ["openshift"]) {
      const keys = src.root?.content ?? [];
      const node = keys.find((k, i) => i % 2 === 0 && k.value === key);
      const v = src.cfg[key];
      if (node && v && typeof v === "object" && Object.keys(v).length > 0) {
        entries.push({ severity: "warning", path: [key], message: COMPOSE_MSG.wrapperFieldIgnored(key), tag: "yaml", file: ref.name, line: node.line, column: node.column });
      }
    }
  }
  if (failed) {
    parentError(ref.at, COMPOSE_MSG.cannotMerge(ref.name, "source config is invalid"));
    return undefined;
  }
  return { name: ref.name, config: src.result.config, ts: src.result.ts };
}

/** The fragment's translations, each naming its file. */
function tagged(f: Fragment): TranslationSet {
  const ts = new TranslationSet();
  for (const t of f.ts.map.values()) ts.add(t.from, t.to, t.file ?? f.name);
  return ts;
}

/** Ignition's merge of the fragment over the config so far; on paths both fed, the fragment's source wins. */
function mergeFragment(spec: SpecVersion, parent: { config: Obj; ts: TranslationSet }, f: Fragment): { config: Obj; ts: TranslationSet } {
  const { result, transcript } = mergeConfigs(parent.config, f.config, spec);
  const childTs = tagged(f);
  const ts = new TranslationSet();
  for (const m of transcript) {
    const entry = (m.from === "parent" ? parent.ts : childTs).get(m.fromPath);
    if (!entry) continue;
    if (ts.map.has(pathString(m.toPath)) && m.from !== "child") continue;
    ts.add(entry.from, m.toPath, entry.file);
  }
  return { config: result, ts };
}

/** The translation without the merge/replace entries that are fragments (they are merged, not fetched at boot). */
function withoutRefs(result: BaseResult, refs: readonly FragmentRef[]): { config: Obj; ts: TranslationSet } {
  if (refs.length === 0) return { config: result.config, ts: result.ts };
  const config = structuredCloneObj(result.config);
  const ic = ((config.ignition as Obj | undefined)?.config ?? {}) as Obj;
  const dropped = new Set(refs.filter((r) => r.kind === "merge").map((r) => r.index));
  const hasReplace = refs.some((r) => r.kind === "replace");
  // New index of each kept merge entry.
  const renumber = new Map<number, number>();
  if (Array.isArray(ic.merge)) {
    const kept: unknown[] = [];
    (ic.merge as unknown[]).forEach((m, i) => {
      if (dropped.has(i)) return;
      renumber.set(i, kept.length);
      kept.push(m);
    });
    if (kept.length) ic.merge = kept;
    else delete ic.merge;
  }
  if (hasReplace) delete ic.replace;
  const ts = new TranslationSet();
  for (const t of result.ts.map.values()) {
    const to = t.to;
    if (to[0] === "ignition" && to[1] === "config") {
      if (to[2] === "replace" && hasReplace) continue;
      if (to[2] === "merge") {
        if (to.length === 3 && ic.merge === undefined) continue;
        if (to.length > 3) {
          const n = renumber.get(to[3] as number);
          if (n === undefined) continue;
          ts.add(t.from, ["ignition", "config", "merge", n, ...to.slice(4)], t.file);
          continue;
        }
      }
    }
    ts.add(t.from, t.to, t.file);
  }
  return { config, ts };
}

/** A copy deep enough to edit ignition.config without touching the translation's own objects. */
function structuredCloneObj(config: Obj): Obj {
  const ignition = { ...((config.ignition as Obj | undefined) ?? {}) };
  const ic = { ...((ignition.config as Obj | undefined) ?? {}) };
  if (Array.isArray(ic.merge)) ic.merge = [...(ic.merge as unknown[])];
  ignition.config = ic;
  return { ...config, ignition };
}
