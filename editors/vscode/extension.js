// VS Code extension: starts butane-ts's language server for Butane configs (*.bu).

const fs = require("node:fs");
const path = require("node:path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

/** The server command: the setting, else the workspace's butane-ts install, else PATH. */
function serverCommand() {
  const configured = vscode.workspace.getConfiguration("butane").get("serverPath");
  if (configured) return configured;
  const exe = process.platform === "win32" ? "butane-language-server.cmd" : "butane-language-server";
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, "node_modules", ".bin", exe);
    if (fs.existsSync(local)) return local;
  }
  return exe;
}

async function activate(context) {
  const command = serverCommand();
  // TransportKind.stdio adds --stdio to the arguments.
  const serverOptions = { command, transport: TransportKind.stdio, options: { shell: process.platform === "win32" } };
  const settings = vscode.workspace.getConfiguration("butane");
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "butane" },
      { scheme: "untitled", language: "butane" },
      // For those who map *.bu to YAML instead.
      { scheme: "file", language: "yaml", pattern: "**/*.bu" },
    ],
    initializationOptions: { filesDir: settings.get("filesDir") || undefined },
    // Sends the "butane" settings on start and whenever they change.
    synchronize: { configurationSection: "butane" },
  };
  client = new LanguageClient("butane", "Butane", serverOptions, clientOptions);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(`Butane: could not start ${command} (${e?.message ? e.message : e}). Install butane-ts (npm install -g butane-ts) or set butane.serverPath.`);
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
