import type { QueryClient } from "@tanstack/react-query";
import { alertsListQuery } from "@/web/lib/alerts-api";
import { serversQuery } from "@/web/lib/app-queries";
import type { AlertsSearch } from "./alerts-search";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: AlertsSearch): void {
  void qc.prefetchQuery(serversQuery);
  void qc.prefetchQuery(
    alertsListQuery({ status: search.status, kind: search.kind, server: search.server, rule: search.rule }, 100),
  );
}
