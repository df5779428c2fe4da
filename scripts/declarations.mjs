// Makes the emitted declarations (.d.ts) work for every consumer: tsc copies the
// sources' extensionless relative imports ("./translate"), which TypeScript rejects under
// moduleResolution node16/nodenext in a "type": "module" package (TS2834) and, with
// skipLibCheck, silently turns into `any`. Each relative specifier is rewritten to the
// file it names ("./translate.js", "./ignition/index.js"), and hand-written declarations
// that tsc does not emit (src/ignition/generated/validators.d.ts) are copied beside
// them. A specifier that names no shipped declaration fails the build.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"']*|\.{1,2})\2/g;

function listDeclarations(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listDeclarations(p));
    else if (e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

const isFile = (p) => existsSync(p) && statSync(p).isFile();

/**
 * Rewrites the declarations under `outDir` (emitted from `srcDir`) in place.
 * Returns the list of problems (empty when every specifier resolves).
 */
export function fixDeclarations(outDir, srcDir) {
  const problems = [];
  const queue = listDeclarations(outDir);
  const seen = new Set(queue);
  while (queue.length) {
    const file = queue.shift();
    const here = dirname(file);
    const text = readFileSync(file, "utf8");
    const fixed = text.replace(SPECIFIER, (whole, lead, quote, spec) => {
      const base = join(here, spec.replace(/\.js$/, ""));
      const candidates = spec.endsWith(".js") ? [[base + ".d.ts", spec]] : [[base + ".d.ts", spec + ".js"], [join(base, "index.d.ts"), spec.replace(/\/$/, "") + "/index.js"]];
      for (const [decl, rewritten] of candidates) {
        if (!isFile(decl)) {
          // Not emitted: a hand-written declaration in the sources is shipped as it is.
          const source = join(srcDir, relative(outDir, decl));
          if (!isFile(source)) continue;
          mkdirSync(dirname(decl), { recursive: true });
          copyFileSync(source, decl);
        }
        if (!seen.has(decl)) {
          seen.add(decl);
          queue.push(decl);
        }
        return `${lead}${quote}${rewritten}${quote}`;
      }
      problems.push(`${relative(outDir, file)}: "${spec}" names no declaration file`);
      return whole;
    });
    if (fixed !== text) writeFileSync(file, fixed);
  }
  return problems;
}
