// Which Chromium the browser suites drive, and what happens when there is none.
// A fresh machine without a system browser still passes `npm test`: the suites skip
// and say so in one line. CI sets BUTANE_REQUIRE_BROWSER=1 (see .ci/run), which turns
// the skip into a failure, so CI never skips them.
import { existsSync } from "node:fs";

const CANDIDATES = process.env.BUTANE_CHROMIUM ? [process.env.BUTANE_CHROMIUM] : ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The browser binary, or undefined when none is installed (and none is required). */
export function findChromium(suite: string): string | undefined {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  const why = `no chromium at ${CANDIDATES.join(" or ")}`;
  if (process.env.BUTANE_REQUIRE_BROWSER === "1") {
    throw new Error(`${suite}: ${why}, and BUTANE_REQUIRE_BROWSER=1 requires it (apt-get install -y chromium, or set BUTANE_CHROMIUM)`);
  }
  console.log(`SKIPPED browser suite "${suite}": ${why}. Enable it with: apt-get install -y chromium (or BUTANE_CHROMIUM=/path/to/chromium) && npm test`);
  return undefined;
}
