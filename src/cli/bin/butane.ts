// The `butane` executable: the command's core with this process's standard streams,
// files and environment.
import { butaneInteractive } from "../butane";
import { nodeIo } from "../node-io";
import { nodePasswordIo } from "../node-password";
import type * as Hash from "../../hash/index";

// The hashing code (WebAssembly included) is a bundle of its own beside this one
// (dist/cli/hash.cjs), read only when a config asks for a password.
const hashPassword = (password: Uint8Array) => (require(`${__dirname}/hash.cjs`) as typeof Hash).hashPassword(password, { method: "yescrypt" });

butaneInteractive(process.argv.slice(2), { ...nodeIo(), ...nodePasswordIo(), hashPassword }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`butane: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
