// The package as npm publishes it: `npm pack` of the built repository (without its
// lifecycle scripts: the tests run on a built dist/), and a temporary project with that
// tarball installed from the file, offline.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = join(__dirname, "../..");

const made: string[] = [];

/** A new temporary directory, removed by removeTemporary(). */
export function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the directories temporary() made (call from afterAll). */
export function removeTemporary(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface PackedFile {
  path: string;
  size: number;
  mode: number;
}

export interface Packed {
  tarball: string;
  /** Compressed size of the tarball, in bytes. */
  size: number;
  unpackedSize: number;
  files: PackedFile[];
}

export function run(cmd: string, args: string[], cwd: string, opts: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", input: opts.input ?? "", env: { ...process.env, ...opts.env }, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout ?? "", err: (r.stderr ?? "") + (r.error ? String(r.error) : "") };
}

/** Packs the repository into a fresh temporary directory. */
export function pack(): Packed {
  if (!existsSync(join(root, "dist/node.js"))) throw new Error("run `npm run build` first");
  const dest = temporary("butane-ts-pack-");
  const r = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dest], root);
  if (r.code !== 0) throw new Error(`npm pack failed:\n${r.err}`);
  const [info] = JSON.parse(r.out) as Array<{ filename: string; size: number; unpackedSize: number; files: PackedFile[] }>;
  return { tarball: join(dest, info.filename), size: info.size, unpackedSize: info.unpackedSize, files: info.files };
}

/** A new project directory with `tarball` installed into node_modules (offline: nothing else is fetched). */
export function installInto(tarball: string, manifest: Record<string, unknown> = {}): string {
  const dir = temporary("butane-ts-consumer-");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, ...manifest }, null, 2));
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  const r = run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", tarball], dir);
  if (r.code !== 0) throw new Error(`npm install ${tarball} failed:\n${r.err}`);
  return dir;
}
