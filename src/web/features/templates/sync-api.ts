import type { StudioState } from "@/contract/api/template-studio";
import { templatesList } from "@/contract/postmark/templates";
import { isApiError } from "@/web/lib/api-error";
import { callPostmark } from "@/web/lib/postmark-queries";
import { contentOfTexts, textsOfTemplate } from "./lib/form-content";
import type { PlanRow } from "./lib/plan";
import type { TemplateFile } from "./lib/template-files";
import { createTemplate, observeTemplate, saveTemplate } from "./studio-api";
import type { TemplatesList } from "./templates-api";

/** Runs `work` over `items`, a few at a time (Postmark and the browser both prefer that to a burst). */
export async function inBatches<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  size = 4,
  onDone?: (n: number) => void,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
    onDone?.(out.length);
  }
  return out;
}

/** Every template and layout of a server, opened through the studio (each version it sees is filed). */
export async function readServerTemplates(
  serverId: number | null,
  onProgress?: (done: number, total: number) => void,
): Promise<StudioState[]> {
  const all: TemplatesList["Templates"] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await callPostmark<TemplatesList>(
      templatesList,
      { query: { Count: 500, Offset: offset, TemplateType: "All" } },
      serverId,
    );
    all.push(...page.Templates);
    if (page.Templates.length < 500 || all.length >= page.TotalCount) break;
  }
  onProgress?.(0, all.length);
  return inBatches(
    all,
    (t) => observeTemplate({ serverId, templateIdOrAlias: String(t.TemplateId), source: "seen" }),
    4,
    (n) => onProgress?.(n, all.length),
  );
}

export const byAlias = (states: readonly StudioState[]) =>
  new Map(states.filter((s) => s.template.Alias).map((s) => [s.template.Alias!.toLowerCase(), s]));

export type RowResult = { ok: true; state: StudioState } | { ok: false; error: unknown };

/** Creates or updates one template on the destination; an update names the version seen in the preview, so a change since then is a conflict, not an overwrite. */
export async function applyRow(
  serverId: number | null,
  row: PlanRow,
  source: "pushed" | "imported",
): Promise<RowResult> {
  const content = contentOfTexts(textsOfTemplate(row.incoming));
  try {
    const state = row.existing
      ? await saveTemplate({
          serverId,
          templateId: row.existing.template.TemplateId,
          baseHash: row.existing.hash,
          content,
          source,
        })
      : await createTemplate({ serverId, content, TemplateType: row.incoming.TemplateType, source });
    return { ok: true, state };
  } catch (error) {
    return { ok: false, error };
  }
}

export const fileOf = (s: StudioState): TemplateFile => ({ ...s.template });
export const isNotFound = (e: unknown) => isApiError(e) && e.postmarkCode === 1101;
