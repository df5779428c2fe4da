// The playground's completion and hover logic on the table folded from the generated
// schemas: the mapping at the cursor is found from indentation (lists, non-indented
// lists, block scalars), and what is offered is what that version's schema has.
import { beforeAll, describe, expect, it } from "vitest";
import { cursorContext, hoverDoc, suggestions, type SchemaTable } from "../../playground/schema-table";

let table: SchemaTable;
beforeAll(async () => {
  const mod = (await import("../../scripts/gen-butane-schemas.mjs" as string)) as { completionTable(): SchemaTable };
  table = mod.completionTable();
});

/** Splits "text with ‸ cursor" into the text and the cursor offset. */
function at(marked: string): [string, number] {
  const pos = marked.indexOf("‸");
  return [marked.slice(0, pos) + marked.slice(pos + 1), pos];
}

const labels = (marked: string) => {
  const [text, pos] = at(marked);
  return suggestions(table, text, pos)?.options.map((o) => o.label);
};

describe("cursor context", () => {
  it("finds the enclosing keys through indented and non-indented lists", () => {
    const cases: [string, string[]][] = [
      ["storage:\n  files:\n    - path: /a\n      mo‸", ["storage", "files"]],
      ["storage:\n  files:\n  - path: /a\n    mo‸", ["storage", "files"]],
      ["storage:\n  files:\n    - path: /a\n      mode: 1\n    - ‸", ["storage", "files"]],
      ["systemd:\n  units:\n    - name: a\n      dropins:\n        - name: x\n          con‸", ["systemd", "units", "dropins"]],
      ["storage:\n  files:\n    - path: /a\n      contents:\n        inline: |\n          key: value\n          more: text\n        so‸", ["storage", "files", "contents"]],
      ["variant: fcos\nsto‸", []],
    ];
    for (const [marked, path] of cases) {
      const [text, pos] = at(marked);
      expect(cursorContext(text, pos), marked).toMatchObject({ kind: "key", path });
    }
  });

  it("reports no context inside a block scalar", () => {
    const [text, pos] = at("systemd:\n  units:\n    - contents: |\n        [Unit]\n        Desc‸");
    expect(cursorContext(text, pos)).toBeUndefined();
  });
});

describe("completion from the generated schemas", () => {
  const head = "variant: fcos\nversion: 1.6.0\n";

  it("offers the keys of the struct at the cursor, minus those already set", () => {
    const files = labels(head + "storage:\n  files:\n    - path: /a\n      ‸");
    expect(files).toEqual(expect.arrayContaining(["mode", "contents", "overwrite", "append", "user", "group"]));
    expect(files).not.toContain("path");
    expect(labels(head + "‸")).toEqual(expect.arrayContaining(["storage", "systemd", "passwd", "ignition", "boot_device", "grub", "kernel_arguments"]));
    expect(labels(head + "‸")).not.toContain("variant");
  });

  it("follows the declared version: keys appear in the version that introduced them", () => {
    expect(labels("variant: fcos\nversion: 1.4.0\n‸")).not.toContain("grub");
    expect(labels("variant: fcos\nversion: 1.5.0\n‸")).toContain("grub");
    expect(labels("variant: fcos\nversion: 1.7.0\nsystemd:\n  ‸")).not.toContain("quadlets");
    expect(labels("variant: fcos\nversion: 1.8.0-experimental\nsystemd:\n  ‸")).toContain("quadlets");
    expect(labels("variant: openshift\nversion: 4.14.0\n‸")).toEqual(expect.arrayContaining(["metadata", "openshift"]));
    // Fields the variant refuses are not offered (r4e has no disks; hover still explains).
    expect(labels("variant: r4e\nversion: 1.1.0\nstorage:\n  ‸")).not.toContain("disks");
    expect(labels("variant: r4e\nversion: 1.1.0\nstorage:\n  ‸")).toContain("files");
  });

  it("offers enumerated values, booleans, variants and versions", () => {
    expect(labels(head + "storage:\n  filesystems:\n    - format: x‸")).toEqual(expect.arrayContaining(["ext4", "xfs", "btrfs", "vfat", "swap", "none"]));
    expect(labels(head + "storage:\n  files:\n    - overwrite: ‸")).toEqual(["true", "false"]);
    expect(labels("variant: ‸")).toEqual(expect.arrayContaining(["fcos", "flatcar", "openshift", "r4e", "fiot"]));
    expect(labels("variant: fcos\nversion: ‸")).toEqual(expect.arrayContaining(["1.0.0", "1.6.0", "1.8.0-experimental"]));
    // Without a known variant/version only the header keys are offered.
    expect(labels("‸")).toEqual(["variant", "version"]);
  });

  it("gives each key its documentation", () => {
    const [text, pos] = at(head + "storage:\n  files:\n    - path: /a\n      ‸");
    const mode = suggestions(table, text, pos)!.options.find((o) => o.label === "mode")!;
    expect(mode.info).toMatch(/octal/);
    expect(mode.apply).toBe("mode: ");
  });
});

describe("hover from the generated schemas", () => {
  it("documents the key under the cursor with its path and version", () => {
    const text = "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /a\n      mode: 0644\n";
    const h = hoverDoc(table, text, text.indexOf("mode") + 2)!;
    expect(h.markdown).toMatch(/^\*\*storage\.files\.mode\*\*/);
    expect(h.markdown).toMatch(/Since fcos 1\.0\.0/);
    expect(text.slice(h.from, h.to)).toBe("mode");
    expect(hoverDoc(table, text, text.indexOf("0644") + 1)).toBeUndefined();
  });
});
