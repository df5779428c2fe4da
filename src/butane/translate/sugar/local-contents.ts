// Local contents for systemd units and drop-ins (\`contents_local\`) and for SSH keys
// (\`ssh_authorized_keys_local\`, one key per line), read from the files directory.

import { TRANSLATE, errorAt } from "../../messages";
import type { StructHook } from "../context";
import { LocalFileError, readLocalFile } from "../local-files";

const dec = new TextDecoder("utf-8", { ignoreBOM: true });

export const sshKeysLocalHook: StructHook = (ctx, from, to, fromPath, toPath) => {
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

export const contentsLocalHook: StructHook = (ctx, from, to, fromPath, toPath) => {
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
