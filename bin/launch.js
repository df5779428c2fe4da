// Starts a bundled command (dist/cli/<name>.cjs) with V8's code cache: the compiled
// code of a previous run is reused, so start-up skips most parsing and compiling.
// The cache is written at build time and refreshed when V8 rejects it (another Node
// version); a read-only install simply runs without it.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

module.exports = function launch(name) {
  const file = path.join(__dirname, "..", "dist", "cli", name + ".cjs");
  const cacheFile = file + ".cache";
  let source;
  try {
    source = fs.readFileSync(file, "utf8");
  } catch {
    process.stderr.write(`${name}: ${file} is missing; run \`npm run build\` first\n`);
    process.exit(1);
  }
  let cachedData;
  try {
    // V8 checks only the source's length against the cache, so a cache older than the
    // source (a rebuild that kept the length) would run the old code: ignore it.
    if (fs.statSync(cacheFile).mtimeMs >= fs.statSync(file).mtimeMs) cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  const wrapper = "(function (exports, require, module, __filename, __dirname) {" + source + "\n})";
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected || process.env.BUTANE_WRITE_CODE_CACHE === "1") {
    process.once("exit", () => {
      try {
        fs.accessSync(path.dirname(file), fs.constants.W_OK);
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        // not writable: run without a cache
      }
    });
  }
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, require, mod, file, path.dirname(file));
};
