// A consumer of the published package: the packed tarball installed into a new project,
// compiled with `tsc --strict` under each moduleResolution TypeScript offers (node16,
// nodenext, bundler; node10 with TypeScript 5, since TypeScript 7 removed it), with and
// without skipLibCheck, and run with both `import` and `require`. A deliberate type
// error must be reported in every mode: were the declarations unresolved, `translate`
// would be `any` and the error would vanish.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { installInto, pack, removeTemporary, root, run, temporary, type Packed } from "./packed";

const TS7 = join(root, "node_modules/typescript/bin/tsc");
const TS5_VERSION = "5.9.3";

let packed: Packed;
let project: string;

// Type-checks only if the types are real: each line is an error unless `translate` is typed.
const BAD = `import { translate } from "butane-ts";
const result = translate("variant: fcos\\nversion: 1.5.0\\n");
translate(42);
const n: number = result.report;
const length: number = result.output.length;
export { n, length };
`;
const EXPECTED_BAD = ["bad.ts(3,11): TS2345", "bad.ts(4,7): TS2322", "bad.ts(5,24): TS18048"];

const GOOD = `import { translate, translateAsync, validateIgnition, listVariants, type TranslateOptions, type TranslateResult, type Diagnostic, type IgnitionV3_4 } from "butane-ts";
const options: TranslateOptions = { pretty: true, strict: false };
const result: TranslateResult = translate("variant: fcos\\nversion: 1.5.0\\n", options);
const first: Diagnostic | undefined = result.report[0];
const text: string = result.output ?? result.error ?? "";
let version = "";
if (result.ok) {
  const output: string = result.output;
  version = result.config.ignition.version + output.length;
  const files: IgnitionV3_4.File[] | undefined = (result.config as IgnitionV3_4.Config).storage?.files;
  void files;
} else {
  const error: string = result.error;
  void error;
}
const later: Promise<TranslateResult> = translateAsync("variant: fcos\\nversion: 1.5.0\\n", { filesDir: "files", readFile: async (p: string) => p });
const valid: boolean = validateIgnition(text).valid;
const variants: string[] = listVariants().map((v) => v.variant + " " + v.version);
export { first, valid, variants, version, later };
`;

// `require` of the ES module package (Node >= 20.19), typed under nodenext.
const GOOD_CJS = `import butane = require("butane-ts");
const result = butane.translate("variant: fcos\\nversion: 1.5.0\\n");
export const text: string = result.output ?? "";
`;

interface Mode {
  name: string;
  module: string;
  moduleResolution: string;
  tsc: () => string | undefined;
  files: string[];
}

let ts5: string | undefined;
let ts5Why = "";

/** TypeScript 5 (the last with moduleResolution node10), installed once from the npm cache or registry. */
function typeScript5(): string | undefined {
  const dir = join(root, "node_modules/.cache/butane-ts-typescript5");
  const tsc = join(dir, "node_modules/typescript/bin/tsc");
  if (existsSync(tsc)) return tsc;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{"private":true}');
  const r = run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock", `typescript@${TS5_VERSION}`], dir);
  if (r.code !== 0 || !existsSync(tsc)) {
    ts5Why = `npm could not install typescript@${TS5_VERSION}: ${r.err.trim().split("\n").slice(-1)[0]}`;
    return undefined;
  }
  return tsc;
}

const MODES: Mode[] = [
  { name: "node16", module: "node16", moduleResolution: "node16", tsc: () => TS7, files: ["good.ts", "bad.ts"] },
  { name: "nodenext", module: "nodenext", moduleResolution: "nodenext", tsc: () => TS7, files: ["good.ts", "bad.ts", "good-cjs.cts"] },
  { name: "bundler", module: "preserve", moduleResolution: "bundler", tsc: () => TS7, files: ["good.ts", "bad.ts"] },
  { name: "node10 (TypeScript 5)", module: "commonjs", moduleResolution: "node10", tsc: () => ts5, files: ["good.ts", "bad.ts"] },
  { name: "nodenext (TypeScript 5)", module: "nodenext", moduleResolution: "nodenext", tsc: () => ts5, files: ["good.ts", "bad.ts", "good-cjs.cts"] },
  { name: "bundler (TypeScript 5)", module: "esnext", moduleResolution: "bundler", tsc: () => ts5, files: ["good.ts", "bad.ts"] },
];

beforeAll(() => {
  packed = pack();
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  const deps = Object.entries(manifest.dependencies ?? {}).map(([k, v]) => `${k}@${v}`);
  console.log(
    `packed ${packed.tarball.split("/").pop()}: ${(packed.size / 1024).toFixed(1)} KB ` +
      `(${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked, ${packed.files.length} files); ` +
      `dependencies: ${deps.length ? deps.join(", ") : "none"}`,
  );
  project = installInto(packed.tarball, { type: "module" });
  writeFileSync(join(project, "good.ts"), GOOD);
  writeFileSync(join(project, "bad.ts"), BAD);
  writeFileSync(join(project, "good-cjs.cts"), GOOD_CJS);
  ts5 = typeScript5();
  if (!ts5) console.log(`skipped: the TypeScript 5 consumer modes (node10 and others): ${ts5Why}`);
}, 240_000);
afterAll(removeTemporary);

describe("TypeScript consumers of the packed package", () => {
  for (const mode of MODES) {
    for (const skipLibCheck of [false, true]) {
      test(`${mode.name}, strict, skipLibCheck ${skipLibCheck}: the good code compiles, each deliberate error is reported`, (ctx) => {
        const tsc = mode.tsc();
        if (!tsc) ctx.skip(ts5Why);
        const config = `tsconfig.${mode.name.replace(/\W+/g, "-")}.${skipLibCheck}.json`;
        writeFileSync(
          join(project, config),
          JSON.stringify({
            compilerOptions: {
              target: "es2022",
              lib: ["es2022"],
              types: [],
              module: mode.module,
              moduleResolution: mode.moduleResolution,
              strict: true,
              noEmit: true,
              skipLibCheck,
              ...(mode.moduleResolution === "node10" ? { ignoreDeprecations: "5.0" } : {}),
            },
            files: mode.files,
          }),
        );
        const r = run(process.execPath, [tsc!, "-p", config, "--pretty", "false"], project);
        const errors = (r.out + r.err)
          .split("\n")
          .filter((l) => / error TS\d+/.test(l))
          .map((l) => l.replace(/: error (TS\d+):.*/, ": $1"));
        expect(errors, r.out + r.err).toEqual(EXPECTED_BAD);
      });
    }
  }
});

describe("JavaScript consumers of the packed package", () => {
  const INPUT = JSON.stringify("variant: fcos\nversion: 1.5.0\n");
  const EXPECTED = '{"ignition":{"version":"3.4.0"}}\n';

  test("import", () => {
    writeFileSync(join(project, "esm.mjs"), `import { translate } from "butane-ts";\nprocess.stdout.write(translate(${INPUT}).output);\n`);
    const r = run(process.execPath, ["esm.mjs"], project);
    expect(r.err).toBe("");
    expect(r.out).toBe(EXPECTED);
  });

  test("require (Node >= 20.19 loads the ES module package synchronously)", () => {
    writeFileSync(join(project, "cjs.cjs"), `const { translate } = require("butane-ts");\nprocess.stdout.write(translate(${INPUT}).output);\n`);
    const r = run(process.execPath, ["cjs.cjs"], project);
    expect(r.err).toBe("");
    expect(r.out).toBe(EXPECTED);
  });

  test("the commands, as npm links them", () => {
    const bin = (name: string) => join(project, "node_modules/.bin", name);
    const env = { BUTANE_CODE_CACHE_DIR: temporary("butane-ts-code-cache-") };
    const pretty = run(bin("butane"), ["--pretty"], project, { input: JSON.parse(INPUT) as string, env });
    expect(pretty.err).toBe("");
    expect(pretty.out).toBe('{\n  "ignition": {\n    "version": "3.4.0"\n  }\n}\n');
    expect(run(bin("butane"), ["--version"], project, { env }).out).toMatch(/^Butane 0\.29\.0 \(butane-ts \d+\.\d+\.\d+\)\n$/);
    const validate = run(bin("ignition-validate"), ["-"], project, { input: EXPECTED, env });
    expect([validate.code, validate.err]).toEqual([0, ""]);
    const hash = run(bin("butane-mkpasswd"), ["--method=sha512crypt", "--stdin"], project, { input: "secret\n", env });
    expect(hash.out).toMatch(/^\$6\$/);
  });

  test("an installed command keeps its code cache outside node_modules, one per build of it", () => {
    const cacheDir = temporary("butane-ts-code-cache-");
    const env = { BUTANE_CODE_CACHE_DIR: cacheDir };
    const bin = join(project, "node_modules/.bin/butane");
    const cli = join(project, "node_modules/butane-ts/dist/cli");
    expect(run(bin, ["--version"], project, { env }).code).toBe(0);
    const first = readdirSync(cacheDir);
    expect(first).toEqual([expect.stringMatching(/^butane-[0-9a-f]{8}-[0-9a-f]{8}\.cache$/)]);
    const written = statSync(join(cacheDir, first[0]!)).mtimeMs;
    expect(run(bin, ["--version"], project, { env }).code).toBe(0);
    expect(statSync(join(cacheDir, first[0]!)).mtimeMs).toBe(written); // used, not rewritten
    // A new build of the command (another mtime): a new cache replaces the old one.
    const later = new Date(Date.now() + 5000);
    utimesSync(join(cli, "butane.cjs"), later, later);
    expect(run(bin, ["--version"], project, { env }).out).toMatch(/^Butane /);
    const second = readdirSync(cacheDir);
    expect(second).toHaveLength(1);
    expect(second[0]).not.toBe(first[0]);
    expect(readdirSync(cli).filter((f) => !f.endsWith(".cjs"))).toEqual([]);
  });
});
