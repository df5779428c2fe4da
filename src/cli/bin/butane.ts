// The `butane` executable: the command's core with this process's standard streams,
// files and environment.
import { butane } from "../butane";
import { nodeIo } from "../node-io";

process.exitCode = butane(process.argv.slice(2), nodeIo());
