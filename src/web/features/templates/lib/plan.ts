import type { StudioState } from "@/contract/api/template-studio";
import { sameTexts, textsOfTemplate } from "./form-content";
import type { TemplateFile } from "./template-files";

/** One incoming template (from another server or a file) against what the destination has. */
export interface PlanRow {
  key: string;
  incoming: TemplateFile;
  existing: StudioState | null;
  action: "create" | "update" | "unchanged" | "type-mismatch";
}

/** Layouts first, so templates that use a new layout find it. */
export function planRows(incoming: readonly TemplateFile[], existing: ReadonlyMap<string, StudioState>): PlanRow[] {
  return incoming
    .map((t, i): PlanRow => {
      const found = t.Alias ? (existing.get(t.Alias.toLowerCase()) ?? null) : null;
      const key = t.Alias ?? `#${i}:${t.Name}`;
      if (!found) return { key, incoming: t, existing: null, action: "create" };
      if (found.template.TemplateType !== t.TemplateType)
        return { key, incoming: t, existing: found, action: "type-mismatch" };
      return {
        key,
        incoming: t,
        existing: found,
        action: sameTexts(textsOfTemplate(found.template), textsOfTemplate(t)) ? "unchanged" : "update",
      };
    })
    .sort((a, b) => Number(b.incoming.TemplateType === "Layout") - Number(a.incoming.TemplateType === "Layout"));
}
