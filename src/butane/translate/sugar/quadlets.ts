// \`systemd.quadlets\` (0.8, experimental): Podman quadlet files and their drop-ins
// under /etc/containers/systemd (or .../users when not rootful); a template
// instance becomes a link to its template.

import { joinPath } from "../../../core/files";
import type { PathPart } from "../../../core/report";
import { TRANSLATE, errorAt } from "../../messages";
import type { BaseResult } from "../base";
import type { Obj, TranslateContext } from "../context";
import { makeDataUrl } from "../data-url";
import { LocalFileError, readLocalFile } from "../local-files";
import { createNode, NodeTracker } from "./node-tracker";

const enc = new TextEncoder();

function quadletPath(rootful: boolean, name: string): string {
  return joinPath(rootful ? "/etc/containers/systemd" : "/etc/containers/systemd/users", name);
}

/** foo@bar.container → "foo@.container"; null when not a template instance. */
export function templateOf(name: string): string | null {
  const at = name.indexOf("@");
  if (at === -1) return null;
  const dot = name.lastIndexOf(".");
  if (dot === -1 || at + 1 === dot) return null;
  return `${name.slice(0, at)}@.${name.slice(dot + 1)}`;
}

export function processQuadlets(ctx: TranslateContext, cfg: Obj, result: BaseResult): BaseResult {
  const quadlets = ((cfg.systemd as Obj | undefined)?.quadlets ?? []) as Obj[];
  if (!Array.isArray(quadlets) || quadlets.length === 0) return result;
  const storage = (result.config.storage ??= {}) as Obj;
  const t = new NodeTracker(storage);
  const { ts, report } = result;
  const base: PathPart[] = ["systemd", "quadlets"];
  ts.add(base, ["storage"]);

  const addFile = (contentsLocal: unknown, contents: unknown, dest: string, p: PathPart[]) => {
    const hit = t.get("files", dest);
    if ((hit && typeof (hit[1].contents as Obj | undefined)?.source === "string") || t.exists(dest)) {
      errorAt(report, p, TRANSLATE.nodeExists);
      return;
    }
    const [i, file] = t.add("files", createNode(dest, undefined, undefined));
    if (i === 0) ts.add(p, ["storage", "files"]);
    ts.addFromCommonSource(p, ["storage", "files", i], file, ctx.spec, "File");
    ts.add([...p, "name"], ["storage", "files", i, "path"]);
    let data: Uint8Array = new Uint8Array();
    let cp: PathPart[] = p;
    if (typeof contentsLocal === "string" && contentsLocal !== "") {
      cp = [...p, "contents_local"];
      try {
        data = readLocalFile(contentsLocal, ctx.options);
      } catch (e) {
        if (e instanceof LocalFileError) {
          report.error(cp, e.message, { code: e.code });
          return;
        }
        throw e;
      }
    }
    if (typeof contents === "string" && contents !== "") {
      cp = [...p, "contents"];
      data = enc.encode(contents);
    }
    const c = (file.contents = {} as Obj);
    const d = makeDataUrl(data, undefined, !ctx.options.noResourceAutoCompression);
    c.source = d.url;
    ts.add(cp, ["storage", "files", i, "contents", "source"]);
    if (d.compression !== undefined) {
      c.compression = d.compression;
      ts.add(p, ["storage", "files", i, "contents", "compression"]);
    }
    ts.add(cp, ["storage", "files", i, "contents"]);
    if (file.mode === undefined) {
      file.mode = 0o644;
      ts.add(p, ["storage", "files", i, "mode"]);
    }
  };

  quadlets.forEach((q, n) => {
    const p = [...base, n];
    const name = String(q.name ?? "");
    const rootful = q.rootful === true;
    const template = templateOf(name);
    if (template) {
      const dest = quadletPath(rootful, name);
      if (t.get("links", dest) || t.exists(dest)) {
        errorAt(report, p, TRANSLATE.nodeExists);
      } else {
        const link = createNode(dest, undefined, undefined);
        delete link.user;
        delete link.group;
        link.target = template;
        const [i] = t.add("links", link);
        if (i === 0) ts.add(p, ["storage", "links"]);
        ts.addFromCommonSource(p, ["storage", "links", i], link, ctx.spec, "Link");
        ts.add([...p, "name"], ["storage", "links", i, "path"]);
        ts.add(p, ["storage", "links", i, "target"]);
      }
    } else {
      addFile(q.contents_local, q.contents, quadletPath(rootful, name), p);
    }
    const dropins = Array.isArray(q.dropins) ? (q.dropins as Obj[]) : [];
    dropins.forEach((d, i) => {
      addFile(d.contents_local, d.contents, quadletPath(rootful, name) + ".d/" + String(d.name ?? ""), [...p, "dropins", i]);
    });
  });
  t.tidy();
  return result;
}
