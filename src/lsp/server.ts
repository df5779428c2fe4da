// The Butane language server: the compiler's own diagnostics as you type (with the
// near-miss suggestions and a quick fix for them), completion of keys and values and
// hover documentation from the JSON Schema of the declared variant and version, and
// go-to-definition for `local:` files. Transport-neutral: main.ts connects it to stdio.

import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type Range,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "../core/report";
import { translate } from "../node";
import { normalizeSemver } from "../go/semver";
import { diagnosticCode, sourceLines, tokenEnd, type Fix } from "../emit/report-json";
import { nearMisses } from "./suggest";
import { docOf, knownVersions, nodeAtPath, propertiesOf, SchemaStore, typeOf, valuesOf, type SchemaReader } from "./schema";
import { cursorContext, keyAt, readHeader, siblingKeys, unquote } from "./yaml-context";
import { PACKAGE_VERSION } from "../core/version";

export interface ServerSettings {
  /** Directory `local:` paths are relative to; relative to the workspace folder. Default: the document's folder. */
  filesDir?: string;
  /** Directory of <variant>-<version>.json schemas (default: the package's schemas/butane). */
  schemasDir?: string;
}

export interface ServerOptions {
  /** Reads a schema by name from the default schemas directory. */
  defaultSchemas: SchemaReader;
  /** Reads a schema from a configured directory. */
  schemasFrom(dir: string): SchemaReader;
}

interface DocState {
  version: number;
  fixes: { range: Range; fix: Fix }[];
}

const HEADER_DOCS: Record<string, string> = {
  variant: "The distribution this config is for (`fcos`, `flatcar`, `openshift`, `r4e`, `fiot`, …). Together with `version` it selects the spec the rest of the config follows.",
  version: "The version of the variant's Butane spec, e.g. `1.6.0`. Each version translates to one Ignition spec version.",
};

/** 0-based UTF-16 offset of 1-based code-point column `col` in `text`. */
export function utf16Offset(text: string, col: number): number {
  let i = 0;
  for (let cp = 1; cp < col && i < text.length; cp++) i += (text.codePointAt(i)! > 0xffff ? 2 : 1);
  return i;
}

/** The LSP range of what a diagnostic (1-based line, code-point column) points at. */
export function diagnosticRange(lines: readonly string[], line: number | undefined, column: number | undefined): Range {
  if (line === undefined || line < 1 || line > lines.length) return { start: { line: 0, character: 0 }, end: { line: 0, character: (lines[0] ?? "").length } };
  const text = lines[line - 1]!;
  const col = column ?? 1;
  const start = { line: line - 1, character: utf16Offset(text, col) };
  const end = tokenEnd(lines, line, col);
  if (!end) return { start, end: start };
  return { start, end: { line: end.endLine - 1, character: utf16Offset(lines[end.endLine - 1] ?? "", end.endColumn) } };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** Compiles `text` and returns the editor's diagnostics and the quick fixes behind them. */
export function compileDiagnostics(text: string, filesDir: string | undefined): { diagnostics: LspDiagnostic[]; fixes: { range: Range; fix: Fix }[] } {
  const result = translate(text, filesDir ? { filesDir } : {});
  const lines = sourceLines(text);
  const fixes = nearMisses(text, result.report);
  const out: { range: Range; fix: Fix }[] = [];
  const diagnostics = result.report.map((d: Diagnostic): LspDiagnostic => {
    const fix = fixes.get(d);
    const lsp: LspDiagnostic = {
      range: diagnosticRange(lines, d.line, d.column),
      severity: SEVERITY[d.severity],
      code: diagnosticCode(d),
      source: "butane",
      message: fix ? `${d.message}; ${fix.message}` : d.message,
    };
    if (fix) {
      const range = diagnosticRange(lines, fix.line, fix.column);
      out.push({ range, fix });
      lsp.data = { replacement: fix.replacement };
    }
    return lsp;
  });
  // A failure with nothing located behind it (e.g. an internal limit) still shows.
  if (result.error !== undefined && !result.report.some((d) => d.severity === "error")) {
    diagnostics.push({ range: diagnosticRange(lines, undefined, undefined), severity: DiagnosticSeverity.Error, source: "butane", code: "butane.translationFailed", message: result.error });
  }
  return { diagnostics, fixes: out };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range["start"], q: Range["start"]) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const state = new Map<string, DocState>();
  let settings: ServerSettings = {};
  let workspaceRoot: string | undefined;
  let schemas = new SchemaStore(options.defaultSchemas);
  const pending = new Set<string>();
  let flushQueued = false;

  const applySettings = (s: unknown) => {
    const raw = (s && typeof s === "object" ? ((s as { butane?: unknown }).butane ?? s) : {}) as Record<string, unknown>;
    settings = {};
    if (typeof raw.filesDir === "string" && raw.filesDir !== "") settings.filesDir = raw.filesDir;
    if (typeof raw.schemasDir === "string" && raw.schemasDir !== "") settings.schemasDir = raw.schemasDir;
    schemas = new SchemaStore(settings.schemasDir ? options.schemasFrom(resolve(workspaceRoot ?? process.cwd(), settings.schemasDir)) : options.defaultSchemas);
  };

  const documentDir = (uri: string) => (uri.startsWith("file:") ? dirname(fileURLToPath(uri)) : undefined);
  const filesDirFor = (uri: string): string | undefined => {
    if (settings.filesDir) return isAbsolute(settings.filesDir) ? settings.filesDir : resolve(workspaceRoot ?? documentDir(uri) ?? process.cwd(), settings.filesDir);
    return documentDir(uri);
  };

  const validate = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    let result: ReturnType<typeof compileDiagnostics>;
    try {
      result = compileDiagnostics(doc.getText(), filesDirFor(uri));
    } catch (e) {
      // Outside any request: a bug here must not end the server.
      connection.console.error(`butane-language-server: checking ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return;
    }
    state.set(uri, { version: doc.version, fixes: result.fixes });
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: result.diagnostics });
  };
  // Edits that arrive together are compiled once, for the newest text.
  const schedule = (uri: string) => {
    pending.add(uri);
    if (flushQueued) return;
    flushQueued = true;
    setImmediate(() => {
      flushQueued = false;
      const uris = [...pending];
      pending.clear();
      for (const u of uris) validate(u);
    });
  };

  connection.onInitialize((params: InitializeParams) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (folder?.startsWith("file:")) workspaceRoot = fileURLToPath(folder);
    applySettings(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [" "], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: "butane-language-server", version: PACKAGE_VERSION },
    };
  });

  connection.onDidChangeConfiguration((change) => {
    applySettings(change.settings);
    for (const d of documents.all()) schedule(d.uri);
  });

  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    state.delete(e.document.uri);
    pending.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const schemaFor = (lines: readonly string[]) => {
    const h = readHeader(lines);
    const version = h.version !== undefined ? normalizeSemver(h.version) : null;
    return { header: h, schema: h.variant && version ? schemas.get(h.variant, version) : undefined };
  };

  connection.onCompletion((params): CompletionItem[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const lines = sourceLines(doc.getText());
    const { line, character } = params.position;
    const ctx = cursorContext(lines, line, character);
    if (!ctx) return [];
    const { header, schema } = schemaFor(lines);
    const range: Range = { start: { line, character: ctx.start }, end: { line, character } };
    if (ctx.kind === "value") {
      let values: unknown[];
      if (ctx.path.length === 1 && ctx.key === "variant") values = [...knownVersions().keys()];
      else if (ctx.path.length === 1 && ctx.key === "version") values = header.variant ? [...(knownVersions().get(header.variant) ?? [])].reverse() : [];
      else {
        const node = schema && nodeAtPath(schema, ctx.path);
        values = node ? valuesOf(node) : [];
      }
      return values.map((v, i) => ({
        label: String(v),
        kind: CompletionItemKind.EnumMember,
        sortText: String(i).padStart(4, "0"),
        textEdit: { range, newText: String(v) },
      }));
    }
    const present = siblingKeys(lines, line, ctx.col);
    const items: CompletionItem[] = [];
    const node = schema && nodeAtPath(schema, ctx.path);
    const keys = node ? propertiesOf(node) : [];
    if (ctx.path.length === 0 && !keys.some((k) => k.key === "variant")) {
      // No schema yet (no or an unknown variant/version): the header is what to write first.
      for (const key of ["variant", "version"]) if (!present.has(key)) items.push({ label: key, kind: CompletionItemKind.Property, documentation: { kind: MarkupKind.Markdown, value: HEADER_DOCS[key]! }, textEdit: { range, newText: key + ": " } });
    }
    keys.forEach(({ key, schema: child }, i) => {
      if (present.has(key)) return;
      const type = typeOf(child);
      const doc = docOf(child) ?? HEADER_DOCS[key];
      const collection = type === "object" || type === "array";
      items.push({
        label: key,
        kind: CompletionItemKind.Property,
        sortText: String(i).padStart(4, "0"),
        ...(type ? { detail: type } : {}),
        ...(doc ? { documentation: { kind: MarkupKind.Markdown, value: doc } } : {}),
        textEdit: { range, newText: collection ? key + ":" : key + ": " },
      });
    });
    if (node && keys.length === 0) {
      // A list of plain values with a fixed set (a sequence entry being typed).
      valuesOf(node).forEach((v) => items.push({ label: String(v), kind: CompletionItemKind.EnumMember, textEdit: { range, newText: String(v) } }));
    }
    return items;
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const lines = sourceLines(doc.getText());
    const at = keyAt(lines, params.position.line, params.position.character);
    if (!at) return null;
    const { schema } = schemaFor(lines);
    const node = schema && nodeAtPath(schema, at.path);
    const text = (node && docOf(node)) ?? (at.path.length === 1 ? HEADER_DOCS[at.key] : undefined);
    if (!text) return null;
    const type = node && typeOf(node);
    return {
      contents: { kind: MarkupKind.Markdown, value: `**${at.key}**${type ? ` (${type})` : ""}\n\n${text}` },
      range: { start: { line: params.position.line, character: at.token.col }, end: { line: params.position.line, character: at.token.end } },
    };
  });

  connection.onDefinition((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const lines = sourceLines(doc.getText());
    const at = keyAt(lines, params.position.line, params.position.character);
    if (!at || !(at.key === "local" || at.key.endsWith("_local")) || at.token.value === "") return null;
    const dir = filesDirFor(params.textDocument.uri);
    if (!dir) return null;
    const target = resolve(dir, unquote(at.token.value));
    // Only inside the files directory, as the compiler allows.
    const rel = relative(dir, target);
    if (rel.startsWith(".." + sep) || rel === ".." || isAbsolute(rel)) return null;
    if (!existsSync(target) || !statSync(target).isFile()) return null;
    const zero = { line: 0, character: 0 };
    return { uri: pathToFileURL(target).href, range: { start: zero, end: zero } };
  });

  connection.onCodeAction((params): CodeAction[] => {
    const st = state.get(params.textDocument.uri);
    const doc = documents.get(params.textDocument.uri);
    if (!st || !doc || st.version !== doc.version) return [];
    const actions: CodeAction[] = [];
    for (const { range, fix } of st.fixes) {
      if (!overlaps(range, params.range)) continue;
      const diagnostics = params.context.diagnostics.filter((d) => overlaps(d.range, range) && d.source === "butane");
      actions.push({
        title: `Change to "${fix.replacement}"`,
        kind: CodeActionKind.QuickFix,
        isPreferred: true,
        diagnostics,
        edit: { changes: { [params.textDocument.uri]: [{ range, newText: fix.replacement }] } },
      });
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}
