import type { QueryClient } from "@tanstack/react-query";
import { runsQuery, workflowQuery, workflowsQuery } from "./workflows-api";
import type { RunsSearch } from "./workflows-search";

/**
 * The workflows list, then each workflow's details (the list page shows both), started when a link
 * is hovered (intent preload) or followed (issue 17), rather than the details only once the list rendered.
 */
export function preloadList(qc: QueryClient): void {
  void qc
    .fetchQuery(workflowsQuery)
    .then((list) => Promise.all(list.workflows.map((w) => qc.prefetchQuery(workflowQuery(w.id)))))
    .catch(() => undefined);
}

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preloadRuns(qc: QueryClient, search: RunsSearch): void {
  void qc.prefetchQuery(runsQuery(search));
  void qc.prefetchQuery(workflowsQuery);
}
