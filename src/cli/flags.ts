// A small command-line parser with the conventions of Go's pflag, which the
// reference CLI uses: long and short flags, combined short booleans (-ps), values
// as "-d x", "-dx", "--files-dir x" or "--files-dir=x", flags with an optional value
// that must be attached with "=" (--color), "--" ending the flags.

export interface FlagSpec {
  long: string;
  short?: string;
  kind: "bool" | "string";
  /** For string flags: the value used when the flag is given without one. */
  noOptDefault?: string;
  help: string;
  /** Shown in help as `string[="always"]` etc. */
  default?: string;
  hidden?: boolean;
  deprecated?: string;
}

export class FlagError extends Error {}

export interface Parsed {
  values: Map<string, string | boolean>;
  args: string[];
  /** Deprecation notices to print. */
  notices: string[];
}

export function parseFlags(specs: readonly FlagSpec[], argv: readonly string[]): Parsed {
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new Map<string, string | boolean>();
  const args: string[] = [];
  const notices: string[] = [];
  const set = (s: FlagSpec, v: string | boolean) => {
    values.set(s.long, v);
    if (s.deprecated) notices.push(`Flag --${s.long} has been deprecated, ${s.deprecated}`);
  };
  const boolValue = (s: FlagSpec, v: string) => {
    const t = ["1", "t", "T", "true", "TRUE", "True"], f = ["0", "f", "F", "false", "FALSE", "False"];
    if (t.includes(v)) return true;
    if (f.includes(v)) return false;
    // pflag names the flag with its shorthand, however it was given.
    const name = s.short ? `-${s.short}, --${s.long}` : `--${s.long}`;
    throw new FlagError(`invalid argument "${v}" for "${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      if (a[2] === "-" || a[2] === "=") throw new FlagError(`bad flag syntax: ${a}`);
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const s = byLong.get(name);
      if (!s) throw new FlagError(`unknown flag: --${name}`);
      if (s.kind === "bool") {
        set(s, eq === -1 ? true : boolValue(s, a.slice(eq + 1)));
      } else if (eq !== -1) {
        set(s, a.slice(eq + 1));
      } else if (s.noOptDefault !== undefined) {
        set(s, s.noOptDefault);
      } else if (i + 1 < argv.length) {
        set(s, argv[++i]!);
      } else {
        throw new FlagError(`flag needs an argument: --${name}`);
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      let rest = a.slice(1);
      while (rest.length > 0) {
        const c = rest[0]!;
        const s = byShort.get(c);
        if (!s) throw new FlagError(`unknown shorthand flag: '${c}' in -${rest}`);
        // pflag's order: "-f=value" (with something after "="), then a flag whose value
        // is optional (every bool), then "-fvalue", then the next argument.
        let value: string;
        if (rest.length > 2 && rest[1] === "=") {
          value = rest.slice(2);
          rest = "";
        } else if (s.kind === "bool" || s.noOptDefault !== undefined) {
          value = s.kind === "bool" ? "true" : s.noOptDefault!;
          rest = rest.slice(1);
        } else if (rest.length > 1) {
          value = rest.slice(1);
          rest = "";
        } else if (i + 1 < argv.length) {
          value = argv[++i]!;
          rest = "";
        } else {
          throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        }
        set(s, s.kind === "bool" ? boolValue(s, value) : value);
      }
      continue;
    }
    args.push(a);
  }
  return { values, args, notices };
}

/** pflag's PrintDefaults layout. */
export function formatFlagHelp(specs: readonly FlagSpec[]): string {
  const rows: [string, string][] = [];
  for (const s of specs) {
    if (s.hidden) continue;
    let left = s.short ? `  -${s.short}, --${s.long}` : `      --${s.long}`;
    if (s.kind === "string") left += s.noOptDefault !== undefined ? ` string[="${s.noOptDefault}"]` : " string";
    let right = s.help;
    if (s.default !== undefined && s.default !== "") right += ` (default "${s.default}")`;
    rows.push([left, right]);
  }
  const width = Math.max(...rows.map(([l]) => l.length));
  return rows.map(([l, r]) => `${l.padEnd(width)}   ${r}`).join("\n") + "\n";
}
