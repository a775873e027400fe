import type { QueryClient } from "@tanstack/react-query";
import { approvalsListQuery } from "./approvals-api";
import type { ApprovalsSearch } from "./approvals-search";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: ApprovalsSearch): void {
  void qc.prefetchInfiniteQuery(approvalsListQuery(search.status));
}
