// Starts a bundled command (dist/cli/<name>.cjs) with V8's code cache: the compiled
// code of a previous run is reused, so start-up skips most parsing and compiling.
//
// Where the cache lives:
// - in a checkout of the repository, beside the bundle (the build writes it);
// - in an installed package (under node_modules), never inside the package: in the
//   user's cache directory ($BUTANE_CODE_CACHE_DIR, else $XDG_CACHE_HOME/butane-ts, else
//   ~/.cache/butane-ts), named after the bundle's path, size and modification time and
//   the Node version, so that an upgrade or another Node never meets an old cache.
// A cache V8 rejects is rewritten; one that cannot be written is simply not used.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const vm = require("node:vm");

/** FNV-1a, 32 bits, as 8 hex digits: names cache files (not a security boundary). */
function fnv(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

function userCacheDir() {
  if (process.env.BUTANE_CODE_CACHE_DIR) return process.env.BUTANE_CODE_CACHE_DIR;
  if (process.env.XDG_CACHE_HOME) return path.join(process.env.XDG_CACHE_HOME, "butane-ts");
  return path.join(os.homedir(), ".cache", "butane-ts");
}

/** Where this bundle's cache is, and the prefix shared by older caches of the same bundle. */
function cacheLocation(file, stat) {
  const installed = file.split(path.sep).includes("node_modules");
  if (!installed) return { cacheFile: file + ".cache", stalePrefix: null };
  const dir = userCacheDir();
  const prefix = `${path.basename(file, ".cjs")}-${fnv(file)}-`;
  const key = fnv(`${stat.size}\0${stat.mtimeMs}\0${process.version}\0${process.arch}`);
  return { cacheFile: path.join(dir, `${prefix}${key}.cache`), stalePrefix: prefix };
}

module.exports = function launch(name) {
  const file = path.join(__dirname, "..", "dist", "cli", name + ".cjs");
  let source;
  let stat;
  try {
    source = fs.readFileSync(file, "utf8");
    stat = fs.statSync(file);
  } catch {
    process.stderr.write(`${name}: ${file} is missing; run \`npm run build\` first\n`);
    process.exit(1);
  }
  /** @type {string | null} */
  let cacheFile = null;
  /** @type {string | null} */
  let stalePrefix = null;
  try {
    ({ cacheFile, stalePrefix } = cacheLocation(file, stat));
  } catch {
    // no home directory to keep a cache in: run without one
  }
  let cachedData;
  try {
    // V8 checks only the source's length against the cache, so a cache older than the
    // source (a rebuild that kept the length) would run the old code: ignore it.
    if (cacheFile !== null && fs.statSync(cacheFile).mtimeMs >= stat.mtimeMs) cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  const wrapper = "(function (exports, require, module, __filename, __dirname) {" + source + "\n})";
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  if (cacheFile !== null && (cachedData === undefined || script.cachedDataRejected || process.env.BUTANE_WRITE_CODE_CACHE === "1")) {
    process.once("exit", () => {
      try {
        const dir = path.dirname(cacheFile);
        if (stalePrefix !== null) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        fs.accessSync(dir, fs.constants.W_OK);
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
        if (stalePrefix !== null) {
          // Caches of earlier builds of this same installed bundle are of no more use.
          for (const f of fs.readdirSync(dir)) {
            if (f.startsWith(stalePrefix) && f.endsWith(".cache") && path.join(dir, f) !== cacheFile) fs.rmSync(path.join(dir, f), { force: true });
          }
        }
      } catch {
        // not writable: run without a cache
      }
    });
  }
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, require, mod, file, path.dirname(file));
};
