// Reading files named relative to the files directory, with the reference's rules
// and messages: no files directory → error; paths may not climb out of it.

import { FileAccessError, isWithin, joinPath } from "../../core/files";
import { TRANSLATE, type Message } from "../messages";
import type { TranslateOptions } from "./context";

/** A local file that cannot be used; `code` is its catalogue code. */
export class LocalFileError extends Error {
  readonly code: string;
  constructor(m: Message) {
    super(m.message);
    this.code = m.code;
  }
}

/** The path the reference opens for `configPath`, or an error message. */
export function resolveLocalPath(configPath: string, options: TranslateOptions): string {
  if (options.filesDir === "") throw new LocalFileError(TRANSLATE.noFilesDir);
  const p = joinPath(options.filesDir, configPath);
  if (!isWithin(p, options.filesDir, options.cwd)) throw new LocalFileError(TRANSLATE.filesDirEscape);
  return p;
}

export function readLocalFile(configPath: string, options: TranslateOptions): Uint8Array {
  const p = resolveLocalPath(configPath, options);
  if (!options.fs) throw new LocalFileError(TRANSLATE.fileAccess(`open ${p}: no file access in this environment`));
  try {
    return options.fs.readFile(p);
  } catch (e) {
    if (e instanceof FileAccessError) throw new LocalFileError(TRANSLATE.fileAccess(e.message));
    throw e;
  }
}
