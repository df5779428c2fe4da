// The acos variant (src/variants-ext/acos): registered through the public API only,
// its `updates:` sugar (zincati's drop-in, parsed back with a TOML parser), the user
// checks and passwords entered while compiling.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parse as parseToml } from "smol-toml";
import { describe, expect, test, vi } from "vitest";
import { ACOS_MESSAGES, listVariants, translate, hashPassword, verifyPassword, type TranslateOptions } from "../../src/node";
import { renderUpdatesToml, UPDATES_FILE } from "../../src/variants-ext/acos/index";
import { butaneInteractive, runButane } from "../../src/cli/butane";
import { memoryIo } from "../../src/cli/io";

const root = join(__dirname, "../..");
const head = (version = "1.0.0") => `variant: acos\nversion: ${version}\n`;

type Obj = Record<string, unknown>;

function fileText(ignition: unknown, path: string): string | undefined {
  const config = ignition as Obj | undefined;
  const files = ((config?.storage as Obj | undefined)?.files ?? []) as Obj[];
  const f = files.find((x) => x.path === path);
  if (!f) return undefined;
  const c = f.contents as { source: string; compression?: string };
  const comma = c.source.indexOf(",");
  const meta = c.source.slice(5, comma), data = c.source.slice(comma + 1);
  const bytes = meta.endsWith(";base64") ? Buffer.from(data, "base64") : Buffer.from(decodeURIComponent(data), "utf8");
  return (c.compression === "gzip" ? gunzipSync(bytes) : bytes).toString("utf8");
}

/** Translates, expects success, and returns the drop-in parsed as TOML. */
function zincati(yaml: string, options: TranslateOptions = {}): Obj {
  const r = translate(yaml, options);
  expect(r.error, JSON.stringify(r.report)).toBeUndefined();
  const text = fileText(r.config, UPDATES_FILE);
  expect(text).toBeDefined();
  return parseToml(text!) as Obj;
}

describe("registration through the public API", () => {
  test("the acos folder imports nothing but the package entry and its own files", () => {
    const dir = join(root, "src/variants-ext/acos");
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".ts"))) {
      const src = readFileSync(join(dir, f), "utf8");
      for (const m of src.matchAll(/\b(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/g)) {
        expect(m[1] === "../../index" || /^\.\/[\w.-]+$/.test(m[1]!), `${f} imports ${m[1]}`).toBe(true);
      }
    }
  });

  test("the package entry alone has no acos; registerAcos adds it", async () => {
    vi.resetModules();
    const core = await import("../../src/index");
    const cfg = head() + "updates:\n  strategy: immediate\n";
    expect(core.translate(cfg).error).toBe("No translator exists for variant acos with version 1.0.0");
    const { registerAcos } = await import("../../src/variants-ext/acos/index");
    registerAcos();
    const r = core.translate(cfg);
    expect(r.error).toBeUndefined();
    expect(r.output).toContain("55-updates-strategy.toml");
    expect(() => registerAcos()).toThrow(/already/);
    vi.resetModules();
  });

  test("the Node entry registers acos when it loads: 1.0.0 on Ignition 3.4.0, 1.1.0-experimental on 3.7.0-experimental", () => {
    const acos = listVariants().filter((v) => v.variant === "acos");
    expect(acos.map((v) => [v.version, v.base.features.spec.version])).toEqual([
      ["1.0.0", "3.4.0"],
      ["1.1.0-experimental", "3.7.0-experimental"],
    ]);
    expect(translate(head() + "").output).toBe('{"ignition":{"version":"3.4.0"}}\n');
    expect(translate(head("1.1.0-experimental")).output).toBe('{"ignition":{"version":"3.7.0-experimental"}}\n');
  });

  test("fcos features come along: boot_device, grub, and experimental quadlets", () => {
    const r = translate(head() + "boot_device:\n  mirror:\n    devices: [/dev/vda, /dev/vdb]\ngrub:\n  users:\n    - name: root\n      password_hash: grub.pbkdf2.sha512.10000.AB.CD\n");
    expect(r.error).toBeUndefined();
    expect(((r.config!.storage as Obj).raid as Obj[]).map((x) => x.name)).toEqual(["md-boot", "md-root"]);
    const q = translate(head("1.1.0-experimental") + "systemd:\n  quadlets:\n    - name: web.container\n      contents: |\n        [Container]\n        Image=nginx\n");
    expect(q.error).toBeUndefined();
    expect(fileText(q.config, "/etc/containers/systemd/users/web.container")).toBe("[Container]\nImage=nginx\n");
  });

  test("variant: fcos is unchanged: updates is an unknown key there", () => {
    const r = translate("variant: fcos\nversion: 1.5.0\nupdates:\n  strategy: immediate\n");
    expect(r.report).toEqual([{ severity: "warning", path: "$.updates", line: 3, column: 1, message: "unused key updates", code: "BUT120" }]);
    expect(r.output).toBe('{"ignition":{"version":"3.4.0"}}\n');
  });
});

describe("updates: strategies", () => {
  test("immediate", () => {
    const r = translate(head() + "updates:\n  strategy: immediate\n", { pretty: true });
    expect(r.report).toEqual([]);
    const file = ((r.config!.storage as Obj).files as Obj[])[0]!;
    expect(file).toMatchObject({ path: UPDATES_FILE, mode: 0o644 });
    expect(fileText(r.config, UPDATES_FILE)).toBe('# Generated by Butane from the updates section\n\n[updates]\nstrategy = "immediate"\n');
    expect(zincati(head() + "updates:\n  strategy: immediate\n")).toEqual({ updates: { strategy: "immediate" } });
  });

  test("periodic: windows in zincati's tables, days abbreviated, times zero-padded", () => {
    const toml = zincati(
      head() +
        "updates:\n  strategy: periodic\n  time_zone: Europe/Moscow\n  windows:\n" +
        "    - days: [Sat, sunday, TUESDAY, Sat]\n      start_time: 7:05\n      length_minutes: 60\n" +
        '    - days: [Wed]\n      start_time: "23:30"\n      length_minutes: 10080\n',
    );
    expect(toml).toEqual({
      updates: {
        strategy: "periodic",
        periodic: {
          time_zone: "Europe/Moscow",
          window: [
            { days: ["Sat", "Sun", "Tue"], start_time: "07:05", length_minutes: 60 },
            { days: ["Wed"], start_time: "23:30", length_minutes: 10080 },
          ],
        },
      },
    });
  });

  test("periodic in UTC (no time_zone) and with localtime", () => {
    expect(zincati(head() + "updates:\n  strategy: periodic\n  windows:\n    - {days: [Mon], start_time: '00:00', length_minutes: 1}\n")).toEqual({
      updates: { strategy: "periodic", periodic: { window: [{ days: ["Mon"], start_time: "00:00", length_minutes: 1 }] } },
    });
    const local = zincati(head() + "updates:\n  strategy: periodic\n  time_zone: localtime\n  windows:\n    - {days: [Fri], start_time: '12:00', length_minutes: 30}\n");
    expect((local.updates as Obj).periodic).toMatchObject({ time_zone: "localtime" });
  });

  test("fleet_lock with group, rollout_wariness and enabled", () => {
    const toml = zincati(
      head() + "updates:\n  strategy: fleet_lock\n  base_url: https://fleetlock.example.com/${group}/\n  group: workers-1.a\n  rollout_wariness: 1\n  enabled: false\n",
    );
    expect(toml).toEqual({
      identity: { group: "workers-1.a", rollout_wariness: 1 },
      updates: { enabled: false, strategy: "fleet_lock", fleet_lock: { base_url: "https://fleetlock.example.com/${group}/" } },
    });
    const text = fileText(translate(head() + "updates:\n  rollout_wariness: 0\n").config, UPDATES_FILE);
    expect(text).toContain("rollout_wariness = 0.0\n"); // a TOML float, as zincati's NotNan<f64> reads it
  });

  test("auto-updates off alone", () => {
    expect(zincati(head() + "updates:\n  enabled: false\n")).toEqual({ updates: { enabled: false } });
  });

  test("an empty updates section writes nothing", () => {
    const r = translate(head() + "updates: {}\n");
    expect(r.output).toBe('{"ignition":{"version":"3.4.0"}}\n');
  });

  test("the drop-in is compressed like other generated contents, or not with noResourceAutoCompression", () => {
    const cfg = head() + "updates:\n  strategy: periodic\n  windows:\n" + "    - {days: [Mon, Tue, Wed, Thu, Fri], start_time: '01:00', length_minutes: 30}\n".repeat(6);
    const gz = translate(cfg);
    expect((((gz.config!.storage as Obj).files as Obj[])[0]!.contents as Obj).compression).toBe("gzip");
    const plain = translate(cfg, { noResourceAutoCompression: true });
    expect((((plain.config!.storage as Obj).files as Obj[])[0]!.contents as Obj).compression).not.toBe("gzip");
    expect(fileText(plain.config, UPDATES_FILE)).toBe(fileText(gz.config, UPDATES_FILE));
  });

  test("user files stay first and keep their own translations", () => {
    const r = translate(head() + "storage:\n  files:\n    - path: /etc/hostname\n      mode: 644\nupdates:\n  strategy: immediate\n");
    expect(((r.config!.storage as Obj).files as Obj[]).map((f) => f.path)).toEqual(["/etc/hostname", UPDATES_FILE]);
    // Ignition's findings on the user's file still point at the user's YAML.
    expect(r.report.length).toBeGreaterThan(0);
    for (const d of r.report) expect(d).toMatchObject({ severity: "warning", path: "$.storage.files.0.mode", line: 6, column: 13 });
  });

  test("TOML strings are escaped", () => {
    const text = renderUpdatesToml({ strategy: "fleet_lock", base_url: 'http://h/"\\\u0001é' })!;
    expect((parseToml(text).updates as Obj).fleet_lock).toEqual({ base_url: 'http://h/"\\\u0001é' });
  });
});

describe("updates: every invalid value is an error at its line and column", () => {
  const M = ACOS_MESSAGES;
  const cases: [name: string, body: string, path: string, line: number, column: number, code: string][] = [
    ["unknown strategy", "  strategy: weekly\n", "$.updates.strategy", 4, 13, M.strategyUnknown.code],
    ["periodic without windows", "  strategy: periodic\n", "$.updates.strategy", 4, 13, M.windowsMissing.code],
    ["fleet_lock without base_url", "  strategy: fleet_lock\n", "$.updates.strategy", 4, 13, M.baseUrlMissing.code],
    ["windows without a strategy", "  windows:\n    - {days: [Mon], start_time: '01:00', length_minutes: 5}\n", "$.updates.windows", 4, 3, M.strategyMissing.code],
    ["time_zone with immediate", "  strategy: immediate\n  time_zone: UTC\n", "$.updates.time_zone", 5, 3, M.fieldNeedsStrategy.code],
    ["base_url with periodic", "  strategy: periodic\n  base_url: http://x/\n  windows:\n    - {days: [Mon], start_time: '01:00', length_minutes: 5}\n", "$.updates.base_url", 5, 3, M.fieldNeedsStrategy.code],
    ["base_url not a URL", "  strategy: fleet_lock\n  base_url: fleetlock.example.com\n", "$.updates.base_url", 5, 13, M.baseUrlInvalid.code],
    ["base_url not http", "  strategy: fleet_lock\n  base_url: ftp://fleetlock.example.com/\n", "$.updates.base_url", 5, 13, M.baseUrlInvalid.code],
    ["base_url with an unknown variable", "  strategy: fleet_lock\n  base_url: http://h/${node_uuid}\n", "$.updates.base_url", 5, 13, M.baseUrlInvalid.code],
    ["group with a space", "  strategy: fleet_lock\n  base_url: http://h/\n  group: my workers\n", "$.updates.group", 6, 10, M.groupInvalid.code],
    ["rollout_wariness above 1", "  rollout_wariness: 1.5\n", "$.updates.rollout_wariness", 4, 21, M.rolloutWarinessRange.code],
    ["rollout_wariness below 0", "  rollout_wariness: -0.1\n", "$.updates.rollout_wariness", 4, 21, M.rolloutWarinessRange.code],
    ["rollout_wariness NaN", "  rollout_wariness: .nan\n", "$.updates.rollout_wariness", 4, 21, M.rolloutWarinessRange.code],
    ["unknown time zone", "  strategy: periodic\n  time_zone: Mars/Olympus\n  windows:\n    - {days: [Mon], start_time: '01:00', length_minutes: 5}\n", "$.updates.time_zone", 5, 14, M.timeZoneUnknown.code],
    ["unknown day", "  strategy: periodic\n  windows:\n    - days: [Mon, Mittwoch]\n      start_time: '01:00'\n      length_minutes: 5\n", "$.updates.windows.0.days.1", 6, 19, M.dayUnknown.code],
    ["zincati's misspelt day is not passed on", "  strategy: periodic\n  windows:\n    - days: [tuesady]\n      start_time: '01:00'\n      length_minutes: 5\n", "$.updates.windows.0.days.0", 6, 14, M.dayUnknown.code],
    ["no days", "  strategy: periodic\n  windows:\n    - days: []\n      start_time: '01:00'\n      length_minutes: 5\n", "$.updates.windows.0.days", 6, 13, M.daysMissing.code],
    ["days missing", "  strategy: periodic\n  windows:\n    - start_time: '01:00'\n      length_minutes: 5\n", "$.updates.windows.0", 6, 7, M.daysMissing.code],
    ["hour 24", "  strategy: periodic\n  windows:\n    - days: [Mon]\n      start_time: '24:00'\n      length_minutes: 5\n", "$.updates.windows.0.start_time", 7, 19, M.startTimeInvalid.code],
    ["12-hour time", "  strategy: periodic\n  windows:\n    - days: [Mon]\n      start_time: 1:00pm\n      length_minutes: 5\n", "$.updates.windows.0.start_time", 7, 19, M.startTimeInvalid.code],
    ["start_time missing", "  strategy: periodic\n  windows:\n    - days: [Mon]\n      length_minutes: 5\n", "$.updates.windows.0", 6, 7, M.startTimeInvalid.code],
    ["zero minutes", "  strategy: periodic\n  windows:\n    - days: [Mon]\n      start_time: '01:00'\n      length_minutes: 0\n", "$.updates.windows.0.length_minutes", 8, 23, M.lengthRange.code],
    ["longer than a week", "  strategy: periodic\n  windows:\n    - days: [Mon]\n      start_time: '01:00'\n      length_minutes: 10081\n", "$.updates.windows.0.length_minutes", 8, 23, M.lengthRange.code],
  ];
  test.each(cases)("%s", (_name, body, path, line, column, code) => {
    const r = translate(head() + "updates:\n" + body);
    expect(r.error).toBe("source config is invalid");
    expect(r.output).toBeUndefined();
    expect(r.report).toEqual([expect.objectContaining({ severity: "error", path, line, column, code })]);
  });

  test("the time zone error suggests the name meant", () => {
    const r = translate(head() + "updates:\n  strategy: periodic\n  time_zone: moscow\n  windows:\n    - {days: [Mon], start_time: '01:00', length_minutes: 5}\n");
    expect(r.report[0]!.message).toMatch(/did you mean Europe\/Moscow\?$/);
  });

  test("unknown keys of the sugar are reported, as for any struct", () => {
    const r = translate(head() + "updates:\n  strategy: periodic\n  window:\n    - {days: [Mon]}\n");
    expect(r.report).toEqual([
      expect.objectContaining({ severity: "warning", path: "$.updates.window", line: 5, column: 3, message: "unused key window" }),
      expect.objectContaining({ severity: "error", path: "$.updates.strategy", code: ACOS_MESSAGES.windowsMissing.code }),
    ]);
  });

  test("a wrong type is a decoding error naming float64", () => {
    const r = translate(head() + "updates:\n  rollout_wariness: high\n");
    expect(r.error).toContain("cannot unmarshal !!str `high` into float64");
    expect(r.report).toEqual([expect.objectContaining({ path: "$.updates.rollout_wariness", line: 4, column: 21 })]);
  });

  test("a file of the config at the drop-in's path is an error at updates", () => {
    const r = translate(head() + `storage:\n  files:\n    - path: ${UPDATES_FILE}\n      contents:\n        inline: x\nupdates:\n  strategy: immediate\n`);
    expect(r.error).toBe("source config is invalid");
    expect(r.report).toEqual([expect.objectContaining({ severity: "error", path: "$.updates", line: 8, column: 1, code: ACOS_MESSAGES.fileConflict.code })]);
    const dir = translate(head() + `storage:\n  directories:\n    - path: ${UPDATES_FILE}\nupdates:\n  enabled: false\n`);
    expect(dir.report).toEqual([expect.objectContaining({ path: "$.updates", line: 6, column: 1, code: ACOS_MESSAGES.fileConflict.code })]);
  });

  test("without updates, the config may write the drop-in itself", () => {
    const r = translate(head() + `storage:\n  files:\n    - path: ${UPDATES_FILE}\n      contents:\n        inline: x\n`);
    expect(r.error).toBeUndefined();
  });
});

describe("ACOS users", () => {
  const user = (fields: string) => head() + "passwd:\n  users:\n    - name: " + fields;

  test("crypt(3) hashes and locks give no warning", async () => {
    const hashes = [
      await hashPassword("pw"),
      await hashPassword("pw", { method: "bcrypt" }),
      await hashPassword("pw", { method: "sha512crypt" }),
      await hashPassword("pw", { method: "sha256crypt" }),
      "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/",
      "!",
      "*",
      "!$y$j9T$abc$" + "a".repeat(43),
    ];
    for (const h of hashes) {
      const r = translate(user(`root\n      password_hash: '${h}'\n`));
      expect(r.report, h).toEqual([]);
    }
  });

  test("a plain password in password_hash is a warning, for acos, root and others", () => {
    for (const [name, line] of [["root", 6], ["acos", 6], ["admin", 6]] as const) {
      const r = translate(user(`${name}\n      password_hash: hunter2\n`));
      expect(r.error).toBeUndefined();
      expect(r.report).toEqual([expect.objectContaining({ severity: "warning", path: "$.passwd.users.0.password_hash", line, column: 22, code: ACOS_MESSAGES.passwordHashNotCrypt.code })]);
    }
    // a truncated hash is not a hash either
    expect(translate(user("root\n      password_hash: $y$j9T$abc\n")).report).toHaveLength(1);
  });

  test("groups that drop wheel or docker from acos are a warning", () => {
    const r = translate(user("acos\n      groups: [docker, adm]\n"));
    expect(r.error).toBeUndefined();
    expect(r.report).toEqual([expect.objectContaining({ severity: "warning", path: "$.passwd.users.0.groups", line: 6, column: 15, code: ACOS_MESSAGES.groupsDropDefaults.code })]);
    expect(r.report[0]!.message).toContain("drops wheel");
    expect(translate(user("acos\n      groups: [adm]\n")).report[0]!.message).toContain("drops wheel and docker");
    // keeping both, no list at all, another user, or removing the user: nothing to say
    for (const ok of ["acos\n      groups: [wheel, docker, adm]\n", "acos\n      ssh_authorized_keys: [ssh-ed25519 AAAA]\n", "core\n      groups: [adm]\n", "acos\n      groups: [adm]\n      should_exist: false\n"]) {
      expect(translate(user(ok)).report, ok).toEqual([]);
    }
  });

  test("fcos has none of these checks", () => {
    expect(translate("variant: fcos\nversion: 1.5.0\npasswd:\n  users:\n    - name: acos\n      groups: [adm]\n      password_hash: hunter2\n").report).toEqual([]);
  });
});

describe("passwords entered while compiling", () => {
  const cfg = head() + "passwd:\n  users:\n    - name: acos\n      password:\n        prompt: true\n    - name: root\n      password: {prompt: true}\n    - name: other\n      password: {prompt: false}\n";

  test("without hashes, each prompted user is an error at its prompt, and the caller hears of them", () => {
    const asked: string[] = [];
    const r = translate(cfg, { variantOptions: { onPasswordPrompt: (u: string) => asked.push(u) } });
    expect(asked).toEqual(["acos", "root"]);
    expect(r.error).toBe("source config is invalid");
    expect(r.report).toEqual([
      expect.objectContaining({ severity: "error", path: "$.passwd.users.0.password.prompt", line: 7, column: 17, code: ACOS_MESSAGES.passwordNotEntered.code }),
      expect.objectContaining({ severity: "error", path: "$.passwd.users.1.password.prompt", line: 9, column: 26, code: ACOS_MESSAGES.passwordNotEntered.code }),
    ]);
  });

  test("with hashes, they become password_hash; password itself never reaches Ignition", async () => {
    const acos = await hashPassword("acos-secret"), rootHash = await hashPassword("root-secret");
    const r = translate(cfg, { variantOptions: { passwordHashes: { acos, root: rootHash } } });
    expect(r.error).toBeUndefined();
    const users = (r.config!.passwd as Obj).users as Obj[];
    expect(users).toEqual([{ name: "acos", passwordHash: acos }, { name: "root", passwordHash: rootHash }, { name: "other" }]);
  });

  test("a plain password given as a 'hash' is refused, not written", () => {
    const r = translate(cfg, { variantOptions: { passwordHashes: { acos: "acos-secret", root: "!" } } });
    expect(r.error).toBe("source config is invalid");
    expect(r.output).toBeUndefined();
    expect(r.report.map((d) => [d.path, d.code])).toEqual([
      ["$.passwd.users.0.password.prompt", ACOS_MESSAGES.passwordOptionNotCrypt.code],
      ["$.passwd.users.1.password.prompt", ACOS_MESSAGES.passwordOptionNotCrypt.code],
    ]);
  });

  test("prompt and password_hash together are an error", () => {
    const r = translate(head() + "passwd:\n  users:\n    - name: root\n      password_hash: '!'\n      password: {prompt: true}\n");
    expect(r.report).toEqual([expect.objectContaining({ severity: "error", path: "$.passwd.users.0.password", line: 7, column: 7, code: ACOS_MESSAGES.passwordPromptConflict.code })]);
  });

  test("variantOptions must be an object", () => {
    expect(translate(cfg, { variantOptions: 3 as never }).error).toBe("invalid option variantOptions: expected an object, got number");
  });

  function terminal(answers: string[], files: Record<string, string>) {
    const io = memoryIo({ files });
    const prompts: string[] = [];
    const enc = new TextEncoder();
    return {
      io: {
        ...io,
        stdinIsTerminal: true,
        promptHidden: async (p: string) => (prompts.push(p), enc.encode(answers.shift() ?? "")),
        hashPassword: (pw: Uint8Array) => hashPassword(pw),
      },
      prompts,
      run: (code: number) => io.run(code),
      written: io.written,
    };
  }

  test("the butane command asks on the terminal, twice per user, and writes only yescrypt hashes", async () => {
    const t = terminal(["acos-secret", "acos-secret", "root-secret", "root-secret"], { "c.bu": cfg });
    const code = await butaneInteractive(["c.bu", "-o", "c.ign"], t.io);
    expect(t.run(code)).toMatchObject({ code: 0, stderr: "" });
    expect(t.prompts).toEqual(["Password for user acos: ", "Retype password for user acos: ", "Password for user root: ", "Retype password for user root: "]);
    const out = t.written.get("c.ign")!;
    expect(out).not.toContain("secret");
    const users = (JSON.parse(out).passwd.users as Obj[]);
    expect(users[0]!.passwordHash).toMatch(/^\$y\$/);
    expect(await verifyPassword("acos-secret", users[0]!.passwordHash as string)).toBe(true);
    expect(await verifyPassword("root-secret", users[1]!.passwordHash as string)).toBe(true);
  });

  test("passwords that differ stop the command before any output", async () => {
    const t = terminal(["one", "two"], { "c.bu": cfg });
    const r = t.run(await butaneInteractive(["c.bu", "-o", "c.ign"], t.io));
    expect(r).toMatchObject({ code: 1, stdout: "", stderr: "Error: passwords for user acos don't match\n" });
    expect(t.written.size).toBe(0);
  });

  test("with the config on stdin, or without a terminal, nothing is asked: the config's error says what to do", async () => {
    const t = terminal(["x", "x"], {});
    const io = { ...t.io, readStdin: () => new TextEncoder().encode(cfg) };
    const r = t.run(await butaneInteractive(["--raw-errors"], io));
    expect(t.prompts).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error at $.passwd.users.0.password.prompt, line 7 col 17: the password of user "acos" is to be entered when compiling');
    // the synchronous core behaves the same
    expect(runButane(["--raw-errors"], { stdin: cfg }).stderr).toBe(r.stderr);
  });

  test("configs without prompts run as butane() does", async () => {
    const t = terminal([], { "c.bu": head() + "updates:\n  strategy: immediate\n" });
    const r = t.run(await butaneInteractive(["c.bu"], t.io));
    const sync = runButane(["c.bu"], { files: { "c.bu": head() + "updates:\n  strategy: immediate\n" } });
    expect(r).toEqual({ stdout: sync.stdout, stderr: sync.stderr, code: sync.code });
    expect(r.stdout).toContain(UPDATES_FILE);
    expect(t.prompts).toEqual([]);
  });
});

describe("examples", () => {
  for (const name of ["acos.bu", "acos-updates-immediate.bu", "acos-updates-periodic.bu", "acos-updates-fleet-lock.bu"]) {
    test(`examples/${name} translates without warnings`, () => {
      const r = translate(readFileSync(join(root, "examples", name)), { strict: true });
      expect(r.error, JSON.stringify(r.report)).toBeUndefined();
    });
  }
});
