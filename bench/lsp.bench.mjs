// The language server's latency, as an editor sees it: the built server process
// driven over stdio by a protocol client.
//  - didChange → publishDiagnostics: N edits of a realistic config, each a new
//    version; the time from sending the change to receiving that version's diagnostics.
//  - completion: request → response at a key position inside a list entry.
// Reported as median and p95 (target: under 200 ms), and as ratios to two baselines
// measured in the same run: translate() of the same text in this process (the
// compiler's share) and a request the server answers without work (the transport's).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
} from "vscode-languageserver-protocol";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lib = await import(pathToFileURL(join(root, "dist/node.js")).href);

// A realistic config: the web-server example with 40 more files and 10 more units.
const base = readFileSync(join(root, "examples/web-server.bu"), "utf8");
let text = base.replace("storage:\n", "storage:\n  files:\n" + Array.from({ length: 40 }, (_, i) => `    - path: /etc/app/conf.d/${i}.conf\n      mode: 0644\n      contents:\n        inline: |\n          key${i} = value${i}\n          enabled = true\n`).join(""));
text += Array.from({ length: 10 }, (_, i) => `    - name: worker${i}.service\n      enabled: true\n      contents: |\n        [Service]\n        ExecStart=/usr/bin/worker --id ${i}\n        [Install]\n        WantedBy=multi-user.target\n`).join("");
const lines = text.split("\n");
const editLine = lines.findIndex((l) => l.includes("key7 = value7"));
const completionLine = lines.findIndex((l) => l.includes("/etc/app/conf.d/20.conf")) + 1;

const N = 60;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

const server = spawn(process.execPath, [join(root, "bin/butane-language-server.js"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
const conn = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const waiting = new Map();
conn.onNotification(PublishDiagnosticsNotification.type, (p) => waiting.get(p.version)?.(p));
conn.listen();
await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
await conn.sendNotification(InitializedNotification.type, {});

const uri = "untitled:bench.bu";
const diagnosed = (version) => new Promise((resolve) => waiting.set(version, resolve));
let pending = diagnosed(1);
await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "butane", version: 1, text } });
const first = await pending;

const change = [], completion = [], noop = [], translateMs = [];
for (let k = 0; k < N + 5; k++) {
  const version = k + 2;
  // Replace a value in the middle of the document, as typing does.
  const newLine = `          key7 = value${k}`;
  pending = diagnosed(version);
  let t0 = process.hrtime.bigint();
  await conn.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: editLine, character: 0 }, end: { line: editLine, character: lines[editLine].length } }, text: newLine }],
  });
  await pending;
  const dChange = ms(t0);
  lines[editLine] = newLine;
  t0 = process.hrtime.bigint();
  const items = await conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: completionLine, character: 6 } });
  const dCompletion = ms(t0);
  if (!Array.isArray(items) || !items.some((i) => i.label === "overwrite")) throw new Error("completion did not offer the file's keys");
  t0 = process.hrtime.bigint();
  await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
  const dNoop = ms(t0);
  t0 = process.hrtime.bigint();
  lib.translate(lines.join("\n"));
  const dTranslate = ms(t0);
  if (k < 5) continue; // warm-up
  change.push(dChange);
  completion.push(dCompletion);
  noop.push(dNoop);
  translateMs.push(dTranslate);
}
await conn.sendRequest(ShutdownRequest.type);
await conn.sendNotification(ExitNotification.type);
conn.dispose();
await /** @type {Promise<void>} */ (new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once("exit", () => resolve()))));

const fmt = (xs) => `median ${median(xs).toFixed(2)} ms, p95 ${p95(xs).toFixed(2)} ms`;
console.log(`language server over stdio, a ${lines.length}-line fcos config (${first.diagnostics.length} diagnostics), ${N} edits after warm-up:`);
console.log(`  didChange → publishDiagnostics: ${fmt(change)}  (target < 200 ms)`);
console.log(`  completion request → response:   ${fmt(completion)}  (target < 200 ms)`);
console.log(`  baselines: translate() in process ${fmt(translateMs)}; a no-op request round trip ${fmt(noop)}`);
console.log(`  ratios (median): didChange/translate ${(median(change) / median(translateMs)).toFixed(2)}x, completion/no-op ${(median(completion) / median(noop)).toFixed(2)}x`);
