#!/usr/bin/env node
// `npm run playground`: builds the playground and serves playground-dist/ on localhost.
// With --watch, rebuilds when playground/, src/ or examples/ change (reload the page; the
// service worker is skipped with ?nosw while developing, or it serves the previous build
// until its next update).
//
//   node scripts/serve-playground.mjs [--port N] [--host H] [--watch] [--no-build]
import { createReadStream, existsSync, statSync, watch } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildPlayground } from "./build-playground.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "playground-dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
};

/** A static file server for `dir` (GET/HEAD only, never outside `dir`). */
export function staticServer(base) {
  return createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Content-Length": statSync(file).size,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
}

/** Serves `base` on localhost; resolves with the server and its URL. */
export function serve(base = dir, { port = 0, host = "127.0.0.1" } = {}) {
  const server = staticServer(base);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const shown = host === "127.0.0.1" ? "localhost" : host;
      const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
      resolve({ server, url: `http://${shown}:${port}/` });
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const port = Number(opt("--port", process.env.PORT ?? "8080"));
  const host = opt("--host", "127.0.0.1");

  if (!args.includes("--no-build")) await buildPlayground();
  const { url } = await serve(dir, { port, host });
  console.log(`Butane playground: ${url}  (Ctrl-C to stop)`);

  if (args.includes("--watch")) {
    let timer;
    let building = false;
    const rebuild = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        if (building) return rebuild();
        building = true;
        try {
          await buildPlayground();
        } catch (e) {
          console.error(e instanceof Error ? e.message : e);
        } finally {
          building = false;
        }
      }, 200);
    };
    for (const d of ["playground", "src", "examples"]) watch(join(root, d), { recursive: true }, rebuild);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
