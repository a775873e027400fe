import type { LoginRequest, SessionResponse } from "@/contract/api/auth";
import { apiRequest } from "./api-client";
import { isApiError } from "./api-error";

// Plain calls without TanStack Query: the boot entry and the sign-in page load without it.

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    return await apiRequest<SessionResponse>("/api/auth/session");
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export function login(input: LoginRequest): Promise<SessionResponse> {
  return apiRequest<SessionResponse>("/api/auth/login", { method: "POST", body: input });
}

export function logout(): Promise<unknown> {
  return apiRequest("/api/auth/logout", { method: "POST" });
}
