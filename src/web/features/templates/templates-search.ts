import { optionalOneOf, optionalPositiveInt, searchSchema } from "@/web/lib/search-params";

export const templateTypeFilters = ["All", "Standard", "Layout"] as const;
export type TemplateTypeFilter = (typeof templateTypeFilters)[number];

/** Templates in the URL: which type (TemplateType filter; absent means All) and the page. */
export const templatesSearch = searchSchema({
  type: optionalOneOf(templateTypeFilters),
  page: optionalPositiveInt(),
});
export type TemplatesSearch = ReturnType<typeof templatesSearch.parse>;
