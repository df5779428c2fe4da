// Translation of the base Butane spec (what every variant shares) into Ignition:
// the automatic struct copy plus the sugar — inline/local contents as data URLs,
// local unit contents and SSH keys, mount units for filesystems, file trees and
// quadlets. Which of these a base version has is data (BaseFeatures).

import { FileAccessError, joinPath, type FileInfo } from "../../core/files";
import { Report, type PathPart } from "../../core/report";
import { mergeConfigs } from "../../ignition/merge";
import type { SpecVersion } from "../../ignition/spec";
import type { ButaneSchema } from "../schema";
import { translateStruct } from "./auto";
import type { EmbeddedValidation, Obj, StructHook, TranslateContext, TranslateOptions } from "./context";
import { makeDataUrl, plainDataUrl } from "./data-url";
import { LocalFileError, readLocalFile, resolveLocalPath } from "./local-files";
import { errorAt, TRANSLATE, warnAt } from "../messages";
import { mergeTranslated } from "./merge-translated";
import { TranslationSet } from "./translation-set";

export interface BaseFeatures {
  /** Ignition version the base spec targets. */
  spec: SpecVersion;
  /** 0.1: file contents are FileContents with inline only, written percent-encoded. */
  inlineOnly?: boolean;
  /** Mount unit template generation: 0 none, 2 basic, 3 remote (_netdev), 4 swap too. */
  mountUnits: 0 | 2 | 3 | 4;
  /** Trees: 0 none, 2 basic, 7 with user/group/file_mode/dir_mode. */
  trees: 0 | 2 | 7;
  /** contents_local for units/dropins and ssh_authorized_keys_local. */
  localContents?: boolean;
  /** kernel_arguments section. */
  kernelArguments?: boolean;
  /** systemd.quadlets. */
  quadlets?: boolean;
}


const enc = new TextEncoder();
const dec = new TextDecoder("utf-8", { ignoreBOM: true });

export interface BaseResult {
  config: Obj;
  ts: TranslationSet;
  report: Report;
}

export function baseContext(
  schema: ButaneSchema,
  features: BaseFeatures,
  options: TranslateOptions,
  validateEmbedded: (raw: string, spec: SpecVersion) => EmbeddedValidation,
): TranslateContext {
  const hooks: Record<string, StructHook> = {
    Ignition: (ctx, _from, to) => {
      to.version = ctx.spec.version;
    },
  };
  const custom = new Set(["Ignition", "File", "Directory", "Link"]);
  if (features.inlineOnly) {
    custom.add("FileContents");
    hooks.FileContents = (ctx, from, to, fromPath, toPath) => {
      if (typeof from.inline === "string") {
        to.source = plainDataUrl(enc.encode(from.inline));
        ctx.ts.add([...fromPath, "inline"], [...toPath, "source"]);
      }
    };
  } else {
    custom.add("Resource");
    hooks.Resource = resourceHook;
  }
  if (features.localContents) {
    for (const s of ["PasswdUser", "Unit", "Dropin"]) custom.add(s);
    hooks.PasswdUser = sshKeysLocalHook;
    hooks.Unit = contentsLocalHook;
    hooks.Dropin = contentsLocalHook;
  }
  return { schema, spec: features.spec, options, ts: new TranslationSet(), report: new Report(), hooks, custom, validateEmbedded };
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

const resourceHook: StructHook = (ctx, from, to, fromPath, toPath) => {
  const allow = !ctx.options.noResourceAutoCompression;
  const setContents = (bytes: Uint8Array, srcKey: string) => {
    const d = makeDataUrl(bytes, to.compression as string | undefined, allow);
    to.source = d.url;
    ctx.ts.add([...fromPath, srcKey], [...toPath, "source"]);
    if (d.compression !== undefined) {
      to.compression = d.compression;
      ctx.ts.add([...fromPath, srcKey], [...toPath, "compression"]);
    }
  };
  if (typeof from.local === "string") {
    const p = [...fromPath, "local"];
    let contents: Uint8Array;
    try {
      contents = readLocalFile(from.local, ctx.options);
    } catch (e) {
      if (e instanceof LocalFileError) {
        ctx.report.error(p, e.message, { code: e.code });
        return;
      }
      throw e;
    }
    // The reference means to validate local Ignition configs under ignition.config
    // here, but tests a path relative to the resource, so it never does; neither do we.
    setContents(contents, "local");
  }
  if (typeof from.inline === "string") setContents(enc.encode(from.inline), "inline");
};

const sshKeysLocalHook: StructHook = (ctx, from, to, fromPath, toPath) => {
  const files = from.ssh_authorized_keys_local;
  if (!Array.isArray(files) || files.length === 0) return;
  const c = [...fromPath, "ssh_authorized_keys_local"];
  ctx.ts.add(c, [...toPath, "sshAuthorizedKeys"]);
  if (ctx.options.filesDir === "") {
    errorAt(ctx.report, c, TRANSLATE.noFilesDir);
    return;
  }
  const keys = Array.isArray(to.sshAuthorizedKeys) ? (to.sshAuthorizedKeys as string[]) : [];
  files.forEach((file, i) => {
    let data: Uint8Array;
    try {
      data = readLocalFile(String(file), ctx.options);
    } catch (e) {
      if (e instanceof LocalFileError) {
        ctx.report.error([...c, i], e.message, { code: e.code });
        return;
      }
      throw e;
    }
    for (const line of dec.decode(data).split(/\r?\n/)) {
      if (line === "") continue;
      ctx.ts.add([...c, i], [...toPath, "sshAuthorizedKeys", keys.length]);
      keys.push(line);
    }
  });
  if (keys.length) to.sshAuthorizedKeys = keys;
};

const contentsLocalHook: StructHook = (ctx, from, to, fromPath, toPath) => {
  if (typeof from.contents_local !== "string" || from.contents_local === "") return;
  const c = [...fromPath, "contents_local"];
  try {
    to.contents = dec.decode(readLocalFile(from.contents_local, ctx.options));
  } catch (e) {
    if (e instanceof LocalFileError) {
      ctx.report.error(c, e.message, { code: e.code });
      return;
    }
    throw e;
  }
  ctx.ts.add(c, [...toPath, "contents"]);
};

/** Translates a whole base config (the reference's ToIgn3_xUnvalidated of the base package). */
export function translateBase(ctx: TranslateContext, cfg: Obj, features: BaseFeatures): BaseResult {
  const ret: Obj = {};
  ret.ignition = translateStruct(ctx, cfg.ignition as Obj, "Ignition", "Ignition", ["ignition"], ["ignition"]);
  ctx.ts.add(["version"], ["ignition", "version"]);
  ctx.ts.add(["ignition"], ["ignition"]);
  if (features.kernelArguments) {
    ret.kernelArguments = translateStruct(ctx, cfg.kernel_arguments as Obj, "KernelArguments", "KernelArguments", ["kernel_arguments"], ["kernelArguments"]);
  }
  ret.passwd = translateStruct(ctx, cfg.passwd as Obj, "Passwd", "Passwd", ["passwd"], ["passwd"]);
  ret.storage = translateStruct(ctx, cfg.storage as Obj, "Storage", "Storage", ["storage"], ["storage"]);
  ret.systemd = translateStruct(ctx, cfg.systemd as Obj, "Systemd", "Systemd", ["systemd"], ["systemd"]);

  let result: BaseResult = { config: ret, ts: ctx.ts, report: ctx.report };
  if (features.mountUnits) result = addMountUnits(ctx, cfg, result, features.mountUnits);
  if (features.trees) processTrees(ctx, cfg, result, features.trees);
  if (features.quadlets) processQuadlets(ctx, cfg, result);
  return result;
}

// ---- mount units ------------------------------------------------------------

/** systemd-escape --path. */
export function unitNamePathEscape(s: string): string {
  const bytes = enc.encode(s);
  let out = "";
  let inSlashes = false, start = true;
  const allowed = (c: number) => c === 58 || c === 95 || c === 46 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  for (const c of bytes) {
    if (c === 47) {
      inSlashes = true;
      continue;
    } else if (inSlashes) {
      inSlashes = false;
      if (!start) out += "-";
    }
    if ((start && c === 46) || !allowed(c)) out += "\\x" + c.toString(16);
    else out += String.fromCharCode(c);
    start = false;
  }
  return out === "" ? "-" : out;
}

function mountUnitContents(fs: Obj, remote: boolean, generation: 2 | 3 | 4): string {
  const device = String(fs.device ?? "");
  const esc = unitNamePathEscape(device);
  const opts = Array.isArray(fs.mount_options) ? (fs.mount_options as unknown[]).map(String) : [];
  const withRemote = generation >= 3 && remote;
  let options = "";
  if (opts.length || withRemote) options = "\nOptions=" + opts.join(",") + (withRemote ? (opts.length ? "," : "") + "_netdev" : "");
  if (generation >= 4 && fs.format === "swap") {
    return `# Generated by Butane\n[Swap]\nWhat=${device}${options}\n\n[Install]\nRequiredBy=swap.target`;
  }
  const target = withRemote ? "remote-fs.target" : "local-fs.target";
  return (
    `# Generated by Butane\n[Unit]\nRequires=systemd-fsck@${esc}.service\nAfter=systemd-fsck@${esc}.service\n\n` +
    `[Mount]\nWhere=${String(fs.path ?? "")}\nWhat=${device}\nType=${String(fs.format ?? "")}${options}\n\n[Install]\nRequiredBy=${target}`
  );
}

function addMountUnits(ctx: TranslateContext, cfg: Obj, current: BaseResult, generation: 2 | 3 | 4): BaseResult {
  const filesystems = ((cfg.storage as Obj | undefined)?.filesystems ?? []) as Obj[];
  if (!Array.isArray(filesystems) || filesystems.length === 0) return current;
  const units: Obj[] = [];
  const rts = new TranslationSet();
  rts.add(["storage", "filesystems"], ["systemd"]);
  rts.add(["storage", "filesystems"], ["systemd", "units"]);
  const luks = ((cfg.storage as Obj).luks ?? []) as Obj[];
  filesystems.forEach((fs, i) => {
    if (fs.with_mount_unit !== true) return;
    const device = String(fs.device ?? "");
    let remote = false;
    if (generation >= 3 && (device.startsWith("/dev/mapper/") || device.startsWith("/dev/disk/by-id/dm-name-"))) {
      for (const l of luks) {
        if (device === `/dev/mapper/${l.name ?? ""}` || device === `/dev/disk/by-id/dm-name-${l.name ?? ""}`) {
          const tang = ((l.clevis as Obj | undefined)?.tang ?? []) as unknown[];
          if (Array.isArray(tang) && tang.length > 0) {
            remote = true;
            break;
          }
        }
      }
    }
    const swap = generation >= 4 && fs.format === "swap";
    const unit: Obj = {
      name: swap ? unitNamePathEscape(device) + ".swap" : unitNamePathEscape(String(fs.path ?? "")) + ".mount",
      enabled: true,
      contents: mountUnitContents(fs, remote, generation),
    };
    rts.addFromCommonSource(["storage", "filesystems", i, "with_mount_unit"], ["systemd", "units", units.length], unit, ctx.spec, "Unit");
    units.push(unit);
  });
  const rendered: Obj = { systemd: { units } };
  return mergeTranslated(ctx.spec, rendered, rts, current.config, current.ts, current.report);
}

// ---- trees ------------------------------------------------------------------

class NodeTracker {
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

function createNode(path: string, user: Obj | undefined, group: Obj | undefined): Obj {
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

function fsCall<T>(f: (() => T) | undefined, fallback: string): T {
  if (!f) throw new FileAccessError(fallback);
  return f();
}

function processTrees(ctx: TranslateContext, cfg: Obj, result: BaseResult, generation: 2 | 7): void {
  const trees = ((cfg.storage as Obj | undefined)?.trees ?? []) as Obj[];
  if (!Array.isArray(trees) || trees.length === 0) return;
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
      return;
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
    const user = generation >= 7 ? (tree.user as Obj | undefined) : undefined;
    const group = generation >= 7 ? (tree.group as Obj | undefined) : undefined;
    const fileMode = generation >= 7 ? (tree.file_mode as number | undefined) : undefined;
    const dirMode = generation >= 7 ? (tree.dir_mode as number | undefined) : undefined;
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
}

function isEmptyOwner(o: Obj | undefined): boolean {
  return !o || (o.id === undefined && o.name === undefined);
}

function byteOrder(a: string, b: string): number {
  const x = enc.encode(a), y = enc.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

// ---- quadlets (experimental) -------------------------------------------------

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

function processQuadlets(ctx: TranslateContext, cfg: Obj, result: BaseResult): void {
  const quadlets = ((cfg.systemd as Obj | undefined)?.quadlets ?? []) as Obj[];
  if (!Array.isArray(quadlets) || quadlets.length === 0) return;
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
}

export { mergeConfigs };
