// `butane -D` / `--debug`: the translation set (which YAML path each output path came
// from) and the coverage check (output fields without one) on stderr, as the
// reference's DebugPrintTranslations prints them; standard output and the exit status
// do not change.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { translate } from "../../src/api/translate";
import { runButane } from "../../src/cli/butane";
import { formatTranslationDebug } from "../../src/butane/translate/translation-set";
import { memoryFileSystem } from "../../src/fs/memory-fs";
import { nodeFileSystem } from "../../src/fs/node-fs";
import { caseDirs, CONFORMANCE_CASES, haveShared } from "../shared";

const HEADER = "TranslationSet: yaml → json\n";

const units = `variant: fcos
version: 1.5.0
storage:
  files:
    - path: /etc/hostname
      mode: 0644
      contents:
        inline: myhost
  filesystems:
    - device: /dev/disk/by-label/data
      path: /var/data
      format: xfs
      with_mount_unit: true
systemd:
  units:
    - name: hello.service
      enabled: true
      contents: |
        [Service]
        ExecStart=/bin/true
        [Install]
        WantedBy=multi-user.target
`;

describe("butane -D", () => {
  test("lists every output path with the YAML path it came from, sorted by output path", () => {
    const r = runButane(["-D"], { stdin: units });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      HEADER +
        [
          "$.ignition → $.ignition",
          "$.version → $.ignition.version",
          "$.storage → $.storage",
          "$.storage.files → $.storage.files",
          "$.storage.files.0 → $.storage.files.0",
          "$.storage.files.0.contents → $.storage.files.0.contents",
          "$.storage.files.0.contents.inline → $.storage.files.0.contents.compression",
          "$.storage.files.0.contents.inline → $.storage.files.0.contents.source",
          "$.storage.files.0.mode → $.storage.files.0.mode",
          "$.storage.files.0.path → $.storage.files.0.path",
          "$.storage.filesystems → $.storage.filesystems",
          "$.storage.filesystems.0 → $.storage.filesystems.0",
          "$.storage.filesystems.0.device → $.storage.filesystems.0.device",
          "$.storage.filesystems.0.format → $.storage.filesystems.0.format",
          "$.storage.filesystems.0.path → $.storage.filesystems.0.path",
          "$.systemd → $.systemd",
          "$.systemd.units → $.systemd.units",
          // The mount unit comes first in the merged list; the user's unit moves to 1.
          "$.storage.filesystems.0.with_mount_unit → $.systemd.units.0",
          "$.storage.filesystems.0.with_mount_unit → $.systemd.units.0.contents",
          "$.storage.filesystems.0.with_mount_unit → $.systemd.units.0.enabled",
          "$.storage.filesystems.0.with_mount_unit → $.systemd.units.0.name",
          "$.systemd.units.0 → $.systemd.units.1",
          "$.systemd.units.0.contents → $.systemd.units.1.contents",
          "$.systemd.units.0.enabled → $.systemd.units.1.enabled",
          "$.systemd.units.0.name → $.systemd.units.1.name",
        ].join("\n") +
        "\n",
    );
  });

  test("the listing is the same on every run, in the reference's order (by the output path's text)", () => {
    const first = runButane(["--debug"], { stdin: units }).stderr;
    for (let i = 0; i < 3; i++) expect(runButane(["--debug"], { stdin: units }).stderr).toBe(first);
    const targets = first.split("\n").slice(1, -1).map((l) => l.split(" → ")[1]!);
    expect(targets).toEqual([...targets].sort());
  });

  test("an OpenShift MachineConfig lists the wrapper's own fields and the config under spec.config", () => {
    const mc = `variant: openshift
version: 4.20.0
metadata:
  name: worker-custom
  labels:
    machineconfiguration.openshift.io/role: worker
openshift:
  fips: true
  kernel_arguments: [nosmt]
storage:
  files:
    - path: /etc/motd
      contents:
        inline: hi
`;
    const r = runButane(["-D"], { stdin: mc });
    expect(r.code).toBe(0);
    const lines = r.stderr.split("\n");
    expect(lines[0]).toBe(HEADER.trimEnd());
    expect(lines).toContain("$.metadata.labels.machineconfiguration.openshift.io/role → $.metadata.labels.machineconfiguration.openshift.io/role");
    expect(lines).toContain("$ → $.spec.config");
    expect(lines).toContain("$.storage.files.0.path → $.spec.config.storage.files.0.path");
    expect(lines).toContain("$.openshift.kernel_arguments.0 → $.spec.kernelArguments.0");
    expect(r.stderr).not.toContain("missing paths");
    // --raw: the set of the bare Ignition config, then the ignored-field warnings.
    const raw = runButane(["-D", "-r", "--raw-errors"], { stdin: mc });
    expect(raw.stderr).toMatch(/^TranslationSet: yaml → json\n\$ → \$\n\$\.ignition → \$\.ignition\n/);
    expect(raw.stderr).toContain("$.storage.files.0.path → $.storage.files.0.path\nwarning at $.openshift.kernel_arguments");
  });

  test("printed before the diagnostics, also when a later check fails; not when the config cannot be translated", () => {
    const invalidGenerated = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: motd\n";
    const r = runButane(["-D", "--raw-errors"], { stdin: invalidGenerated });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      HEADER +
        "$.ignition → $.ignition\n$.version → $.ignition.version\n$.storage → $.storage\n$.storage.files → $.storage.files\n" +
        "$.storage.files.0 → $.storage.files.0\n$.storage.files.0.path → $.storage.files.0.path\n" +
        "error at $.storage.files.0.path, line 5 col 13: path not absolute\nError translating config: config generated was invalid\n",
    );
    // The source is invalid (or unreadable): the reference stops before printing.
    for (const input of ["variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /a\n      contents:\n        inline: x\n        source: https://example.com/x\n", "variant: fcos\nversion: 9.9.9\n", "a: [\n"]) {
      const plain = runButane(["--raw-errors"], { stdin: input });
      expect(plain.code).toBe(1);
      expect(runButane(["-D", "--raw-errors"], { stdin: input })).toMatchObject({ code: 1, stderr: plain.stderr, stdout: "" });
    }
  });

  test("with --merge-local, a path from a fragment names its file", () => {
    const base = "variant: fcos\nversion: 1.5.0\nignition:\n  config:\n    merge:\n      - local: frag.bu\n";
    const frag = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n";
    const r = runButane(["--merge-local", "-d", "files", "-D", "base.bu"], { files: { "base.bu": base }, filesDir: () => memoryFileSystem({ "frag.bu": frag }, { root: "files" }) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("$.storage.files.0.path → $.storage.files.0.path (file: files/frag.bu)\n");
    expect(r.stderr).not.toContain("missing paths");
  });

  test("the coverage check follows the set, after a blank line, as the reference prints it", () => {
    const text = formatTranslationDebug({ translations: [{ from: "$.a", to: "$.b" }, { from: "$.c", to: "$.d", file: "frag.bu" }], untranslated: ["$.e.f", "$.e"] });
    expect(text).toBe(HEADER + "$.a → $.b\n$.c → $.d (file: frag.bu)\n\nmissing paths in TranslationSet:\n$.e.f\n$.e\n");
  });

  test("empty lists need no translation (Go's merge makes them nil)", () => {
    // A filesystem without a mount unit still runs the mount-unit merge; `no_proxy: []` is dropped by the sugar's merge.
    const empties = "variant: fcos\nversion: 1.5.0\nignition:\n  proxy:\n    https_proxy: https://proxy:8443\n    no_proxy: []\nstorage:\n  filesystems:\n    - device: /dev/vdb\n      format: xfs\n";
    const r = runButane(["-D"], { stdin: empties });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("$.ignition.proxy.https_proxy → $.ignition.proxy.httpsProxy\n");
    expect(r.stderr).not.toContain("missing paths");
  });

  test("the library returns the set only when asked", () => {
    expect(translate(units)).not.toHaveProperty("translations");
    const r = translate(units, { debugTranslations: true });
    expect(r.translations?.untranslated).toEqual([]);
    expect(r.translations?.translations).toContainEqual({ from: "$.storage.filesystems.0.with_mount_unit", to: "$.systemd.units.0.name" });
    expect(translate(units, { debugTranslations: "yes" as unknown as boolean }).error).toBe("invalid option debugTranslations: expected a boolean, got string");
  });
});

/** Every golden case and example: -D adds the listing in front of stderr, changes nothing else, and covers every output field. */
describe("butane -D on the golden cases and examples", () => {
  const root = join(__dirname, "../..");
  const cases: { name: string; dir: string; input: string; args: string[] }[] = [];
  for (const name of readdirSync(join(root, "test/golden")).sort()) {
    const dir = join(root, "test/golden", name);
    const argsFile = join(dir, "args");
    const args = existsSync(argsFile) ? readFileSync(argsFile, "utf8").trim().split(/\s+/).filter(Boolean) : [];
    cases.push({ name, dir, input: join(dir, "input.bu"), args });
  }
  const examples = join(root, "examples");
  for (const name of readdirSync(examples).filter((n) => n.endsWith(".bu")).sort()) {
    cases.push({ name: `examples/${name}`, dir: examples, input: join(examples, name), args: ["-d", "."] });
  }

  test.each(cases)("$name", ({ dir, input, args }) => {
    const io = { stdin: readFileSync(input), cwd: dir, filesDir: (d: string) => nodeFileSystem({ filesDir: d, cwd: dir }) };
    const plain = runButane([...args, "--raw-errors"], io);
    const debug = runButane([...args, "--raw-errors", "-D"], io);
    expect(debug.stdout).toBe(plain.stdout);
    expect(debug.code).toBe(plain.code);
    expect(debug.stderr.endsWith(plain.stderr)).toBe(true);
    const listing = debug.stderr.slice(0, debug.stderr.length - plain.stderr.length);
    if (listing !== "") expect(listing.startsWith(HEADER)).toBe(true);
    expect(listing).not.toContain("missing paths");
  });

  test("most cases get as far as the listing", () => {
    const listed = cases.filter(({ dir, input, args }) => {
      const io = { stdin: readFileSync(input), cwd: dir, filesDir: (d: string) => nodeFileSystem({ filesDir: d, cwd: dir }) };
      return runButane([...args, "-D"], io).stderr.startsWith(HEADER);
    });
    expect(listed.length).toBeGreaterThan(cases.length / 2);
  });
});

/** The recorded conformance inputs (when present): every translated config, wrapped and raw, has every output field translated. */
const conformance = haveShared("-D coverage over the conformance inputs", "conformance/cases") ? caseDirs(CONFORMANCE_CASES) : [];

describe.skipIf(conformance.length === 0)("coverage over the conformance inputs", () => {
  test("no output field lacks a translation", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const dir of conformance) {
      for (const raw of [false, true]) {
        const r = translate(readFileSync(join(dir, "input.bu")), { debugTranslations: true, raw, filesDir: "files", cwd: dir, readFile: nodeFileSystem({ filesDir: "files", cwd: dir }) });
        if (!r.translations) continue;
        checked++;
        for (const p of r.translations.untranslated) missing.push(`${dir}${raw ? " (raw)" : ""}: ${p}`);
      }
    }
    expect(checked).toBeGreaterThan(conformance.length);
    expect(missing).toEqual([]);
  });
});
