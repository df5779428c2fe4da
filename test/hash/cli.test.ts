// The butane-mkpasswd CLI, run as a user would: node bin/butane-mkpasswd.js. The bundle
// is (re)built first with the same esbuild options scripts/build.mjs uses for it.
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { crypt, verifyPassword } from "../../src/hash/index";
import { haveVectors, loadVectors } from "./vectors";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin/butane-mkpasswd.js");

beforeAll(async () => {
  await build({
    entryPoints: [join(root, "src/cli/bin/mkpasswd.ts")],
    outfile: join(root, "dist/cli/mkpasswd.cjs"),
    bundle: true,
    format: "cjs",
    target: "es2022",
    platform: "node",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    mainFields: ["module", "main"],
  });
}, 60_000);

function run(args: string[], input?: string | Uint8Array, extra: { stdio?: (number | "pipe")[] } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, stdio: extra.stdio as never, timeout: 60_000 });
  return { code: r.status, out: r.stdout?.toString() ?? "", err: r.stderr?.toString() ?? "" };
}

const B64 = "[./0-9A-Za-z]";

describe("butane-mkpasswd", () => {
  it("reads one line from stdin (-s) and prints a default yescrypt hash", async () => {
    const r = run(["-m", "yescrypt", "-s"], "pw\nignored\n");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^\\$y\\$j9T\\$${B64}{22}\\$${B64}{43}\\n$`));
    expect(await verifyPassword("pw", r.out.trim())).toBe(true);
  });

  it("reads stdin without -s when it is not a terminal; stops at \\r", async () => {
    const r = run([], "secret\r\n");
    expect(r.code).toBe(0);
    expect(await verifyPassword("secret", r.out.trim())).toBe(true);
    const empty = run(["-m", "sha256crypt"], "");
    expect(await verifyPassword("", empty.out.trim())).toBe(true);
  });

  it("takes PASSWORD and SALT operands like mkpasswd", async () => {
    expect(run(["password", "$y$j9T$saltsaltsaltsalt"]).out).toBe((await crypt("password", "$y$j9T$saltsaltsaltsalt")) + "\n");
    expect(run(["-m", "sha-512", "pw", "saltsalt"]).out).toBe((await crypt("pw", "$6$saltsalt")) + "\n");
    expect(run(["pw", "-m", "sha512crypt", "-R", "10000", "-S", "saltsalt"]).out).toBe((await crypt("pw", "$6$rounds=10000$saltsalt")) + "\n");
    expect(run(["--method=bcrypt", "--rounds=4", "--salt", "abcdefghijklmnopqrstuu", "pw"]).out).toBe(
      (await crypt("pw", "$2b$04$abcdefghijklmnopqrstuu")) + "\n",
    );
    expect(run(["-mbcrypt_a", "-R4", "pw"]).out).toMatch(/^\$2a\$04\$/);
    expect(run(["-m", "yescrypt", "-R", "1", "pw", "saltsalt"]).out).toBe((await crypt("pw", "$y$j75$saltsalt")) + "\n");
    expect(run(["-m", "yescrypt", "-S", "j75..$saltsalt", "pw"]).out).toBe((await crypt("pw", "$y$j75..$saltsalt")) + "\n");
    expect(run(["-m", "grub-pbkdf2", "-R", "1000", "-S", "00112233", "pw"]).out).toBe((await crypt("pw", "grub.pbkdf2.sha512.1000.00112233")) + "\n");
    expect(run(["-m", "$5$", "pw", "saltsalt"]).out).toBe((await crypt("pw", "$5$saltsalt")) + "\n");
    expect(run(["--", "-pw-"]).code).toBe(0);
  });

  it("defaults per method are mkpasswd's", () => {
    expect(run(["-m", "bcrypt", "pw"]).out).toMatch(/^\$2b\$05\$[./A-Za-z0-9]{53}\n$/);
    expect(run(["-m", "sha512crypt", "pw"]).out).toMatch(new RegExp(`^\\$6\\$${B64}{16}\\$${B64}{86}\\n$`));
    expect(run(["-m", "grub-pbkdf2", "pw"]).out).toMatch(/^grub\.pbkdf2\.sha512\.10000\.[0-9A-F]{128}\.[0-9A-F]{128}\n$/);
  });

  it("hashes non-UTF-8 bytes from stdin exactly", async () => {
    const vs = haveVectors ? loadVectors("extra/nonutf8.jsonl").filter((v) => v.scheme === "sha512crypt") : [];
    const bytes = vs[0] ? Buffer.from(vs[0].password_hex, "hex") : Buffer.from([0x70, 0xe4, 0xff]);
    const setting = vs[0]?.setting ?? "$6$saltsalt";
    const r = run(["-m", "sha512crypt", "-s", "-S", setting], Buffer.concat([bytes, Buffer.from("\n")]));
    expect(r.out.trim()).toBe(vs[0]?.hash ?? (await crypt(new Uint8Array(bytes), setting)));
  });

  it("reads the password from another descriptor with -P", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mkpasswd-"));
    try {
      writeFileSync(join(dir, "pw"), "from-fd\nrest");
      const fd = openSync(join(dir, "pw"), "r");
      const r = run(["-P", "3", "-m", "sha256crypt"], undefined, { stdio: ["pipe", "pipe", "pipe", fd] });
      closeSync(fd);
      expect(r.err).toBe("");
      expect(await verifyPassword("from-fd", r.out.trim())).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--method=help, -h and -V", () => {
    for (const args of [["--method=help"], ["-m", "help"], ["--method"], ["-m", "HELP"]]) {
      const r = run(args);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Available methods:\nyescrypt +/);
      expect(r.out).toMatch(/\nsha512crypt +SHA-512\n/);
      expect(r.out).toMatch(/\ngrub-pbkdf2 +/);
    }
    const h = run(["--help"]);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/^Usage: butane-mkpasswd \[OPTIONS\]\.\.\. \[PASSWORD \[SALT\]\]/);
    expect(h.out).toMatch(/-R, --rounds=NUMBER/);
    expect(run(["-V"]).out).toMatch(/^butane-mkpasswd \(butane-ts\) \d+\.\d+\.\d+\n$/);
  });

  const errors: [string[], RegExp][] = [
    [["-m", "md5", "pw"], /Invalid method 'md5'/],
    [["-m"], /option requires an argument -- 'm'/],
    [["-R", "12", "pw"], /yescrypt cost 12 is out of range \(1\.\.11\)/],
    [["-m", "bcrypt", "-R", "3", "pw"], /bcrypt cost 3 is out of range \(4\.\.31\)/],
    [["-m", "sha512crypt", "-R", "999", "pw"], /sha512crypt rounds 999 is out of range \(1000\.\.999999999\)/],
    [["-R", "x", "pw"], /Invalid number 'x'/],
    [["-R", "-1", "pw"], /Invalid number '-1'/],
    [["-m", "sha512crypt", "-S", "short", "pw"], /Wrong salt length: 5 bytes when 8 <= n <= 16 expected/],
    [["-m", "sha512crypt", "-S", "salt*salt", "pw"], /Illegal salt character '\*'/],
    [["-m", "bcrypt", "-S", "abc", "pw"], /Wrong salt length: 3 bytes when 22 expected/],
    [["-S", "abc", "pw"], /yescrypt salt: "abc" is not valid yescrypt base-64/],
    [["-S", "$y$j9T$abc", "pw"], /yescrypt setting: salt "abc" is not valid/],
    [["-S", "$y$i9T$saltsalt", "pw"], /unsupported flavor/],
    [["-S", "$6$rounds=10$salt", "pw"], /rounds must be a number from 1000/],
    [["-S", "$2b$03$......................", "pw"], /cost 03 is out of range/],
    [["-S", "$1$saltsalt", "pw"], /md5crypt hashes are not supported/],
    [["-R", "5", "-S", "$y$j9T$saltsalt", "pw"], /--rounds cannot be combined/],
    [["-m", "grub-pbkdf2", "-S", "xyz", "pw"], /Illegal salt character|hex/],
    [["--bogus"], /unrecognized option '--bogus'/],
    [["-x"], /invalid option -- 'x'/],
    [["a", "b", "c"], /too many arguments/],
    [["-5", "pw"], /md5crypt \(-5\) is not supported/],
  ];
  for (const [args, re] of errors) {
    it(`exits 1 for ${JSON.stringify(args)}`, () => {
      const r = run(args, "");
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toMatch(re);
    });
  }

  it("rejects passwords crypt(3) cannot take", () => {
    const r = run(["-m", "sha512crypt", "-s"], "x".repeat(512) + "\n");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/512 bytes long; at most 511/);
  });
});

// Interactive use needs a terminal: drive the CLI through a pseudo-terminal with Python.
const python = spawnSync("python3", ["-c", "import pty, os"]).status === 0 ? "python3" : null;
const PTY_DRIVER = `
import json, os, pty, subprocess, sys
m, s = pty.openpty()
p = subprocess.Popen(sys.argv[1:], stdin=s, stdout=subprocess.PIPE, stderr=s)
os.close(s)
seen = b""
def until(text):
    global seen
    while text not in seen:
        seen += os.read(m, 1024)
until(b"Password: "); os.write(m, os.environ["PW1"].encode() + b"\\r")
until(b"Retype password: "); os.write(m, os.environ["PW2"].encode() + b"\\r")
out = p.stdout.read(); p.wait()
try:
    while True:
        chunk = os.read(m, 1024)
        if not chunk: break
        seen += chunk
except OSError:
    pass
sys.stdout.write(json.dumps([p.returncode, out.decode(), seen.decode()]))
`;

describe.skipIf(!python)("butane-mkpasswd on a terminal", () => {
  const tty = (pw1: string, pw2: string) => {
    const r = spawnSync(python!, ["-c", PTY_DRIVER, process.execPath, bin, "-m", "sha256crypt"], {
      env: { ...process.env, PW1: pw1, PW2: pw2 },
      timeout: 30_000,
    });
    const [code, out, terminal] = JSON.parse(r.stdout.toString()) as [number, string, string];
    return { code, out, terminal };
  };

  it("prompts twice without echo", async () => {
    const r = tty("hunter2", "hunter2");
    expect(r.code).toBe(0);
    expect(r.terminal).toContain("Password: ");
    expect(r.terminal).toContain("Retype password: ");
    expect(r.terminal).not.toContain("hunter2");
    expect(await verifyPassword("hunter2", r.out.trim())).toBe(true);
  });

  it("fails when the two entries differ", () => {
    const r = tty("hunter2", "hunter3");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.terminal).toMatch(/Passwords don't match/);
  });
});
