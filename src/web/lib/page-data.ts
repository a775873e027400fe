import type { QueryClient } from "@tanstack/react-query";
import type { PreloadDeps, PreloadPage } from "@/web/features/page-preloads";

/**
 * A route loader that starts the page's first queries (features/page-preloads) without holding the
 * navigation: on hover (intent preload) the data is often in the cache by the click. The page's
 * own queries show pending and error states as before; a failed preload only leaves them to fetch.
 */
export function pageData<P extends PreloadPage>(page: P) {
  return ({ context, deps }: { context: { queryClient: QueryClient }; deps: PreloadDeps<P> }): void =>
    void import("@/web/features/page-preloads")
      .then((m) => m.preloadPage(page, context.queryClient, deps))
      .catch(() => undefined);
}
