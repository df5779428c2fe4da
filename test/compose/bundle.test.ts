// bundle(): what the bundle looks like (only the nodes naming files change), that it
// translates to the same config, and that failures give errors and no output.

import { describe, expect, it } from "vitest";
import { translate } from "../../src/index";
import { memoryFileSystem, type MemoryFiles } from "../../src/fs/memory-fs";
import { runButane } from "../../src/cli/butane";
import { bundle } from "../../src/compose/bundle";
import { scalarValue } from "../../src/compose/yaml-text";
import { parseYaml } from "../../src/yaml";

const HEAD = "variant: fcos\nversion: 1.6.0\n";

function check(input: string, files: MemoryFiles, version = HEAD) {
  const readFile = memoryFileSystem(files, { root: "files" });
  const b = bundle(version + input, { filesDir: "files", readFile });
  expect(b.error).toBeUndefined();
  const want = translate(version + input, { filesDir: "files", readFile });
  expect(translate(b.output!).output).toBe(want.output);
  return b.output!.slice(version.length);
}

describe("bundle", () => {
  it("keeps comments and layout, and writes text as a literal block", () => {
    const out = check(
      `# hosts we run
storage:
  files:
    # the greeting
    - path: /etc/motd   # shown at login
      contents:
        local: motd.txt # from the repo
      mode: 0644
`,
      { "motd.txt": "Hello\nWorld\n" },
    );
    expect(out).toBe(`# hosts we run
storage:
  files:
    # the greeting
    - path: /etc/motd   # shown at login
      contents:
        inline: | # from the repo
          Hello
          World
      mode: 0644
`);
  });

  it("writes bytes that are not text as a data URL, with the compression the translator picks", () => {
    const bin = new Uint8Array(3000).map((_, i) => (i * 7) % 251);
    bin[0] = 0xff;
    const out = check("storage:\n  files:\n    - path: /bin.dat\n      contents:\n        local: bin.dat\n", { "bin.dat": bin });
    expect(out).toMatch(/source: "data:;base64,[^"]+"\n {8}compression: (gzip|"")\n$/);
  });

  it("uses data URLs under ignition.config, where inline text would be read as Ignition JSON", () => {
    const out = check("ignition:\n  config:\n    merge:\n      - local: extra.ign\n", { "extra.ign": '{"ignition":{"version":"3.5.0"}}' });
    expect(out).toContain('- source: "data:');
    expect(out).not.toContain("local:");
  });

  it("inlines units' and dropins' contents_local", () => {
    const out = check(
      "systemd:\n  units:\n    - name: a.service\n      contents_local: a.service\n      dropins:\n        - name: x.conf\n          contents_local: x.conf\n",
      { "a.service": "[Service]\nExecStart=/bin/true\n", "x.conf": "[Unit]\n" },
    );
    expect(out).toContain("      contents: |\n        [Service]\n        ExecStart=/bin/true\n");
    expect(out).toContain("          contents: |\n            [Unit]\n");
  });

  it("adds ssh_authorized_keys_local after the user's own keys", () => {
    const out = check(
      "passwd:\n  users:\n    - name: core\n      ssh_authorized_keys:\n        - ssh-ed25519 AAAA inline\n      ssh_authorized_keys_local:\n        - keys.pub\n",
      { "keys.pub": "ssh-ed25519 BBBB one\n\nssh-rsa CCCC two\r\n" },
    );
    expect(out).toBe("passwd:\n  users:\n    - name: core\n      ssh_authorized_keys:\n        - ssh-ed25519 AAAA inline\n        - ssh-ed25519 BBBB one\n        - ssh-rsa CCCC two\n");
  });

  it("renames ssh_authorized_keys_local when the user has no keys of their own, also in flow style", () => {
    const out = check("passwd:\n  users:\n    - name: core\n      ssh_authorized_keys_local: [keys.pub]\n", { "keys.pub": "ssh-ed25519 BBBB one\n" });
    expect(out).toBe("passwd:\n  users:\n    - name: core\n      ssh_authorized_keys: [ssh-ed25519 BBBB one]\n");
  });

  it("expands trees into entries, filling the user's own entry for a tree path", () => {
    const out = check(
      "storage:\n  trees:\n    - local: tree\n      path: /opt\n  files:\n    - path: /opt/a.conf\n      mode: 0600\n",
      { "tree/a.conf": "a=1\n", "tree/sub/b.sh": { contents: "#!/bin/sh\n", executable: true } },
    );
    expect(out).toBe(
      "storage:\n  files:\n    - path: /opt/a.conf\n      mode: 0600\n      contents:\n        inline: |\n          a=1\n" +
        "    - path: /opt/sub/b.sh\n      mode: 0755\n      contents:\n        inline: |\n          #!/bin/sh\n",
    );
  });

  it("writes text a block cannot hold exactly as a double-quoted scalar", () => {
    const out = check("storage:\n  files:\n    - path: /x\n      contents:\n        local: x\n", { x: "a\r\nb\u0085c\n" });
    expect(out).toContain('inline: "a\\r\\nb\\u0085c\\n"');
  });

  it("edits an anchored node once for all its aliases, and scalars with tags", () => {
    const out = check(
      "storage:\n  files:\n    - path: /a\n      contents: &c\n        local: !!str motd.txt\n    - path: /b\n      contents: *c\n",
      { "motd.txt": "hi\n" },
    );
    expect(out).toBe("storage:\n  files:\n    - path: /a\n      contents: &c\n        inline: |\n          hi\n    - path: /b\n      contents: *c\n");
  });

  it("keeps CRLF line breaks, and takes trees written in flow style out of a block storage", () => {
    const crlf = "storage:\r\n  files:\r\n    - path: /etc/motd\r\n      contents:\r\n        local: motd\r\n  trees:\r\n    - local: tree\r\n";
    const out = check(crlf, { motd: "hi\nthere\n", "tree/a": "A\n" }, HEAD.replace(/\n/g, "\r\n"));
    expect(out).toBe("storage:\r\n  files:\r\n    - path: /etc/motd\r\n      contents:\r\n        inline: |\r\n          hi\r\n          there\r\n    - path: /a\r\n      mode: 0644\r\n      contents:\r\n        inline: |\r\n          A\r\n");
    const flow = check("storage:\n  trees: [{local: tree, path: /opt}]\n  files: []\n", { "tree/a": "A\n" });
    expect(flow).toBe("storage:\n  files:\n    - path: /opt/a\n      mode: 0644\n      contents:\n        inline: |\n          A\n");
  });

  it("adds tree entries to lists and entries written in flow style", () => {
    const out = check("storage:\n  files: [{path: /opt/a, mode: 0600}, {path: /x, contents: {inline: x}}]\n  links: [{path: /opt/l}]\n  trees:\n    - local: tree\n      path: /opt\n", {
      "tree/a": "A\n",
      "tree/b": "B",
      "tree/l": { symlink: "a" },
    });
    expect(out).toBe('storage:\n  files: [{path: /opt/a, mode: 0600, contents: {inline: "A\\n"}}, {path: /x, contents: {inline: x}}, {path: /opt/b, mode: 0644, contents: {inline: B}}]\n  links: [{path: /opt/l, target: a}]\n');
  });

  it("leaves a config without local files as it is", () => {
    const text = "# nothing to do\nstorage:\n  files:\n    - path: /x\n      contents:\n        inline: x\n";
    expect(check(text, {})).toBe(text);
  });

  it("gives the translator's errors and no bundle for a config that does not translate", () => {
    const readFile = memoryFileSystem({}, { root: "files" });
    const b = bundle(HEAD + "storage:\n  files:\n    - path: /x\n      contents:\n        local: missing\n", { filesDir: "files", readFile });
    expect(b.output).toBeUndefined();
    expect(b.error).toBe("source config is invalid");
    expect(b.report).toContainEqual(expect.objectContaining({ path: "$.storage.files.0.contents.local", line: 7, column: 16, message: "open files/missing: no such file or directory" }));
  });

  it("expands trees of a storage written in flow style", () => {
    expect(check("storage: {trees: [{local: tree}]}\n", { "tree/a": "a" })).toBe("storage: {files: [{path: /a, mode: 0644, contents: {inline: a}}]}\n");
    expect(check("storage: {files: [{path: /x}], trees: [{local: tree}], links: []}\n", { "tree/a": "a" })).toBe(
      "storage: {files: [{path: /x}, {path: /a, mode: 0644, contents: {inline: a}}], links: []}\n",
    );
    expect(check("passwd: {users: [{name: core, ssh_authorized_keys: [a], ssh_authorized_keys_local: [k]}]}\n", { k: "b\n" })).toBe("passwd: {users: [{name: core, ssh_authorized_keys: [a, b]}]}\n");
  });

  it("refuses, with an error, what it cannot edit in place", () => {
    const readFile = memoryFileSystem({ "tree/a": "a" }, { root: "files" });
    const b = bundle(HEAD + "storage: {trees: [{local: tree}]}\nx: &s {path: /y}\n", { filesDir: "files", readFile });
    expect(b.error).toBeUndefined();
    const viaMerge = bundle(HEAD + "base: &u {name: core, ssh_authorized_keys_local: [k]}\npasswd:\n  users:\n    - <<: *u\n", { filesDir: "files", readFile: memoryFileSystem({ k: "key" }, { root: "files" }) });
    expect(viaMerge.output).toBeUndefined();
    expect(viaMerge.error).toMatch(/^cannot bundle: \$\.passwd\.users\.0\.ssh_authorized_keys_local is not written out in the text/);
  });
});

describe("scalarValue", () => {
  const cases = ["", "plain", "true", "123", "a: b", " leading", "two\nlines", "two\nlines\n", "trailing\n\n\n", "\n", "\n\nafter blank", "  indented\nfirst\n", "tab\there\n", "#hash\n", "- dash\n", "emoji 😀\n", "x\u2028y", "\ufeffbom"];
  for (const s of cases) {
    it(`reads back ${JSON.stringify(s)}`, () => {
      for (const indent of [0, 4, 8]) {
        const v = scalarValue(s, indent, true);
        const doc = parseYaml(`${" ".repeat(indent)}k: ${v.header}${v.body}\n`);
        expect(doc!.content[0]!.content[1]!.value).toBe(s);
      }
    });
  }
});

describe("butane --bundle", () => {
  const io = (map: Record<string, string>, inputs: Record<string, string>) => ({ files: inputs, filesDir: () => memoryFileSystem(map, { root: "files" }) });
  const input = HEAD + "storage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: motd\n";

  it("prints the bundle", () => {
    const r = runButane(["--bundle", "-d", "files", "in.bu"], io({ motd: "hi\n" }, { "in.bu": input }));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(HEAD + "storage:\n  files:\n    - path: /etc/motd\n      contents:\n        inline: |\n          hi\n");
  });

  it("writes nothing when the config fails", () => {
    const r = runButane(["--bundle", "-d", "files", "in.bu", "-o", "out.bu"], io({}, { "in.bu": input }));
    expect(r.code).toBe(1);
    expect(r.written.size).toBe(0);
    expect(r.stderr).toContain("open files/motd: no such file or directory");
  });
});
