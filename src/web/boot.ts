import type { SessionResponse } from "@/contract/api/auth";
import { fetchSession } from "@/web/lib/auth-api";

/** What the session probe found out before anything else loads. */
export type SessionProbe =
  | { state: "signed-in"; session: SessionResponse }
  | { state: "signed-out" }
  // The probe failed (network, 5xx): the app handles that as it always has.
  | { state: "unknown" };

export type BootPlan =
  | { show: "app" }
  /** `url`: where the address bar must go first (the same `/sign-in?redirect=` the app's guard uses). */
  | { show: "sign-in"; redirect: string | undefined; url: string | undefined };

export interface BootLocation {
  pathname: string;
  search: string;
  hash: string;
}

export async function probeSession(): Promise<SessionProbe> {
  try {
    const session = await fetchSession();
    return session ? { state: "signed-in", session } : { state: "signed-out" };
  } catch {
    return { state: "unknown" };
  }
}

/**
 * Without a session every page of the app sends the visitor to sign-in and back afterwards, so the
 * boot entry shows the form itself and loads the app (router, queries, shell) only when needed.
 */
export function planBoot(where: BootLocation, probe: SessionProbe): BootPlan {
  if (probe.state !== "signed-out") return { show: "app" };
  if (where.pathname.replace(/\/+$/, "") === "/sign-in") {
    const redirect = new URLSearchParams(where.search).get("redirect") ?? undefined;
    return { show: "sign-in", redirect, url: undefined };
  }
  const redirect = `${where.pathname}${where.search}${where.hash}`;
  return { show: "sign-in", redirect, url: `/sign-in?${new URLSearchParams({ redirect })}` };
}
