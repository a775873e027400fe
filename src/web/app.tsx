import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import type { Root } from "react-dom/client";
import type { SessionResponse } from "@/contract/api/auth";
import type { HealthResponse } from "@/contract/api/settings";
import { healthQuery } from "@/web/lib/app-queries";
import { createQueryClient } from "@/web/lib/query-client";
import { sessionKey } from "@/web/lib/session";
import { createAppRouter } from "./router";

/** What the boot entry already asked the server, so the app does not ask again. */
export interface AppSeed {
  session?: SessionResponse;
  health?: Promise<HealthResponse>;
}

/** The whole app (router, queries, shell): loaded by the boot entry once a session exists or is unknown. */
export function mountApp(root: Root, seed: AppSeed): void {
  // The 401 handler needs the router, which needs the query client: the handler reads it when called.
  const queryClient = createQueryClient({
    onUnauthenticated: () => {
      queryClient.setQueryData(sessionKey, null);
      if (router.state.location.pathname === "/sign-in") return;
      void router.navigate({ to: "/sign-in", search: { redirect: router.state.location.href } });
    },
  });
  if (seed.session) queryClient.setQueryData(sessionKey, seed.session);
  // The request in flight becomes the query's fetch: the shell's mode badge waits for it.
  const { health } = seed;
  if (health) void queryClient.prefetchQuery({ ...healthQuery, queryFn: () => health });
  const router = createAppRouter(queryClient);
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
