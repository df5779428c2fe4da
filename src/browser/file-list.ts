// Turning files the user picked in a page (<input type="file" webkitdirectory>, or a
// drop of files) into an in-memory files directory for translate().

/** The part of a DOM File this needs (so that it can be used without the DOM types, too). */
export interface PickedFile {
  name: string;
  /** "folder/sub/file.txt" for files picked with webkitdirectory; "" otherwise. */
  webkitRelativePath?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface PickedFolder {
  /** The name of the folder the user picked ("" when single files were picked). */
  name: string;
  /** Paths relative to that folder → contents. */
  files: Map<string, Uint8Array>;
  /** Total bytes read. */
  size: number;
}

/**
 * Reads the files of a folder picked with `<input type="file" webkitdirectory>` (or any
 * list of Files) into memory. Paths are made relative to the picked folder, so a config
 * naming `local: etc/hostname` finds `<picked>/etc/hostname`. Browsers do not tell file
 * modes, so every file is read as not executable; empty directories are not listed.
 */
export async function readPickedFiles(list: ArrayLike<PickedFile> | Iterable<PickedFile>): Promise<PickedFolder> {
  const picked = Array.from(list as Iterable<PickedFile>);
  const paths = picked.map((f) => (f.webkitRelativePath || f.name).replace(/\\/g, "/"));
  // With webkitdirectory every path starts with the picked folder's name: strip it.
  const first = paths.map((p) => (p.includes("/") ? p.slice(0, p.indexOf("/")) : ""));
  const folder = first.length > 0 && first.every((f) => f !== "" && f === first[0]) ? first[0]! : "";
  const files = new Map<string, Uint8Array>();
  let size = 0;
  await Promise.all(
    picked.map(async (f, i) => {
      const data = new Uint8Array(await f.arrayBuffer());
      size += data.length;
      files.set(folder ? paths[i]!.slice(folder.length + 1) : paths[i]!, data);
    }),
  );
  // Deterministic order, whatever order the reads finished in.
  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { name: folder, files: sorted, size };
}
