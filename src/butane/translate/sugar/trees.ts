// \`storage.trees\`: a directory of the files directory copied into the config, file by
// file (trees, 0.2), with an owner and modes for what it adds (treeOwnership, 0.7).

import { FileAccessError, byteOrder, joinPath, type FileInfo } from "../../../core/files";
import type { PathPart } from "../../../core/report";
import { TRANSLATE, errorAt } from "../../messages";
import type { BaseResult } from "../base";
import type { Obj, TranslateContext } from "../context";
import { makeDataUrl } from "../data-url";
import { LocalFileError, resolveLocalPath } from "../local-files";
import { createNode, NodeTracker } from "./node-tracker";


function fsCall<T>(f: (() => T) | undefined, fallback: string): T {
  if (!f) throw new FileAccessError(fallback);
  return f();
}

export function processTrees(ctx: TranslateContext, cfg: Obj, result: BaseResult): BaseResult {
  const trees = ((cfg.storage as Obj | undefined)?.trees ?? []) as Obj[];
  if (!Array.isArray(trees) || trees.length === 0) return result;
  const storage = (result.config.storage ??= {}) as Obj;
  const t = new NodeTracker(storage);
  const { ts, report } = result;
  const fs = ctx.options.fs;
  for (let i = 0; i < trees.length; i++) {
    const tree = trees[i]!;
    const yamlPath: PathPart[] = ["storage", "trees", i];
    if (ctx.options.filesDir === "") {
      errorAt(report, yamlPath, TRANSLATE.noFilesDir);
      t.tidy();
      return result;
    }
    let srcBase: string;
    try {
      srcBase = resolveLocalPath(String(tree.local ?? ""), ctx.options);
    } catch (e) {
      if (e instanceof LocalFileError) {
        report.error(yamlPath, e.message, { code: e.code });
        continue;
      }
      throw e;
    }
    let info: FileInfo;
    try {
      info = fsCall(fs?.stat ? () => fs.stat!(srcBase) : undefined, `stat ${srcBase}: no file access in this environment`);
    } catch (e) {
      if (e instanceof FileAccessError) {
        errorAt(report, yamlPath, TRANSLATE.fileAccess(e.message));
        continue;
      }
      throw e;
    }
    if (info.kind !== "directory") {
      errorAt(report, yamlPath, TRANSLATE.treeNotDirectory);
      continue;
    }
    const destBase = typeof tree.path === "string" && tree.path !== "" ? tree.path : "/";
    const owned = !!ctx.features.treeOwnership;
    const user = owned ? (tree.user as Obj | undefined) : undefined;
    const group = owned ? (tree.group as Obj | undefined) : undefined;
    const fileMode = owned ? (tree.file_mode as number | undefined) : undefined;
    const dirMode = owned ? (tree.dir_mode as number | undefined) : undefined;
    const custom = dirMode !== undefined || !isEmptyOwner(user) || !isEmptyOwner(group);

    // Runs a host file operation; a failure is reported against the tree and yields undefined.
    const attempt = <T>(op: (() => T) | undefined, unavailable: string): T | undefined => {
      try {
        return fsCall(op, unavailable);
      } catch (e) {
        if (!(e instanceof FileAccessError)) throw e;
        errorAt(report, yamlPath, TRANSLATE.fileAccess(e.message));
        return undefined;
      }
    };
    // The file or link entry for destPath: the user's own one if it is still empty,
    // else a new one; null (with an error) if the path is taken.
    const claim = (kind: "files" | "links", destPath: string, filled: (n: Obj) => boolean): [number, Obj] | null => {
      const hit = t.get(kind, destPath);
      if (hit) {
        if (filled(hit[1])) {
          errorAt(report, yamlPath, TRANSLATE.nodeExists);
          return null;
        }
        return hit;
      }
      if (t.exists(destPath)) {
        errorAt(report, yamlPath, TRANSLATE.nodeExists);
        return null;
      }
      const added = t.add(kind, createNode(destPath, user, group));
      ts.addFromCommonSource(yamlPath, ["storage", kind, added[0]], added[1], ctx.spec, kind === "files" ? "File" : "Link");
      if (added[0] === 0) ts.add(yamlPath, ["storage", kind]);
      return added;
    };
    const nonEmpty = (v: unknown) => typeof v === "string" && v !== "";

    const visit = (srcPath: string, rel: string, kind: FileInfo["kind"], executable: boolean) => {
      const destPath = joinPath(destBase, rel) || destBase;
      if (kind === "directory") {
        if (!custom) return;
        if (t.exists(destPath)) {
          errorAt(report, yamlPath, TRANSLATE.nodeExists);
          return;
        }
        const dir = createNode(destPath, user, group);
        dir.mode = dirMode ?? 0o755;
        const [di] = t.add("directories", dir);
        ts.addFromCommonSource(yamlPath, ["storage", "directories", di], dir, ctx.spec, "Directory");
        if (di === 0) ts.add(yamlPath, ["storage", "directories"]);
      } else if (kind === "file") {
        const claimed = claim("files", destPath, (f) => nonEmpty((f.contents as Obj | undefined)?.source));
        if (!claimed) return;
        const [fi, file] = claimed;
        const data = attempt(fs ? () => fs.readFile(srcPath) : undefined, `open ${srcPath}: no file access in this environment`);
        if (data === undefined) return;
        const contents = ((file.contents ??= {}) as Obj);
        const d = makeDataUrl(data, contents.compression as string | undefined, !ctx.options.noResourceAutoCompression);
        contents.source = d.url;
        ts.add(yamlPath, ["storage", "files", fi, "contents", "source"]);
        if (d.compression !== undefined) {
          contents.compression = d.compression;
          ts.add(yamlPath, ["storage", "files", fi, "contents", "compression"]);
        }
        ts.add(yamlPath, ["storage", "files", fi, "contents"]);
        if (file.mode === undefined) {
          file.mode = fileMode ?? (executable ? 0o755 : 0o644);
          ts.add(yamlPath, ["storage", "files", fi, "mode"]);
        }
      } else if (kind === "symlink") {
        const claimed = claim("links", destPath, (l) => nonEmpty(l.target));
        if (!claimed) return;
        const [li, link] = claimed;
        const target = attempt(fs?.readLink ? () => fs.readLink!(srcPath) : undefined, `readlink ${srcPath}: no file access in this environment`);
        if (target === undefined) return;
        link.target = target;
        ts.add(yamlPath, ["storage", "links", li, "target"]);
      } else {
        errorAt(report, yamlPath, TRANSLATE.treeFileType);
      }
    };

    // filepath.Walk: lexical order, directories before their contents, no symlinks followed.
    const walk = (srcPath: string, rel: string) => {
      const st = attempt(fs?.lstat ? () => fs.lstat!(srcPath) : undefined, `lstat ${srcPath}: no file access in this environment`);
      if (st === undefined) return;
      visit(srcPath, rel, st.kind, st.executable);
      if (st.kind !== "directory") return;
      const names = attempt(fs?.readDir ? () => fs.readDir!(srcPath) : undefined, `open ${srcPath}: no file access in this environment`);
      if (names === undefined) return;
      for (const name of [...names].sort(byteOrder)) walk(srcPath + "/" + name, rel === "" ? name : rel + "/" + name);
    };
    walk(srcBase, "");
  }
  t.tidy();
  return result;
}

function isEmptyOwner(o: Obj | undefined): boolean {
  return !o || (o.id === undefined && o.name === undefined);
}

