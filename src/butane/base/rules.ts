// Validation rules shared by several base versions.

import type { Obj, StructRule } from "../validate";
import { errorAt, VALIDATE, warnAt } from "../messages";
import { ignitionCode } from "../../ignition/validate/messages";
import { looksDecimal } from "../modes";

export const checkFileMode: StructRule = (v, path, report) => {
  if (typeof v.mode === "number" && looksDecimal(v.mode, false)) warnAt(report, [...path, "mode"], VALIDATE.decimalMode);
};

export const checkDirectoryMode: StructRule = (v, path, report) => {
  if (typeof v.mode === "number" && looksDecimal(v.mode, true)) warnAt(report, [...path, "mode"], VALIDATE.decimalMode);
};

function startsWithIgnitionConfig(path: readonly (string | number)[]): boolean {
  return path[0] === "ignition" && path[1] === "config";
}

/** Only one source per resource; inline Ignition configs under ignition.config must parse. */
export const checkResource: StructRule = (v, path, report, env) => {
  let field = "";
  let sources = 0;
  if (v.local !== undefined && v.local !== null) { sources++; field = "local"; }
  if (v.inline !== undefined && v.inline !== null) { sources++; field = "inline"; }
  if (v.source !== undefined && v.source !== null) { sources++; field = "source"; }
  if (sources > 1) {
    errorAt(report, [...path, field], VALIDATE.tooManyResourceSources);
    return;
  }
  if (startsWithIgnitionConfig(path) && field === "inline") {
    const err = env.checkEmbedded(path, String(v.inline), report);
    if (err !== undefined) report.error([...path, field], err, { code: ignitionCode(err) });
  }
};

export const checkTree: StructRule = (v, path, report) => {
  if (v.local === undefined || v.local === "") errorAt(report, path, VALIDATE.treeNoLocal);
};

const notEmpty = (s: unknown) => typeof s === "string" && s !== "";

/** with_mount_unit needs a path and a format (0.2, 0.3). */
export const checkMountUnit: StructRule = (v, path, report) => {
  if (v.with_mount_unit !== true) return;
  if (!notEmpty(v.path)) errorAt(report, [...path, "path"], VALIDATE.mountUnitNoPath);
  if (!notEmpty(v.format)) errorAt(report, [...path, "format"], VALIDATE.mountUnitNoFormat);
};

/** with_mount_unit needs a format, and a path unless it is swap (0.4+, with swap units). */
export const checkMountUnitOrSwap: StructRule = (v, path, report) => {
  if (v.with_mount_unit !== true) return;
  if (!notEmpty(v.format)) errorAt(report, [...path, "format"], VALIDATE.mountUnitNoFormat);
  else if (v.format !== "swap" && !notEmpty(v.path)) errorAt(report, [...path, "path"], VALIDATE.mountUnitNoPath);
};

export const checkSystemdSources: StructRule = (v, path, report) => {
  if (v.contents_local !== undefined && v.contents_local !== null && v.contents !== undefined && v.contents !== null) {
    errorAt(report, [...path, "contents_local"], VALIDATE.tooManySystemdSources);
  }
};

export type { Obj };
