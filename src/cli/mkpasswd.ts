// butane-mkpasswd: mkpasswd(1)'s interface (from the whois package, over libxcrypt) for
// the hashes Butane's password_hash takes, plus GRUB's PBKDF2 (grub-mkpasswd-pbkdf2).
//
//   butane-mkpasswd [OPTIONS]... [PASSWORD [SALT]]
//
// Without a PASSWORD argument the password is read from the terminal (twice, without
// echo) or, when stdin is not a terminal (or with -s / -P N), as one line from stdin or
// file descriptor N. The hash goes to stdout; errors go to stderr with exit status 1.
// A pure function of argv and a CliIo with a password source; the Node source (stdin,
// tty, fds) is in node-password.ts.
import { HASH_METHODS, NO_COST_LIMITS, PasswordHashError, crypt, findMethod, hashPassword, type HashMethodInfo } from "../hash/index";
import { PACKAGE_VERSION } from "../core/version";
import { memoryIo, type CliIo, type CliRun, type MemoryIoOptions } from "./io";

/** Where a password comes from when it is not an argument. */
export interface PasswordIo {
  stdinIsTerminal: boolean;
  /** One line (without its end) from a file descriptor (`-P N`). */
  readLineFromFd(fd: number): Uint8Array | Promise<Uint8Array>;
  /** One line from standard input that is not a terminal. */
  readLineFromStdin(): Promise<Uint8Array>;
  /** Asks on the terminal without echo. */
  promptHidden(prompt: string): Promise<Uint8Array>;
}

const PROG = "butane-mkpasswd";

class UsageError extends Error {}

const HELP = `Usage: ${PROG} [OPTIONS]... [PASSWORD [SALT]]
Hashes the PASSWORD with crypt(3) (libxcrypt-compatible) or GRUB's PBKDF2,
for the password_hash fields of Butane configs.

      -m, --method=TYPE     select method TYPE (default: yescrypt)
      -S, --salt=SALT       use the specified SALT
      -R, --rounds=NUMBER   use the specified NUMBER of rounds (the method's cost:
                            yescrypt 1..11, bcrypt 4..31, SHA-crypt 1000..999999999,
                            grub-pbkdf2 iterations; 0 means the default)
      -P, --password-fd=NUM read the password from file descriptor NUM
      -s, --stdin           like --password-fd=0
      -h, --help            display this help and exit
      -V, --version         output version information and exit

If PASSWORD is missing then it is asked interactively (twice, without echo),
or read as one line from stdin when that is not a terminal.
If no SALT is specified, a random one is generated. SALT is either the bare salt
(yescrypt: its base-64 form; bcrypt: 22 characters; SHA-crypt: 8 to 16 characters
of ./0-9A-Za-z; grub-pbkdf2: hex) or a complete setting such as '$y$j9T$...'.
If TYPE is 'help', available methods are printed.
`;

interface Options {
  method?: HashMethodInfo;
  salt?: string;
  rounds?: number;
  fd?: number;
  positional: string[];
}

// GNU getopt_long conventions: options and operands may be mixed, "-Rn"/"-R n",
// "--rounds=n"/"--rounds n", "--" ends the options. --method's value is optional
// (a bare --method lists the methods), -m's is not.
function parseArgs(argv: string[]): Options | "help" | "version" | "methods" {
  const o: Options = { positional: [] };
  const takes: Record<string, string> = { m: "method", H: "method", S: "salt", R: "rounds", P: "password-fd" };
  const longs = ["method", "hash", "salt", "rounds", "password-fd", "stdin", "help", "version"];
  let result: "help" | "version" | "methods" | null = null;
  const apply = (name: string, value: string | undefined): void => {
    switch (name) {
      case "method":
      case "hash": {
        if (value === undefined || value.toLowerCase() === "help") {
          result ??= "methods";
          return;
        }
        const m = findMethod(value) ?? HASH_METHODS.find((x) => x.prefix === value);
        if (!m) throw new UsageError(`Invalid method '${value}'. Use --method=help to list the methods.`);
        o.method = m;
        return;
      }
      case "salt":
        o.salt = value;
        return;
      case "rounds": {
        if (!/^\d+$/.test(value!)) throw new UsageError(`Invalid number '${value}'.`);
        o.rounds = Number(value);
        return;
      }
      case "password-fd": {
        if (!/^\d+$/.test(value!)) throw new UsageError(`Invalid number '${value}'.`);
        o.fd = Number(value);
        return;
      }
      case "stdin":
        o.fd = 0;
        return;
      case "help":
        result ??= "help";
        return;
      case "version":
        result ??= "version";
        return;
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      o.positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const given = eq < 0 ? a.slice(2) : a.slice(2, eq);
      // unambiguous prefixes are accepted, as getopt_long does
      const matches = longs.filter((l) => l.startsWith(given));
      const name = longs.includes(given) ? given : matches.length === 1 ? matches[0]! : null;
      if (!name) throw new UsageError(matches.length > 1 ? `option '--${given}' is ambiguous` : `unrecognized option '--${given}'`);
      let value = eq < 0 ? undefined : a.slice(eq + 1);
      if (["stdin", "help", "version"].includes(name)) {
        if (value !== undefined) throw new UsageError(`option '--${name}' doesn't allow an argument`);
      } else if (value === undefined && name !== "method" && name !== "hash") {
        if (i + 1 >= argv.length) throw new UsageError(`option '--${name}' requires an argument`);
        value = argv[++i];
      }
      apply(name, value);
    } else if (a.startsWith("-") && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if (c in takes) {
          let value = a.slice(k + 1);
          if (!value) {
            if (i + 1 >= argv.length) throw new UsageError(`option requires an argument -- '${c}'`);
            value = argv[++i]!;
          }
          apply(takes[c]!, value);
          break;
        }
        if (c === "s") apply("stdin", undefined);
        else if (c === "h") apply("help", undefined);
        else if (c === "V") apply("version", undefined);
        else if (c === "5") throw new UsageError("md5crypt (-5) is not supported; use -m yescrypt");
        else throw new UsageError(`invalid option -- '${c}'`);
      }
    } else {
      o.positional.push(a);
    }
  }
  return result ?? o;
}

// ---- reading the password ----------------------------------------------------------------

async function readPassword(o: Options, io: PasswordIo): Promise<string | Uint8Array> {
  if (o.positional.length >= 1) return o.positional[0]!;
  if (o.fd !== undefined && o.fd !== 0) return io.readLineFromFd(o.fd);
  if (io.stdinIsTerminal) {
    const first = await io.promptHidden("Password: ");
    const second = await io.promptHidden("Retype password: ");
    if (first.length !== second.length || first.some((b, i) => b !== second[i])) throw new Error("Passwords don't match.");
    return first;
  }
  return io.readLineFromStdin();
}

// ---- the setting -----------------------------------------------------------------------

const SALT_CHARS = /^[./0-9A-Za-z]*$/;

/** Turns -m/-R/-S into either hashPassword options or a complete crypt(3) setting. */
function plan(o: Options): { setting: string } | { method: string; cost?: number; salt?: string } {
  const m = o.method ?? findMethod("yescrypt")!;
  const salt = o.salt ?? (o.positional.length === 2 ? o.positional[1] : undefined);
  let cost: number | undefined;
  if (o.rounds) {
    if (o.rounds < m.cost.min || o.rounds > m.cost.max) {
      throw new UsageError(`${m.name} ${m.cost.name === "cost" ? "cost" : m.cost.name} ${o.rounds} is out of range (${m.cost.min}..${m.cost.max}).`);
    }
    cost = o.rounds;
  }
  if (salt === undefined || salt === "") return { method: m.name, cost };
  if (salt.startsWith("$") || salt.startsWith("grub.pbkdf2.")) {
    // the salt carries its own method and parameters
    if (o.rounds) throw new UsageError("--rounds cannot be combined with a salt that carries its own parameters.");
    return { setting: salt };
  }
  if (salt.includes("$")) {
    // a salt with parameters but no method prefix, e.g. -m yescrypt -S 'j9T$<salt>'
    switch (m.name) {
      case "yescrypt":
        if (o.rounds) throw new UsageError("--rounds cannot be combined with a yescrypt salt that carries its own parameters.");
        return { setting: m.prefix + salt };
      case "bcrypt":
      case "bcrypt_a":
        return { setting: `${m.prefix}${String(cost ?? m.cost.default).padStart(2, "0")}$${salt}` };
      case "sha512crypt":
      case "sha256crypt":
        return { setting: m.prefix + (cost ? `rounds=${cost}$` : "") + salt };
      default:
        throw new UsageError(`Illegal salt character '$' for ${m.name}.`);
    }
  }
  // a bare salt, checked like mkpasswd does
  const length = (min: number, max: number) => {
    if (salt.length < min || salt.length > max) {
      throw new UsageError(
        min === max
          ? `Wrong salt length: ${salt.length} byte${salt.length === 1 ? "" : "s"} when ${max} expected.`
          : `Wrong salt length: ${salt.length} byte${salt.length === 1 ? "" : "s"} when ${min} <= n <= ${max} expected.`,
      );
    }
  };
  if (m.name !== "grub-pbkdf2") {
    const bad = [...salt].find((c) => !SALT_CHARS.test(c));
    if (bad) throw new UsageError(`Illegal salt character '${bad}'.`);
  }
  if (m.name.startsWith("sha")) length(8, 16);
  if (m.name.startsWith("bcrypt")) length(22, 22);
  return { method: m.name, cost, salt };
}

function listMethods(): string {
  return "Available methods:\n" + HASH_METHODS.map((m) => `${m.name.padEnd(15)} ${m.description}\n`).join("");
}

/** Runs `butane-mkpasswd` with the arguments after the program name; resolves to the exit status. */
export async function mkpasswd(argv: readonly string[], io: CliIo & PasswordIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs([...argv]);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${PROG}: ${e.message}\nTry '${PROG} --help' for more information.\n`);
    return 1;
  }
  if (parsed === "help") {
    io.stdout(HELP);
    return 0;
  }
  if (parsed === "version") {
    io.stdout(`${PROG} (butane-ts) ${PACKAGE_VERSION}\n`);
    return 0;
  }
  if (parsed === "methods") {
    io.stdout(listMethods());
    return 0;
  }
  if (parsed.positional.length > 2 || (parsed.positional.length === 2 && parsed.salt !== undefined)) {
    io.stderr(`${PROG}: too many arguments\n${HELP}`);
    return 1;
  }
  try {
    const how = plan(parsed); // parameter errors come before asking for a password
    const password = await readPassword(parsed, io);
    // The parameters are the user's own choice here, so the library's cost ceilings
    // (meant for hashes from elsewhere) do not apply: mkpasswd takes any valid cost.
    const hash = "setting" in how ? await crypt(password, how.setting, { limits: NO_COST_LIMITS }) : await hashPassword(password, { ...how, limits: NO_COST_LIMITS });
    io.stdout(hash + "\n");
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof PasswordHashError || e instanceof Error) {
      io.stderr(`${PROG}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/**
 * Runs `butane-mkpasswd` on plain values; `stdin` is the password line when no
 * PASSWORD argument is given (never a terminal here).
 */
export async function runMkpasswd(argv: readonly string[], options: MemoryIoOptions = {}): Promise<CliRun> {
  const io = memoryIo(options);
  const line = () => {
    const bytes = typeof options.stdin === "string" ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array());
    const end = bytes.findIndex((b) => b === 0x0a || b === 0x0d);
    return end < 0 ? bytes : bytes.subarray(0, end);
  };
  const password: PasswordIo = {
    stdinIsTerminal: false,
    readLineFromFd: (fd) => {
      throw new Error(`cannot read the password from file descriptor ${fd}: bad file descriptor`);
    },
    readLineFromStdin: async () => line(),
    promptHidden: async () => line(),
  };
  return io.run(await mkpasswd(argv, { ...io, ...password }));
}
