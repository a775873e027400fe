import type { QueryClient } from "@tanstack/react-query";
import { selectedServer } from "@/web/lib/server-selection";
import { streamsQuery } from "./streams-api";
import type { StreamsSearch } from "./streams-search";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: StreamsSearch): void {
  void qc.prefetchQuery(streamsQuery(selectedServer.get(), search));
}
