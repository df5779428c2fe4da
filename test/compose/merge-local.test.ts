// Compile-time merge of Butane fragments: the result is Ignition's merge of the
// translations, diagnostics stay in the file that caused them, and without the
// option nothing changes.

import { describe, expect, it } from "vitest";
import { translate } from "../../src/index";
import { memoryFileSystem } from "../../src/fs/memory-fs";
import { runButane } from "../../src/cli/butane";
import { bundle } from "../../src/compose/bundle";

const HEAD = "variant: fcos\nversion: 1.6.0\n";

function files(map: Record<string, string>) {
  return memoryFileSystem(map, { root: "files" });
}

const base = HEAD + `ignition:
  config:
    merge:
      - local: users.bu
      - source: https://example.com/extra.ign
storage:
  files:
    - path: /etc/motd
      mode: 0644
      contents:
        inline: base
`;
const users = HEAD + `passwd:
  users:
    - name: core
      ssh_authorized_keys: [ssh-ed25519 AAAA core]
storage:
  files:
    - path: /etc/motd
      mode: 0600
`;

const opts = (map: Record<string, string>, extra = {}) => ({ filesDir: "files", readFile: files(map), mergeLocal: true, ...extra });

describe("--merge-local", () => {
  it("merges a .bu fragment with Ignition's rules and drops its merge entry", () => {
    const r = translate(base, opts({ "users.bu": users }));
    expect(r.error).toBeUndefined();
    const cfg = r.config as any;
    expect(cfg.passwd.users).toEqual([{ name: "core", sshAuthorizedKeys: ["ssh-ed25519 AAAA core"] }]);
    // The fragment's field wins; the parent's contents stay.
    expect(cfg.storage.files[0].mode).toBe(0o600);
    expect(cfg.storage.files[0].contents.source).toBe("data:,base");
    // Runtime merges stay for Ignition; the compiled one is gone.
    expect(JSON.parse(r.output!).ignition.config.merge).toEqual([{ source: "https://example.com/extra.ign" }]);
  });

  it("without the option keeps the reference's behaviour (the .bu is embedded as data)", () => {
    const r = translate(base, { filesDir: "files", readFile: files({ "users.bu": users }) });
    const cfg = r.config as any;
    expect(cfg.ignition.config.merge).toHaveLength(2);
    expect(cfg.ignition.config.merge[0].source).toMatch(/^data:/);
    expect(cfg.passwd).toBeUndefined();
  });

  it("replace makes the fragment the whole config", () => {
    const parent = HEAD + "ignition:\n  config:\n    replace:\n      local: users.bu\nstorage:\n  directories:\n    - path: /gone\n";
    const r = translate(parent, opts({ "users.bu": users }));
    const out = JSON.parse(r.output!);
    expect(out.storage.directories).toBeUndefined();
    expect(out.passwd.users[0].name).toBe("core");
    expect(out.ignition.config).toBeUndefined();
  });

  it("places a fragment's errors in the fragment, with file, line and column, and one error at the local entry", () => {
    const bad = HEAD + "storage:\n  files:\n    - path: /x\n      mode: 0644\n      contents:\n        inline: a\n        source: https://x\n";
    const r = translate(base, opts({ "users.bu": bad }));
    expect(r.error).toBe("source config is invalid");
    expect(r.report).toContainEqual(expect.objectContaining({ file: "files/users.bu", path: "$.storage.files.0.contents.source", line: 9, column: 17 }));
    expect(r.report).toContainEqual(expect.objectContaining({ path: "$.ignition.config.merge.0.local", line: 6, column: 16, message: "cannot merge files/users.bu: source config is invalid" }));
    expect(r.report.find((d) => d.path === "$.ignition.config.merge.0.local")!.file).toBeUndefined();
  });

  it("maps Ignition's checks on the merged config back to the fragment", () => {
    const dup = HEAD + "storage:\n  links:\n    - path: /etc/l\n";
    const r = translate(base, opts({ "users.bu": dup }));
    expect(r.report).toContainEqual(expect.objectContaining({ file: "files/users.bu", severity: "error", line: 5, message: "link target is required" }));
  });

  it("reports a cycle at the entry that closes it", () => {
    const a = HEAD + "ignition:\n  config:\n    merge:\n      - local: b.bu\n";
    const b = HEAD + "ignition:\n  config:\n    merge:\n      - local: a.bu\n";
    const r = translate(a, opts({ "a.bu": a, "b.bu": b }, { inputName: "files/a.bu" }));
    expect(r.report).toContainEqual(expect.objectContaining({ file: "files/b.bu", line: 6, column: 16, message: "merge cycle: files/a.bu -> files/b.bu -> files/a.bu" }));
  });

  it("stops at 16 levels", () => {
    const map: Record<string, string> = {};
    for (let i = 0; i < 20; i++) map[`f${i}.bu`] = HEAD + `ignition:\n  config:\n    merge:\n      - local: f${i + 1}.bu\n`;
    map["f20.bu"] = HEAD;
    const r = translate(map["f0.bu"]!, opts(map));
    expect(r.report).toContainEqual(expect.objectContaining({ file: "files/f16.bu", message: "fragments nest more than 16 levels deep" }));
    expect(r.error).toBe("source config is invalid");
  });

  it("rejects a fragment of another variant or version, in both files", () => {
    const other = "variant: fcos\nversion: 1.5.0\n";
    const r = translate(base, opts({ "users.bu": other }));
    expect(r.report).toContainEqual(expect.objectContaining({ path: "$.ignition.config.merge.0.local", message: expect.stringContaining("it is fcos 1.5.0, this config is fcos 1.6.0") }));
    expect(r.report).toContainEqual(expect.objectContaining({ file: "files/users.bu", path: "$.version", line: 2, column: 10 }));
  });

  it("a fragment outside the files directory is the reference's located error", () => {
    const r = translate(HEAD + "ignition:\n  config:\n    merge:\n      - local: ../up.bu\n", opts({}));
    expect(r.report).toContainEqual(expect.objectContaining({ path: "$.ignition.config.merge.0.local", line: 6, message: "local file path traverses outside the files directory" }));
  });

  it("a fragment's YAML error names the fragment", () => {
    const r = translate(base, opts({ "users.bu": HEAD + "storage: [\n" }));
    expect(r.report).toContainEqual(expect.objectContaining({ file: "files/users.bu", severity: "error", line: 4 }));
    expect(r.error).toBe("source config is invalid");
  });
});

describe("--merge-local with OpenShift", () => {
  it("merges the Ignition part and warns that a fragment's openshift section is not used", () => {
    const head = "variant: openshift\nversion: 4.15.0\nmetadata:\n  name: m\n  labels:\n    machineconfiguration.openshift.io/role: worker\n";
    const parent = head + "ignition:\n  config:\n    merge:\n      - local: frag.bu\n";
    const frag = head + "openshift:\n  fips: true\nstorage:\n  directories:\n    - path: /etc/frag\n";
    const r = translate(parent, opts({ "frag.bu": frag }, { raw: true }));
    expect(r.error).toBeUndefined();
    expect(JSON.parse(r.output!).storage.directories[0].path).toBe("/etc/frag");
    expect(r.report).toContainEqual(expect.objectContaining({ severity: "warning", file: "files/frag.bu", path: "$.openshift", line: 7 }));
  });
});

describe("butane --merge-local (CLI)", () => {
  const io = (map: Record<string, string>, inputs: Record<string, string>) => ({ files: inputs, filesDir: () => files(map) });

  it("merges several top-level files in order", () => {
    const more = HEAD + "storage:\n  files:\n    - path: /etc/motd\n      mode: 0640\n";
    const r = runButane(["--merge-local", "-d", "files", "base.bu", "users.bu", "more.bu"], io({ "users.bu": users }, { "base.bu": base, "users.bu": users, "more.bu": more }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).storage.files[0].mode).toBe(0o640);
  });

  it("several files without --merge-local stay a usage error", () => {
    const r = runButane(["base.bu", "users.bu"], io({}, { "base.bu": base, "users.bu": users }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
  });

  it("prints fragment diagnostics with their file: raw and annotated", () => {
    const bad = HEAD + "storage:\n  links:\n    - path: /etc/l\n";
    const raw = runButane(["--merge-local", "--raw-errors", "-d", "files", "base.bu"], io({ "users.bu": bad }, { "base.bu": base }));
    expect(raw.code).toBe(1);
    expect(raw.stdout).toBe("");
    expect(raw.stderr).toContain("error in files/users.bu at $.storage.links.0.target, line 5 col 7: link target is required\n");
    const pretty = runButane(["--merge-local", "-d", "files", "base.bu"], io({ "users.bu": bad }, { "base.bu": base }));
    expect(pretty.stderr).toContain("--> files/users.bu:5:7\n");
    expect(pretty.stderr).toContain("    - path: /etc/l");
  });
});

describe("bundle with mergeLocal", () => {
  it("keeps a fragment as inline Butane that a mergeLocal translation merges the same way", () => {
    const map = { "users.bu": users };
    const b = bundle(base, { filesDir: "files", readFile: files(map), mergeLocal: true });
    expect(b.error).toBeUndefined();
    expect(b.output).toContain("inline: |\n          variant: fcos");
    const want = translate(base, opts(map));
    expect(translate(b.output!, { mergeLocal: true }).output).toBe(want.output);
  });

  it("writes further top-level files as inline fragments at the end of the merge list", () => {
    const map = { "users.bu": users };
    const more = HEAD + "storage:\n  files:\n    - path: /etc/motd\n      mode: 0640\n";
    const net = HEAD + "storage:\n  directories:\n    - path: /etc/net\n";
    const inputs = [{ name: "more.bu", contents: more }, { name: "net.bu", contents: net }];
    for (const parent of [base, HEAD, HEAD + "ignition:\n  timeouts:\n    http_total: 5\n", HEAD + "ignition:\n  config:\n"]) {
      const b = bundle(parent, { filesDir: "files", readFile: files(map), mergeLocal: true, mergeInputs: inputs });
      expect(b.error).toBeUndefined();
      const want = translate(parent, opts(map, { mergeInputs: inputs }));
      expect(translate(b.output!, { mergeLocal: true }).output).toBe(want.output);
    }
  });

  it("butane --bundle --merge-local with several files writes one bundle", () => {
    const more = HEAD + "storage:\n  files:\n    - path: /etc/motd\n      mode: 0640\n";
    const io = { files: { "base.bu": base, "more.bu": more }, filesDir: () => files({ "users.bu": users }) };
    const r = runButane(["--bundle", "--merge-local", "-d", "files", "base.bu", "more.bu"], io);
    expect(r.code).toBe(0);
    const compiled = runButane(["--merge-local", "-d", "files", "base.bu", "more.bu"], io);
    expect(translate(r.stdout, { mergeLocal: true }).output).toBe(compiled.stdout);
    expect(r.stdout.match(/inline: \|\n\s+variant: fcos/g)).toHaveLength(2);
  });
});
