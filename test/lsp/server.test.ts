// The language server end to end: the built bin (bin/butane-language-server.js) as a
// child process, driven over stdio by a real LSP client connection
// (vscode-languageserver-protocol). Completion and hover read a small fixture schema
// (test/lsp/fixtures/schemas) given through initializationOptions.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type CompletionItem,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";

const root = join(__dirname, "../..");
const fixtures = join(__dirname, "fixtures");
const bin = join(root, "bin/butane-language-server.js");

let server: ChildProcess;
let conn: ProtocolConnection;
const published = new Map<string, PublishDiagnosticsParams[]>();
const waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

function diagnosticsFor(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
  const seen = (published.get(uri) ?? []).find((p) => version === undefined || p.version === version);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => waiters.push({ uri, version, resolve }));
}

/** A diagnostic's message (plain text from this server). */
const text = (d: Diagnostic) => d.message as string;

const docUri = (name: string) => pathToFileURL(join(fixtures, name)).href;

async function open(name: string, text: string, version = 1): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = docUri(name);
  published.delete(uri);
  await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "butane", version, text } });
  return { uri, diagnostics: (await diagnosticsFor(uri, version)).diagnostics };
}

beforeAll(async () => {
  if (!existsSync(join(root, "dist/cli/butane-language-server.cjs"))) throw new Error("run `npm run build` first");
  server = spawn(process.execPath, [bin, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  conn = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
        waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  });
  conn.listen();
  const init = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(fixtures).href,
    capabilities: {},
    initializationOptions: { schemasDir: join(fixtures, "schemas/butane"), filesDir: "files" },
    workspaceFolders: null,
  });
  expect(init.capabilities.completionProvider).toBeTruthy();
  expect(init.serverInfo?.name).toBe("butane-language-server");
  await conn.sendNotification(InitializedNotification.type, {});
});

afterAll(async () => {
  if (!conn) return;
  await conn.sendRequest(ShutdownRequest.type);
  await conn.sendNotification(ExitNotification.type);
  await new Promise<void>((resolve) => {
    if (server.exitCode !== null) return resolve();
    const t = setTimeout(() => (server.kill(), resolve()), 5000);
    server.once("exit", () => (clearTimeout(t), resolve()));
  });
  conn.dispose();
});

const typo = [
  "variant: fcos",
  "version: 1.5.0",
  "storage:",
  "  files:",
  "    - path: /etc/motd",
  "      overwite: true",
  "      mode: 644",
  "",
].join("\n");

describe("butane-language-server over stdio", () => {
  test("diagnostics at the ranges of what they flag, with codes, on open and on change", async () => {
    const { uri, diagnostics } = await open("typo.bu", typo);
    const unused = diagnostics.find((d) => text(d).startsWith("unused key overwite"))!;
    expect(unused).toMatchObject({
      severity: 2,
      source: "butane",
      code: "BUT120",
      range: { start: { line: 5, character: 6 }, end: { line: 5, character: 14 } },
      message: 'unused key overwite; did you mean "overwrite"?',
    });
    const mode = diagnostics.filter((d) => d.range.start.line === 6);
    expect(mode.length).toBeGreaterThan(0);
    expect(mode[0]!.range).toEqual({ start: { line: 6, character: 12 }, end: { line: 6, character: 15 } });

    // An edit that makes the config invalid: an error at the conflicting field.
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } }, text: "      contents:\n        inline: a\n        source: https://example.com/x\n" }],
    });
    const after = (await diagnosticsFor(uri, 2)).diagnostics;
    const err = after.find((d) => d.severity === 1)!;
    expect(err.message).toBe("only one of the following can be set: inline, local, source");
    expect(err.range).toEqual({ start: { line: 8, character: 16 }, end: { line: 8, character: 37 } });
  });

  test("YAML syntax errors and a bad header are located too", async () => {
    const { diagnostics } = await open("broken.bu", "variant: fcos\nversion: 1.5.0\nstorage: [\n");
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]!.severity).toBe(1);
    const header = await open("header.bu", "variant: fcoss\nversion: 1.5.0\n");
    expect(header.diagnostics[0]).toMatchObject({ severity: 1, message: 'No translator exists for variant fcoss with version 1.5.0; did you mean "fcos"?' });
  });

  test("columns are UTF-16 offsets after characters outside the BMP", async () => {
    const { diagnostics } = await open("emoji.bu", "variant: fcos\nversion: 1.5.0\npasswd:\n  users:\n    - {name: \"😀😀\", bogus: 1}\n");
    const d = diagnostics.find((x) => text(x).startsWith("unused key bogus"))!;
    // `    - {name: "😀😀", ` is 19 code points and 21 UTF-16 units.
    expect(d.range).toEqual({ start: { line: 4, character: 21 }, end: { line: 4, character: 26 } });
  });

  test("completion offers the keys of the struct at the cursor, without those already there", async () => {
    const text = ["variant: fcos", "version: 1.5.0", "storage:", "  files:", "    - path: /etc/motd", "      ov", ""].join("\n");
    const { uri } = await open("complete.bu", text);
    const items = (await conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 5, character: 8 } })) as CompletionItem[];
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(["overwrite", "mode", "contents"]);
    const overwrite = items[0]!;
    expect(overwrite.textEdit).toEqual({ range: { start: { line: 5, character: 6 }, end: { line: 5, character: 8 } }, newText: "overwrite: " });
    expect(overwrite.detail).toBe("boolean");
    expect(overwrite.documentation).toEqual({ kind: "markdown", value: "Fixture: replace an existing file." });
    // The top level of an empty document: the header keys first.
    const { uri: empty } = await open("empty.bu", "");
    const top = (await conn.sendRequest(CompletionRequest.type, { textDocument: { uri: empty }, position: { line: 0, character: 0 } })) as CompletionItem[];
    expect(top.map((i) => i.label)).toEqual(["variant", "version"]);
  });

  test("completion of values: enums, variants and the declared variant's versions", async () => {
    const text = ["variant: fcos", "version: 1.5.0", "storage:", "  filesystems:", "    - device: /dev/vdb", "      format: ", ""].join("\n");
    const { uri } = await open("values.bu", text);
    const formats = (await conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 5, character: 14 } })) as CompletionItem[];
    expect(formats.map((i) => i.label)).toEqual(["ext4", "btrfs", "xfs", "vfat", "swap", "none"]);
    const variants = (await conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 9 } })) as CompletionItem[];
    expect(variants.map((i) => i.label)).toEqual(expect.arrayContaining(["fcos", "flatcar", "openshift", "r4e", "fiot"]));
    const versions = (await conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 9 } })) as CompletionItem[];
    expect(versions.map((i) => i.label)).toEqual(expect.arrayContaining(["1.0.0", "1.5.0", "1.6.0"]));
    expect(versions[0]!.textEdit).toEqual({ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } }, newText: versions[0]!.label });
  });

  test("versions without a schema file complete from the spec tables", async () => {
    const text = ["variant: fcos", "version: 1.4.0", "storage:", "  disks:", "    - wi", ""].join("\n");
    const { uri } = await open("tables.bu", text);
    const items = (await conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 4, character: 8 } })) as CompletionItem[];
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(["device", "partitions", "wipe_table"]));
  });

  test("hover shows the key's documentation", async () => {
    const { uri } = await open("hover.bu", typo);
    const hover = await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 8 } });
    expect(hover).toEqual({
      contents: { kind: "markdown", value: "**path** (string)\n\nFixture: **absolute path** of the file." },
      range: { start: { line: 4, character: 6 }, end: { line: 4, character: 10 } },
    });
    expect(await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 8 } })).toBeNull();
  });

  test("go to definition of a local: file, relative to the configured files directory", async () => {
    const text = ["variant: fcos", "version: 1.5.0", "storage:", "  files:", "    - path: /etc/motd", "      contents:", "        local: motd.txt", "    - path: /etc/x", "      contents:", "        local: missing.txt", ""].join("\n");
    const { uri, diagnostics } = await open("local.bu", text);
    // The files directory is the one the compiler reads: the missing file is an error, the other is not.
    expect(diagnostics.filter((d) => d.severity === 1).map((d) => d.range.start.line)).toEqual([9]);
    const def = await conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 6, character: 18 } });
    expect(def).toEqual({ uri: pathToFileURL(join(fixtures, "files/motd.txt")).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    expect(await conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 9, character: 18 } })).toBeNull();
  });

  test("a quick fix replaces a misspelt key with the one it is near", async () => {
    const { uri, diagnostics } = await open("fix.bu", typo);
    const d = diagnostics.find((x) => x.code === "BUT120")!;
    const actions = (await conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as { title: string; kind: string; edit: unknown; diagnostics: Diagnostic[] }[];
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      title: 'Change to "overwrite"',
      kind: "quickfix",
      edit: { changes: { [uri]: [{ range: { start: { line: 5, character: 6 }, end: { line: 5, character: 14 } }, newText: "overwrite" }] } },
    });
    expect(actions[0]!.diagnostics).toHaveLength(1);
    // Nothing to offer elsewhere.
    expect(await conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, context: { diagnostics: [] } })).toEqual([]);
  });

  test("closing a document clears its diagnostics", async () => {
    const { uri, diagnostics } = await open("close.bu", typo);
    expect(diagnostics.length).toBeGreaterThan(0);
    published.delete(uri);
    await conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    expect((await diagnosticsFor(uri)).diagnostics).toEqual([]);
  });

  test("a changed files directory setting re-checks open documents", async () => {
    const text = ["variant: fcos", "version: 1.5.0", "storage:", "  files:", "    - path: /etc/motd", "      contents:", "        local: files/motd.txt", ""].join("\n");
    const { uri, diagnostics } = await open("settings.bu", text);
    expect(diagnostics.some((d) => d.severity === 1)).toBe(true);
    published.delete(uri);
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { butane: { filesDir: ".", schemasDir: join(fixtures, "schemas/butane") } } });
    const again = await diagnosticsFor(uri);
    expect(again.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { butane: { filesDir: "files", schemasDir: join(fixtures, "schemas/butane") } } });
  });
});

describe("butane-language-server with the package's generated schemas", () => {
  test("hover and completion read schemas/butane by default", async () => {
    const proc = spawn(process.execPath, [bin], { stdio: ["pipe", "pipe", "pipe"] });
    const c = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    c.listen();
    try {
      await c.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
      await c.sendNotification(InitializedNotification.type, {});
      const uri = "untitled:generated.bu";
      const text = ["variant: fcos", "version: 1.6.0", "storage:", "  files:", "    - path: /etc/motd", "      ", ""].join("\n");
      await c.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "butane", version: 1, text } });
      const items = (await c.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 5, character: 6 } })) as CompletionItem[];
      expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(["overwrite", "contents", "mode", "user", "group", "append"]));
      expect(items.map((i) => i.label)).not.toContain("path");
      expect(items.every((i) => typeof i.documentation === "object")).toBe(true);
      const hover = await c.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 3 } });
      expect((hover!.contents as { value: string }).value).toMatch(/^\*\*storage\*\* \(object\)\n\n\S/);
      expect((hover!.contents as { value: string }).value).toContain("Since fcos");
      await c.sendRequest(ShutdownRequest.type);
      await c.sendNotification(ExitNotification.type);
    } finally {
      c.dispose();
      if (proc.exitCode === null) await new Promise<void>((resolve) => {
        const t = setTimeout(() => (proc.kill(), resolve()), 5000);
        proc.once("exit", () => (clearTimeout(t), resolve()));
      });
    }
  });
});
