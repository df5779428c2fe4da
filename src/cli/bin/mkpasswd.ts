// The `butane-mkpasswd` executable: the command's core with this process's streams and terminal.
import { mkpasswd } from "../mkpasswd";
import { nodeIo } from "../node-io";
import { nodePasswordIo } from "../node-password";

mkpasswd(process.argv.slice(2), { ...nodeIo(), ...nodePasswordIo() }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`butane-mkpasswd: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
