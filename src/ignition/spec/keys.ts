// How Ignition identifies list entries, for merging configs and for finding
// duplicates. These facts are the same in every spec version that has the struct.
//
// - key: the identity of an entry of a list of this struct (lists of strings are
//   keyed by the string itself).
// - ignoreDuplicates: list fields of this struct whose entries are never merged or
//   checked for duplicates; they are simply concatenated.
// - mergedKeys: list fields that share one key space (an entry may appear in only
//   one of them), mapped to the name of that shared space.

export interface StructKeys {
  key?: (entry: Record<string, unknown>) => string;
  ignoreDuplicates?: readonly string[];
  mergedKeys?: Readonly<Record<string, string>>;
}

const byPath = (e: Record<string, unknown>) => str(e.path);
const byName = (e: Record<string, unknown>) => str(e.name);
const byDevice = (e: Record<string, unknown>) => str(e.device);
const bySource = (e: Record<string, unknown>) => str(e.source);

function str(v: unknown): string {
  return v === undefined || v === null ? "" : String(v);
}

export const STRUCT_KEYS: Readonly<Record<string, StructKeys>> = {
  File: { key: byPath, ignoreDuplicates: ["append"] },
  Directory: { key: byPath },
  Link: { key: byPath },
  Storage: { mergedKeys: { directories: "Node", files: "Node", links: "Node" } },
  KernelArguments: { mergedKeys: { shouldExist: "KernelArgument", shouldNotExist: "KernelArgument" } },
  Unit: { key: byName },
  Dropin: { key: byName },
  Disk: { key: byDevice },
  Filesystem: { key: byDevice, ignoreDuplicates: ["options", "mountOptions"] },
  Luks: { key: byName, ignoreDuplicates: ["options"] },
  Raid: { key: byName, ignoreDuplicates: ["options"] },
  PasswdUser: { key: byName },
  PasswdGroup: { key: byName },
  HTTPHeader: { key: byName },
  Resource: { key: bySource },
  CaReference: { key: bySource },
  ConfigReference: { key: bySource },
  Tang: { key: (e) => str(e.url) },
  Partition: {
    key: (e) => {
      const n = e.number;
      if ((typeof n === "number" || typeof n === "bigint") && n != 0) return `number:${n}`;
      if (e.label !== undefined && e.label !== null) return `label:${String(e.label)}`;
      return "";
    },
  },
};

/** The key of a list entry: the string itself for string lists, else the struct's key. */
export function entryKey(structName: string, entry: unknown): string {
  if (typeof entry === "string") return entry;
  const k = STRUCT_KEYS[structName]?.key;
  if (!k) throw new Error(`Ignition struct ${structName} has no list key`);
  return k((entry ?? {}) as Record<string, unknown>);
}
