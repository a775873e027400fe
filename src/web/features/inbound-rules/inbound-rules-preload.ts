import type { QueryClient } from "@tanstack/react-query";
import { pageWindow } from "@/web/lib/paging";
import { selectedServer } from "@/web/lib/server-selection";
import { inboundRulesQuery, RULES_PAGE_SIZE } from "./inbound-rules-api";
import type { InboundRulesSearch } from "./inbound-rules-search";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: InboundRulesSearch): void {
  void qc.prefetchQuery(inboundRulesQuery(selectedServer.get(), pageWindow(search.page, RULES_PAGE_SIZE)));
}
