import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient } from "@/web/lib/query-client";
import { sessionKey } from "@/web/lib/session";
import { startThemeSync } from "@/web/lib/theme";
import { createAppRouter } from "./router";
import "./styles.css";

// The 401 handler needs the router, which needs the query client: the handler reads it when called.
const queryClient = createQueryClient({
  onUnauthenticated: () => {
    queryClient.setQueryData(sessionKey, null);
    if (router.state.location.pathname === "/sign-in") return;
    void router.navigate({ to: "/sign-in", search: { redirect: router.state.location.href } });
  },
});
const router = createAppRouter(queryClient);
startThemeSync();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
