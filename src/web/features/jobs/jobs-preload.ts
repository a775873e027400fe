import type { QueryClient } from "@tanstack/react-query";
import { jobsListQuery } from "@/web/lib/jobs-api";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient): void {
  void qc.prefetchQuery(jobsListQuery({ limit: 50 }));
}
