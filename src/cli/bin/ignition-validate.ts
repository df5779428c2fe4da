// The `ignition-validate` executable: the command's core with this process's streams and files.
import { ignitionValidate } from "../ignition-validate";
import { nodeIo } from "../node-io";

process.exitCode = ignitionValidate(process.argv.slice(2), nodeIo());
