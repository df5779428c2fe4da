// A self-contained Butane bundle (`--bundle`, `bundle()`): the same config with
// every local file it names written into it — `local:` resources as `inline:` text
// (or a `source:` data URL for bytes that are not text, and always under
// ignition.config, where inline text would be validated as Ignition JSON), units'
// and quadlets' `contents_local` as `contents`, `ssh_authorized_keys_local` as keys,
// trees as files/links/directories entries. With mergeLocal, merged `.bu` fragments
// become inline Butane fragments (themselves bundled) that a mergeLocal translation
// merges exactly as it merged the files.
//
// The bundle is the original text with only those nodes changed (comments, order and
// quoting elsewhere stay). It is checked before it is returned: translating it must
// give exactly the output the original gives with its files directory, or there is
// no bundle but an error. A config that does not translate gives its errors and no
// bundle.

import { FileAccessError, joinPath, type FileSystemAccess } from "../core/files";
import { pathString, toDiagnostic, type Diagnostic, type PathPart, type ReportEntry } from "../core/report";
import { translateSource, type PipelineOptions, type TranslatedSource } from "../butane/pipeline";
import type { ButaneSchema } from "../butane/schema";
import type { Obj } from "../butane/translate/context";
import { makeDataUrl } from "../butane/translate/data-url";
import { registerBuiltinVariants } from "../butane/variants";
import { toFileSystem, translateDetailed, type TranslateOptions } from "../api/translate";
import { Kind, Style, type YamlNode } from "../yaml";
import { decodeBytes } from "../yaml/reader";
import { documentRoot } from "../parse/positions";
import { isButaneText, isFragmentName } from "./merge-fragments";
import { COMPOSE_MSG } from "./messages";
import { applyEdits, blockEntries, blockItems, flowValue, scalarValue, SourceMap, TextEditUnsupported, type Edit, type Value } from "./yaml-text";

export type BundleOptions = TranslateOptions;

/**
 * A union on `ok`, like TranslateResult: the bundled Butane config, or why there is
 * none. `report` has the original config's diagnostics (as translate() gives them) and
 * the bundle's own error, if any.
 */
export type BundleResult =
  | { ok: true; output: string; report: Diagnostic[]; error?: undefined }
  | { ok: false; error: string; report: Diagnostic[]; output?: undefined };

/** A problem that stops the bundle, at a place in the config. */
class BundleError extends Error {
  constructor(readonly path: PathPart[], message: string) {
    super(message);
  }
}

const lossy = new TextDecoder("utf-8", { ignoreBOM: true });
const strict = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Bundles a Butane config; the report and errors are translate()'s, plus the bundle's own. */
export function bundleDetailed(input: string | Uint8Array, options: BundleOptions = {}): BundleResult & { entries: ReportEntry[]; sources?: Map<string, string> } {
  const checked = translateDetailed(input, options);
  const base = { entries: checked.entries, ...(checked.sources ? { sources: checked.sources } : {}) };
  if (checked.error !== undefined) return { ...base, ok: false, report: checked.report, error: checked.error };
  try {
    const output = bundleText(input, options, options.mergeLocal ? options.mergeInputs ?? [] : []);
    // Fail closed: the bundle must translate, without any files, to what the original gave.
    const again = translateDetailed(output, { ...(options.mergeLocal ? { mergeLocal: true, ...(options.inputName !== undefined ? { inputName: options.inputName } : {}) } : {}), pretty: options.pretty, raw: options.raw, noResourceAutoCompression: options.noResourceAutoCompression });
    if (again.output !== checked.output) throw new BundleError([], `cannot bundle this config exactly: the bundle would translate differently${again.error ? ` (${again.error})` : ""}`);
    return { ...base, ok: true, report: checked.report, output };
  } catch (e) {
    // Like translate(), a bug still ends as a named error, never a throw.
    const known = e instanceof BundleError || e instanceof TextEditUnsupported || e instanceof FileAccessError;
    const path = e instanceof BundleError ? e.path : [];
    const text = e instanceof Error ? e.message : String(e);
    const message = e instanceof BundleError ? e.message : known ? `cannot bundle this config: ${text}` : `internal error: ${text}`;
    const entry: ReportEntry = { severity: "error", path, message, tag: "yaml", ...positionOf(input, path) };
    return { ...base, ok: false, entries: [...checked.entries, entry], report: [...checked.report, toDiagnostic(entry)], error: message };
  }
}

/** Bundles a Butane config (see the module comment). */
export function bundle(input: string | Uint8Array, options: BundleOptions = {}): BundleResult {
  const { entries: _e, sources: _s, ...result } = bundleDetailed(input, options);
  return result;
}

function positionOf(input: string | Uint8Array, path: PathPart[]): { line?: number; column?: number } {
  try {
    const src = translateSource(input, { filesDir: "" });
    if (!("def" in src)) return {};
    const n = nodeAt(src.root, path);
    return n ? { line: n.line, column: n.column } : {};
  } catch {
    return {};
  }
}

// ---- finding nodes -----------------------------------------------------------------

function entryIndex(m: YamlNode, key: string): number {
  if (m.kind !== Kind.Mapping) return -1;
  for (let i = m.content.length - 2; i >= 0; i -= 2) if (m.content[i]!.value === key) return i;
  return -1;
}

function nodeAt(root: YamlNode | null, path: readonly PathPart[]): YamlNode | undefined {
  let n: YamlNode | undefined = root ?? undefined;
  for (const p of path) {
    // An alias stands for its anchored node: editing that edits every use alike.
    if (n?.kind === Kind.Alias) n = n.alias ?? undefined;
    if (!n) return undefined;
    if (n.kind === Kind.Mapping && typeof p === "string") {
      const i = entryIndex(n, p);
      n = i < 0 ? undefined : n.content[i + 1];
    } else if (n.kind === Kind.Sequence && typeof p === "number") {
      n = n.content[p];
    } else return undefined;
  }
  return n?.kind === Kind.Alias ? n.alias ?? undefined : n;
}

// ---- the bundle --------------------------------------------------------------------

interface Ctx {
  src: TranslatedSource;
  map: SourceMap;
  fs: FileSystemAccess | undefined;
  options: BundleOptions;
  allowCompression: boolean;
  edits: Edit[];
}

function bundleText(input: string | Uint8Array, options: BundleOptions, extraInputs: readonly { name: string; contents: string | Uint8Array }[] = []): string {
  const text = typeof input === "string" ? input : decodeBytes(input).text;
  const fs = toFileSystem(options.readFile);
  const popts: PipelineOptions = {
    filesDir: options.filesDir ?? "",
    noResourceAutoCompression: !!options.noResourceAutoCompression,
    ...(fs ? { fs } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.mergeLocal ? { compose: { hook: (s) => ({ result: s.result }), claimsInline: isButaneText } } : {}),
  };
  registerBuiltinVariants();
  const src = translateSource(text, popts);
  if (!("def" in src)) throw new BundleError([], src.fatal ?? "the config cannot be read");
  const ctx: Ctx = {
    src, map: new SourceMap(text), fs, options, edits: [],
    allowCompression: !(options.noResourceAutoCompression || src.def.options?.noResourceAutoCompression),
  };
  walk(ctx, src.def.schema, src.cfg, "Config", []);
  // Further top-level files (merged over this one) become inline fragments at the end of its merge list.
  if (extraInputs.length > 0) {
    const inner = extraInputs.map((f) => {
      try {
        return bundleText(f.contents, ctx.options);
      } catch (err) {
        if (err instanceof BundleError) throw new BundleError([], `cannot bundle ${f.name}: ${err.message}`);
        throw err;
      }
    });
    appendToList(ctx, ["ignition", "config", "merge"], inner.map((text) => ({ inline: text })));
  }
  if (ctx.edits.length === 0) return ctx.map.text;
  // A node reached through several aliases gets the same edit from each: keep one.
  const seen = new Set<string>();
  const crlf = usesCrlf(ctx.map.text);
  const edits = ctx.edits
    .filter((e) => {
      const k = `${e.start}:${e.end}:${e.text}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .map((e) => {
      // Text that moves onto a new line starts after the value's key, without the space left behind.
      let start = e.start;
      if (e.text.startsWith("\n") && e.end > e.start) while (start > 0 && ctx.map.text[start - 1] === " ") start--;
      // New lines in the document's own line break style (breaks only: scalars escape CR and LF).
      return { start, end: e.end, text: crlf ? e.text.replace(/\n/g, "\r\n") : e.text };
    });
  return applyEdits(ctx.map.text, edits);
}

/** Visits every struct of the decoded config, by the schema, bundling the sugar that names files. */
function walk(ctx: Ctx, schema: ButaneSchema, value: unknown, type: string, path: PathPart[]): void {
  const t = resolveType(schema, type);
  if (value === undefined || value === null) return;
  if (t.endsWith("[]")) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(ctx, schema, v, t.slice(0, -2), [...path, i]));
    return;
  }
  const fields = schema.structs[t];
  if (!fields || typeof value !== "object") return;
  const obj = value as Obj;
  for (const f of fields) walk(ctx, schema, obj[f.key], f.type, [...path, f.key]);
  if (t === "Resource" && typeof obj.local === "string") bundleResource(ctx, obj, path);
  if ((t === "Unit" || t === "Dropin" || t === "Quadlet") && typeof obj.contents_local === "string" && obj.contents_local !== "") {
    bundleContentsLocal(ctx, obj, path, path.includes("quadlets"));
  }
  if (t === "PasswdUser" && Array.isArray(obj.ssh_authorized_keys_local) && obj.ssh_authorized_keys_local.length > 0) bundleSshKeys(ctx, obj, path);
  if (t === "Storage" && Array.isArray(obj.trees) && obj.trees.length > 0) bundleTrees(ctx, obj, path);
}

/** Every line break is CRLF. */
function usesCrlf(text: string): boolean {
  return text.includes("\r\n") && !/(^|[^\r])\n/.test(text);
}

function resolveType(schema: ButaneSchema, type: string): string {
  let t = type;
  for (let i = 0; i < 8 && schema.aliases[t.replace(/\[\]$/, "")] !== undefined; i++) {
    const list = t.endsWith("[]");
    t = schema.aliases[t.replace(/\[\]$/, "")]! + (list ? "[]" : "");
  }
  return t;
}

function readLocal(ctx: Ctx, local: string, path: PathPart[]): Uint8Array {
  const name = joinPath(ctx.options.filesDir ?? "", local);
  if (!ctx.fs) throw new BundleError(path, `open ${name}: no file access in this environment`);
  try {
    return ctx.fs.readFile(name);
  } catch (e) {
    if (e instanceof FileAccessError) throw new BundleError(path, e.message);
    throw e;
  }
}

interface Entry {
  mapping: YamlNode;
  key: YamlNode;
  value: YamlNode;
}

function entry(ctx: Ctx, path: PathPart[], key: string): Entry {
  const mapping = nodeAt(ctx.src.root, path);
  const i = mapping ? entryIndex(mapping, key) : -1;
  if (!mapping || i < 0) throw new BundleError(path, `cannot bundle: ${pathString([...path, key])} is not written out in the text (an alias or merge key); write it out to bundle it`);
  return { mapping, key: mapping.content[i]!, value: mapping.content[i + 1]! };
}

const isFlow = (n: YamlNode) => (n.style & Style.Flow) !== 0;
/** The indentation of a block collection's entries (its node starts at its anchor or tag when it has one). */
function indentOf(n: YamlNode): number {
  if (n.anchor === "" && !(n.style & Style.Tagged)) return n.column - 1;
  const first = n.content[0];
  if (!first) return n.column - 1;
  if (n.kind === Kind.Mapping) return first.column - 1;
  // A sequence: the dash sits before its first item, on that item's line.
  return Math.max(0, first.column - 3);
}

/** Replaces `key: value` by `newKey: <v>` (a string written as a scalar) and adds entries after it. */
function replaceEntry(ctx: Ctx, e: Entry, newKey: string, v: string, after: Record<string, Value> = {}): void {
  const { map, edits } = ctx;
  const k = map.span(e.key), val = map.span(e.value);
  edits.push({ start: k.start, end: k.end, text: newKey });
  const flow = isFlow(e.mapping);
  const s = scalarValue(v, indentOf(e.mapping), !flow);
  edits.push({ start: val.start, end: val.end, text: s.header });
  if (flow) {
    const extra = Object.entries(after).map(([key, x]) => `, ${key}: ${flowValue(x)}`).join("");
    if (extra) edits.push({ start: val.end, end: val.end, text: extra });
    return;
  }
  const at = map.lineEndAfter(val.end);
  if (s.body) edits.push({ start: at, end: at, text: s.body });
  if (Object.keys(after).length) edits.push({ start: at, end: at, text: "\n" + blockEntries(after as { [k: string]: Value }, indentOf(e.mapping)) });
}

function bundleResource(ctx: Ctx, res: Obj, path: PathPart[]): void {
  const local = res.local as string;
  const e = entry(ctx, path, "local");
  const bytes = readLocal(ctx, local, [...path, "local"]);
  const underConfig = path[0] === "ignition" && path[1] === "config";
  if (underConfig && ctx.options.mergeLocal && isFragmentName(local)) {
    // A fragment merged at compile time: inline Butane, itself bundled.
    const name = joinPath(ctx.options.filesDir ?? "", local);
    let inner: string;
    try {
      inner = bundleText(bytes, ctx.options);
    } catch (err) {
      if (err instanceof BundleError) throw new BundleError([...path, "local"], `cannot bundle ${name}: ${err.message}`);
      throw err;
    }
    replaceEntry(ctx, e, "inline", inner);
    return;
  }
  const text = utf8(bytes);
  if (!underConfig && text !== undefined) {
    replaceEntry(ctx, e, "inline", text);
    return;
  }
  const d = makeDataUrl(bytes, res.compression as string | undefined, ctx.allowCompression);
  const ci = entryIndex(e.mapping, "compression");
  if (ci < 0 || d.compression === undefined) {
    replaceEntry(ctx, e, "source", d.url, d.compression !== undefined ? { compression: d.compression } : {});
    return;
  }
  // The user's `compression: ""` takes the value the translator gives it.
  replaceEntry(ctx, e, "source", d.url);
  const cv = ctx.map.span(e.mapping.content[ci + 1]!);
  ctx.edits.push({ start: cv.start, end: cv.end, text: flowValue(d.compression) });
}

function bundleContentsLocal(ctx: Ctx, obj: Obj, path: PathPart[], quadlet: boolean): void {
  const e = entry(ctx, path, "contents_local");
  const bytes = readLocal(ctx, obj.contents_local as string, [...path, "contents_local"]);
  // Units take the text as the translator decodes it; a quadlet's bytes must be text to be written as contents.
  const text = quadlet ? utf8(bytes) : lossy.decode(bytes);
  if (text === undefined) throw new BundleError([...path, "contents_local"], COMPOSE_MSG.bundleBinaryQuadlet);
  replaceEntry(ctx, e, "contents", text);
}

function bundleSshKeys(ctx: Ctx, obj: Obj, path: PathPart[]): void {
  const e = entry(ctx, path, "ssh_authorized_keys_local");
  const keys: string[] = Array.isArray(obj.ssh_authorized_keys) ? (obj.ssh_authorized_keys as unknown[]).map(String) : [];
  (obj.ssh_authorized_keys_local as unknown[]).forEach((file, i) => {
    const data = readLocal(ctx, String(file), [...path, "ssh_authorized_keys_local", i]);
    for (const line of lossy.decode(data).split(/\r?\n/)) if (line !== "") keys.push(line);
  });
  const { map, edits } = ctx;
  const existing = entryIndex(e.mapping, "ssh_authorized_keys");
  const listText = (target: YamlNode) => (isFlow(target) || target.kind !== Kind.Sequence ? flowValue(keys) : blockItems(keys, indentOf(target)).slice(indentOf(target)));
  if (existing < 0) {
    const k = map.span(e.key), v = map.span(e.value);
    edits.push({ start: k.start, end: k.end, text: "ssh_authorized_keys" });
    edits.push({ start: v.start, end: v.end, text: listText(e.value) });
    return;
  }
  const ev = e.mapping.content[existing + 1]!;
  const span = map.span(ev);
  edits.push({ start: span.start, end: span.end, text: listText(ev) });
  edits.push({ ...deletion(ctx, e), text: "" });
}

/** The text span that removes an entry from a block mapping. */
function deletion(ctx: Ctx, e: Entry): { start: number; end: number; newline: boolean } {
  const { map } = ctx;
  const ks = map.start(e.key);
  if (isFlow(e.mapping)) {
    // `a: 1, key: v, b: 2` → `a: 1, b: 2`: the entry and the comma after it (or before it, when last).
    const i = entryIndex(e.mapping, e.key.value);
    const next = e.mapping.content[i + 2];
    if (next) return { start: ks, end: map.start(next), newline: false };
    const prev = e.mapping.content[i - 1];
    return { start: prev ? map.span(prev).end : ks, end: map.span(e.value).end, newline: false };
  }
  const ls = map.lineStartOf(ks);
  const v = map.span(e.value);
  if (map.text.slice(ls, ks).trim() === "") {
    const end = map.lineEndAfter(v.end);
    const br = map.text.startsWith("\r\n", end) ? 2 : map.text[end] === "\n" ? 1 : 0;
    return { start: ls, end: end + br, newline: br > 0 };
  }
  const i = entryIndex(e.mapping, e.key.value);
  const next = e.mapping.content[i + 2];
  if (!next) throw new TextEditUnsupported(`cannot remove ${e.key.value}: it is the only entry of its mapping`);
  return { start: ks, end: map.start(next), newline: false };
}

/** Appends items to the block list at `path`, writing the mappings on the way that are missing. */
function appendToList(ctx: Ctx, path: readonly string[], items: Value[]): void {
  const { map, edits } = ctx;
  let mapping = ctx.src.root;
  let depth = 0;
  for (; depth < path.length; depth++) {
    if (!mapping || mapping.kind !== Kind.Mapping || isFlow(mapping)) throw new TextEditUnsupported(`${pathString(path.slice(0, depth))} must be a block mapping to add merge entries to it`);
    const i = entryIndex(mapping, path[depth]!);
    if (i < 0) break;
    const v = mapping.content[i + 1]!;
    if (depth === path.length - 1) {
      if (v.kind === Kind.Sequence && v.content.length > 0) {
        addItems(ctx, v, items);
        return;
      }
      if ((v.kind === Kind.Sequence && v.content.length === 0) || (v.kind === Kind.Scalar && v.value === "")) {
        const sp = map.span(v);
        edits.push({ start: sp.start, end: sp.end, text: "\n" + blockItems(items, indentOf(mapping) + 2) });
        return;
      }
      throw new TextEditUnsupported(`${pathString(path)} must be a block list to add merge entries to it`);
    }
    if (v.kind === Kind.Scalar && v.value === "" && v.tag === "!!null") {
      // `key:` with nothing under it: write the rest there.
      let rest: Value = items;
      for (let k = path.length - 1; k > depth; k--) rest = { [path[k]!]: rest };
      const sp = map.span(v);
      edits.push({ start: sp.start, end: sp.end, text: "\n" + blockEntries(rest as { [k: string]: Value }, indentOf(mapping) + 2) });
      return;
    }
    mapping = v;
  }
  if (!mapping) throw new TextEditUnsupported("the config is empty");
  let rest: Value = items;
  for (let k = path.length - 1; k >= depth; k--) rest = { [path[k]!]: rest };
  const at = map.lineEndAfter(map.span(mapping).end);
  edits.push({ start: at, end: at, text: "\n" + blockEntries(rest as { [k: string]: Value }, indentOf(mapping)) });
}

// ---- trees -------------------------------------------------------------------------

type Kind3 = "files" | "links" | "directories";

function bundleTrees(ctx: Ctx, storage: Obj, path: PathPart[]): void {
  const { src, map, edits } = ctx;
  const out = (src.result.config.storage ?? {}) as Obj;
  const fs = ctx.fs;
  // Where each file of each tree comes from, as the translator walks them.
  const sources = new Map<string, string>();
  for (const tree of storage.trees as Obj[]) {
    const srcBase = joinPath(ctx.options.filesDir ?? "", String(tree.local ?? ""));
    const destBase = typeof tree.path === "string" && tree.path !== "" ? tree.path : "/";
    const visit = (p: string, rel: string) => {
      const st = fs?.lstat?.(p);
      if (!st) return;
      if (st.kind === "file") sources.set(joinPath(destBase, rel) || destBase, p);
      if (st.kind === "directory") for (const n of fs?.readDir?.(p) ?? []) visit(p + "/" + n, rel === "" ? n : rel + "/" + n);
    };
    visit(srcBase, "");
  }
  const storageNode = nodeAt(src.root, path);
  if (!storageNode || storageNode.kind !== Kind.Mapping) throw new TextEditUnsupported("storage must be a mapping to expand its trees");
  // An entry a tree made, or filled (a user's entry it claimed records only what it set).
  const fromTree = (kind: Kind3, j: number) =>
    [[], ["contents", "source"], ["target"]].some((tail) => {
      const t = src.result.ts.get(["storage", kind, j, ...tail]);
      return !!t && t.file === undefined && t.from[0] === "storage" && t.from[1] === "trees";
    });
  const fileContents = (f: Obj, userCompression: unknown): Record<string, Value> => {
    const srcPath = sources.get(String(f.path));
    const bytes = srcPath && fs ? fs.readFile(srcPath) : undefined;
    const text = bytes ? utf8(bytes) : undefined;
    if (text !== undefined) return { inline: text };
    const c = (f.contents ?? {}) as Obj;
    const r: Record<string, Value> = { source: String(c.source ?? "") };
    if (typeof c.compression === "string" && userCompression === undefined) r.compression = c.compression;
    return r;
  };
  const owner = (o: unknown): Record<string, Value> | undefined => {
    const x = (o ?? {}) as Obj;
    const r: Record<string, Value> = {};
    if (x.id !== undefined && x.id !== null) r.id = x.id as number;
    if (typeof x.name === "string") r.name = x.name;
    return Object.keys(r).length ? r : undefined;
  };
  const newKinds: Record<string, Value> = {};
  for (const kind of ["files", "links", "directories"] as const) {
    const list = Array.isArray(out[kind]) ? (out[kind] as Obj[]) : [];
    const userCount = Array.isArray(storage[kind]) ? (storage[kind] as unknown[]).length : 0;
    const added: Value[] = [];
    list.forEach((item, j) => {
      if (!fromTree(kind, j)) return;
      if (j < userCount) {
        claim(ctx, [...path, kind, j], kind, item, storage, fileContents);
        return;
      }
      const v: Record<string, Value> = { path: String(item.path) };
      if (kind === "links") v.target = String(item.target ?? "");
      if (typeof item.mode === "number") v.mode = { octal: item.mode };
      const u = owner(item.user), g = owner(item.group);
      if (u) v.user = u;
      if (g) v.group = g;
      if (kind === "files") v.contents = fileContents(item, undefined);
      added.push(v);
    });
    if (added.length === 0) continue;
    const i = entryIndex(storageNode, kind);
    if (i < 0) {
      newKinds[kind] = added;
      continue;
    }
    const lv = storageNode.content[i + 1]!;
    if (lv.kind === Kind.Sequence && lv.content.length > 0) {
      addItems(ctx, lv, added);
    } else if (lv.kind === Kind.Sequence || (lv.kind === Kind.Scalar && lv.value === "")) {
      const s = map.span(lv);
      edits.push({ start: s.start, end: s.end, text: "\n" + blockItems(added, indentOf(storageNode) + 2) });
    } else {
      throw new TextEditUnsupported(`storage.${kind} must be a block list to add the trees' entries to it`);
    }
  }
  const del = deletion(ctx, entry(ctx, path, "trees"));
  if (isFlow(storageNode)) {
    edits.push({ start: del.start, end: del.end, text: "" });
    if (Object.keys(newKinds).length) addEntries(ctx, storageNode, newKinds, storageNode.content.length > 2);
    return;
  }
  const replacement = Object.keys(newKinds).length ? blockEntries(newKinds as { [k: string]: Value }, indentOf(storageNode)) + (del.newline ? "\n" : "") : "";
  edits.push({ start: del.start, end: del.end, text: replacement });
}

/** Fills the user's own entry that a tree claimed (same path, no contents/target yet). */
function claim(ctx: Ctx, path: PathPart[], kind: Kind3, item: Obj, _storage: Obj, fileContents: (f: Obj, c: unknown) => Record<string, Value>): void {
  const node = nodeAt(ctx.src.root, path);
  if (!node || node.kind !== Kind.Mapping) throw new TextEditUnsupported(`${pathString(path)} must be a mapping to take its tree contents`);
  const add: Record<string, Value> = {};
  if (kind === "links") add.target = String(item.target ?? "");
  if (kind === "files") {
    if (typeof item.mode === "number" && entryIndex(node, "mode") < 0) add.mode = { octal: item.mode };
    const ci = entryIndex(node, "contents");
    if (ci < 0) add.contents = fileContents(item, undefined);
    else {
      const c = node.content[ci + 1]!;
      if (c.kind !== Kind.Mapping || (!isFlow(c) && c.content.length === 0)) throw new TextEditUnsupported(`${pathString([...path, "contents"])} must be a mapping to take its tree contents`);
      const ui = entryIndex(c, "compression");
      addEntries(ctx, c, fileContents(item, ui < 0 ? undefined : c.content[ui + 1]!.value));
    }
  }
  if (Object.keys(add).length > 0) addEntries(ctx, node, add);
}

/** Adds entries at the end of a mapping: new lines in block style, `, key: value` in flow style. */
function addEntries(ctx: Ctx, node: YamlNode, obj: Record<string, Value>, keeps = node.content.length > 0): void {
  const { map, edits } = ctx;
  const end = map.span(node).end;
  if (isFlow(node)) {
    const text = Object.entries(obj).map(([k, v]) => `${k}: ${flowValue(v)}`).join(", ");
    edits.push({ start: end - 1, end: end - 1, text: (keeps ? ", " : "") + text });
    return;
  }
  const at = map.lineEndAfter(end);
  edits.push({ start: at, end: at, text: "\n" + blockEntries(obj as { [k: string]: Value }, indentOf(node)) });
}

/** Adds items at the end of a non-empty block list, or of a flow list. */
function addItems(ctx: Ctx, node: YamlNode, items: Value[]): void {
  const { map, edits } = ctx;
  const end = map.span(node).end;
  if (isFlow(node)) {
    edits.push({ start: end - 1, end: end - 1, text: (node.content.length ? ", " : "") + items.map(flowValue).join(", ") });
    return;
  }
  const at = map.lineEndAfter(end);
  edits.push({ start: at, end: at, text: "\n" + blockItems(items, indentOf(node)) });
}

export { documentRoot };
