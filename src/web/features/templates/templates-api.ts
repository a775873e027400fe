import {
  templatesCreate,
  templatesDelete,
  templatesGet,
  templatesList,
  templatesUpdate,
  templatesValidate,
} from "@/contract/postmark/templates";
import type { PageWindow } from "@/web/lib/paging";
import { postmarkQueryOptions, type AnswerOf } from "@/web/lib/postmark-queries";
import type { TemplateTypeFilter } from "./templates-search";

export type TemplatesList = AnswerOf<typeof templatesList>;
export type TemplateFull = AnswerOf<typeof templatesGet>;
export type ValidateResult = AnswerOf<typeof templatesValidate>;
export { templatesCreate, templatesDelete, templatesUpdate };

export const TEMPLATES_PAGE_SIZE = 50;

export function templatesQuery(serverId: number | null, type: TemplateTypeFilter, window: PageWindow) {
  return {
    ...postmarkQueryOptions(
      templatesList,
      { query: { Count: window.count, Offset: window.offset, TemplateType: type } },
      serverId,
    ),
    meta: { silent: true },
  };
}

/** Every layout, for the editor's layout picker. */
export function layoutsQuery(serverId: number | null) {
  return {
    ...postmarkQueryOptions(templatesList, { query: { Count: 500, Offset: 0, TemplateType: "Layout" } }, serverId),
    meta: { silent: true },
  };
}

export function templateQuery(serverId: number | null, idOrAlias: string) {
  return {
    ...postmarkQueryOptions(templatesGet, { params: { templateIdOrAlias: idOrAlias } }, serverId),
    meta: { silent: true },
  };
}

export function validateQuery(serverId: number | null, body: Record<string, unknown>) {
  return { ...postmarkQueryOptions(templatesValidate, { body }, serverId), meta: { silent: true } };
}

/** The templates that use a layout (Postmark's list filtered by LayoutTemplate). */
export function layoutUsersQuery(serverId: number | null, alias: string) {
  return {
    ...postmarkQueryOptions(
      templatesList,
      { query: { Count: 500, Offset: 0, TemplateType: "All", LayoutTemplate: alias } },
      serverId,
    ),
    meta: { silent: true },
  };
}
