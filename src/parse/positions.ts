// Finding source positions for report paths, the way the reference correlates a
// report with its YAML: walk the path down the node tree as far as it goes and take
// the position of the deepest node reached (or of the key, for entries about a key).
// Aliases are leaves here: a path never continues through one.

import type { PathPart } from "../core/report";
import { Kind, type YamlNode } from "../yaml";

export interface Position {
  line: number;
  column: number;
}

// Mappings with more keys than this get an index (built once), so that locating every
// diagnostic of a config with thousands of entries stays linear.
const INDEX_FROM = 16;
const keyIndex = new WeakMap<YamlNode, Map<string, number>>();

/** Index in n.content of the last key whose text is `key`, or -1. */
function lastKey(n: YamlNode, key: string): number {
  const c = n.content;
  if (c.length <= 2 * INDEX_FROM) {
    for (let i = c.length - 2; i >= 0; i -= 2) if (c[i]!.value === key) return i;
    return -1;
  }
  let idx = keyIndex.get(n);
  if (!idx) {
    idx = new Map();
    for (let i = 0; i < c.length; i += 2) idx.set(c[i]!.value, i);
    keyIndex.set(n, idx);
  }
  return idx.get(key) ?? -1;
}

function child(n: YamlNode, part: PathPart): YamlNode | undefined {
  if (n.kind === Kind.Mapping) {
    if (typeof part !== "string") return undefined;
    const i = lastKey(n, part);
    return i < 0 ? undefined : n.content[i + 1];
  }
  if (n.kind === Kind.Sequence) {
    if (typeof part !== "number") return undefined;
    return n.content[part];
  }
  return undefined;
}

function keyNode(n: YamlNode, key: PathPart): YamlNode | undefined {
  if (n.kind !== Kind.Mapping || typeof key !== "string") return undefined;
  const i = lastKey(n, key);
  return i < 0 ? undefined : n.content[i];
}

/** The root content node of a document node (or null for an empty document). */
export function documentRoot(doc: YamlNode | null): YamlNode | null {
  if (!doc) return null;
  if (doc.kind === Kind.Document) return doc.content[0] ?? null;
  return doc;
}

/** The node at exactly `path`, or undefined. */
export function nodeAt(root: YamlNode | null, path: readonly PathPart[]): YamlNode | undefined {
  let n: YamlNode | undefined = root ?? undefined;
  for (const p of path) {
    if (!n) return undefined;
    n = child(n, p);
  }
  return n;
}

/** The position for a report entry at `path` (`atKey`: the last part names a key). */
export function locate(root: YamlNode | null, path: readonly PathPart[], atKey = false): Position | undefined {
  if (!root) return undefined;
  let n: YamlNode = root;
  const last = atKey ? path.length - 1 : path.length;
  for (let i = 0; i < last; i++) {
    const c = child(n, path[i]!);
    if (!c) return { line: n.line, column: n.column };
    n = c;
  }
  if (atKey) {
    const k = keyNode(n, path[last]!);
    if (k) return { line: k.line, column: k.column };
  }
  return { line: n.line, column: n.column };
}

/**
 * The path of each of `targets` in the tree under `root` (a key node gets the path of
 * its value), found in one walk; aliases are not followed, so a node inside an
 * anchored subtree has the path of the anchor's definition. Linear in the tree's size:
 * the walk keeps a parent link per node and builds only the paths it returns.
 */
export function pathsOf(root: YamlNode | null, targets: ReadonlySet<YamlNode>): Map<YamlNode, PathPart[]> {
  const found = new Map<YamlNode, PathPart[]>();
  if (!root || targets.size === 0) return found;
  // Visited nodes as parallel arrays: the node, its parent's slot, its path part.
  const parent: number[] = [-1];
  const part: PathPart[] = [""];
  const hits: [YamlNode, number][] = [];
  const stack: [YamlNode, number][] = [[root, 0]];
  while (stack.length > 0 && hits.length < targets.size) {
    const [n, slot] = stack.pop()!;
    if (targets.has(n)) hits.push([n, slot]);
    const c = n.content;
    const add = (p: PathPart): number => (parent.push(slot), part.push(p), parent.length - 1);
    if (n.kind === Kind.Mapping) {
      for (let i = 0; i + 1 < c.length; i += 2) {
        const child = add(c[i]!.value);
        if (targets.has(c[i]!)) hits.push([c[i]!, child]);
        stack.push([c[i + 1]!, child]);
      }
    } else if (n.kind === Kind.Sequence) {
      for (let i = 0; i < c.length; i++) stack.push([c[i]!, add(i)]);
    }
  }
  for (const [n, slot] of hits) {
    const path: PathPart[] = [];
    for (let k = slot; k > 0; k = parent[k]!) path.push(part[k]!);
    found.set(n, path.reverse());
  }
  return found;
}
