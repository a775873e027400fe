import type { QueryClient } from "@tanstack/react-query";
import { pageWindow } from "@/web/lib/paging";
import { selectedServer } from "@/web/lib/server-selection";
import { TEMPLATES_PAGE_SIZE, templatesQuery } from "./templates-api";
import type { TemplatesSearch } from "./templates-search";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: TemplatesSearch): void {
  const window = pageWindow(search.page, TEMPLATES_PAGE_SIZE);
  void qc.prefetchQuery(templatesQuery(selectedServer.get(), search.type ?? "All", window));
}
