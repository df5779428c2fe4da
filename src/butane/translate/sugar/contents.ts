// File contents: \`inline\` and \`local\` become data URLs (gzip-compressed where that is
// smaller, unless turned off); in spec 0.1, where contents are inline only, they are
// written percent-encoded.

import { makeDataUrl, plainDataUrl } from "../data-url";
import { LocalFileError, readLocalFile } from "../local-files";
import type { StructHook } from "../context";

const enc = new TextEncoder();

/** 0.1's FileContents: inline only, written as a plain (percent-encoded) data URL. */
export const inlineContentsHook: StructHook = (ctx, from, to, fromPath, toPath) => {
  if (typeof from.inline === "string") {
    to.source = plainDataUrl(enc.encode(from.inline));
    ctx.ts.add([...fromPath, "inline"], [...toPath, "source"]);
  }
};

export const resourceHook: StructHook = (ctx, from, to, fromPath, toPath) => {
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

