// Completion and hover in the playground's Butane editor, from the generated schemas
// (schemas/butane/*.json folded into one table at build time; see schema-table.ts).
// The table is a separate chunk, fetched the first time the editor asks for it, so it
// costs the page's first output nothing.
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import type { Extension } from "@codemirror/state";
import { hoverTooltip } from "@codemirror/view";
import { hoverDoc, suggestions, type SchemaTable } from "./schema-table";

let table: Promise<SchemaTable | undefined> | undefined;

function loadTable(): Promise<SchemaTable | undefined> {
  // Offline without the chunk cached, the editor simply has no completion.
  table ??= import("butane:schema-table").then((m) => m.default as SchemaTable).catch(() => undefined);
  return table;
}

/** Markdown to DOM, for the little the schema texts use: paragraphs, **bold** and `code`. */
export function renderMarkdown(markdown: string): HTMLElement {
  const box = document.createElement("div");
  box.className = "schema-doc";
  for (const para of markdown.split(/\n\n+/)) {
    const p = document.createElement("p");
    for (const part of para.split(/(`[^`]*`|\*\*[^*]+\*\*)/)) {
      if (part.startsWith("`") && part.endsWith("`") && part.length > 1) {
        const c = document.createElement("code");
        c.textContent = part.slice(1, -1);
        p.append(c);
      } else if (part.startsWith("**") && part.endsWith("**") && part.length > 3) {
        const b = document.createElement("strong");
        b.textContent = part.slice(2, -2);
        p.append(b);
      } else if (part) p.append(part);
    }
    box.append(p);
  }
  return box;
}

/** The editor extensions; `active` says whether the editor holds Butane (not Ignition JSON). */
export function schemaAssist(active: () => boolean): Extension[] {
  const complete = async (ctx: CompletionContext): Promise<CompletionResult | null> => {
    if (!active()) return null;
    const t = await loadTable();
    if (!t) return null;
    const text = ctx.state.doc.toString();
    const found = suggestions(t, text, ctx.pos);
    if (!found || found.options.length === 0) return null;
    // Unprompted, offer something only once a word is started or after "key: ";
    // Ctrl-Space asks anywhere.
    const lineBefore = text.slice(text.lastIndexOf("\n", ctx.pos - 1) + 1, ctx.pos);
    if (!ctx.explicit && found.from === ctx.pos && !/:\s+$/.test(lineBefore)) return null;
    // A value or key typed out in full needs no popup (which would take the Enter that ends the line).
    const typed = text.slice(found.from, ctx.pos);
    if (!ctx.explicit && found.options.some((o) => o.label === typed)) return null;
    return {
      from: found.from,
      validFor: /^[\w.-]*$/,
      options: found.options.map((o) => ({
        label: o.label,
        apply: o.apply,
        type: o.type,
        ...(o.detail ? { detail: o.detail } : {}),
        ...(o.info ? { info: () => renderMarkdown(o.info!) } : {}),
      })),
    };
  };
  const hover = hoverTooltip(async (view, pos) => {
    if (!active()) return null;
    const t = await loadTable();
    if (!t) return null;
    const h = hoverDoc(t, view.state.doc.toString(), pos);
    if (!h) return null;
    return { pos: h.from, end: h.to, above: true, create: () => ({ dom: renderMarkdown(h.markdown) }) };
  });
  return [autocompletion({ override: [complete], icons: false }), hover];
}
