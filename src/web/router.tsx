import type { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { NotFound } from "@/web/components/not-found";
import { RouteError } from "@/web/components/route-error";
import { RoutePending } from "@/web/components/route-pending";
import { routeTree } from "./routeTree.gen";

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    // Loaders only start TanStack Query prefetches, and Query owns freshness (staleTime): run them on
    // every hover and navigation rather than trusting the router's own 30 s cache of a preload.
    defaultPreloadStaleTime: 0,
    // Each route gets its own boundary: a failing page keeps the shell and the sidebar usable.
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFound,
    defaultPendingComponent: RoutePending,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
