// `butane --report=sarif`: the diagnostics as a SARIF 2.1.0 log, the format code
// scanning services (GitHub, GitLab, Azure DevOps) turn into annotations on the
// changed lines. One run, one artifact (the input file), one rule per diagnostic code.
// Columns are code points (declared with `columnKind`), matching the plain output.

import type { Diagnostic, Severity } from "../core/report";
import { PACKAGE_VERSION, REFERENCE_VERSION } from "../core/version";
import { reportItems, type ReportInput, type ReportItem } from "./report-json";

export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** A relative or absolute file name as a URI reference (each segment percent-encoded). */
export function fileUri(file: string): string {
  const slashed = file.replace(/\\/g, "/");
  // A Windows drive ("C:/x") keeps its colon: file:///C:/x.
  const drive = /^[A-Za-z]:\//.exec(slashed)?.[0] ?? "";
  const path = slashed.slice(drive.length).split("/").map((s) => encodeURIComponent(s)).join("/");
  if (drive) return "file:///" + drive + path;
  return slashed.startsWith("/") ? "file://" + path : path;
}

type Json = Record<string, unknown>;

function region(item: { line?: number; column?: number; endLine?: number; endColumn?: number }): Json | undefined {
  if (item.line === undefined) return undefined;
  const r: Json = { startLine: item.line };
  if (item.column !== undefined) r.startColumn = item.column;
  if (item.endLine !== undefined) r.endLine = item.endLine;
  if (item.endColumn !== undefined) r.endColumn = item.endColumn;
  return r;
}

export interface SarifInput extends ReportInput {
  /** The exit status the command ends with. */
  exitCode: number;
}

export function sarifLog(r: SarifInput): Json {
  const items = reportItems(r.diagnostics, r.source, r.fixes);
  const artifact: Json = r.file !== undefined ? { uri: fileUri(r.file) } : { description: { text: "standard input" } };
  const rules: Json[] = [];
  const ruleIndex = new Map<string, number>();
  for (const item of items) {
    if (ruleIndex.has(item.code)) continue;
    ruleIndex.set(item.code, rules.length);
    rules.push({ id: item.code, defaultConfiguration: { level: LEVEL[item.severity] } });
  }
  const results = items.map((item) => result(item, ruleIndex.get(item.code)!, artifact, r.file !== undefined));
  const invocation: Json = { executionSuccessful: r.error === undefined || r.diagnostics.length > 0, exitCode: r.exitCode };
  // A failure that no diagnostic explains (a file that cannot be read) is a notification.
  if (r.error !== undefined && !r.diagnostics.some((d: Diagnostic) => d.severity === "error")) {
    invocation.toolExecutionNotifications = [{ level: "error", message: { text: r.error } }];
  }
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "butane-ts",
            version: PACKAGE_VERSION,
            semanticVersion: PACKAGE_VERSION,
            fullName: `butane-ts ${PACKAGE_VERSION} (follows Butane ${REFERENCE_VERSION})`,
            rules,
          },
        },
        artifacts: [{ location: artifact, sourceLanguage: "yaml" }],
        columnKind: "unicodeCodePoints",
        invocations: [invocation],
        results,
      },
    ],
  };
}

function result(item: ReportItem, ruleIndex: number, artifact: Json, hasUri: boolean): Json {
  const physical: Json = { artifactLocation: { ...artifact, index: 0 } };
  const reg = region(item);
  if (reg) physical.region = reg;
  const res: Json = {
    ruleId: item.code,
    ruleIndex,
    level: LEVEL[item.severity],
    message: { text: item.message },
    locations: [{ physicalLocation: physical, logicalLocations: [{ fullyQualifiedName: item.path, kind: "property" }] }],
  };
  if (item.fix && hasUri) {
    res.fixes = [
      {
        description: { text: item.fix.message },
        artifactChanges: [
          {
            artifactLocation: { ...artifact, index: 0 },
            replacements: [{ deletedRegion: region(item.fix), insertedContent: { text: item.fix.replacement } }],
          },
        ],
      },
    ];
  }
  return res;
}

export function formatSarif(r: SarifInput): string {
  return JSON.stringify(sarifLog(r), null, 2) + "\n";
}
