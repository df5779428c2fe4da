// The Butane playground: an editor for Butane YAML whose Ignition output, diagnostics
// and password hashes are all computed in this page, with the library's browser entry.
import "./style.css";
performance.mark("butane:script-start");
import { EditorState, type Extension } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics, type Diagnostic as EditorDiagnostic } from "@codemirror/lint";
import {
  PACKAGE_VERSION,
  REFERENCE_VERSION,
  decompile,
  bundle,
  listVariants,
  loadHash,
  readPickedFiles,
  translate,
  validateIgnition,
  type Diagnostic,
  type MemoryFiles,
} from "../src/browser";
import { schemaAssist } from "./assist";
import { declaredVersion, spanAt, withVersion } from "./positions";
import { DECOMPILE_STARTER } from "./decompile-starter";
import { TEMPLATES } from "./templates";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const STORAGE_KEY = "butane-playground:v1";
const DEBOUNCE_MS = 150;

type Mode = "butane" | "bundle" | "ignition" | "decompile";
/** Modes whose editor holds a Butane config (the bundle mode writes Butane with its files inlined). */
const editsButane = (m: Mode) => m === "butane" || m === "bundle";
interface Saved {
  mode: Mode;
  butane: string;
  ignition: string;
  /** The Ignition config of the Ignition → Butane direction, and the variant to write. */
  decompile: string;
  targetVariant: string;
  pretty: boolean;
  strict: boolean;
  raw: boolean;
}

const IGNITION_STARTER = `{
  "ignition": { "version": "3.4.0" },
  "storage": {
    "files": [{ "path": "etc/hostname", "contents": { "source": "data:,node1" } }]
  }
}
`;

function loadSaved(): Saved {
  const fallback: Saved = {
    mode: "butane",
    butane: TEMPLATES[0]!.text,
    ignition: IGNITION_STARTER,
    decompile: DECOMPILE_STARTER,
    targetVariant: "fcos",
    pretty: true,
    strict: false,
    raw: false,
  };
  try {
    const s = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as Partial<Saved> | null;
    return s ? { ...fallback, ...s } : fallback;
  } catch {
    return fallback;
  }
}

const saved = loadSaved();
/** The editor's text for each mode. */
const docFor = (m: Mode) => (editsButane(m) ? saved.butane : m === "ignition" ? saved.ignition : saved.decompile);
let mode: Mode = saved.mode;
let files: { name: string; files: MemoryFiles; count: number } | undefined;
let lastOutput = "";
let timer: ReturnType<typeof setTimeout> | undefined;
let firstOutputMarked = false;

// ---- editor ----------------------------------------------------------------

const baseExtensions: Extension[] = [
  lineNumbers(),
  highlightActiveLineGutter(),
  foldGutter(),
  lintGutter(),
  highlightSpecialChars(),
  history(),
  drawSelection(),
  indentOnInput(),
  bracketMatching(),
  highlightActiveLine(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
  yaml(),
  schemaAssist(() => editsButane(mode)),
  EditorState.tabSize.of(2),
  EditorView.updateListener.of((u) => {
    if (u.docChanged) schedule();
  }),
  EditorView.contentAttributes.of({ "aria-label": "Config source", spellcheck: "false" }),
  EditorView.theme({
    "&": { flex: "1", height: "100%", minWidth: "0", backgroundColor: "#fff" },
    "&.cm-focused": { outline: "none" },
    ".cm-scroller": { fontFamily: "var(--mono)", fontSize: "13px" },
    // The lint extension draws its underlines and gutter icons as data: SVG images,
    // which the page's CSP (img-src 'self') refuses; plain CSS instead.
    ".cm-lintRange-error, .cm-lintRange-warning, .cm-lintRange-info, .cm-lintRange-hint": {
      backgroundImage: "none",
      textDecorationLine: "underline",
      textDecorationStyle: "wavy",
      textDecorationSkipInk: "none",
      textUnderlineOffset: "3px",
    },
    ".cm-lintRange-error": { textDecorationColor: "#e11" },
    ".cm-lintRange-warning": { textDecorationColor: "orange" },
    ".cm-lintRange-info": { textDecorationColor: "#999" },
    ".cm-lintRange-hint": { textDecorationColor: "#66d" },
    ".cm-lint-marker": { content: "normal", boxSizing: "border-box", width: "0.8em", height: "0.8em", margin: "0.1em" },
    ".cm-lint-marker-error": { content: "normal", borderRadius: "50%", background: "#f87", border: "2px solid #f43" },
    ".cm-lint-marker-warning": { content: "normal", background: "#fb0", clipPath: "polygon(50% 0, 100% 100%, 0 100%)" },
    ".cm-lint-marker-info": { content: "normal", background: "#aaf", border: "2px solid #77e" },
    ".schema-doc": { maxWidth: "32em", padding: "2px 8px", fontFamily: "var(--sans, sans-serif)", fontSize: "12px" },
    ".schema-doc p": { margin: "4px 0" },
    ".schema-doc code": { fontFamily: "var(--mono)", background: "#f3f3f3", padding: "0 2px" },
  }),
];

// The editor lives in a shadow root: there CodeMirror's styles go into a constructed
// style sheet rather than a <style> element, which the page's CSP (style-src 'self',
// no 'unsafe-inline') would block.
const editorRoot = $("editor").attachShadow({ mode: "open" });
const view = new EditorView({
  parent: editorRoot,
  root: editorRoot,
  state: EditorState.create({ doc: docFor(mode), extensions: baseExtensions }),
});

/** Replaces the document with `text`, changing only the part that differs (keeps the cursor and undo useful). */
function setText(text: string): void {
  const old = view.state.doc.toString();
  if (old === text) return;
  let start = 0;
  while (start < old.length && start < text.length && old[start] === text[start]) start++;
  let endOld = old.length, endNew = text.length;
  while (endOld > start && endNew > start && old[endOld - 1] === text[endNew - 1]) endOld--, endNew--;
  view.dispatch({ changes: { from: start, to: endOld, insert: text.slice(start, endNew) } });
}

// ---- controls --------------------------------------------------------------

const modeSelect = $<HTMLSelectElement>("mode");
const templateSelect = $<HTMLSelectElement>("template");
const versionSelect = $<HTMLSelectElement>("version");
const targetSelect = $<HTMLSelectElement>("target-variant");
const prettyBox = $<HTMLInputElement>("pretty");
const strictBox = $<HTMLInputElement>("strict");
const rawBox = $<HTMLInputElement>("raw");
const output = $<HTMLPreElement>("output");
const status = $<HTMLSpanElement>("status");
const copyButton = $<HTMLButtonElement>("copy");
const downloadButton = $<HTMLButtonElement>("download");
const diagList = $<HTMLUListElement>("diag-list");
const diagCount = $<HTMLSpanElement>("diag-count");

modeSelect.value = mode;
prettyBox.checked = saved.pretty;
strictBox.checked = saved.strict;
rawBox.checked = saved.raw;
document.body.dataset.mode = mode;
$("about").textContent = `butane-ts ${PACKAGE_VERSION}, following Go butane ${REFERENCE_VERSION}`;

for (const t of TEMPLATES) templateSelect.add(new Option(t.title, t.id));

const variants = listVariants();
const byVariant = new Map<string, string[]>();
for (const v of variants) byVariant.set(v.variant, [...(byVariant.get(v.variant) ?? []), v.version]);
for (const [variant, versions] of byVariant) {
  const group = document.createElement("optgroup");
  group.label = variant;
  for (const version of versions) group.append(new Option(`${variant} ${version}`, `${variant} ${version}`));
  versionSelect.append(group);
}
for (const variant of byVariant.keys()) targetSelect.add(new Option(variant, variant));
targetSelect.value = byVariant.has(saved.targetVariant) ? saved.targetVariant : "fcos";
const otherOption = new Option("(as written in the config)", "");
versionSelect.prepend(otherOption);

function syncVersionPicker(text: string): void {
  const d = declaredVersion(text);
  const value = `${d.variant ?? ""} ${d.version ?? ""}`;
  versionSelect.value = variants.some((v) => `${v.variant} ${v.version}` === value) ? value : "";
}

function persist(): void {
  const text = view.state.doc.toString();
  if (editsButane(mode)) saved.butane = text;
  else if (mode === "ignition") saved.ignition = text;
  else saved.decompile = text;
  saved.targetVariant = targetSelect.value;
  saved.mode = mode;
  saved.pretty = prettyBox.checked;
  saved.strict = strictBox.checked;
  saved.raw = rawBox.checked;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
  } catch {
    // storage full or disabled: the playground works without it
  }
}

// ---- translation -----------------------------------------------------------

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(run, DEBOUNCE_MS);
  // Shown results are older than the text until run() catches up (tests wait on this).
  document.body.dataset.pending = "true";
}

function severityOf(s: Diagnostic["severity"]): EditorDiagnostic["severity"] {
  return s === "error" ? "error" : s === "warning" ? "warning" : "info";
}

interface Shown {
  severity: Diagnostic["severity"];
  message: string;
  path?: string;
  line?: number;
  column?: number;
}

function show(shown: Shown[], outputText: string, ok: boolean, summary: string): void {
  const doc = view.state.doc;
  const marks: EditorDiagnostic[] = [];
  diagList.replaceChildren();
  for (const d of shown) {
    const span = spanAt(doc, d.line, d.column, editsButane(mode) ? "chars" : "bytes");
    if (span) marks.push({ from: span.from, to: span.to, severity: severityOf(d.severity), message: d.message, source: d.path });
    const li = document.createElement("li");
    li.className = `diag ${d.severity}`;
    const where = d.line !== undefined ? `${d.line}:${d.column ?? 1}` : "";
    const pos = document.createElement(span ? "button" : "span");
    pos.className = "pos";
    pos.textContent = where || "—";
    if (span && pos instanceof HTMLButtonElement) {
      pos.type = "button";
      pos.title = "Show in the editor";
      pos.addEventListener("click", () => {
        view.dispatch({ selection: { anchor: span.from, head: span.to }, scrollIntoView: true });
        view.focus();
      });
    }
    const sev = document.createElement("span");
    sev.className = "sev";
    sev.textContent = d.severity;
    const msg = document.createElement("span");
    msg.className = "msg";
    msg.textContent = d.message;
    li.append(pos, sev, msg);
    if (d.path && d.path !== "$") {
      const path = document.createElement("code");
      path.className = "path";
      path.textContent = d.path;
      li.append(path);
    }
    diagList.append(li);
  }
  view.dispatch(setDiagnostics(view.state, marks));
  diagCount.textContent = shown.length ? `(${shown.length})` : "";
  document.body.dataset.diagnostics = String(shown.length);

  lastOutput = ok ? outputText : "";
  output.textContent = outputText;
  output.classList.toggle("failed", !ok);
  copyButton.disabled = downloadButton.disabled = !ok || mode === "ignition";
  downloadButton.textContent = mode === "decompile" || mode === "bundle" ? "Download .bu" : ok && mode === "butane" && !isIgnition(outputText) ? "Download .yaml" : "Download .ign";
  status.textContent = summary;
  status.className = ok ? "ok" : "failed";
}

function run(): void {
  clearTimeout(timer);
  delete document.body.dataset.pending;
  const text = view.state.doc.toString();
  const t0 = performance.now();
  if (mode === "bundle") {
    syncVersionPicker(text);
    // The same config with every local file (from the files directory picked above) written into it.
    const r = bundle(text, { ...(files ? { filesDir: files.files } : {}) });
    const ms = performance.now() - t0;
    const shown: Shown[] = r.report.map((d) => ({ ...d }));
    if (r.error !== undefined && !r.report.some((d) => d.severity === "error")) shown.push({ severity: "error", message: r.error });
    if (r.output !== undefined) show(shown, r.output, true, `bundled in ${ms.toFixed(1)} ms`);
    else show(shown, `Error bundling config: ${r.error ?? "unknown error"}`, false, `failed after ${ms.toFixed(1)} ms`);
  } else if (mode === "butane") {
    syncVersionPicker(text);
    const r = translate(text, {
      pretty: prettyBox.checked,
      strict: strictBox.checked,
      raw: rawBox.checked,
      ...(files ? { filesDir: files.files } : {}),
    });
    const ms = performance.now() - t0;
    const shown: Shown[] = r.report.map((d) => ({ ...d }));
    // An error that stops translation early (YAML syntax, a type mismatch, an unknown
    // version) is in the report with its position; other failures (--strict) are listed
    // as they are.
    if (r.error !== undefined && !r.report.some((d) => d.severity === "error")) shown.push({ severity: "error", message: r.error });
    if (r.ok) {
      const warnings = r.report.length ? `, ${r.report.length} warning${r.report.length > 1 ? "s" : ""}` : "";
      show(shown, r.output, true, `translated in ${ms.toFixed(1)} ms${warnings}`);
    } else {
      show(shown, `Error translating config: ${r.error}`, false, `failed after ${ms.toFixed(1)} ms`);
    }
  } else if (mode === "decompile") {
    const r = decompile(text, { variant: targetSelect.value });
    const ms = performance.now() - t0;
    if (r.ok) {
      const warnings = r.report.length ? `, ${r.report.length} warning${r.report.length > 1 ? "s" : ""}` : "";
      show(r.report, r.yaml, true, `decompiled in ${ms.toFixed(1)} ms${warnings}`);
    } else {
      const shown: Shown[] = r.report.map((d) => ({ ...d }));
      if (!r.report.some((d) => d.severity === "error")) shown.push({ severity: "error", message: r.error });
      show(shown, `Error decompiling config: ${r.error}`, false, `failed after ${ms.toFixed(1)} ms`);
    }
  } else {
    const r = validateIgnition(text);
    const ms = performance.now() - t0;
    const summary = r.valid
      ? `valid Ignition ${r.version ?? ""} config (${ms.toFixed(1)} ms)`
      : `not a valid Ignition config (${ms.toFixed(1)} ms)`;
    show(r.report, r.valid ? `OK: Ignition spec ${r.version}${r.report.length ? ", with warnings" : ""}` : "Invalid config", r.valid, summary);
  }
  persist();
  if (!firstOutputMarked) {
    firstOutputMarked = true;
    performance.mark("butane:first-output");
    document.body.dataset.ready = "true";
  }
}

// ---- control events --------------------------------------------------------

modeSelect.addEventListener("change", () => {
  persist();
  mode = modeSelect.value as Mode;
  document.body.dataset.mode = mode;
  view.setState(EditorState.create({ doc: docFor(mode), extensions: baseExtensions }));
  run();
});

templateSelect.addEventListener("change", () => {
  const t = TEMPLATES.find((x) => x.id === templateSelect.value);
  templateSelect.value = "";
  if (!t) return;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t.text }, selection: { anchor: 0 } });
  run();
  view.focus();
});

versionSelect.addEventListener("change", () => {
  if (!versionSelect.value) return;
  const [variant, version] = versionSelect.value.split(" ") as [string, string];
  setText(withVersion(view.state.doc.toString(), variant, version));
  run();
});

prettyBox.addEventListener("change", run);
targetSelect.addEventListener("change", run);
strictBox.addEventListener("change", run);
rawBox.addEventListener("change", run);

copyButton.addEventListener("click", async () => {
  await copyText(lastOutput);
  flash(copyButton, "Copied");
});

/** Ignition JSON is a .ign; a wrapped config (an OpenShift MachineConfig) is YAML. */
const isIgnition = (text: string) => text.trimStart().startsWith("{");

downloadButton.addEventListener("click", () => {
  const ign = mode === "butane" && isIgnition(lastOutput);
  const blob = new Blob([lastOutput], { type: ign ? "application/vnd.coreos.ignition+json" : "application/yaml" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = mode === "bundle" ? "bundle.bu" : mode === "decompile" ? "config.bu" : ign ? "config.ign" : "machineconfig.yaml";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
});

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard permission (or no secure context): copy through a hidden text area.
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.className = "offscreen";
    document.body.append(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
}

function flash(button: HTMLButtonElement, text: string): void {
  const old = button.textContent;
  button.textContent = text;
  setTimeout(() => (button.textContent = old), 1200);
}

// ---- files directory -------------------------------------------------------

const filesInput = $<HTMLInputElement>("files");
const filesInfo = $<HTMLSpanElement>("files-info");
const filesClear = $<HTMLButtonElement>("files-clear");

filesInput.addEventListener("change", async () => {
  const list = filesInput.files;
  if (!list || list.length === 0) return;
  const picked = await readPickedFiles(list);
  files = { name: picked.name, files: picked.files, count: picked.files.size };
  filesInfo.textContent = `${picked.name || "files"}: ${picked.files.size} file${picked.files.size === 1 ? "" : "s"}, ${(picked.size / 1024).toFixed(1)} KB (kept in this page)`;
  filesClear.hidden = false;
  filesInput.value = "";
  run();
});

filesClear.addEventListener("click", () => {
  files = undefined;
  filesInfo.textContent = "none";
  filesClear.hidden = true;
  run();
});

// ---- password hashes -------------------------------------------------------

const hashForm = $<HTMLFormElement>("hash-form");
const hashPassword = $<HTMLInputElement>("hash-password");
const hashMethod = $<HTMLSelectElement>("hash-method");
const hashCost = $<HTMLInputElement>("hash-cost");
const hashCostName = $<HTMLSpanElement>("hash-cost-name");
const hashGo = $<HTMLButtonElement>("hash-go");
const hashResult = $<HTMLInputElement>("hash-result");
const hashInsert = $<HTMLButtonElement>("hash-insert");
const hashCopy = $<HTMLButtonElement>("hash-copy");
const hashStatus = $<HTMLParagraphElement>("hash-status");

// Default costs as mkpasswd (and butane-mkpasswd) use them.
const COSTS: Record<string, { name: string; min: number; max: number; value: number }> = {
  yescrypt: { name: "cost", min: 1, max: 11, value: 5 },
  bcrypt: { name: "cost", min: 4, max: 31, value: 5 },
  sha512crypt: { name: "rounds", min: 1000, max: 999_999_999, value: 5000 },
};

function syncCost(): void {
  const c = COSTS[hashMethod.value]!;
  hashCostName.textContent = c.name;
  hashCost.min = String(c.min);
  hashCost.max = String(c.max);
  hashCost.value = String(c.value);
}
hashMethod.addEventListener("change", syncCost);
syncCost();

hashForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  hashGo.disabled = true;
  hashStatus.textContent = "hashing…";
  document.body.dataset.hashing = "true";
  try {
    const t0 = performance.now();
    const hash = await loadHash();
    const result = await hash.hashPassword(hashPassword.value, { method: hashMethod.value, cost: Number(hashCost.value) });
    hashResult.value = result;
    hashInsert.disabled = hashCopy.disabled = false;
    hashStatus.textContent = `${hashMethod.value} hash made in ${(performance.now() - t0).toFixed(0)} ms. The password itself is not kept.`;
    hashPassword.value = "";
  } catch (err) {
    hashStatus.textContent = err instanceof Error ? err.message : String(err);
  } finally {
    hashGo.disabled = false;
    delete document.body.dataset.hashing;
  }
});

hashCopy.addEventListener("click", async () => {
  await copyText(hashResult.value);
  flash(hashCopy, "Copied");
});

hashInsert.addEventListener("click", () => {
  const value = hashResult.value;
  if (!value) return;
  const state = view.state;
  const line = state.doc.lineAt(state.selection.main.head);
  const quoted = JSON.stringify(value);
  const m = /^(\s*(?:-\s+)?password_hash\s*:)/.exec(line.text);
  if (m) {
    // Replace the value of the password_hash on this line.
    view.dispatch({ changes: { from: line.from + m[1]!.length, to: line.to, insert: ` ${quoted}` } });
  } else if (/^\s*-?\s*name\s*:/.test(line.text)) {
    // On a user's `- name:` line: add password_hash below it, at the entry's indentation.
    const indent = /^(\s*)(-\s+)?/.exec(line.text)!;
    const pad = indent[1]! + (indent[2] ? " ".repeat(indent[2].length) : "");
    view.dispatch({ changes: { from: line.to, insert: `\n${pad}password_hash: ${quoted}` } });
  } else {
    view.dispatch(state.replaceSelection(quoted));
  }
  view.focus();
  run();
});

// ---- start -----------------------------------------------------------------

run();

// For automation (the browser tests, or a person at the console): the editor's text.
Object.assign(window, {
  butanePlayground: {
    text: (): string => view.state.doc.toString(),
    setText: (text: string): void => setText(text),
  },
});

if ("serviceWorker" in navigator && location.protocol !== "file:" && !new URLSearchParams(location.search).has("nosw")) {
  // Caches this build's files so that the page works offline once loaded.
  navigator.serviceWorker.register("sw.js").catch(() => {});
}
