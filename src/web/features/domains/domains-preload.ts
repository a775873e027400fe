import type { QueryClient } from "@tanstack/react-query";
import { domainsListQuery } from "./domains-api";
import type { DomainsSearch } from "./domains-search";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: DomainsSearch): void {
  void qc.prefetchQuery(domainsListQuery(search.page));
}
