// The `butane` executable: the command's core with this process's standard streams,
// files and environment.
import { butaneInteractive } from "../butane";
import { nodeIo } from "../node-io";
import { nodePasswordIo } from "../node-password";

butaneInteractive(process.argv.slice(2), { ...nodeIo(), ...nodePasswordIo() }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`butane: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
