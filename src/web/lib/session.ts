import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SessionResponse } from "@/contract/api/auth";
import { fetchSession } from "./auth-api";

export { login, logout } from "./auth-api";

export const sessionKey = ["session"] as const;

/** The signed-in user, or null when there is no session. */
export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: fetchSession,
  staleTime: 60_000,
  meta: { silent: true },
});

/** The signed-in user; inside the app layout a session always exists. */
export function useSessionUser(): SessionResponse["user"] | null {
  return useQuery(sessionQuery).data?.user ?? null;
}
