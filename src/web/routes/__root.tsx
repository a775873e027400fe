import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Outlet } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { NotFound } from "@/web/components/not-found";
import { themeStore } from "@/web/lib/theme";
import { useToasterWanted } from "@/web/lib/toast";

const Toaster = lazy(() => import("sonner").then((m) => ({ default: m.Toaster })));

export interface RouterContext {
  queryClient: QueryClient;
}

function Root() {
  const theme = themeStore.use();
  const toasts = useToasterWanted();
  return (
    <>
      <Outlet />
      {toasts && (
        <Suspense fallback={null}>
          <Toaster theme={theme} richColors closeButton position="bottom-right" />
        </Suspense>
      )}
    </>
  );
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: Root,
  notFoundComponent: NotFound,
});
