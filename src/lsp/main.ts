// The `butane-language-server` executable: the server over standard input and output
// (or whichever transport the client names: --node-ipc, --socket=N, --pipe=NAME).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server";
import { VERSION_STRING } from "../core/version";
import type { SchemaReader } from "./schema";

const args = process.argv.slice(2);
if (args.includes("--version") || args.includes("-V")) {
  process.stdout.write(`butane-language-server: ${VERSION_STRING}\n`);
} else if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write("Usage: butane-language-server [--stdio]\nThe Butane language server (LSP over standard input and output). See docs/editors.md.\n");
} else {
  const schemasFrom = (dir: string): SchemaReader => (name) => {
    try {
      return readFileSync(join(dir, name + ".json"), "utf8");
    } catch {
      return undefined;
    }
  };
  // The bundle runs from dist/cli/; the package's generated schemas are in schemas/butane/.
  const defaultDir = join(__dirname, "..", "..", "schemas", "butane");
  const otherTransport = args.some((a) => /^--(node-ipc|socket|pipe)/.test(a));
  const connection = otherTransport ? createConnection(ProposedFeatures.all) : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, { defaultSchemas: schemasFrom(defaultDir), schemasFrom });
}
