import type { QueryClient } from "@tanstack/react-query";
import { serversQuery } from "@/web/lib/app-queries";
import { selectedServer } from "@/web/lib/server-selection";
import { currentServerQuery, serversListQuery } from "./servers-api";
import type { ServersSearch } from "./servers-search";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: ServersSearch): void {
  void qc.prefetchQuery(serversQuery);
  void qc.prefetchQuery(serversListQuery(search.name));
  void qc.prefetchQuery(currentServerQuery(selectedServer.get()));
}
