import type { QueryClient } from "@tanstack/react-query";
import { sendersListQuery } from "./senders-api";
import type { SendersSearch } from "./senders-search";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: SendersSearch): void {
  void qc.prefetchQuery(sendersListQuery(search.page));
}
