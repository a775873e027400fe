import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { serversQuery } from "@/web/lib/app-queries";

/** Server id → name, for sentences; empty until the list arrives (ids are shown meanwhile). */
export function useServerNames(): ReadonlyMap<number, string> {
  const servers = useQuery({ ...serversQuery, meta: { silent: true } });
  return useMemo(() => new Map((servers.data?.servers ?? []).map((s) => [s.id, s.name])), [servers.data]);
}
