import type { QueryClient } from "@tanstack/react-query";
import { sessionQuery } from "@/web/lib/session";
import { usersQuery } from "./settings-api";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: { tab: string }): void {
  const isAdmin = qc.getQueryData(sessionQuery.queryKey)?.user.role === "admin";
  if (search.tab === "users" && isAdmin) void qc.prefetchQuery({ ...usersQuery, meta: { silent: true } });
}
