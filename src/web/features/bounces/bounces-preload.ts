import type { QueryClient } from "@tanstack/react-query";
import { jobsListQuery } from "@/web/lib/jobs-api";
import { selectedServer } from "@/web/lib/server-selection";
import { bouncesListQuery, deliveryStatsQuery } from "./bounces-api";
import type { BouncesSearch } from "./bounces-search";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: BouncesSearch): void {
  const serverId = selectedServer.get();
  void qc.prefetchQuery(bouncesListQuery(search, serverId));
  void qc.prefetchQuery(deliveryStatsQuery(serverId));
  void qc.prefetchQuery(jobsListQuery({ kind: "reactivation", serverId, limit: 10 }));
}
