// Descriptions for the Ignition schemas (schemas/ignition-v3_X.json), per struct field
// ("Resource.source"). Most Ignition fields are the Butane fields of the same name in
// camelCase, so the text comes from the Butane table (src/schemas/butane-fields.ts)
// through the snake_case path; the entries below cover what differs in Ignition
// (no inline/local sugar, the version field, JSON-only details).

import type { SpecVersion } from "../ignition/spec/model";
import { parseType } from "../ignition/spec/model";
import { fieldDoc } from "./butane-fields";

const IGNITION_ONLY: Readonly<Record<string, string>> = {
  "Ignition.version": "The Ignition specification version this config is written for, e.g. `3.4.0`. It decides which fields are allowed.",
  "Config.ignition": "Metadata and settings for Ignition itself.",
  "Resource.source": "URL of the data (http, https, tftp, s3, arn, gs or data URL). A `data:` URL carries the data inline.",
  "FileContents.source": "URL of the data (http, https, tftp, s3, arn, gs or data URL). A `data:` URL carries the data inline.",
  "CaReference.source": "URL of a PEM certificate bundle (http, https, tftp, s3, arn, gs or data URL).",
  "ConfigReference.source": "URL of the Ignition config to fetch (http, https, tftp, s3, arn, gs or data URL).",
  "Resource.compression": "Compression of the fetched data, which Ignition undoes: `gzip`, or empty/null for none.",
  "FileContents.compression": "Compression of the fetched data, which Ignition undoes: `gzip`, or empty/null for none.",
  "Directory.mode": "Permission bits of the directory as a decimal integer (JSON has no octal: 0755 is 493). Default 0755, or the existing directory's.",
  "File.mode": "Permission bits of the file as a decimal integer (JSON has no octal: 0644 is 420). Default 0644, or the existing file's.",
  "Filesystem.path": "Where the filesystem is mounted while Ignition writes files to it.",
  "Filesystem.options": "Extra arguments for the mkfs command.",
  "Partition.sizeMiB": "Size in MiB; 0 means as large as possible.",
  "Partition.startMiB": "Start offset in MiB; 0 means the start of the largest free block.",
  "Unit.contents": "The full text of the unit.",
  "Dropin.contents": "The full text of the drop-in.",
  "Storage.filesystems": "Filesystems to create (or reuse) on devices.",
};

function snake(key: string): string {
  return key.replace(/MiB/g, "Mib").replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
}

/** "Struct.field" → description, for one spec version; `since` tells where each field appeared. */
export function ignitionFieldDescriptions(spec: SpecVersion, since: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (struct: string, prefix: string) => {
    for (const f of spec.structs[struct] ?? []) {
      const id = `${struct}.${f.key}`;
      const path = prefix ? `${prefix}.${snake(f.key)}` : snake(f.key);
      if (!out.has(id)) {
        const text = IGNITION_ONLY[id] ?? fieldDoc(path)?.d;
        if (text) {
          const first = since.get(id);
          out.set(id, first && first !== "3.0.0" ? `${text} (Since spec ${first}.)` : text);
        }
      }
      const t = parseType(f.type);
      if (!t.primitive) visit(t.base, path);
    }
  };
  visit("Config", "");
  return out;
}

/** "Struct.field" → the first spec version that has it. */
export function ignitionSince(specs: readonly SpecVersion[]): Map<string, string> {
  const since = new Map<string, string>();
  for (const s of specs) for (const [name, fields] of Object.entries(s.structs)) for (const f of fields) if (!since.has(`${name}.${f.key}`)) since.set(`${name}.${f.key}`, s.version);
  return since;
}
