// src/hash in a real browser (Debian's chromium through playwright-core, when both are
// present): the browser bundle computes the same hashes as libxcrypt.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { findChromium } from "../browser/chromium";

const CHROMIUM = findChromium("hashing in a browser (test/hash/browser.test.ts)");
const playwright = await import("playwright-core").catch(() => null);

describe.skipIf(!CHROMIUM || !playwright)("in a browser", () => {
  it("hashes and verifies like libxcrypt", async () => {
    const r = await build({
      entryPoints: [fileURLToPath(new URL("../../src/hash/index.ts", import.meta.url))],
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    const js = r.outputFiles[0]!.text;
    const page = `<!doctype html><script type="module">
      import * as h from "/hash.js";
      const out = {};
      try {
        out.y = await h.crypt("password", "$y$j75$Y6Oju4iDhjipKDcsbIv7c.");
        out.y5 = await h.crypt("password", "$y$j9T$saltsaltsaltsalt");
        out.b = await h.crypt("password", "$2b$04$......................");
        out.s = await h.crypt("password", "$6$saltsalt");
        out.g = await h.crypt("password", "grub.pbkdf2.sha512.1000.0011");
        out.fresh = await h.hashPassword("pw");
        out.ok = await h.verifyPassword("pw", out.fresh);
      } catch (e) { out.err = String(e); }
      window.__out = out;
    </script>`;
    const server = createServer((req, res) => {
      res.setHeader("content-type", req.url === "/hash.js" ? "text/javascript" : "text/html");
      res.end(req.url === "/hash.js" ? js : page);
    }).listen(0, "127.0.0.1");
    await new Promise((ok) => server.once("listening", ok));
    const browser = await playwright!.chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    try {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await tab.waitForFunction(() => (window as unknown as { __out?: unknown }).__out, null, { timeout: 30_000 });
      const out = await tab.evaluate(() => (window as unknown as { __out: Record<string, unknown> }).__out);
      const { crypt } = await import("../../src/hash/index");
      expect(out.err).toBeUndefined();
      expect(out.y).toBe("$y$j75$Y6Oju4iDhjipKDcsbIv7c.$AhBfktn8rYbgUFURknaNzJ51ZkcR9p7yr7yf3QS7Jt3");
      expect(out.y5).toBe(await crypt("password", "$y$j9T$saltsaltsaltsalt"));
      expect(out.b).toBe(await crypt("password", "$2b$04$......................"));
      expect(out.s).toBe(await crypt("password", "$6$saltsalt"));
      expect(out.g).toBe(await crypt("password", "grub.pbkdf2.sha512.1000.0011"));
      expect(out.fresh).toMatch(/^\$y\$j9T\$/);
      expect(out.ok).toBe(true);
    } finally {
      await browser.close();
      server.close();
    }
  }, 60_000);
});
