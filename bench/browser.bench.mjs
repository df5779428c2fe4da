// The browser build, measured.
//  - bundle size of the library's browser entry: unminified, minified and gzip-9, for the
//    core (compiler, every spec version, precompiled validators) and for the password-hash
//    chunk that is loaded on first use; and of the playground page (editor + compiler).
//  - time from navigation to the first translated output in the playground, in Debian's
//    chromium (headless): with a fresh profile each time (nothing cached) and on reloads
//    (served by the service worker). Skipped when chromium is absent or BUTANE_E2E=0.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPlayground, describeSizes, measureBundle } from "../scripts/build-playground.mjs";
import { serve } from "../scripts/serve-playground.mjs";

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const CHROMIUM = process.env.BUTANE_CHROMIUM || "/usr/bin/chromium";
const COLD = 5, WARM = 10;

const lib = await measureBundle();
console.log(`browser library (dist/browser/butane.js): ${describeSizes(lib)}`);
console.log(`  core within budget: ${lib.core.gzip < 150 * 1024 ? "yes" : "NO"} (${kb(lib.core.gzip)} of 150 KB gzip)`);

const out = mkdtempSync(join(tmpdir(), "butane-bench-playground-"));
try {
  const pg = await buildPlayground({ outDir: out, quiet: true });
  console.log(
    `playground page: ${kb(pg.sizes.core.bytes)} min, ${kb(pg.sizes.core.gzip)} gzip before first output; ` +
      `hash chunk ${kb(pg.sizes.lazy.bytes)} min, ${kb(pg.sizes.lazy.gzip)} gzip; ${pg.files.length} files, ${kb(pg.total)} in all`,
  );

  if (process.env.BUTANE_E2E === "0" || !existsSync(CHROMIUM)) {
    console.log(`page load → first output: skipped (${process.env.BUTANE_E2E === "0" ? "BUTANE_E2E=0" : `no chromium at ${CHROMIUM}`})`);
  } else {
    const { chromium } = await import("playwright-core");
    const { server, url } = await serve(out);
    const launch = (dir) =>
      chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM,
        headless: true,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
      });
    const firstOutput = async (page) => {
      await page.goto(url);
      await page.waitForSelector("body[data-ready=true]");
      return page.evaluate(() => performance.getEntriesByName("butane:first-output")[0].startTime);
    };
    const stats = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms, min ${s[0].toFixed(0)}, max ${s[s.length - 1].toFixed(0)} (n=${s.length})`;
    };
    try {
      const cold = [];
      for (let i = 0; i < COLD; i++) {
        const profile = mkdtempSync(join(tmpdir(), "butane-bench-profile-"));
        const ctx = await launch(profile);
        try {
          cold.push(await firstOutput(ctx.pages()[0] ?? (await ctx.newPage())));
        } finally {
          await ctx.close();
          rmSync(profile, { recursive: true, force: true });
        }
      }
      const profile = mkdtempSync(join(tmpdir(), "butane-bench-profile-"));
      const ctx = await launch(profile);
      const warm = [];
      try {
        const page = ctx.pages()[0] ?? (await ctx.newPage());
        await firstOutput(page);
        for (let i = 0; i < WARM; i++) warm.push(await firstOutput(page));
      } finally {
        await ctx.close();
        rmSync(profile, { recursive: true, force: true });
      }
      console.log(`page load → first translated output (target < 1000 ms):`);
      console.log(`  fresh profile: ${stats(cold)}`);
      console.log(`  reload:        ${stats(warm)}`);
    } finally {
      server.close();
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
