// docs/api.md is checked against the built package: every ```js example runs (```js
// browser ones with --conditions=browser, which selects the browser entry), every ```ts
// example type-checks under strict, and every export of both entries is documented —
// each value export inside a runnable example.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { removeTemporary, root, run, temporary } from "./packed";

const doc = readFileSync(join(root, "docs/api.md"), "utf8");

interface Example {
  lang: "js" | "ts";
  browser: boolean;
  line: number;
  code: string;
}

const examples: Example[] = [];
{
  const FENCE = /^```(js|ts)( browser)?\n([\s\S]*?)^```$/gm;
  for (const m of doc.matchAll(FENCE)) {
    examples.push({ lang: m[1] as "js" | "ts", browser: !!m[2], line: doc.slice(0, m.index).split("\n").length, code: m[3]! });
  }
}

let project: string;

beforeAll(() => {
  // The repository itself as the installed package (its exports map points into dist/).
  project = temporary("butane-ts-api-docs-");
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "docs-examples", private: true, type: "module" }));
  mkdirSync(join(project, "node_modules"));
  symlinkSync(root, join(project, "node_modules/butane-ts"), "dir");
});
afterAll(removeTemporary);

describe("docs/api.md examples", () => {
  test("there are runnable and typed examples for both entries", () => {
    expect(examples.filter((e) => e.lang === "js" && !e.browser).length).toBeGreaterThan(8);
    expect(examples.filter((e) => e.lang === "js" && e.browser).length).toBeGreaterThan(0);
    expect(examples.filter((e) => e.lang === "ts").length).toBeGreaterThan(2);
  });

  for (const ex of examples.filter((e) => e.lang === "js")) {
    test(`js${ex.browser ? " browser" : ""} example at docs/api.md:${ex.line} runs`, () => {
      const file = join(project, `example-${ex.line}.mjs`);
      writeFileSync(file, ex.code);
      const r = run(process.execPath, [...(ex.browser ? ["--conditions=browser"] : []), file], project, { env: { BUTANE_CODE_CACHE_DIR: join(project, "cache") } });
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
    });
  }

  for (const browser of [false, true]) {
    test(`ts${browser ? " browser" : ""} examples type-check under strict`, () => {
      const typed = examples.filter((e) => e.lang === "ts" && e.browser === browser);
      expect(typed.length).toBeGreaterThan(0);
      const files = typed.map((ex) => {
        const name = `typed-${ex.line}.ts`;
        writeFileSync(join(project, name), ex.code + "\nexport {};\n");
        return name;
      });
      const config = `tsconfig.${browser ? "browser" : "node"}.json`;
      writeFileSync(
        join(project, config),
        JSON.stringify({
          compilerOptions: {
            target: "es2022",
            lib: ["es2022", "dom"],
            types: [],
            module: "nodenext",
            moduleResolution: "nodenext",
            strict: true,
            noEmit: true,
            ...(browser ? { customConditions: ["browser"] } : {}),
          },
          files,
        }),
      );
      const r = run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", config, "--pretty", "false"], project);
      expect(r.out + r.err).toBe("");
      expect(r.code).toBe(0);
    });
  }
});

describe("docs/api.md covers every export", () => {
  /** Names a built declaration entry exports (values and types), following `export *` within the package. */
  function declaredExports(file: string, seen = new Set<string>()): Set<string> {
    const names = new Set<string>();
    if (seen.has(file)) return names;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
      for (const part of m[1]!.split(",")) {
        const name = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop()!.trim();
        if (name) names.add(name);
      }
    }
    for (const m of text.matchAll(/export\s+(?:declare\s+)?(?:function|const|class|interface|type)\s+(\w+)/g)) names.add(m[1]!);
    for (const m of text.matchAll(/export \* from "(\.[^"]+)"/g)) {
      for (const n of declaredExports(join(file, "..", m[1]!.replace(/\.js$/, ".d.ts")), seen)) names.add(n);
    }
    return names;
  }

  test("each exported name (Node and browser entries, values and types) is named in the reference", () => {
    const names = new Set([...declaredExports(join(root, "dist/types/node.d.ts")), ...declaredExports(join(root, "dist/browser/types/browser.d.ts"))]);
    expect(names.size).toBeGreaterThan(50);
    const missing = [...names].filter((n) => !doc.includes("`" + n) && !new RegExp(`\\b${n}\\b`).test(examples.map((e) => e.code).join("\n")));
    expect(missing).toEqual([]);
  });

  test("each value export is used in a runnable example", async () => {
    const node = Object.keys(await import(join(root, "dist/node.js")));
    const browserText = readFileSync(join(root, "dist/browser/types/browser.d.ts"), "utf8");
    const browserOnly = [...browserText.matchAll(/export declare function (\w+)/g)].map((m) => m[1]!);
    const browserReexports = [...browserText.matchAll(/export \{ ([^}]*) \} from/g)].flatMap((m) => m[1]!.split(",").map((s) => s.trim()).filter((s) => !s.startsWith("type ")));
    const runnable = examples.filter((e) => e.lang === "js").map((e) => e.code).join("\n");
    const unused = [...new Set([...node, ...browserOnly, ...browserReexports])].filter((n) => !new RegExp(`\\b${n}\\b`).test(runnable));
    expect(unused).toEqual([]);
  });
});
