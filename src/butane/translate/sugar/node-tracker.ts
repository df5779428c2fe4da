// The files, directories and links of a generated config, by path: what trees and
// quadlets add must not collide with what the config already has.

import type { Obj } from "../context";

export class NodeTracker {
  private files = new Map<string, number>();
  private dirs = new Map<string, number>();
  private links = new Map<string, number>();
  constructor(private readonly storage: Obj) {
    (this.list("files")).forEach((f, i) => this.files.set(String(f.path ?? ""), i));
    (this.list("directories")).forEach((f, i) => this.dirs.set(String(f.path ?? ""), i));
    (this.list("links")).forEach((f, i) => this.links.set(String(f.path ?? ""), i));
  }
  list(kind: "files" | "directories" | "links"): Obj[] {
    if (!Array.isArray(this.storage[kind])) this.storage[kind] = [];
    return this.storage[kind] as Obj[];
  }
  exists(p: string): boolean {
    return this.files.has(p) || this.dirs.has(p) || this.links.has(p);
  }
  get(kind: "files" | "links", p: string): [number, Obj] | null {
    const i = (kind === "files" ? this.files : this.links).get(p);
    return i === undefined ? null : [i, this.list(kind)[i]!];
  }
  add(kind: "files" | "directories" | "links", node: Obj): [number, Obj] {
    const l = this.list(kind);
    const i = l.length;
    l.push(node);
    (kind === "files" ? this.files : kind === "links" ? this.links : this.dirs).set(String(node.path), i);
    return [i, node];
  }
  /** Drops lists that were created empty, so the output is unchanged where nothing was added. */
  tidy(): void {
    for (const k of ["files", "directories", "links"]) if (Array.isArray(this.storage[k]) && (this.storage[k] as unknown[]).length === 0) delete this.storage[k];
  }
}

export function createNode(path: string, user: Obj | undefined, group: Obj | undefined): Obj {
  const node: Obj = { path };
  const u: Obj = {}, g: Obj = {};
  if (user?.id !== undefined) u.id = user.id;
  if (user?.name !== undefined) u.name = user.name;
  if (group?.id !== undefined) g.id = group.id;
  if (group?.name !== undefined) g.name = group.name;
  node.user = u;
  node.group = g;
  return node;
}

