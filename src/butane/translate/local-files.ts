// Reading files named relative to the files directory, with the reference's rules
// and messages: no files directory → error; paths may not climb out of it.

import { FileAccessError, isWithin, joinPath } from "../../core/files";
import type { TranslateOptions } from "./context";

export const ERR_NO_FILES_DIR = "local file paths are relative to a files directory that must be specified with -d/--files-dir";
export const ERR_FILES_DIR_ESCAPE = "local file path traverses outside the files directory";

export class LocalFileError extends Error {}

/** The path the reference opens for `configPath`, or an error message. */
export function resolveLocalPath(configPath: string, options: TranslateOptions): string {
  if (options.filesDir === "") throw new LocalFileError(ERR_NO_FILES_DIR);
  const p = joinPath(options.filesDir, configPath);
  if (!isWithin(p, options.filesDir, options.cwd)) throw new LocalFileError(ERR_FILES_DIR_ESCAPE);
  return p;
}

export function readLocalFile(configPath: string, options: TranslateOptions): Uint8Array {
  const p = resolveLocalPath(configPath, options);
  if (!options.fs) throw new LocalFileError(`open ${p}: no file access in this environment`);
  try {
    return options.fs.readFile(p);
  } catch (e) {
    if (e instanceof FileAccessError) throw new LocalFileError(e.message);
    throw e;
  }
}
