import { queryOptions, useQuery } from "@tanstack/react-query";
import type { LoginRequest, SessionResponse } from "@/contract/api/auth";
import { apiRequest } from "./api-client";
import { isApiError } from "./api-error";

export const sessionKey = ["session"] as const;

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async (): Promise<SessionResponse | null> => {
    try {
      return await apiRequest<SessionResponse>("/api/auth/session");
    } catch (e) {
      if (isApiError(e) && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 60_000,
  meta: { silent: true },
});

export function login(input: LoginRequest): Promise<SessionResponse> {
  return apiRequest<SessionResponse>("/api/auth/login", { method: "POST", body: input });
}

export function logout(): Promise<unknown> {
  return apiRequest("/api/auth/logout", { method: "POST" });
}

/** The signed-in user; inside the app layout a session always exists. */
export function useSessionUser(): SessionResponse["user"] | null {
  return useQuery(sessionQuery).data?.user ?? null;
}
